"""Placeholder while the dates extractor is written; replaced before any commit."""
from __future__ import annotations


def extract_dates(doc):
    raise NotImplementedError


def infer_publication_date(doc):
    return None


def main_date(facts):
    return None
