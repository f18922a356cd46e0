"""Per-language knowledge, one YAML data file per language.

Each file holds the cue lexicons the extractors need (titles, reporting verbs, month
and weekday names, agreement words, ...), in one section per pipeline stage. Code never
branches on a language code: supporting a seventh language means adding `xx.yaml`
here. Each extractor turns its own section into a typed lexicon of its own.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

import yaml

from ..derived import kept

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster start-up
SECTIONS = ("sentences", "event", "people", "places", "dates", "outcomes", "roles")


class LanguageDataError(ValueError):
    """A language data file is missing or malformed."""


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    name: str  # the language's English name
    sections: Mapping[str, Mapping[str, Any]]

    def section(self, name: str) -> Mapping[str, Any]:
        return self.sections.get(name) or {}


def supported() -> tuple[str, ...]:
    """The ISO codes of every language that has a data file, sorted."""
    files = resources.files(__package__).iterdir()
    return tuple(sorted(f.name[:-5] for f in files if f.name.endswith(".yaml")))


@lru_cache(maxsize=None)
def load(code: str) -> Language:
    """The data of one language; raises LanguageDataError if it has no usable file."""
    if code not in supported():
        raise LanguageDataError(f"no language data for {code!r} (supported: {', '.join(supported())})")
    path = resources.files(__package__) / f"{code}.yaml"
    text = path.read_text(encoding="utf-8")
    # Parsed once per version of the file: six files take 0.06 s to parse at every start,
    # and both the build and its extraction process read them all.
    version = hashlib.sha256(text.encode()).hexdigest()[:16]
    data = kept(f"language-{code}-{version}", lambda: yaml.load(text, Loader=SAFE_LOADER)) or {}
    if not isinstance(data, dict) or data.get("code") != code:
        raise LanguageDataError(f"{path}: must be a mapping whose `code` is {code!r}")
    unknown = set(data) - {"code", "name", *SECTIONS}
    if unknown:
        raise LanguageDataError(f"{path}: unknown sections {sorted(unknown)} (known: {', '.join(SECTIONS)})")
    return Language(code=code, name=str(data.get("name", code)),
                    sections={s: data.get(s) or {} for s in SECTIONS})


def all_languages() -> tuple[Language, ...]:
    return tuple(load(code) for code in supported())
