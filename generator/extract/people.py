"""Placeholder while the people extractor is written; replaced before any commit."""
from __future__ import annotations


def extract_people(doc):
    raise NotImplementedError
