"""The README opens with the two commands and carries the data dictionary generated from the schema."""

from analysis.readme import with_dictionary
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_data_dictionary_is_current():
    assert with_dictionary(README) == README, "run `make readme` after changing analysis/building/schema.py"


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```")[1]
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()[1:] if line.strip()]
    assert commands == ["make run", "make test"]


def test_ci_runs_exactly_the_readme_test_command():
    lines = [l for l in (ROOT / ".ci/run").read_text().splitlines() if l and not l.startswith(("#", "set ", "cd "))]
    assert lines == ["make test"]
