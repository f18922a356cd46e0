// The site search: Material's search dialog over Pagefind's chunked index (pagefind/).
// Nothing is loaded until the reader opens the search; a query then loads only the index
// chunks of its words and the text of the results shown. Fact sheets, people, places and
// the other pages come first, then the source articles, each group in Pagefind's order
// of relevance. Result text is set as text, never parsed into the page. Results are
// links in the tab order, so a keyboard reaches them with Tab.
(() => {
  "use strict";
  const dialog = document.querySelector("[data-fs-search]");
  const toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  const input = dialog.querySelector("[data-fs-search-query]");
  const result = dialog.querySelector("[data-fs-search-result]");
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");
  const GROUPS = [{ not: { kind: "source" } }, { kind: "source" }]; // Pagefind filters, in listing order
  const SHOWN = 10; // results whose text is loaded at a time
  let pagefind = null;
  let latest = 0; // the newest query: answers to older ones are dropped

  function load() {
    if (!pagefind) {
      pagefind = import(new URL(result.dataset.index, document.baseURI).href).then(async (module) => {
        await module.options({ excerptLength: 24 });
        await module.init();
        return module;
      });
    }
    return pagefind;
  }

  function counted(count) {
    if (count === 0) return result.dataset.none;
    if (count === 1) return result.dataset.one;
    return result.dataset.other.replace("#", String(count));
  }

  // Pagefind's excerpt is the page's text with the matched words in <mark>: parsed in an
  // inert document and rebuilt from its text, so no markup of the page ever runs here.
  function excerpt(html) {
    const paragraph = document.createElement("p");
    const parsed = new DOMParser().parseFromString(html, "text/html");
    for (const node of parsed.body.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(node.textContent);
      }
    }
    return paragraph;
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.append(title, excerpt(data.excerpt || ""));
    link.append(article);
    li.append(link);
    return li;
  }

  async function show(results, from, query) {
    const page = await Promise.all(results.slice(from, from + SHOWN).map((found) => found.data()));
    if (query !== latest) return;
    list.querySelector(".fs-search-more")?.remove();
    for (const data of page) list.append(item(data));
    if (from + SHOWN < results.length) {
      const li = document.createElement("li");
      li.className = "md-search-result__item fs-search-more";
      const more = document.createElement("button");
      more.type = "button";
      more.className = "md-search-result__more md-typeset";
      more.textContent = `Show ${Math.min(SHOWN, results.length - from - SHOWN)} more`;
      more.addEventListener("click", () => show(results, from + SHOWN, query));
      li.append(more);
      list.append(li);
    }
  }

  async function search() {
    const query = ++latest;
    const text = input.value.trim();
    if (!text) {
      meta.textContent = result.dataset.placeholder;
      list.replaceChildren();
      return;
    }
    const index = await load();
    const answers = await Promise.all(GROUPS.map((filters) => index.search(text, { filters })));
    if (query !== latest) return;
    const results = answers.flatMap((answer) => (answer ? answer.results : []));
    meta.textContent = counted(results.length);
    list.replaceChildren();
    await show(results, 0, query);
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener("focus", () => {
    toggle.checked = true;
    load();
  });
  dialog.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click();
  });
  dialog.querySelector("form").addEventListener("reset", () => {
    input.value = "";
    search();
    input.focus();
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    }
  });
})();
