"""YAML that users wrote (a ``.md`` article's front matter, a corpus folder's ``corpus.yaml`` and
``actors.yaml``), read with limits.

Plain YAML through the same safe loader as the packaged data files (:data:`analysis.datafiles.SAFE_LOADER`:
no Python objects, no code), and, before any value is built, the parsed document is measured and refused
when it is over a limit of :class:`~analysis.reading.limits.Limits`: its size, the number of its aliases, the
number of values it would hold with every alias counted as the copy it stands for (the "billion laughs" that
expands a kilobyte into gigabytes), and how deep it nests. An alias that refers to itself is refused too.
Anchors and aliases within the limits are read as YAML reads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from analysis.datafiles import SAFE_LOADER
from analysis.reading.limits import DEFAULT_LIMITS, Limits, megabytes


class YamlRefused(Exception):
    """YAML that is over a limit, or a file of it outside the corpus folder; the message is a sentence about
    "it" saying which, and what to do."""


def load_user_yaml(text: str, *, limits: Limits = DEFAULT_LIMITS) -> Any:
    """``text`` parsed as YAML, the values built only once the document is within ``limits``.

    Raises:
        YamlRefused: over a limit (the message says which).
        yaml.YAMLError: not valid YAML.
    """
    size = len(text) if len(text) > limits.metadata_bytes else len(text.encode("utf-8"))
    if size > limits.metadata_bytes:
        raise YamlRefused(
            f"it is over the {megabytes(limits.metadata_bytes)} limit for metadata: shorten it, or raise "
            "Limits.metadata_bytes"
        )
    loader = SAFE_LOADER(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise YamlRefused(_too_deep(limits)) from None
        if node is None:
            return None
        _check(node, limits)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def user_yaml_text(path: Path, folder: Path | None, *, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text of the YAML file ``path`` of the corpus folder ``folder``, for :func:`load_user_yaml`; its size
    is checked before it is read, and, links followed, it must be inside ``folder`` (when one is given).

    Raises:
        YamlRefused: outside ``folder``, or over the size limit.
        OSError, UnicodeDecodeError: it cannot be read as UTF-8 text.
    """
    if folder is not None and not path.resolve().is_relative_to(folder.resolve()):
        raise YamlRefused(
            "it is a link to a file outside the corpus folder, which is not read: copy the file into the folder"
        )
    size = path.stat().st_size
    if size > limits.metadata_bytes:
        raise YamlRefused(
            f"it is {megabytes(size)}, over the {megabytes(limits.metadata_bytes)} limit for metadata: shorten it, "
            "or raise Limits.metadata_bytes"
        )
    return path.read_text(encoding="utf-8")


def _too_deep(limits: Limits) -> str:
    return f"it nests lists or mappings more than {limits.yaml_depth} deep: flatten it"


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check(root: yaml.Node, limits: Limits) -> None:
    """Refuse ``root`` when over ``limits``, in time linear in its parsed size (never expanding an alias).

    An alias is the composer handing out a node it already made, so a node reached again is an alias; the
    expanded size of a node is one plus that of its children, computed once per node, after them.
    """
    expanded: dict[int, int] = {}
    aliases = 0
    # Depth-first, each node entered once: (node, depth, whether its children are done).
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    entered: set[int] = set()
    while stack:
        node, depth, done = stack.pop()
        if done:
            total = 1 + sum(expanded[id(child)] for child in _children(node))
            if total > limits.yaml_nodes:
                raise YamlRefused(
                    f"it expands its aliases to more than {limits.yaml_nodes:,} values (a \"billion laughs\"): "
                    "write the values out"
                )
            expanded[id(node)] = total
            continue
        if id(node) in entered:
            aliases += 1
            if aliases > limits.yaml_aliases:
                raise YamlRefused(
                    f"it uses more than {limits.yaml_aliases} aliases (*name): write the values out instead"
                )
            if id(node) not in expanded:
                raise YamlRefused("it holds an alias inside the value it names (a loop): remove the alias")
            continue
        if depth > limits.yaml_depth:
            raise YamlRefused(_too_deep(limits))
        entered.add(id(node))
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in reversed(_children(node)))
