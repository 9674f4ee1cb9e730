# Two commands do everything: `make run` (tables, notebooks, HTML) and `make test` (every test).
# Both create .venv and install the project into it first; nothing is installed by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNEL := newsroom-claims

# The corpus to analyse, and where its results go: build/ for seeds/, build/<folder name>/ for any other.
SEEDS ?= seeds
ifeq ($(abspath $(SEEDS)),$(abspath seeds))
OUT ?= build
else
OUT ?= build/$(notdir $(abspath $(SEEDS)))
endif

SEED_FILES := $(wildcard $(SEEDS)/*.txt $(SEEDS)/*.md $(SEEDS)/*.meta.json)
LIB_FILES := $(wildcard analysis/*.py analysis/data/*)
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
EXECUTED := $(patsubst notebooks/%.ipynb,$(OUT)/notebooks/%.ipynb,$(NOTEBOOKS))
HTML := $(patsubst notebooks/%.ipynb,$(OUT)/html/%.html,$(NOTEBOOKS))

.PHONY: run test lab tables notebooks html readme update-notebooks benchmark clean
.DELETE_ON_ERROR:

run: tables notebooks html
	@echo
	@echo "Tables:    $(OUT)/tables/   (one CSV per table; Parquet beside it)"
	@echo "Notebooks: $(OUT)/notebooks/ (executed on $(SEEDS))"
	@echo "HTML:      $(OUT)/html/      (open in a browser)"

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[notebooks,test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (newsroom-claims)" >/dev/null
	touch $@

tables: $(OUT)/tables/.built
$(OUT)/tables/.built: $(STAMP) $(SEED_FILES) $(LIB_FILES)
	$(BIN)/python -m analysis build $(SEEDS) --out $(OUT)/tables
	touch $@

notebooks: $(EXECUTED)
$(OUT)/notebooks/%.ipynb: notebooks/%.ipynb $(OUT)/tables/.built
	@mkdir -p $(@D)
	$(BIN)/papermill --no-progress-bar --log-level WARNING -k $(KERNEL) --cwd notebooks \
		-p corpus_dir "$(abspath $(SEEDS))" $< $@

html: $(HTML)
$(OUT)/html/%.html: $(OUT)/notebooks/%.ipynb
	@mkdir -p $(@D)
	$(BIN)/jupyter nbconvert --log-level WARN --to html --output-dir $(@D) $<

# For maintainers: the README's data dictionary, regenerated from analysis/schema.py.
readme: $(STAMP)
	$(BIN)/python -m analysis.readme README.md

# For maintainers: re-execute the committed notebooks in place after an intended change of results,
# so that their stored outputs (what nbval compares against) show the new results. Review the diff.
update-notebooks: $(STAMP)
	for nb in $(NOTEBOOKS); do \
		$(BIN)/jupyter nbconvert --log-level WARN --to notebook --execute --inplace \
			--ExecutePreprocessor.kernel_name=$(KERNEL) --ExecutePreprocessor.record_timing=False $$nb || exit 1; done

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py $(SEEDS)

clean:
	rm -rf build
