#!/usr/bin/env bash
# Run cronica on the twelve ACLED sets the sessions measure on, two at a time, one JSON each.
#
#   bash eval/acled_sets.sh OUTDIR TAG          -> OUTDIR/TAG-{kdev,dev13,glob,benin,afgh,myan,fresh2,fresh3,fresh4,fresh5,fresh6,fresh7}.json
#   python eval/acled_table.py OUTDIR TAG1,TAG2  -> a table of the scores, set by set
#
# The sets (docs/evaluation.md "Commands"): kenya.csv's dev half (400), the global file's 13 development
# countries (600) and its other countries (700), benin, afghanistan, myanmar (300 each) from
# $CRONICA_DEV_DATA/acled-train (default ../shared/data/dev), and eval/fresh's second to seventh sets.
# All of them are development data now: the honest figure of a fresh set is its first run.
# Takes 5-10 minutes on 2 idle cores. To measure code while editing it, copy src/ and eval/ to a
# directory first and run this script from there with PYTHONPATH pointing at its src.
set -euo pipefail
if [ -z "${VIRTUAL_ENV:-}" ] && [ -x .venv/bin/python ]; then
    # shellcheck disable=SC1091
    . .venv/bin/activate
fi
OUT=${1:?usage: acled_sets.sh OUTDIR TAG}; TAG=${2:?usage: acled_sets.sh OUTDIR TAG}
D=${CRONICA_DEV_DATA:-../shared/data/dev}/acled-train; F=eval/fresh
mkdir -p "$OUT"
DEV13=(IN UA KE SY YE LY SO AZ LB GR TR PS DZ)
SELECT=(); EXCLUDE=()
for c in "${DEV13[@]}"; do SELECT+=(--select-country "$c"); EXCLUDE+=(--exclude-country "$c"); done
run() {
    local name=$1; shift
    cronica eval "$@" --format acled-csv --workers 1 --json "$OUT/$TAG-$name.json" > "$OUT/$TAG-$name.log" 2>&1
}
run kdev "$D/kenya.csv" --split dev --limit 400 &
run dev13 "$D/global-no-latam-2020-apr-may.csv" --split all --limit 600 "${SELECT[@]}" &
wait
run glob "$D/global-no-latam-2020-apr-may.csv" --split all --limit 700 "${EXCLUDE[@]}" &
run benin "$D/benin.csv" --split all --limit 300 &
wait
run afgh "$D/afghanistan-2020-mar.csv" --split all --limit 300 &
run myan "$D/myanmar-2021-explosions.csv" --split all --limit 300 &
wait
run fresh2 "$F/acled-fresh2.csv" --split all &
run fresh3 "$F/acled-fresh3.csv" --split all &
wait
run fresh4 "$F/acled-fresh4.csv" --split all &
run fresh5 "$F/acled-fresh5.csv" --split all &
wait
run fresh6 "$F/acled-fresh6.csv" --split all &
run fresh7 "$F/acled-fresh7.csv" --split all &
wait
echo "done: $OUT/$TAG-*.json"
