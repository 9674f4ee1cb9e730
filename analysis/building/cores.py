"""How many cores this process may use: the default number of worker processes of a build. Kept apart from
:mod:`analysis.building.executors` so that the command line can say it without importing spaCy."""

from __future__ import annotations

import os


def available_cores() -> int:
    """The cores this process may use (the affinity mask where the system has one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # macOS and Windows have no affinity call
        return max(os.cpu_count() or 1, 1)
