"""Shared pytest setup: put the repo root on ``sys.path`` so tests can import
``benchmarks.*`` (and ``newsclean`` without an install)."""

from __future__ import annotations

import sys
from pathlib import Path

_REPO_ROOT = str(Path(__file__).resolve().parent.parent)
if _REPO_ROOT not in sys.path:
    sys.path.insert(0, _REPO_ROOT)
