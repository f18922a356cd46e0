"""Language identification, and the check that an article's language is supported.

py3langid ranks all of its ~140 languages at once. Checking support looks at that
full ranking first: restricting to the supported languages before looking would
quietly label a Portuguese or Polish article as Spanish or German and extract
nonsense from it. Only once the text is known to be in (or close to) a supported
language is the answer restricted to the languages that have a data file.
"""
from __future__ import annotations

import pickle
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from ..languages import supported
from ..derived import kept

SAMPLE_CHARS = 5000  # enough to be sure; keeps identification well under a millisecond
# Below this many letters the ranking is noise; such texts are restricted, never refused.
MIN_LETTERS_TO_REFUSE = 60
# A supported language this likely is kept even when an unsupported relative
# (Afrikaans for Dutch, Galician for Spanish) ranks first.
SUPPORTED_FLOOR = 0.05
# The supported languages are all written in the Latin script: a text whose letters are
# mostly in another script (Cyrillic, Greek, Han...) is in none of them, however short.
SUPPORTED_SCRIPT = "LATIN"


@dataclass(frozen=True)
class UnknownLanguageError(ValueError):
    """The text is written in a language that has no data file."""

    code: str
    supported: tuple[str, ...]

    def __str__(self) -> str:
        return f"unknown language {self.code!r} (supported: {', '.join(self.supported)})"


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    # The shipped model is LZMA-compressed: kept unpacked, it loads in a fraction of the time.
    # Its 39 MB transition table is kept as a raw buffer and read in place from the mapped
    # file: an array would be copied on every load (0.08 s and 80 MB in each process that
    # identifies a language), while identifying one text reads only a few of its pages.
    model, table = kept(f"langid-{metadata.version('py3langid')}.mapped", _unpacked_model)
    model.tk_nextmove = memoryview(table).cast("B").cast("I")
    return model


def _unpacked_model() -> tuple[LanguageIdentifier, pickle.PickleBuffer]:
    model = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    table = model.tk_nextmove
    if table.typecode != "I":
        raise ValueError(f"py3langid's transition table has type {table.typecode!r}, not 'I'")
    model.tk_nextmove = None
    return model, pickle.PickleBuffer(table)


def _ranking(text: str) -> list[tuple[str, float]]:
    return [(code, float(p)) for code, p in identifier().rank(text[:SAMPLE_CHARS])]


def check_language(text: str) -> str:
    """The supported language of `text`; raises UnknownLanguageError if it is in another one."""
    codes = supported()
    ranking = _ranking(text)
    best_code, _ = ranking[0]
    if best_code in codes:
        return best_code
    supported_code, supported_p = next((c, p) for c, p in ranking if c in codes)
    letters = [ch for ch in text[:SAMPLE_CHARS] if ch.isalpha()]
    if len(letters) >= MIN_LETTERS_TO_REFUSE and supported_p < SUPPORTED_FLOOR or _other_script(letters):
        raise UnknownLanguageError(best_code, codes)
    return supported_code


def _other_script(letters: list[str]) -> bool:
    in_script = sum(unicodedata.name(ch, "").startswith(SUPPORTED_SCRIPT) for ch in letters)
    return in_script * 2 < len(letters)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the supported language `text` is most likely written in.

    Never refuses: the corpus reader has already run `check_language` on every article.
    """
    codes = supported()
    return next(code for code, _ in _ranking(text) if code in codes)
