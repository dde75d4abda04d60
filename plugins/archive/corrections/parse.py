"""Read a correction file, reporting every problem with its line.

A correction file is a header (like an article's) and three sections, and
two optional ones:

    ## Claim wording      the claim's own words, each passage quoted with '> '
    ## Debunk wording     optional: how reports of the debunk word it, quoted likewise
    ## Explanation        Markdown: what the material really was, who found it
    ## Evidence           one source a line: '- Publisher, YYYY-MM-DD: [Title](https://...)'
    ## Events             one a line: '- YYYY-MM-DD: What happened — detail (who reported it)'
    ## Images             optional: what each debunked image really was, one entry each:

        ### The convoy still
        - Claimed: what the image was claimed to show
        - Really: what it really was
        - Context: its original context
        - Category: edited-or-cropped   (a key of media.CATEGORIES)
        - Source: https://...            (one line a source; each listed under Evidence)
        - Original-Link: https://...     (optional: where the original can be seen)
"""
from __future__ import annotations

import re
from typing import Callable
from urllib.parse import urlsplit

from ..article_fields import FieldRule, check_date, check_slug, validate
from ..dates import ArchiveDate, parse_date
from ..frontmatter import Document
from ..problems import Problem
from ..slugs import slugify
from .media import check_category
from .model import Correction, Event, Evidence, Image


def _check_rating(value: str) -> str | None:
    # schema.org's reviewRating.alternateName, shown as the verdict's label.
    words = len(value.split())
    return None if words <= 2 else f"rating '{value}' has {words} words; give the verdict in one or two, e.g. False"


CORRECTION_FIELDS: dict[str, FieldRule] = {
    "Title": FieldRule(True, None, "the explainer's headline"),
    "Slug": FieldRule(True, check_slug, "the explainer's address: corrections/<slug>.html"),
    "Date": FieldRule(True, check_date, "when this correction was written"),
    "Claim": FieldRule(True, None, "the claim in a few words, under about 75 characters"),
    "Claimant": FieldRule(True, None, "who made the claim"),
    "Claim-Date": FieldRule(True, check_date, "when the claim was made"),
    "First-Appearance": FieldRule(False, None, "where the claim first appeared, in a few words"),
    "Verdict": FieldRule(True, None, "the verdict in a few words"),
    "Rating": FieldRule(True, _check_rating, "the verdict in one or two words, e.g. False"),
    "Summary": FieldRule(True, None, "one or two sentences: what was claimed and what the material really was"),
    "Include": FieldRule(False, None, "article slugs, comma-separated, that carry the claim whatever the matcher finds"),
    "Exclude": FieldRule(False, None, "article slugs, comma-separated, that never get this correction"),
}

SECTIONS = ("claim wording", "explanation", "evidence")
OPTIONAL_SECTIONS = ("debunk wording", "events", "images")
CLAIM_LENGTH = 75
_SECTION = re.compile(r"^##\s+(?P<name>.+?)\s*$")
_EVENT = re.compile(r"^[-*]\s+(?P<date>[^:]+?):\s*(?P<title>.+?)(?:\s+—\s+(?P<detail>.+?))?(?:\s+\((?P<source>[^()]+)\))?\s*$")
_EVIDENCE = re.compile(r"^[-*]\s+(?P<publisher>[^,]+?),\s*(?P<date>[^:]+?):\s*\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)\s*$")


def _slugs(value: str | None) -> tuple[str, ...]:
    return tuple(s.strip() for s in (value or "").split(",") if s.strip())


def _sections(doc: Document, problems: list[Problem]) -> dict[str, list[tuple[int, str]]]:
    """Body lines by section, each with its line number in the file."""
    found: dict[str, list[tuple[int, str]]] = {}
    current = None
    for offset, line in enumerate(doc.body.split("\n")):
        number = doc.body_line + offset
        heading = _SECTION.match(line)
        if heading:
            current = heading["name"].lower()
            if current not in SECTIONS + OPTIONAL_SECTIONS:
                problems.append(Problem(doc.path, number, f"unknown section '{heading['name']}' (known: Claim wording, Debunk wording, Explanation, Evidence, Events, Images)"))
            elif current in found:
                problems.append(Problem(doc.path, number, f"section '{heading['name']}' is given twice"))
            found.setdefault(current, [])
        elif current is None:
            if line.strip():
                problems.append(Problem(doc.path, number, "text before the first section: start with '## Claim wording'"))
        else:
            found[current].append((number, line))
    for name in SECTIONS:
        if not any(text.strip() for _, text in found.get(name, [])):
            problems.append(Problem(doc.path, doc.body_line, f"missing or empty section '## {name.capitalize()}'"))
    return found


def _passages(lines: list[tuple[int, str]], path: str, problems: list[Problem]) -> tuple[str, ...]:
    passages, current = [], []
    for number, line in lines + [(0, "")]:
        if line.startswith(">"):
            current.append(line[1:].strip())
        elif line.strip():
            problems.append(Problem(path, number, "wording must be quoted: start each line with '> '"))
        elif current:
            passages.append(" ".join(current))
            current = []
    return tuple(passages)


def _dated_items(lines: list[tuple[int, str]], path: str, problems: list[Problem], pattern: re.Pattern,
                 form: str, make: Callable[[re.Match, ArchiveDate], object]) -> tuple:
    """One item a line: each must match `pattern` (else the message `form`)
    and have a date that parses; `make` builds the item or raises ValueError
    with what else is wrong."""
    items = []
    for number, line in lines:
        if not line.strip():
            continue
        match = pattern.match(line.strip())
        if not match:
            problems.append(Problem(path, number, form))
            continue
        try:
            items.append(make(match, parse_date(match["date"])))
        except ValueError as err:
            problems.append(Problem(path, number, str(err)))
    return tuple(items)


def _check_url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"address {value!r} must be an http(s) address"
    return None


def _evidence_item(match: re.Match, date: ArchiveDate) -> Evidence:
    message = _check_url(match["url"])
    if message:
        raise ValueError(message)
    return Evidence(match["publisher"], date, match["title"], match["url"])


def _event_item(match: re.Match, date: ArchiveDate) -> Event:
    if not date.known:
        raise ValueError("an event needs a date: it is placed on the timeline")
    return Event(date, match["title"], match["detail"] or "", match["source"])


#: An image's keys: name -> (required, may be given more than once, what it says).
IMAGE_KEYS: dict[str, tuple[bool, bool, str]] = {
    "Claimed": (True, False, "what the image was claimed to show"),
    "Really": (True, False, "what it really was"),
    "Context": (True, False, "its original context"),
    "Category": (True, False, "how it misleads, a key of media.CATEGORIES"),
    "Source": (True, True, "the address of a source listed under Evidence"),
    "Original-Link": (False, False, "where the original can be seen"),
}
_IMAGE_HEADING = re.compile(r"^###\s+(?P<name>.+?)\s*$")
_IMAGE_FIELD = re.compile(r"^[-*]\s+(?P<key>[A-Za-z-]+):\s*(?P<value>.*?)\s*$")
_IMAGE_FORM = "an image's entry is a '### Name' line, then one '- Key: value' line a field"


def _image_entries(lines: list[tuple[int, str]], path: str, problems: list[Problem]
                   ) -> list[tuple[int, str, dict[str, list[tuple[int, str]]]]]:
    """(line, name, key -> [(line, value)]) for each '### Name' entry, in file order."""
    entries: list = []
    known = {key.lower(): key for key in IMAGE_KEYS}
    for number, line in lines:
        text = line.strip()
        if not text:
            continue
        heading = _IMAGE_HEADING.match(text)
        field = _IMAGE_FIELD.match(text)
        if heading:
            entries.append((number, heading["name"], {}))
        elif not entries or not field:
            problems.append(Problem(path, number, _IMAGE_FORM))
        elif field["key"].lower() not in known:
            problems.append(Problem(path, number, f"unknown image field '{field['key']}' (known: {', '.join(IMAGE_KEYS)})"))
        else:
            key = known[field["key"].lower()]
            given = entries[-1][2].setdefault(key, [])
            if given and not IMAGE_KEYS[key][1]:
                problems.append(Problem(path, number, f"'{key}' is given twice for this image"))
            given.append((number, field["value"]))
    return entries


def _images(lines: list[tuple[int, str]], path: str, problems: list[Problem],
            evidence: tuple[Evidence, ...]) -> tuple[Image, ...]:
    """The Images section: each entry complete, its category known, its
    addresses http(s), and every source one the Evidence section lists (so
    that the explainer can name its publisher and title)."""
    sources = {item.url: item for item in evidence}
    images, anchors = [], {}
    for line, name, fields in _image_entries(lines, path, problems):
        found = len(problems)
        for key, (required, _, meaning) in IMAGE_KEYS.items():
            if required and not any(value for _, value in fields.get(key, [])):
                problems.append(Problem(path, line, f"image '{name}' has no {key.lower()}: add '- {key}: ...' ({meaning})"))
        for number, value in fields.get("Category", []):
            message = check_category(value)
            if message:
                problems.append(Problem(path, number, message))
        for key in ("Source", "Original-Link"):
            for number, value in fields.get(key, []):
                message = _check_url(value) if value else None
                if message:
                    problems.append(Problem(path, number, message))
                elif key == "Source" and value and value not in sources:
                    problems.append(Problem(path, number, f"source {value!r} is not listed under '## Evidence': list it there, then give its address here"))
        anchor = f"image-{slugify(name)}"
        if anchor in anchors:
            problems.append(Problem(path, line, f"image '{name}' has the same name as the one on line {anchors[anchor]}"))
        anchors.setdefault(anchor, line)
        if len(problems) > found:
            continue
        value = {key: given[0][1] for key, given in fields.items()}
        images.append(Image(name, value["Claimed"], value["Really"], value["Context"], value["Category"],
                            tuple(sources[url] for _, url in fields["Source"]), value.get("Original-Link"), anchor))
    return tuple(images)


def read_correction(doc: Document, article_slugs: set[str]) -> tuple[Correction | None, list[Problem]]:
    """The correction a document describes, and every problem found in it."""
    problems = validate(doc, CORRECTION_FIELDS)
    claim = doc.value("claim") or ""
    if len(claim) > CLAIM_LENGTH:
        problems.append(Problem(doc.path, doc.line_of("claim"), f"claim is {len(claim)} characters; keep it under {CLAIM_LENGTH}"))
    for field in ("include", "exclude"):
        for slug in _slugs(doc.value(field)):
            if slug not in article_slugs:
                problems.append(Problem(doc.path, doc.line_of(field), f"{field} names '{slug}', which is not an article's slug"))
    sections = _sections(doc, problems)
    passages = _passages(sections.get("claim wording", []), doc.path, problems)
    debunk = _passages(sections.get("debunk wording", []), doc.path, problems)
    evidence = _dated_items(sections.get("evidence", []), doc.path, problems, _EVIDENCE,
                            "evidence must read '- Publisher, YYYY-MM-DD: [Title](https://address)'", _evidence_item)
    events = _dated_items(sections.get("events", []), doc.path, problems, _EVENT,
                          "an event must read '- YYYY-MM-DD: What happened — detail (who reported it)'", _event_item)
    images = _images(sections.get("images", []), doc.path, problems, evidence)
    if problems:
        return None, problems
    correction = Correction(
        path=doc.path, slug=doc.value("slug"), title=doc.value("title"), date=parse_date(doc.value("date")),
        claim=claim, claimant=doc.value("claimant"), claim_date=parse_date(doc.value("claim-date")),
        first_appearance=doc.value("first-appearance"),
        verdict=doc.value("verdict"), rating=doc.value("rating"), summary=doc.value("summary"),
        passages=passages, debunk_passages=debunk, explanation="\n".join(text for _, text in sections["explanation"]).strip(),
        evidence=evidence, images=images, events=events, include=_slugs(doc.value("include")), exclude=_slugs(doc.value("exclude")),
    )
    return correction, []
