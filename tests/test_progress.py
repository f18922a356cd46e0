"""Stage reporting: one line per stage when the output is not a terminal; a live status
line (or a bar) and the same end lines on a terminal."""
from __future__ import annotations

import io
import re
import time

import pytest

from generator import progress
from generator.progress import Stages


def test_one_line_per_stage_when_not_a_terminal():
    out = io.StringIO()
    stages = Stages(out)
    with stages.stage("read") as stage:
        stage.done = "5 articles"
    with stages.stage("link"):
        pass
    assert not stages.terminal
    assert re.fullmatch(r"read: 5 articles in \d+\.\d s\nlink: in \d+\.\d s\n", out.getvalue())


def test_a_stage_that_fails_says_so_and_lets_the_error_through():
    out = io.StringIO()
    with pytest.raises(ValueError):
        with Stages(out).stage("site"):
            raise ValueError("strict build failed")
    assert re.fullmatch(r"site: stopped after \d+\.\d s\n", out.getvalue())


def test_on_a_terminal_a_running_stage_shows_its_seconds_and_ends_with_its_line(monkeypatch):
    monkeypatch.setattr(progress, "TICK", 0.05)
    out = io.StringIO()
    stages = Stages(out, terminal=True)
    with stages.stage("site") as stage:
        time.sleep(0.3)
        stage.done = "mkdocs build --strict"
    shown = out.getvalue()
    assert shown.count("site … 00:00") >= 2  # redrawn while it ran
    assert re.search(r"\rsite: mkdocs build --strict in 0\.\d s\n$", shown)


def test_nothing_is_reported_without_a_stream():
    stages = Stages()
    with stages.stage("read") as stage:
        stage.done = "5 articles"
    assert not stages.terminal


def test_a_stage_that_counts_its_items_shows_a_bar_on_a_terminal_only():
    out = io.StringIO()
    with Stages(out, terminal=True).stage("site") as stage:
        step = stage.counter("html", 3, "page")
        for _ in range(3):
            step()
    assert "site: html:   0%|" in out.getvalue() and "0/3 [" in out.getvalue()
    plain = io.StringIO()
    with Stages(plain).stage("site") as stage:
        step = stage.counter("html", 3, "page")
        step()
    assert re.fullmatch(r"site: in \d+\.\d s\n", plain.getvalue())
