"""Placeholder while the places extractor is written; replaced before any commit."""
from __future__ import annotations


def extract_places(doc):
    raise NotImplementedError
