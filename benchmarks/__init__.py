"""Speed and memory, measured: never imported by the site.

* :mod:`.synthetic` generates an archive of unrelated paragraphs with planted
  copies at known strengths, and times detection alone on it;
* :mod:`.site_bench` builds such an archive as a site, ours against plain
  Pelican, cold and rebuilt (`invoke bench`).
"""
