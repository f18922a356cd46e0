"""Language identification, restricted to the languages that have data files."""
from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from ..languages import supported


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(supported()))
    return identifier


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the supported language `text` is most likely written in."""
    code, _probability = _identifier().classify(text[:5000])
    return code
