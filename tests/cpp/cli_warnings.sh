#!/bin/sh
# huike's data warnings on the command line: a file of 30 orders in 2024 and one dated
# 1900-01-05 (line 32) warns W_OUTLIER_DATES on stderr, citing line 32, for analyze and
# predict; --since 2024-01-01 (the warning's suggestion) leaves that row out
# (outside_date_range) and the warning goes; --warn-date-floor-year 1800 silences the rule.
set -eu
huike=$1 out=$2
fail() { echo "FAIL: $*"; exit 1; }
file="$out/cli_outlier.csv"
{
  echo "customer_id,order_id,order_date,amount"
  i=0
  while [ $i -lt 30 ]; do echo "c$((i % 10)),o$i,2024-0$((1 + i % 6))-1$((i % 10)),$((20 + i)).50"; i=$((i + 1)); done
  echo "c3,o30,1900-01-05,99.00"
} > "$file"
"$huike" analyze "$file" > "$out/outlier_report.json" 2> "$out/outlier_err.txt"
grep -q "^huike: warning W_OUTLIER_DATES: .*32" "$out/outlier_err.txt" || fail "no outlier warning: $(cat "$out/outlier_err.txt")"
grep -q '"orders": 31' "$out/outlier_report.json" || fail "a warning must not change the numbers (31 orders)"
"$huike" predict "$file" 2>&1 >/dev/null | grep -q "W_OUTLIER_DATES" || fail "predict does not warn before fitting"
"$huike" analyze "$file" --since 2024-01-01 > "$out/since_report.json" 2> "$out/since_err.txt"
grep -q "W_OUTLIER_DATES" "$out/since_err.txt" && fail "--since did not clear the warning"
grep -q '"orders": 30' "$out/since_report.json" || fail "--since 2024-01-01 must leave 30 orders"
grep -q '"outside_date_range"' "$out/since_report.json" || fail "the left-out row is not counted as outside_date_range"
"$huike" analyze "$file" --warn-date-floor-year 1800 --warn-outlier-years 200 2>&1 >/dev/null | grep -q "W_OUTLIER_DATES" &&
  fail "the settings did not silence the rule"
echo ok
