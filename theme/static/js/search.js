// Search runs in the reader's browser against the Pagefind index built with
// the site. Without JavaScript (or from plain files, where browsers refuse to
// load modules) the page says so and points to the article list instead.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    return element;
  }

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    return import(new URL("pagefind/pagefind.js", location.href).href).then(function (module) {
      return module.options({ baseUrl: new URL(".", location.href).pathname }).then(function () {
        pagefind = module;
        return module;
      });
    });
  }

  function show(query) {
    list.innerHTML = "";
    if (!query.trim()) {
      status.textContent = "Type words to search the archived articles.";
      return;
    }
    status.textContent = "Searching…";
    load().then(function (module) {
      return module.search(query);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 30).map(function (result) { return result.data(); }));
    }).then(function (pages) {
      status.textContent = pages.length === 0
        ? "No page matches “" + query + "”."
        : pages.length + " page" + (pages.length === 1 ? "" : "s") + " match “" + query + "”.";
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var heading = document.createElement("h2");
        var link = text("a", "", page.meta.title || page.url);
        link.href = page.url;
        heading.appendChild(link);
        item.appendChild(heading);
        var facts = [page.meta.outlet, page.meta.date].filter(Boolean).join(" · ");
        if (facts) item.appendChild(text("p", "result-facts", facts));
        var excerpt = document.createElement("p");
        excerpt.innerHTML = page.excerpt;  // Pagefind escapes the text and adds <mark> only
        item.appendChild(excerpt);
        list.appendChild(item);
      });
    }).catch(function () {
      status.textContent = "Search could not start here (it needs the site served over http). Browse the articles from the home page instead.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    show(input.value);
  });
  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  show(query);
})();
