"""Pieces every page uses: the template environment, links, citations, labels.

Templates are Jinja2 with a `finalize` hook that escapes every value it prints
(`escape.inline`) unless the value is already `Markup` built by this package. So a
template cannot forget to escape article text: escaping is the default, not a filter.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable

import pycountry
import yaml
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..derived import kept
from ..extract import gazetteer
from ..records import Source
from . import escape
from .model import Site, SourceDoc

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
FOLDERS = {"event": "events", "person": "people", "place": "places", "source": "sources"}


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape.inline(value)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=False,  # Markdown, not HTML: `_finalize` escapes for both
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = human_date
    env.filters["short"] = shorten
    env.filters["quoted"] = quoted
    env.filters["language"] = language_name
    env.filters["country"] = country_name
    env.filters["coords"] = coordinates
    env.filters["safe_url"] = escape.href
    env.globals["link"] = link
    env.globals["pinned"] = pinned
    env.globals["link_name"] = lambda identifier: Markup(escape.page_name(identifier))
    return env


def cache_templates(folder: Path) -> None:
    """Keep the compiled templates in `folder` across builds. Jinja keys each by its
    source's checksum (an edited template is compiled again) and writes it atomically.
    Compiling the ten templates took every rebuild 0.05 s; loading them takes 0.002 s."""
    folder.mkdir(parents=True, exist_ok=True)
    environment().bytecode_cache = FileSystemBytecodeCache(str(folder))


def render(template: str, **context: object) -> str:
    if isinstance(context.get("root"), str):
        context["root"] = Markup(context["root"])  # a relative path this package wrote
    text = environment().get_template(template).render(**context)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"


def front_matter(title: str, **meta: object) -> Markup:
    """YAML front matter: the page title as plain text (no markup characters at all)."""
    data = {"title": escape.plain(title) or "Untitled",
            **{key: escape.plain(value) if isinstance(value, str) else value for key, value in meta.items()}}
    return Markup("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---")


def link(root: str, kind: str, identifier: str, anchor: str | None = None) -> Markup:
    """Relative link target to a generated page (`root` leads from the page to docs/)."""
    target = f"{root}{FOLDERS[kind]}/{escape.page_name(identifier)}.md"
    return Markup(target + (f"#{anchor}" if anchor else ""))


def quote_anchor(source: Source) -> str:
    return f"s-{int(source.start)}-{int(source.end)}"


def human_date(value: str | None) -> Markup:
    """`2019-04-25` → `25 April 2019` (English, locale-independent); partial dates too."""
    if not value:
        return Markup("date unknown")
    parts = str(value).split("-")
    try:
        if len(parts) == 3:
            return Markup(f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {int(parts[0])}")
        if len(parts) == 2:
            return Markup(f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}")
        return Markup(str(int(parts[0])))
    except (ValueError, IndexError):
        return escape.inline(value)


def shorten(value: object, limit: int = 90) -> str:
    """A long title cut at a word boundary (a `.txt` article's first line can be a paragraph)."""
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.-–—") + " …"


# Lines a scraped article carries that are not its words: placeholders such as "[ad_1]",
# an advertising label on its own, and notices about cookies or scripts.
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|\{[^}]*\}|<[^>]*>")
_AD_LABEL = re.compile(r"^(advertisement|anzeige|werbung|publicit[ée]|pubblicit[àa]|publicidad|advertentie)$",
                       re.IGNORECASE)
_NOTICE = re.compile(r"\b(cookies?|javascript)\b", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]{2,}")


def boilerplate(line: str) -> bool:
    """Whether a line is scraping residue rather than a headline: no words outside
    placeholders, an advertising label, or a short notice about cookies or scripts."""
    words = _WORDS.findall(_PLACEHOLDER.sub(" ", line))
    if not words:
        return True
    return (len(words) == 1 and bool(_AD_LABEL.match(words[0]))) or (len(words) <= 30 and bool(_NOTICE.search(line)))


def display_title(doc: SourceDoc) -> str:
    """The title a reader sees for a source: its recorded title, unless that is
    boilerplate (then the first real line of the text); a title cut off inside a word
    (a first line longer than a title may be) loses the broken word."""
    title = " ".join(doc.record.title.split())
    lines = [" ".join(line.split()) for line in (doc.article.text if doc.article else "").splitlines()]
    if boilerplate(title):
        title = next((line for line in lines if line and not boilerplate(line)), title)
    full = next((line for line in lines if line.startswith(title)), title)
    if len(full) > len(title) and full[len(title)].isalnum() and " " in title:
        title = title.rsplit(" ", 1)[0].rstrip(",;:-–—") + " …"
    if len(title) > TITLE_LENGTH:  # a first line that is a paragraph: its first sentence
        end = _SENTENCE_END.search(title)
        if end and 20 <= end.end() <= TITLE_LENGTH:
            title = title[:end.end()]
    return title


def source_title(site: Site, article: str, doc: SourceDoc) -> str:
    """`display_title(doc)` of the site's source `article`, made once per site."""
    titles = getattr(site, "source_titles", None)  # a page model of its own (tests) may not keep them
    if titles is None:
        return display_title(doc)
    if article not in titles:
        titles[article] = display_title(doc)
    return titles[article]


TITLE_LENGTH = 120
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})[.!?](?=\s+[^\W\d_])")  # a word of 3+ letters: not "U.S.", "Mr."


QUOTE_MARKS = "\"“”„«»‘’‚'‹›「"


def quoted(value: object) -> Markup:
    """An outcome between typographic quotes, unless it already carries its own: a sentence
    that opens with a quotation ("We welcome …," said Putin) is not quoted twice."""
    text = " ".join(str(value).split())
    if text[:1] in QUOTE_MARKS:
        return escape.inline(text)
    return Markup("“") + escape.inline(text) + Markup("”")


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """ISO 639-1 code → English name. Kept: pycountry reads its database of 7,900
    languages on first use, which took a rebuild 0.05 s to name six."""
    return kept(f"language-names-{metadata.version('pycountry')}",
                lambda: {lang.alpha_2: lang.name for lang in pycountry.languages if hasattr(lang, "alpha_2")})


def language_name(code: str | None) -> Markup:
    if not code:
        return Markup("unknown language")
    return escape.inline(_language_names().get(str(code), code))


def country_name(code: str | None) -> Markup:
    if not code:
        return Markup("")
    usual = gazetteer.country_name(str(code))  # the name the records use: "Russia"
    if usual:
        return escape.inline(usual)
    found = pycountry.countries.get(alpha_2=str(code))
    return escape.inline(getattr(found, "common_name", None) or found.name if found else code)


# Kinds of place drawn as a pin: a region, a country or a sea is an area, and a pin in
# its middle would say the meeting was held there. Those are listed, not pinned.
PINNED_KINDS = ("venue", "city")


def coordinates(lat: float | None, lon: float | None, kind: str | None = None, main: bool = False) -> Markup:
    """Readable coordinates; a place the map pins (see `PINNED_KINDS`; a main place of
    any kind but a region or a country) also carries the numbers the map script reads."""
    if lat is None or lon is None:
        return Markup("no coordinates")
    lat_f, lon_f = float(lat), float(lon)
    label = f"{abs(lat_f):.4f}° {'N' if lat_f >= 0 else 'S'}, {abs(lon_f):.4f}° {'E' if lon_f >= 0 else 'W'}"
    if not pinned(kind, main):
        return Markup(f'<span class="fs-geo">{label}</span>')
    flag = ' data-main="1"' if main else ""
    return Markup(f'<span class="fs-geo" data-lat="{lat_f:.5f}" data-lon="{lon_f:.5f}"{flag}>{label}</span>')


def pinned(kind: str | None, main: bool = False) -> bool:
    """Whether the map pins a place of this kind (no kind given: a bare coordinate is pinned)."""
    return kind is None or kind in PINNED_KINDS or (main and kind not in ("region", "country"))


def provenance(site: Site, articles: Iterable[str]) -> Markup:
    """`Built from 3 articles · newest article 25 April 2019.`: how current the page is, by
    the newest of its articles; the build date instead when one is set (SOURCE_DATE_EPOCH)."""
    articles = set(articles)
    count = "1 article" if len(articles) == 1 else f"{len(articles)} articles"
    if site.built:
        return _provenance(f"{count} · built {human_date(site.built)} ({escape.inline(site.built)})")
    dates = [doc.record.published for doc in map(site.sources.get, articles) if doc and doc.record.published]
    newest = max(dates, default=None)
    update = f"newest article {human_date(newest)} ({escape.inline(newest)})" if newest else "no article dated"
    return _provenance(f"{count} · {update}")


def _provenance(text: str) -> Markup:
    return Markup(f'<p class="fs-provenance" markdown="0">Built from {text}.</p>')


@dataclass
class Citations:
    """Numbered citation markers for one page.

    Articles are numbered in the order given (the page's source list); a marker shows
    the article's number and links to the quoted sentence on its source page. Its
    accessible name says which source it is ("Source 2: Tagesspiegel"), from `names`
    (article → outlet or title), since a bare "2" means nothing read aloud.
    """

    root: str
    order: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    # article → its number: a page of a large event numbers 150 articles 10,000 times
    _numbers: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for article in self.order:
            self._numbers.setdefault(article, len(self._numbers) + 1)

    def number(self, article: str) -> int:
        if article not in self._numbers:
            self.order.append(article)
            self._numbers[article] = len(self._numbers) + 1
        return self._numbers[article]

    def name(self, article: str) -> str:
        """"Source 2: Tagesspiegel", as plain text safe inside an attribute."""
        label = escape.plain(self.names.get(article, "")).replace("'", "’")
        return f"Source {self.number(article)}" + (f": {label}" if label else "")

    def cite(self, sources: Iterable[Source]) -> Markup:
        """One marker per article, linking to its first quoted sentence for this fact;
        the source page highlights the others too, so a row of repeats adds nothing."""
        quotes: dict[str, set[tuple[int, int]]] = {}
        for source in sources:
            quotes.setdefault(source.article, set()).add((int(source.start), int(source.end)))
        markers = []
        for article in sorted(quotes, key=self.number):
            start, end = min(quotes[article])
            target = link(self.root, "source", article, f"s-{start}-{end}")
            count = len(quotes[article])
            name = self.name(article)
            note = name + (f", first of {count} quoted sentences" if count > 1 else "")
            markers.append(f'[{self.number(article)}]({target}){{ .fs-cite aria-label="{name}" title="{note}" }}')
        return Markup("".join(markers))


def source_names(site: Site, articles: Iterable[str]) -> dict[str, str]:
    """Article → what a reader knows it by: its outlet, else its title (shortened)."""
    names = {}
    for article in articles:
        doc = site.sources.get(article)
        if doc is not None:
            names[article] = doc.record.outlet or shorten(source_title(site, article, doc), 60)
    return names


def source_order(site: Site, articles: Iterable[str]) -> list[str]:
    """Articles by publication date, then id: the numbering of a page's sources."""
    def key(article: str) -> tuple[str, str]:
        doc = site.sources.get(article)
        return ((doc.record.published or "") if doc else "", article)
    return sorted(set(articles), key=key)


@dataclass(frozen=True)
class SourceRow:
    """One line of a page's source table."""

    number: int
    id: str
    title: str
    outlet: str | None
    language: str | None
    published: str | None
    url: Markup | None


def source_rows(site: Site, citations: Citations) -> tuple[list[SourceRow], set[str]]:
    """The page's sources in citation order, and which optional columns ("outlet",
    "url") any of them fills: a column that reads "—" in every row is left out."""
    rows = [SourceRow(citations.number(a), a, source_title(site, a, doc), doc.record.outlet, doc.record.language,
                      doc.record.published, escape.href(doc.record.url))
            for a in list(citations.order) if (doc := site.sources.get(a)) is not None]
    filled = {column for column in ("outlet", "url") if any(getattr(row, column) for row in rows)}
    return rows, filled


# Endings transliterations disagree on (Ukrainian and Russian -ий): Zelensky, Zelenskyy,
# Zelenskyi, Zelenskij, Zelenski; a search for any of them should find the person.
_SLAVIC_ENDINGS = ("skyy", "skyi", "skyj", "skij", "skiy", "sky", "ski")


def fold_accents(text: str) -> str:
    """"Niinistö" → "Niinisto", "Erdoğan" → "Erdogan", "Straße" → "Strasse"."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD_LETTERS))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def spelling_variants(name: str, transliterate: bool = True) -> set[str]:
    """The words of a name as a reader may type them: without accents ("Niinisto",
    "Erdogan") and, with `transliterate`, with the usual alternative transliterations of
    a Slavic ending ("Zelenskyy"). Words, since the site search matches word by word."""
    variants = set()
    for word in name.split():
        variants |= {word, fold_accents(word)}
        ending = next((e for e in _SLAVIC_ENDINGS if word.lower().endswith(e)), None) if transliterate else None
        if ending:
            stem = fold_accents(word[: len(word) - len(ending)])
            variants.update(stem + other for other in _SLAVIC_ENDINGS)
    return variants


_FOLD_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "œ": "oe", "ł": "l", "Ł": "L",
                               "đ": "d", "ı": "i", "ğ": "g", "Ğ": "G"})


def search_terms(name: str, aliases: Iterable[str] = (), others: Iterable[str] = ()) -> Markup:
    """Other spellings of an entity for the search index, in an element no reader sees on
    the page or hears (the site search indexes the page's text and matches words as
    written): accent-free forms of every spelling, transliterations of the page's name,
    and `others`, names the page does not show (a city's names in the gazetteer).
    A search result shows it as "Other spellings: …", which says why the page matched."""
    shown = {word for spelling in (name, *aliases) for word in spelling.split()}
    terms = spelling_variants(name) | {v for alias in (*aliases, *others)
                                       for v in spelling_variants(alias, transliterate=False)}
    terms = sorted(terms - shown, key=str.casefold)
    if not terms:
        return Markup("")
    return (Markup('<p class="fs-search-terms" hidden aria-hidden="true">Other spellings: ')
            + escape.inline(", ".join(terms)) + Markup("</p>"))
