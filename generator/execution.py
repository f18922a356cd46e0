"""How a build runs its stages fast: the one place the execution machinery meets the pipeline.

Every stage is a plain function of its inputs (`read_corpus`, `extract_all`, `link`,
`page_files` and the record files, `publish`) and runs without any of this: tests and
`factsheet extract` call them so. `build()` runs them through one `Execution`, which adds
what measurement showed a build of 1,000 articles needs (docs/benchmarks.md):

- read: the articles the last build parsed (`read.ParsedArticles`), so an unchanged file
  costs its hash;
- extract: the extraction cache (`cache.py`), the cores (`parallel.py`), and a warm
  extractor process (`workers.Resident`) that loads the lexicons while this process reads
  the corpus, then extracts the few new articles of a rebuild;
- the leads and outcome sentences of new articles sent ahead to a second warm process
  that loads the sentence encoder meanwhile, so linking does not wait for them;
- link: the vectors kept on disk (`events/embed.py`), the extractor process for articles
  re-read against their event's date, and the output cache (`memo.py`), which keeps merged
  events (`events/reuse.py`);
- render: the output cache, the page model's collation keys kept from the last build (so
  the collator's table is loaded only for a name not sorted before), and the records' YAML
  and downloads made in a forked process while this one makes the pages;
- the cycle collector off for the whole build (`without_cycle_collection`).

The warm processes end when linking is done, before render forks.
"""
from __future__ import annotations

import gc
from contextlib import ExitStack, contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .config import BuildConfig
from .events.cluster import lead_of
from .events.embed import Embeddings, in_one_process, load_encoder
from .events.merge import outcome_sentences
from .extract import warm_up
from .memo import Memo, generator_version
from .parallel import Extraction, extract_all, uncached
from .read import CorpusRead, ParsedArticles, read_corpus
from .records import Article
from .render.model import asked_collation_keys, give_collation_keys
from .workers import Background, Resident
from .write import Generated, write_text

Files = Mapping[str, Generated]

# In the cache folder: the last build's events, for builds that start from a fresh docs/.
CACHED_EVENT_INDEX = "last-events.json"


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off for the duration (and in the processes forked meanwhile).

    A build makes millions of small objects that form no cycles (the records of every
    article), and the collector kept walking all of them: in `bench/run.py`'s workspace of
    1,000 articles it took a quarter of the rebuild after one added article (5.3 s against
    4.1 s) and 6 s of a cold build's 34 s, while peak memory stayed the same (347 and
    420 MB with and without it). Reference counting still frees everything else at once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # What the build made stays young while the collector is off, and the first
            # collection after it walked all of it. Moved to the oldest generation first,
            # as if it had lived through collections: `freeze` and `unfreeze` only relink lists.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


class Execution:
    """The machinery of one build (see the module docstring); a context manager that ends
    the warm processes and turns the cycle collector back on."""

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        cache = config.path("cache")
        self.extract_cache: Path = cache / "extract"
        self.memo = Memo(cache / "output")
        self._parsed: ParsedArticles | None = None  # read in `read`, after the extractor has forked
        self._stack = ExitStack()
        self.extractor = Resident()
        self._encoder = Resident()
        self.embeddings = Embeddings(cache / "embed")  # made again in `extract`, with the encoder if it started

    def __enter__(self) -> Execution:
        self._stack.enter_context(without_cycle_collection())
        self._stack.enter_context(self.extractor)
        self._stack.enter_context(self._encoder)
        self.extractor.call(warm_up)  # while this process reads the corpus and the cached records
        kept = self.memo.recall(self._collation_keys())
        give_collation_keys(kept if isinstance(kept, dict) else {})
        return self

    def __exit__(self, *_: object) -> None:
        self._stack.close()

    def read(self) -> CorpusRead:
        """read: the corpus, each unchanged file taken as the last build parsed it.

        The last build's parsed articles are loaded here, once the extractor process has
        forked at the start, so that process does not hold a copy of them."""
        self._parsed = ParsedArticles(self.config.path("cache") / "read", generator_version())
        return read_corpus(self.config.path("corpus"), self.config.root, self._parsed)

    def extract(self, articles: Sequence[Article], progress: bool | None = None) -> Extraction:
        """extract: `extract_all` over the cache, the cores and the warm extractor; the new
        articles' texts that linking will compare are sent ahead to the encoder."""
        new = uncached(articles, self.extract_cache)
        if new and in_one_process(len(new)):  # a few new texts to embed, in that process
            self._encoder.call(load_encoder)
        # made once the encoder process has started: an `Embeddings` only uses a running one
        self.embeddings = Embeddings(self.config.path("cache") / "embed", encoder=self._encoder)
        self.embeddings.ahead(map(lead_of, new))
        extraction = extract_all(articles, self.extract_cache, worker=self.extractor,
                                 budget=self.config.time_budget, progress=progress)
        made_now = {article.id for article in new}
        self.embeddings.ahead(s for r in extraction.records if r.id in made_now for s in outcome_sentences(r))
        return extraction

    def for_linking(self) -> dict[str, Any]:
        """What `link` takes from the machinery: the vectors, the extraction cache and its
        warm process (for re-reading), the output cache (merged events kept)."""
        return {"embeddings": self.embeddings, "extract_cache": self.extract_cache,
                "extract_worker": self.extractor, "memo": self.memo}

    def render(self, pages: Callable[[Memo], Files], data: Callable[[Memo], Files],
               inputs: Iterable[object] = ()) -> dict[str, Generated]:
        """render: the files `pages(memo)` and `data(memo)` make, through the output cache.

        Made side by side, neither reading the other: `data` (the records' YAML and the
        downloads) in a forked process, `pages` here; about even halves of a rebuild. The
        warm processes are ended first (linking was their last use), and `inputs` (the
        records both halves cite) are digested once, before the fork."""
        self.extractor.close()
        self._encoder.close()
        for value in inputs:
            self.memo.digest(value)
        memo, parsed = self.memo, self._parsed
        elsewhere = Background(lambda: (data(memo), memo.used, parsed.save() if parsed else None))
        made_here = pages(memo)
        made, used, _ = elsewhere.result()  # raises here if a record fails its schema check
        memo.used |= used
        return {**made, **made_here}

    def finish(self, event_index: str) -> None:
        """After a published build: the event index kept in the cache folder too (CI restores
        the cache, not docs/), and the output cache pruned to what this build used."""
        write_text(self.config.path("cache") / CACHED_EVENT_INDEX, event_index)
        self.memo.keep(self._collation_keys(), asked_collation_keys())
        self.memo.prune()

    def _collation_keys(self) -> str:
        """Where the page model's collation keys are kept for the next build (they are
        pyuca's, so its version is part of the key)."""
        return self.memo.key("collation-keys", f"pyuca=={metadata.version('pyuca')}")

