"""Pelican adapter: keep articles whose date is unknown out of feeds.

Pelican needs a date on every article, so an undated one carries a
placeholder (see mistune_reader). Pages never show it; feeds would, as a
publication date the source never gave. So feeds list dated articles only.
"""
from pelican import signals
from pelican.writers import Writer


class DatedFeedWriter(Writer):
    def write_feed(self, elements, *args, **kwargs):
        dated = [item for item in elements if getattr(item, "date_known", True)]
        return super().write_feed(dated, *args, **kwargs)


def provide_writer(pelican):
    return DatedFeedWriter


def register():
    signals.get_writer.connect(provide_writer)
