"""Reading the data files packaged under ``analysis/data/`` (lexicons, actors)."""

from __future__ import annotations

from importlib import resources

import yaml


def read_text(name: str) -> str:
    """The text of ``analysis/data/<name>``, from the installed package (works from a wheel too)."""
    return resources.files("analysis").joinpath(f"data/{name}").read_text(encoding="utf-8")


#: libyaml's safe loader where PyYAML was built with it (it reads the lexicons several times faster, and
#: every worker process reads them); the same safe subset of YAML either way.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """``text`` parsed as YAML with :data:`SAFE_LOADER`: plain data only, as ``yaml.safe_load`` reads it."""
    return yaml.load(text, Loader=SAFE_LOADER)


def read_yaml(name: str) -> dict:
    """``analysis/data/<name>`` parsed as YAML; an empty file gives an empty mapping."""
    return load_yaml(read_text(name)) or {}


def word_set(words) -> frozenset[str]:
    """A word list of a data file as the rules compare it: every entry as lower-case text."""
    return frozenset(str(w).lower() for w in words)
