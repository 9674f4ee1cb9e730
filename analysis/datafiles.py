"""Reading the data files packaged under ``analysis/data/`` (lexicons, actors)."""

from __future__ import annotations

from importlib import resources

import yaml


def read_text(name: str) -> str:
    """The text of ``analysis/data/<name>``, from the installed package (works from a wheel too)."""
    return resources.files("analysis").joinpath(f"data/{name}").read_text(encoding="utf-8")


def read_yaml(name: str) -> dict:
    """``analysis/data/<name>`` parsed as YAML; an empty file gives an empty mapping."""
    return yaml.safe_load(read_text(name)) or {}
