"""The rows of the numeric-claims tables: ``figures``, ``time_expressions``, ``figure_consistency`` and
``metric_origin``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureRow:
    """One numeric expression; the fields are the ``figures`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    figure_id: int
    value: float
    low: float
    high: float
    approx: str
    approximator: str
    approximator_start: int | None
    approximator_end: int | None
    unit: str
    unit_canonical: str
    quantity_kind: str
    value_si: float
    unit_si: str
    object: str
    object_start: int | None
    object_end: int | None
    event: str
    scope: str
    measure: str
    as_of: str
    combined: bool
    place: str
    modifier: str
    qualifier: str
    attribution_id: int | None
    source: str


@dataclass(frozen=True)
class TimeRow:
    """One date or time expression; the fields are the ``time_expressions`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    time_id: int
    kind: str


@dataclass(frozen=True)
class ConsistencyRow:
    """Two figures of one document about the same measured thing; ``figure_consistency`` columns."""

    sentence_id: int
    start: int
    end: int
    text: str
    figure_id: int
    other_figure_id: int
    other_sentence_id: int
    other: str
    other_start: int
    other_end: int
    object: str
    quantity_kind: str
    unit: str
    low: float
    high: float
    other_low: float
    other_high: float
    overlap: bool
    verdict: str
    finding: str


@dataclass(frozen=True)
class MetricOriginRow:
    """One figure in a unit with a counterpart in the other measurement system; ``metric_origin`` columns."""

    sentence_id: int
    start: int
    end: int
    text: str
    figure_id: int
    value: float
    unit_canonical: str
    converted_value: float
    converted_unit: str
    original_value: float
    original_unit: str
    probably_converted: bool
    implied_low: float
    implied_high: float
    finding: str
