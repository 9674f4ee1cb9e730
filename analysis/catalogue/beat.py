"""What a corpus brings about its beat: its actors and the tone adjustment that fits its vocabulary.

Both are data. The actors are the packaged catalogue with the corpus folder's own ``actors.yaml`` merged over
it (:func:`analysis.catalogue.actors.load_catalogue`). The tone adjustment is chosen in the corpus folder's
``corpus.yaml``::

    tone_adjustment: conflict        # the packaged war-and-conflict adjustment (analysis/data/vader_news_adjustment.yaml)
    tone_adjustment: none            # plain VADER (the default)
    tone_adjustment: my_beat.yaml    # a file of the same shape, in the corpus folder

The default is plain VADER, because an adjustment made for one beat is wrong on another: the conflict one
sets "gains", "support" and "security" to neutral, which is right for territorial gains and wrong for a
market report. Another beat is a data change (a file in the corpus folder), never a code change.

Both files are read as users' YAML (:func:`analysis.reading.user_yaml_text`: size, aliases and nesting
limited), and each must be inside the corpus folder, links followed: ``tone_adjustment: ../../etc/x.yaml`` or
a ``corpus.yaml`` that links elsewhere stops the build with a one-line :class:`SettingsError`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from analysis.catalogue.actors import Catalogue, CatalogueError, load_catalogue
from analysis.datafiles import read_yaml
from analysis.reading import DEFAULT_LIMITS, Limits, YamlRefused, load_user_yaml, printable, user_yaml_text

#: The corpus folder's settings file.
SETTINGS_FILE = "corpus.yaml"
#: Tone adjustments that ship with the package, by the name ``corpus.yaml`` uses.
PACKAGED_TONE_ADJUSTMENTS = {"conflict": "vader_news_adjustment.yaml"}
#: ``tone_adjustment`` value for plain VADER.
NO_ADJUSTMENT = "none"
#: The data file of beats, in ``analysis/data/``: the beats a ``tone_adjustment`` may name.
BEATS_FILE = "beats.yaml"
#: The beat of a corpus whose ``corpus.yaml`` names no packaged beat.
GENERAL_BEAT = "general"


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


def tone_adjustment(
    choice: str, folder: Path | None, *, limits: Limits = DEFAULT_LIMITS
) -> tuple[tuple[str, float], ...]:
    """The word -> valence pairs ``choice`` names: a packaged name, ``none``, or a file in ``folder``.

    Raises:
        SettingsError: ``choice`` names none of those, or a file outside ``folder`` (links followed), or one
            that cannot be read.
    """
    if choice == NO_ADJUSTMENT:
        return ()
    if choice in PACKAGED_TONE_ADJUSTMENTS:
        return _adjustment(read_yaml(PACKAGED_TONE_ADJUSTMENTS[choice]), choice)
    path = (folder or Path(".")) / choice
    if not path.is_file():
        known = ", ".join([NO_ADJUSTMENT, *PACKAGED_TONE_ADJUSTMENTS])
        raise SettingsError(
            printable(f"tone_adjustment {choice!r} is neither {known} nor a file in {folder}: fix corpus.yaml")
        )
    return _adjustment(_read(path, folder or Path("."), limits) or {}, printable(str(path)))


def _read(path: Path, folder: Path, limits: Limits):
    """A settings file of the corpus folder, as YAML, or a :class:`SettingsError` naming it."""
    shown = printable(str(path))
    try:
        return load_user_yaml(user_yaml_text(path, folder, limits=limits), limits=limits)
    except YamlRefused as err:
        raise SettingsError(f"{shown} is refused: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise SettingsError(f"{shown}: cannot be read ({err}); save it as UTF-8 text") from None
    except yaml.YAMLError as err:
        problem = " ".join(str(err).split())
        raise SettingsError(f"{shown}: not valid YAML ({problem}): fix or remove it") from None


def load_beat(
    corpus_dir: str | Path | None = None, *, catalogue: Catalogue | None = None, limits: Limits = DEFAULT_LIMITS
) -> Beat:
    """The beat of the corpus in ``corpus_dir`` (a folder), or the packaged defaults for anything else.

    Args:
        catalogue: use this catalogue instead of the one the folder's ``actors.yaml`` gives.
        limits: the limits on the users' YAML read (:class:`~analysis.reading.limits.Limits`).

    Raises:
        CatalogueError: ``actors.yaml`` or ``corpus.yaml`` cannot be used (the message says what to fix).
    """
    folder = Path(corpus_dir) if corpus_dir is not None and Path(corpus_dir).is_dir() else None
    catalogue = catalogue or load_catalogue(folder, limits=limits)
    settings_path = folder / SETTINGS_FILE if folder is not None else None
    settings: dict = {}
    if settings_path is not None and settings_path.is_file():
        settings = _read(settings_path, folder, limits) or {}
        if not isinstance(settings, dict):
            raise SettingsError(
                printable(f"{settings_path}: expected `key: value` settings such as `tone_adjustment: conflict`")
            )
    choice = settings.get("tone_adjustment", NO_ADJUSTMENT)
    if not isinstance(choice, str):
        raise SettingsError(
            printable(f"{settings_path}: tone_adjustment must be a name ({NO_ADJUSTMENT}, conflict) or a file name")
        )
    # the packaged war sides are groups of a war corpus only (Catalogue.for_beat)
    return Beat(catalogue.for_beat(beat_name(choice)), choice, tone_adjustment(choice, folder, limits=limits))


def beat_name(tone_adjustment: str) -> str:
    """The beat of a corpus whose ``corpus.yaml`` chooses ``tone_adjustment``: that name when
    ``analysis/data/beats.yaml`` has a beat of it (``conflict``), else :data:`GENERAL_BEAT`."""
    return tone_adjustment if tone_adjustment in _beat_names() else GENERAL_BEAT


@lru_cache(maxsize=1)
def _beat_names() -> frozenset[str]:
    """The beats of ``beats.yaml``, read once per process (every build and every notebook asks)."""
    return frozenset(read_yaml(BEATS_FILE)["beats"])
