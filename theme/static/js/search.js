// Search runs in the reader's browser against the Pagefind index built with
// the site. Without JavaScript (or from plain files, where browsers refuse to
// load modules, or when the index is missing) the page says so and points to
// the article list instead. A build without the index (SEARCH_INDEX off)
// has no form and does not load this script: its page says so itself.
//
// Each result names the paragraphs where the words were found and links to
// each one (every archived paragraph has an id; Pagefind reports where the
// ids and the hits sit in the page's text). Outlet and language filters come
// from the index itself.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var PARAGRAPHS_SHOWN = 3;
  var EXCERPT_WORDS = 30;
  var pagefind = null;

  function element(tag, className, content) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (content !== undefined) made.textContent = content;
    return made;
  }

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    return import(new URL("pagefind/pagefind.js", location.href).href).then(function (module) {
      return module.options({ baseUrl: new URL(".", location.href).pathname }).then(function () {
        pagefind = module;
        return module.filters().then(fillFilters).then(function () { return module; });
      });
    });
  }

  function fillFilters(available) {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var values = Object.keys(available[select.dataset.filter] || {}).sort();
      values.forEach(function (value) {
        var option = element("option", "", value);
        option.value = value;
        select.appendChild(option);
      });
      select.value = params.get(select.name) || "";
      if (values.length > 1) select.parentElement.hidden = false;
    });
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.dataset.filter] = select.value;
    });
    return filters;
  }

  // The paragraphs (ids "p-…") that hold the hits, best first: each with the
  // words around its first hit, marked as Pagefind marks its own excerpts.
  function paragraphsOf(page) {
    var anchors = (page.anchors || []).filter(function (a) { return /^p-/.test(a.id); })
      .sort(function (a, b) { return a.location - b.location; });
    var words = (page.content || "").split(/\s+/);
    var hits = (page.weighted_locations || []).slice().sort(function (a, b) { return a.location - b.location; });
    var found = [];
    hits.forEach(function (hit) {
      var anchor = null;
      anchors.forEach(function (a) { if (a.location <= hit.location) anchor = a; });
      if (!anchor) return;
      var entry = found.filter(function (f) { return f.anchor === anchor; })[0];
      if (!entry) {
        entry = { anchor: anchor, score: 0, hits: [] };
        found.push(entry);
      }
      entry.score += hit.balanced_score;
      entry.hits.push(hit.location);
    });
    found.sort(function (a, b) { return b.score - a.score || a.anchor.location - b.anchor.location; });
    return found.slice(0, PARAGRAPHS_SHOWN).map(function (entry) {
      var start = Math.max(entry.anchor.location, entry.hits[0] - 8);
      var next = anchors.filter(function (a) { return a.location > entry.anchor.location; })[0];
      var end = Math.min(next ? next.location : words.length, start + EXCERPT_WORDS);
      var excerpt = element("p", "result-excerpt");
      for (var at = start; at < end; at += 1) {
        var word = entry.hits.indexOf(at) >= 0 ? element("mark", "", words[at]) : document.createTextNode(words[at]);
        excerpt.appendChild(word);
        excerpt.appendChild(document.createTextNode(" "));
      }
      if (end < (next ? next.location : words.length)) excerpt.appendChild(document.createTextNode("…"));
      return { id: entry.anchor.id, number: anchors.indexOf(entry.anchor) + 1, excerpt: excerpt };
    });
  }

  function show(query) {
    list.innerHTML = "";
    return load().then(function (module) {
      var filters = chosenFilters();
      if (!query.trim() && !Object.keys(filters).length) {
        status.textContent = "Type words to search the archived articles, or choose an outlet or a language.";
        return { results: [] };
      }
      status.textContent = "Searching…";
      return module.search(query.trim() || null, { filters: filters }).then(function (search) {
        search.asked = true;
        return search;
      });
    }).then(function (search) {
      if (!search.asked) return null;
      return Promise.all(search.results.slice(0, 30).map(function (result) { return result.data(); }));
    }).then(function (pages) {
      if (!pages) return;
      var what = query.trim() ? "“" + query.trim() + "”" : "the filters";
      status.textContent = pages.length === 0
        ? "No page matches " + what + "."
        : pages.length + (pages.length === 1 ? " page matches " : " pages match ") + what + ".";
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var heading = document.createElement("h2");
        var link = element("a", "", page.meta.title || page.url);
        link.href = page.url;
        heading.appendChild(link);
        item.appendChild(heading);
        var facts = [page.meta.outlet, page.meta.date].filter(Boolean).join(" · ");
        if (facts) item.appendChild(element("p", "result-facts", facts));
        var paragraphs = query.trim() ? paragraphsOf(page) : [];
        if (paragraphs.length) {
          var found = element("ul", "result-paragraphs");
          paragraphs.forEach(function (paragraph) {
            var entry = document.createElement("li");
            var to = element("a", "", "Paragraph " + paragraph.number);
            to.href = page.url + "#" + paragraph.id;
            entry.appendChild(to);
            entry.appendChild(paragraph.excerpt);
            found.appendChild(entry);
          });
          item.appendChild(found);
        } else {
          var excerpt = element("p", "result-excerpt");
          excerpt.innerHTML = page.excerpt;  // Pagefind escapes the text and adds <mark> only
          item.appendChild(excerpt);
        }
        list.appendChild(item);
      });
    }).catch(function () {
      status.textContent = location.protocol === "file:"
        ? "Search could not start here (it needs the site served over http). Browse the articles from the home page instead."
        : "Search could not start: this copy of the site has no search index it can read (its pagefind/ folder). Browse the articles from the home page instead.";
    });
  }

  function submit(event) {
    if (event) event.preventDefault();
    var params = new URLSearchParams();
    params.set("q", input.value);
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    history.replaceState(null, "", "?" + params.toString());
    show(input.value);
  }

  form.addEventListener("submit", submit);
  selects.forEach(function (select) { select.addEventListener("change", function () { submit(); }); });
  input.value = new URLSearchParams(location.search).get("q") || "";
  show(input.value);
})();
