"""Placeholder while the outcomes extractor is written; replaced before any commit."""
from __future__ import annotations


def extract_outcomes(doc):
    raise NotImplementedError
