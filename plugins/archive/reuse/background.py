"""Reuse detection in a second process, fed while the archive is still being read.

Reading a large archive takes a site build several seconds on one core, and
sketching its paragraphs is half of what detection costs.  A `Detector` is
given each article as soon as it is read (`add`); once it holds many, it
forks a worker that from then on receives every article and sketches it at
once.  When the archive is complete (`submit`), the worker has only the
steps over the whole archive left; it runs them and sends back links and
groups (`results`) while this process goes on with other work.

A small archive is detected in this process, and so is any archive when the
worker cannot be started or fails: the results are the same either way,
since a forked worker computes exactly what this process would.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection
from operator import attrgetter
from typing import Any, Callable, Mapping, Sequence

from .detect import detect_with_queries
from .model import Key, Paragraph, ReuseResult
from .settings import ReuseSettings
from .sketches import Sketches

#: Below this many paragraphs detection takes well under a second here, less
#: than a second process is worth.
START_AT = 5_000
#: Articles sent to the worker at a time: fewer messages, no long stalls.
_BATCH = 50
#: A paragraph's fields, in the order Paragraph(*values) takes them.
_FIELDS = attrgetter(*(field.name for field in dataclasses.fields(Paragraph)))

#: A paragraph of an article: (id, text, lang, position in the article).
Row = tuple[str, str, str, int | None]
#: An article as detection sees it: (its source, see Paragraph; its paragraphs;
#: its publication date, ISO 8601 or "").
Article = tuple[str, Sequence[Row], str]
#: What is made of the archive's result, given its grouped paragraphs by key.
#: It goes to the worker by pickle: a module-level function, or a partial of one.
Present = Callable[[ReuseResult, Mapping[Key, Paragraph]], Any]


class Detector:
    """Detection over an archive whose articles arrive one at a time."""

    def __init__(self, settings: ReuseSettings, start_at: int | None = None) -> None:
        """`start_at`: paragraphs from which on a worker detects (default START_AT)."""
        self.settings = settings
        self._start_at = START_AT if start_at is None else start_at
        # Where this platform cannot fork, detection is here whatever the size.
        self._can_fork = "fork" in multiprocessing.get_all_start_methods()
        # Articles not yet with the worker.  Once they are, this process
        # keeps nothing of them: a hundred thousand paragraphs held here
        # until the end of detection would slow down every garbage collection.
        self._unsent: list[tuple[str, Article]] = []
        self._added = 0  # paragraphs, until a worker starts
        self._worker = None
        self._connection: Connection | None = None
        self._names: list[str] = []
        self._queries: list[Paragraph] = []
        self._article_of: Callable[[str], Article] | None = None
        self._present: Present | None = None
        self._presented: Any = None

    def add(self, name: str, article: Article) -> None:
        """An article of the archive; adding one again replaces it."""
        if self._worker is None and self._can_fork:
            self._unsent.append((name, article))
            self._added += len(article[1])
            if self._added >= self._start_at:
                self._start()
        elif self._connection is not None:
            self._unsent.append((name, article))
            if len(self._unsent) >= _BATCH:
                self._flush()
        # else detection is here, on the articles `submit` names

    def submit(self, names: Sequence[str], queries: Sequence[Paragraph], article_of: Callable[[str], Article],
               present: Present | None = None) -> None:
        """Start detecting over the articles `names`, with `queries` put to them
        (see detect_with_queries).

        `article_of` gives an article by name, as it was added: this process
        asks for them only if it has to detect here.  `present`, if given, is
        applied to the archive's result (see `presented`)."""
        self._names, self._queries = list(names), list(queries)
        self._article_of, self._present = article_of, present
        if self._connection is not None:
            self._flush()
            self._send(("detect", self._names, [_FIELDS(p) for p in self._queries], present))
        self._unsent = []

    def results(self) -> tuple[ReuseResult, ReuseResult]:
        """What `detect_with_queries` gives for the submitted articles and queries."""
        answer = None
        if self._connection is not None:
            try:
                answer = self._connection.recv()
            except (EOFError, OSError):
                pass
            self._stop()
        if answer is None:  # no worker, or it failed: detect here
            answer = _detect_and_present(self._names, self._queries,
                                         lambda name: _paragraphs(name, self._article_of(name)),
                                         Sketches(self.settings), self._present)
        found, self._presented = answer
        self._names, self._queries, self._article_of, self._present = [], [], None, None
        return found

    def presented(self) -> Any:
        """What `present` made of the archive's result (after `results`); None without it."""
        return self._presented

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        mine, theirs = context.Pipe()
        # A forked worker starts with the articles added so far.
        self._worker = context.Process(target=_serve, args=(theirs, mine, self.settings, self._unsent), daemon=True)
        self._worker.start()
        theirs.close()
        self._connection = mine
        self._unsent = []

    def _flush(self) -> None:
        self._send(("add", self._unsent))
        self._unsent = []

    def _send(self, message: tuple) -> None:
        if self._connection is None:
            return
        try:
            self._connection.send(message)
        except Exception:  # the worker is gone, or cannot be sent this: detect here
            self._stop()

    def _stop(self) -> None:
        # Not joined: returning half a gigabyte to the system takes the worker
        # a fifth of a second that this process need not wait for; its exit
        # status says nothing the results do not, and multiprocessing reaps it.
        self._connection.close()
        self._connection = None


def _paragraphs(name: str, article: Article) -> list[Paragraph]:
    source, rows, published = article
    return [Paragraph(name, source, id_, text, lang, position, published) for id_, text, lang, position in rows]


def _detect_and_present(names: Sequence[str], queries: Sequence[Paragraph],
                        paragraphs_of: Callable[[str], list[Paragraph]], known: Sketches, present: Present | None
                        ) -> tuple[tuple[ReuseResult, ReuseResult], Any]:
    """The results of detection, and what `present` makes of the archive's."""
    found = detect_with_queries([p for name in names for p in paragraphs_of(name)], queries, known.settings,
                                known=known)
    if present is None:
        return found, None
    grouped = {key for group in found[0].groups for key in group.members}
    paragraphs = {p.key: p for name in {key[0] for key in grouped} for p in paragraphs_of(name) if p.key in grouped}
    return found, present(found[0], paragraphs)


def _serve(connection: Connection, parents_end: Connection, settings: ReuseSettings,
           added: list[tuple[str, Article]]) -> None:
    """The worker: sketch each article as it arrives; then detect and send back the results."""
    parents_end.close()  # so that the worker sees the end of input if the parent goes away
    # Nothing here makes a reference cycle, and a collection would touch, and
    # so copy, every page of memory shared with the parent.
    gc.disable()
    # Messages are taken off the pipe as they come, so that the parent never
    # waits to send while the worker sketches.
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(connection, inbox), daemon=True).start()
    known = Sketches(settings)
    articles: dict[str, list[Paragraph]] = {}

    def take(batch: list[tuple[str, Article]]) -> None:
        for name, article in batch:
            paragraphs = articles[name] = _paragraphs(name, article)
            for paragraph in paragraphs:
                known.of(paragraph)

    try:
        take(added)
        while (message := inbox.get()) is not None and message[0] == "add":
            take(message[1])
        if message is None:  # the parent went away
            return
        _, names, queries, present = message
        answer = _detect_and_present(names, [Paragraph(*fields) for fields in queries], articles.__getitem__, known,
                                     present)
    except Exception:  # the parent detects again itself, and meets the error there
        answer = None
    connection.send(answer)


def _receive(connection: Connection, inbox: queue.SimpleQueue) -> None:
    """Move messages from `connection` to `inbox` up to the request to detect;
    None when the parent has gone away."""
    while True:
        try:
            message = connection.recv()
        except EOFError:
            message = None
        inbox.put(message)
        if message is None or message[0] != "add":
            return
