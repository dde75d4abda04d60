"""Pelican generators whose pages a forked copy of the build can write.

A generator whose pages nothing else writes (the statement pages, the
overview) can have them written by a copy of the build on the second core
while Pelican writes the articles (see archive.background_job).  The copy
sees the context as it was when it started, so it starts only once the
analysis is complete and every plugin has placed its results; and one copy
writes all such pages, one generator after the other, since a third busy
process on two cores would slow the build's own writing.
"""
from __future__ import annotations

from pelican.generators import Generator
from pelican.writers import Writer

from archive.background_job import in_background


class WrittenAside(Generator):
    """Writes its pages from one source (the site's analysis) in `write_pages`:
    here, or in the copy `write_aside` starts."""

    #: What the pages are, for an error message.
    pages = "pages"
    _source = None    # what the pages are made of, once complete
    _written = None   # waits for the copy writing the pages

    def worth_writing_aside(self, source) -> bool:
        """Whether the pages take long enough to write to be worth a second process."""
        return False

    def write_pages(self, writer, source) -> None:
        raise NotImplementedError

    def generate_output(self, writer):
        if self._written is not None:
            self._written()
        elif self._source is not None:
            self.write_pages(writer, self._source)


def write_aside(generators, source) -> None:
    """`source` is complete: give it to every WrittenAside, and start one copy
    of the build writing the pages of those worth it."""
    mine = [g for g in generators if isinstance(g, WrittenAside)]
    for generator in mine:
        generator._source = source
    aside = [g for g in mine if g.worth_writing_aside(source)]
    if not aside:
        return

    def write_all() -> None:
        for generator in aside:
            generator.write_pages(Writer(generator.output_path, settings=generator.settings), source)

    wait = in_background(write_all, "writing " + " and ".join(g.pages for g in aside))
    for generator in aside:
        generator._written = wait
