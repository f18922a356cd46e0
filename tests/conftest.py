"""Fixtures shared by the whole test suite.

All shared fixtures live here, so it is clear which fixtures exist and where they
come from. Test-specific helpers stay in their test module.
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
