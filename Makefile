# Two commands do everything: `make run` (tables, notebooks, HTML) and `make test` (every test).
# Both create .venv and install the project into it first; nothing is installed by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNEL := newsroom-claims

# The corpus to analyse; results go to build/ for seeds/, build/<folder name>-<8 hex digits>/ for any other (see analysis/views/runner.py).
# Any path works, spaces and non-ASCII included: make only passes it on to `python -m analysis run`.
SEEDS ?= seeds
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.PHONY: run test lab readme update-notebooks benchmark clean

run: $(STAMP)
	$(BIN)/python -m analysis run "$(SEEDS)" --excel

# Bytecode is written even where the environment says not to (PYTHONDONTWRITEBYTECODE): the suite starts some
# twenty Python processes (two workers, notebook kernels, command-line runs), and each compiled this package anew.
test: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[notebooks,test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (newsroom-claims)" >/dev/null
	touch $@

# For maintainers: the README's data dictionary, regenerated from analysis/building/schema.py.
readme: $(STAMP)
	$(BIN)/python -m analysis.readme README.md

# For maintainers: re-execute the committed notebooks in place after an intended change of results,
# so that their stored outputs (what nbval compares against) show the new results. Review the diff.
update-notebooks: $(STAMP)
	$(BIN)/python -m analysis build seeds --out build/tables
	for nb in $(NOTEBOOKS); do \
		$(BIN)/jupyter nbconvert --log-level WARN --to notebook --execute --inplace \
			--ExecutePreprocessor.kernel_name=$(KERNEL) --ExecutePreprocessor.record_timing=False $$nb || exit 1; done

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py

clean:
	rm -rf build
