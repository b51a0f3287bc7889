#!/usr/bin/env bash
# Opens the customers export of tests/fixtures/hostile_formulas.csv in LibreOffice Calc
# (headless, formulas evaluated on import) with each separator a spreadsheet may choose —
# comma, semicolon (German/French Excel), TAB, and all three at once — and fails if any
# cell became a formula. A control file with the same ids written raw must give formulas,
# so the check can fail. Needs `soffice` (Debian: libreoffice-calc-nogui) and build/huike.
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${HUIKE_CLI:-build/huike}
command -v soffice >/dev/null || { echo "formula_check: soffice not found (apt-get install libreoffice-calc-nogui)" >&2; exit 2; }
[ -x "$cli" ] || { echo "formula_check: $cli not built" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" customers tests/fixtures/hostile_formulas.csv --no-predict --out "$work/export.csv"
# The control: the fixture's customer ids as a naive writer would put them, unquoted.
tail -n +2 tests/fixtures/hostile_formulas.csv | sed 's/,[^,]*,[^,]*$//' > "$work/control.csv"

# Prints the number of formula cells LibreOffice makes of $1 with separators $2.
formulas() {
  local name out
  name=$(basename "$1" .csv)
  out="$work/out-$RANDOM"
  # Tokens: separators, quote ("), UTF-8 (76), from line 1, ..., 13th = evaluate formulas.
  HOME="$work" soffice --headless --convert-to xlsx \
    --infilter="CSV:$2,34,76,1,,0,false,true,false,false,false,-1,true" --outdir "$out" "$1" >/dev/null 2>&1
  python3 - "$out/$name.xlsx" <<'PY'
import re, sys, zipfile
sheet = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
print(len(re.findall(r"<f[ >]", sheet)))
PY
}

status=0
for separators in 44 59 9 44/59/9; do
  exported=$(formulas "$work/export.csv" "$separators")
  control=$(formulas "$work/control.csv" "$separators")
  echo "separators $separators: formula cells in the export $exported, in the raw control $control"
  [ "$exported" = 0 ] || status=1
  [ "$control" != 0 ] || { echo "formula_check: the control made no formula; the check is broken" >&2; status=1; }
done
[ "$status" = 0 ] && echo "formula_check: no cell of the export became a formula"
exit "$status"
