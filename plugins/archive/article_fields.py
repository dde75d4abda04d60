"""What an archived article's header must say, and what each field means.

Validation returns every problem at once (a maintainer fixes a file in one
go), each naming the line of the field at fault.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

import langcodes

from .outlet_handling import NOT_RECORDED, check_handling
from .dates import UNKNOWN, ArchiveDate, parse_date
from .frontmatter import Document
from .problems import Problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_slug(value: str) -> str | None:
    if not SLUG.match(value):
        return f"slug {value!r} must be lower-case letters, digits and single hyphens"
    return None


def check_date(value: str) -> str | None:
    try:
        parse_date(value)
    except ValueError as err:
        return str(err)
    return None


def check_lang(value: str) -> str | None:
    if not langcodes.tag_is_valid(value):
        return f"language {value!r} is not a valid language code (use e.g. en, fr, de, ru)"
    return None


def check_address(value: str) -> str | None:
    if value.lower() == UNKNOWN:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"address {value!r} must be an http(s) address or 'unknown'"
    return None


_TEMPLATE = re.compile(r"[a-z0-9][a-z0-9_-]*")


def check_template(value: str) -> str | None:
    # A name of one of the theme's templates, never a path out of the theme.
    if not _TEMPLATE.fullmatch(value):
        return f"template {value!r} must be the name of one of the theme's templates, e.g. page (no path, no .html)"
    return None


def check_status(value: str) -> str | None:
    if value not in ("published", "draft", "hidden"):
        return f"status {value!r} must be published, draft or hidden"
    return None


@dataclass(frozen=True)
class FieldRule:
    required: bool
    check: Callable[[str], str | None] | None = None
    meaning: str = ""


# Field name (as documented) -> rule. Other issues' fields join this table.
ARTICLE_FIELDS: dict[str, FieldRule] = {
    "Title": FieldRule(True, None, "the headline as the outlet published it"),
    "Slug": FieldRule(True, check_slug, "the page's stable address: articles/<slug>.html"),
    "Date": FieldRule(True, check_date, "YYYY-MM-DD[ HH:MM[+HH:MM]] as precise as the source, or unknown"),
    "Outlet": FieldRule(True, None, "the publisher as the text names it, or unknown"),
    "Author": FieldRule(True, None, "the byline as given, or unknown"),
    "Credit": FieldRule(False, None, "an agency credited in the byline"),
    "Dateline": FieldRule(False, None, "a dateline that opens the first paragraph, e.g. 'Moscow, SANA'"),
    "Lang": FieldRule(True, check_lang, "main language of the text, a language code"),
    "Original": FieldRule(True, check_address, "the article's original address, or unknown"),
    "Imported-From": FieldRule(False, None, "the raw dump this article was imported from"),
    "Status": FieldRule(False, check_status, "published (default), draft or hidden"),
    "Summary": FieldRule(False, None, "a one-sentence summary of our own, in Markdown (feeds, page descriptions)"),
    "Correction-Handling": FieldRule(False, check_handling, "how the outlet itself handled a debunked claim it carries"),
    "Correction-Note": FieldRule(False, None, "what exactly the outlet did, in a sentence, shown on the correction notice"),
}

PAGE_FIELDS: dict[str, FieldRule] = {
    "Title": FieldRule(True),
    "Slug": FieldRule(True, check_slug),
    "Menu-Title": FieldRule(False, None, "a short name for the page in the site's navigation (default: its title)"),
    "Summary": FieldRule(False),
    "Template": FieldRule(False, check_template, "one of the theme's templates, by name"),
    "Status": FieldRule(False, check_status),
}


def validate(doc: Document, rules: dict[str, FieldRule]) -> list[Problem]:
    """Every problem with a document's header and body."""
    problems = []
    known = {name.lower(): name for name in rules}
    for key, field in doc.fields.items():
        if key not in known:
            problems.append(Problem(doc.path, field.line, f"unknown field '{field.name}' (known: {', '.join(rules)})"))
    for name, rule in rules.items():
        field = doc.fields.get(name.lower())
        if field is None or not field.value:
            if rule.required:
                line = field.line if field else 1
                problems.append(Problem(doc.path, line, f"missing {name.lower()}: add a '{name}: ...' line to the header"))
            continue
        message = rule.check(field.value) if rule.check else None
        if message:
            problems.append(Problem(doc.path, field.line, message))
    if not doc.body.strip():
        problems.append(Problem(doc.path, doc.body_line, "the text is empty: there is no body after the header"))
    return problems


def known_or_none(value: str | None) -> str | None:
    """'unknown' (any case) and empty values become None."""
    if value is None or not value.strip() or value.strip().lower() == UNKNOWN:
        return None
    return value.strip()


@dataclass(frozen=True)
class ArticleMeta:
    title: str
    slug: str
    date: ArchiveDate
    outlet: str | None
    author: str | None
    credit: str | None
    dateline: str | None
    lang: str
    original: str | None
    imported_from: str | None
    correction_handling: str
    correction_note: str | None

    @classmethod
    def from_document(cls, doc: Document) -> "ArticleMeta":
        """Typed metadata from a document that passed `validate`."""
        return cls(
            title=doc.value("title"),
            slug=doc.value("slug"),
            date=parse_date(doc.value("date")),
            outlet=known_or_none(doc.value("outlet")),
            author=known_or_none(doc.value("author")),
            credit=known_or_none(doc.value("credit")),
            dateline=known_or_none(doc.value("dateline")),
            lang=doc.value("lang"),
            original=known_or_none(doc.value("original")),
            imported_from=known_or_none(doc.value("imported-from")),
            correction_handling=doc.value("correction-handling") or NOT_RECORDED,
            correction_note=known_or_none(doc.value("correction-note")),
        )
