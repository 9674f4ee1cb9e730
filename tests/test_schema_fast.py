"""Validation's fast path (``schema._checked``): the same frame as pandera's ``validate`` where it passes, and
pandera's own error where any check fails."""

from __future__ import annotations

import pandas as pd
import pandera.errors
import pytest

from analysis.building import schema

TABLES = list(schema.TABLES)


def _value(table: str, column: str, row: int):
    """A value of ``column`` that passes its schema's checks, different for each ``row``."""
    spec = schema._schema(table).columns[column]
    checks = {check.name: check._check_kwargs for check in spec.checks}
    if "isin" in checks:
        return sorted(checks["isin"]["allowed_values"])[row % len(checks["isin"]["allowed_values"])]
    if "str_matches" in checks:
        return f"{row:x}" * 64 if row < 10 else "a" * 64
    kind = str(spec.dtype)
    lowest = checks.get("greater_than_or_equal_to", {}).get("min_value", 0)
    if kind in ("int64", "Int64"):
        return lowest + row
    if kind == "float64":
        return lowest + 0.25 * row
    if kind == "bool":
        return row % 2 == 0
    if kind.startswith("datetime64"):
        return pd.Timestamp("2021-03-0%d" % (row + 1), tz="UTC")
    return f"made-up text {row}"


def _records(table: str, rows: int = 2) -> pd.DataFrame:
    """A frame of ``table`` as the build makes it: records of plain Python values, before validation."""
    columns = schema.columns(table)
    return pd.DataFrame.from_records(
        [tuple(_value(table, column, row) for column in columns) for row in range(rows)], columns=columns
    )


@pytest.mark.parametrize("table", TABLES)
def test_a_valid_frame_comes_out_as_pandera_makes_it(table):
    for frame in (_records(table), _records(table).head(0)):
        fast = schema._checked(table, frame)
        assert fast is not None
        pd.testing.assert_frame_equal(fast, schema._schema(table).validate(frame), check_index_type=True)


def test_missing_values_where_the_schema_allows_them_pass_as_pandera_makes_them():
    frame = _records("figures")
    frame.loc[0, ["value", "approximator_start", "approximator_end", "attribution_id"]] = None
    fast = schema._checked("figures", frame)
    assert fast is not None
    pd.testing.assert_frame_equal(fast, schema._schema("figures").validate(frame))


def _broken(table: str, column: str, value) -> pd.DataFrame:
    frame = _records(table)
    frame[column] = frame[column].astype(object)
    frame.loc[1, column] = value
    return frame


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("sentences", "start", -1),  # below its minimum
        ("figures", "approx", "roughly"),  # not one of its values
        ("figures", "text", None),  # missing where it may not be
        ("figures", "figure_id", "seven"),  # no whole number
        ("documents", "sha256", "not a digest"),  # not its pattern
    ],
)
def test_a_failing_check_leaves_the_decision_and_the_error_to_pandera(table, column, value):
    frame = _broken(table, column, value)
    assert schema._checked(table, frame) is None
    with pytest.raises((pandera.errors.SchemaError, pandera.errors.SchemaErrors)):
        schema.validate(table, frame)


def test_columns_out_of_order_missing_or_extra_fail():
    frame = _records("sentences")
    for wrong in (frame[list(reversed(frame.columns))], frame.drop(columns=["text"]), frame.assign(extra=1)):
        assert schema._checked("sentences", wrong) is None
        with pytest.raises((pandera.errors.SchemaError, pandera.errors.SchemaErrors)):
            schema.validate("sentences", wrong)


def test_a_repeated_source_id_fails_where_the_column_is_unique():
    frame = _records("sources")
    frame["source_id"] = "the same id"
    assert schema._checked("sources", frame) is None
    with pytest.raises((pandera.errors.SchemaError, pandera.errors.SchemaErrors)):
        schema.validate("sources", frame)


def test_schemas_built_without_dask_typing_are_pandera_s_and_leave_its_type_lists_as_they_were():
    import pandera.typing as pandera_typing

    for table in TABLES:
        assert repr(schema._schema(table)) == repr(schema.TABLES[table].to_schema())
    # pandera lists the types as it would have (Dask's too, where Dask is installed)
    pandera_typing.get_series_types.cache_clear()
    listed = pandera_typing.get_series_types()
    schema._schema.cache_clear()
    schema._schema("figures")
    assert pandera_typing.get_series_types() == listed
