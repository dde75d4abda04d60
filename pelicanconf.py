"""Site settings for local builds. publishconf.py adds what publishing needs.

Every setting the archive adds is documented here and in README.md.
"""
# The core (`archive`) and the plugins are installed from this checkout
# (`pip install -e .`, pyproject.toml), so they import by name.
from archive.render import body_parts, language_name
from archive.reuse import DEFAULT_ALIASES
from archive.wording import plural

# `plural`: {{ n|plural("article") }} -> "1 article", "2 articles" (one helper for every count shown).
# `body_parts`: an article body cut at its paragraphs, so that the page template sets the
# archive's notes beside them (theme/templates/_article_body.html).
JINJA_FILTERS = {"body_parts": body_parts, "language_name": language_name, "plural": plural}
# Titles, bylines and outlet names come from archived text, which is untrusted:
# templates escape everything unless marked safe (rendered content only).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

SITENAME = "Irrefutable? An archive of the Abu Kamal “evidence”"
SITE_DESCRIPTION = (
    "Articles that repeated the Russian Ministry of Defence's claim of 14 November 2017, "
    "kept word for word, with the paragraphs they share and the correction."
)
SITEURL = ""
RELATIVE_URLS = True   # the built site works from plain files as well as from a host
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
OUTPUT_PATH = "output"
THEME = "theme"

# The plugins are installed packages (pyproject.toml), found by name.
PLUGINS = ["mistune_reader", "archive_feeds", "reuse_links", "corrections", "overview", "search_index", "site_files"]

# Addresses end in .html so that every link also works when the site is
# opened from plain files, with no server to add index.html.
ARTICLE_URL = ARTICLE_LANG_URL = "articles/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "articles/{slug}.html"
PAGE_URL = PAGE_LANG_URL = "{slug}.html"
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = "{slug}.html"
# An outlet is the article's category: one page per outlet.
CATEGORY_URL = "outlets/{slug}.html"
CATEGORY_SAVE_AS = "outlets/{slug}.html"
CATEGORIES_SAVE_AS = "outlets/index.html"
CATEGORIES_URL = "outlets/index.html"
DIRECT_TEMPLATES = ["index", "categories", "search"]
# The page a host serves for a missing address (plugin site_files; "" for none). Written with links
# from SITEURL, or from "/" when SITEURL is empty, not relative to itself: it is served at any depth.
NOT_FOUND_SAVE_AS = "404.html"
# Pages the archive has no use for.
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""

# Oldest first, undated last, then by slug: the order the claim spread in,
# and the same order on every machine.
ARTICLE_ORDER_BY = "archive_sort_key"
DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40

# Full-text search: Pagefind indexes the finished site (output/pagefind/). Off for local builds
# (invoke build, serve, livereload, plain pelican): at 10,000 articles Pagefind takes about a third
# of a build and 2 GiB of memory, and a preview rarely needs search; the preview's search page says
# the index is built at publication. `invoke build --search` (or `livereload --search`) builds one
# anyway; publishconf.py turns it on, and `invoke preview`, `publish` and `gh-pages` always index.
SEARCH_INDEX = False
# Keep the last index in CACHE_PATH/search/ with a digest of what it was made from (every page
# Pagefind reads, its binary and options): a build whose pages did not change copies it instead of
# running Pagefind again. Safe to delete at any time.
SEARCH_INDEX_CACHE = True

# Feeds are made by publishconf.py only.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Pelican's own reading cache stays off: it is keyed by file names and
# times (not by settings, nor by the import records beside the articles) and
# unpickles what it finds. READING_CACHE keeps the rendered article bodies
# instead, in CACHE_PATH/rendered/, by a digest of the text and the code.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
READING_CACHE = True

# Keep reuse detection's results in CACHE_PATH/analysis/, by a digest of
# everything they depend on (articles, claim wording, reuse settings, the
# detector's code): a build with none of these changed reads them instead of
# detecting again; every paragraph's sketch is kept there too, so that a build
# after a change sketches only new text. The folder is safe to delete at any time.
ANALYSIS_CACHE = True
# Keep the article and statement pages in CACHE_PATH/pages/ by a digest of
# what each is made from (plugins/kept_pages.py): a page whose inputs did
# not change is copied instead of rendered. Safe to delete at any time.
PAGE_CACHE = True
# A build (build_site.py: invoke build, preview, reserve, regenerate, livereload) whose inputs are all as the last
# build of its output folder left them (settings, content, theme, code, library versions), into
# an output nobody changed since, stops at once and says so: it would write the same bytes.
KEEP_UNCHANGED_OUTPUT = True

# Before the headline of an article that repeats a debunked claim, in the
# browser tab, og:title and feed entries: the false headline never travels alone.
CLAIM_TITLE_PREFIX = "Debunked claim"

# The home page's heading (the site's name is already in the header) and the
# few sentences it opens with (plain text, one string a paragraph).
HOME_HEADING = "How one false claim spread, outlet by outlet"
HOME_INTRO = [
    "On the morning of 14 November 2017 the Russian Ministry of Defence posted images it called "
    "“irrefutable evidence” that the US-led coalition was covering Islamic State units around "
    "Abu Kamal, Syria.",
    "One image was a still from the promotional video of a mobile game, “AC-130 Gunship Simulator: "
    "Special Ops Squadron”; others came from 2016 footage filmed in Iraq. The ministry deleted the "
    "images the same day.",
    "Outlets had already repeated the ministry's statement. This archive keeps those articles word "
    "for word, shows where they repeat one another, and marks each with the correction.",
]

# The overview's matrix shows at most this many statements (those repeated by
# the most outlets); None shows all. A very wide table helps no reader.
OVERVIEW_MAX_STATEMENTS = 40
# Up to this many statements the matrix is a table (outlets by statements) on
# a wide screen; with more, and always on phones and in print, it is one card
# per outlet listing the statements it carried: nothing scrolls sideways.
OVERVIEW_TABLE_MAX_STATEMENTS = 8
# With more dated articles than this, the overview's timeline counts each
# day's articles in one entry instead of placing every article; None: never.
OVERVIEW_MAX_TIMELINE_ARTICLES = 300

# --- Repeated paragraphs (plugin reuse_links; see README "Repeated paragraphs") ---
# Each REUSE_X setting is the field x of archive.reuse.ReuseSettings, which
# documents it and its default at length (README's table lists them all).
# Set here only what this archive changes.

# Spellings that name the same thing in this archive's story, matched as one
# word, added to the detector's own (United States / US / U.S. ...; defence /
# defense). A variant without lower-case letters (IS, SDF) is an acronym: it
# matches only in capitals, so the verb "is" never becomes Islamic State.
REUSE_ALIASES = {
    **DEFAULT_ALIASES,
    "Islamic State": ("Islamic State", "IS", "ISIS", "ISIL", "Daesh", "Da'esh", "Daech", "ИГИЛ", "ИГ"),
    "Abu Kamal": ("Abu Kamal", "Albu Kamal", "al-Boukamal", "Al Bukamal", "Al Boukamal", "Abou Kamal",
                  "Boukamal", "Bukamal", "Абу-Кемаль"),
    "Syrian Democratic Forces": ("Syrian Democratic Forces", "SDF"),
    "Syrian Arab Army": ("Syrian Arab Army", "SAA", "Syrian Army"),
}
