"""What a corpus brings about its beat: its actors and the tone adjustment that fits its vocabulary.

Both are data. The actors are the packaged catalogue with the corpus folder's own ``actors.yaml`` merged over
it (:func:`analysis.catalogue.actors.load_catalogue`). The tone adjustment is chosen in the corpus folder's
``corpus.yaml``::

    tone_adjustment: conflict        # the packaged war-and-conflict adjustment (analysis/data/vader_news_adjustment.yaml)
    tone_adjustment: none            # plain VADER (the default)
    tone_adjustment: my_beat.yaml    # a file of the same shape, relative to the corpus folder

The default is plain VADER, because an adjustment made for one beat is wrong on another: the conflict one
sets "gains", "support" and "security" to neutral, which is right for territorial gains and wrong for a
market report. Another beat is a data change (a file in the corpus folder), never a code change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis.catalogue.actors import Catalogue, CatalogueError, load_catalogue
from analysis.datafiles import load_yaml, read_yaml

#: The corpus folder's settings file.
SETTINGS_FILE = "corpus.yaml"
#: Tone adjustments that ship with the package, by the name ``corpus.yaml`` uses.
PACKAGED_TONE_ADJUSTMENTS = {"conflict": "vader_news_adjustment.yaml"}
#: ``tone_adjustment`` value for plain VADER.
NO_ADJUSTMENT = "none"


class SettingsError(CatalogueError):
    """The corpus's ``corpus.yaml`` cannot be used; the message names the file and what to fix."""


@dataclass(frozen=True)
class Beat:
    """The actor catalogue and the tone adjustment a corpus is analysed with."""

    catalogue: Catalogue
    tone_adjustment_name: str = NO_ADJUSTMENT
    tone_adjustment: tuple[tuple[str, float], ...] = ()

    def fingerprint(self) -> str:
        """A stable hash of the catalogue and the adjustment (a build cache keys on it)."""
        payload = repr((self.catalogue.fingerprint(), self.tone_adjustment)).encode()
        return hashlib.sha256(payload).hexdigest()


def _adjustment(raw: dict, source: str) -> tuple[tuple[str, float], ...]:
    entries = raw.get("adjustment") if isinstance(raw, dict) else None
    if not isinstance(entries, dict):
        raise SettingsError(f"{source}: expected a mapping `adjustment:` of word: valence")
    try:
        return tuple(sorted((str(word).lower(), float(value)) for word, value in entries.items()))
    except (TypeError, ValueError):
        raise SettingsError(f"{source}: every valence under `adjustment:` must be a number") from None


def tone_adjustment(choice: str, folder: Path | None) -> tuple[tuple[str, float], ...]:
    """The word -> valence pairs ``choice`` names: a packaged name, ``none``, or a file in ``folder``."""
    if choice == NO_ADJUSTMENT:
        return ()
    if choice in PACKAGED_TONE_ADJUSTMENTS:
        return _adjustment(read_yaml(PACKAGED_TONE_ADJUSTMENTS[choice]), choice)
    path = (folder or Path(".")) / choice
    if not path.is_file():
        known = ", ".join([NO_ADJUSTMENT, *PACKAGED_TONE_ADJUSTMENTS])
        raise SettingsError(f"tone_adjustment {choice!r} is neither {known} nor a file in {folder}: fix corpus.yaml")
    return _adjustment(load_yaml(path.read_text(encoding="utf-8")) or {}, str(path))


def load_beat(corpus_dir: str | Path | None = None, *, catalogue: Catalogue | None = None) -> Beat:
    """The beat of the corpus in ``corpus_dir`` (a folder), or the packaged defaults for anything else.

    Args:
        catalogue: use this catalogue instead of the one the folder's ``actors.yaml`` gives.

    Raises:
        CatalogueError: ``actors.yaml`` or ``corpus.yaml`` cannot be used (the message says what to fix).
    """
    folder = Path(corpus_dir) if corpus_dir is not None and Path(corpus_dir).is_dir() else None
    catalogue = catalogue or load_catalogue(folder)
    settings_path = folder / SETTINGS_FILE if folder is not None else None
    settings: dict = {}
    if settings_path is not None and settings_path.is_file():
        try:
            settings = load_yaml(settings_path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as err:
            problem = " ".join(str(err).split())
            raise SettingsError(f"{settings_path}: not valid YAML ({problem}): fix or remove it") from None
        if not isinstance(settings, dict):
            raise SettingsError(f"{settings_path}: expected `key: value` settings such as `tone_adjustment: conflict`")
    choice = str(settings.get("tone_adjustment", NO_ADJUSTMENT))
    return Beat(catalogue, choice, tone_adjustment(choice, folder))
