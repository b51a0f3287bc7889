#!/bin/sh
# huike --identity and --csv-lang on the WooCommerce guest fixture. Expected by hand:
# auto: 5 customers (12, bob@, cat@, Eve's phone 555-0199, 14); email: 4 (ann@, bob@, cat@,
# hal@; Eve and Nobody have no e-mail). The zh header starts 客户,手机,邮箱; the en one keeps the keys.
set -eu
huike=$1 fixture=$2 out=$3
fail() { echo "FAIL: $*"; exit 1; }
# Customers = the customers CSV's rows after its header.
customers() {
  "$huike" customers "$fixture" --out "$out/guests_count.csv" --no-predict "$@"
  echo $(($(wc -l < "$out/guests_count.csv") - 1))
}
[ "$(customers)" = 5 ] || fail "auto: $(customers) customers, expected 5"
[ "$(customers --identity email)" = 4 ] || fail "email: $(customers --identity email) customers, expected 4"
"$huike" analyze "$fixture" --identity email | grep -q '"mode": "email"' || fail "the report does not say mode email"
# An identity the file has no column for is a bad option: exit 64, as the README says.
status=0; "$huike" analyze "$(dirname "$fixture")/small_orders.csv" --identity email >/dev/null 2>&1 || status=$?
[ "$status" = 64 ] || fail "--identity email on a file without e-mails exits $status, expected 64"
# An out-of-range flag value names the flag typed, then the option key.
status=0; "$huike" analyze "$fixture" --churn-window 0 >/dev/null 2>"$out/bad_flag.txt" || status=$?
[ "$status" = 64 ] || fail "--churn-window 0 exits $status, expected 64"
grep -q "^huike: error E_BAD_OPTION: --churn-window: option 'churn_window_days' must be a whole number from 1 to 36500" \
  "$out/bad_flag.txt" || fail "--churn-window 0 says: $(cat "$out/bad_flag.txt")"
status=0; "$huike" analyze "$fixture" --high-spend-share 7 >/dev/null 2>"$out/bad_flag.txt" || status=$?
grep -q "^huike: error E_BAD_OPTION: --high-spend-share: option 'high_spend_share'" "$out/bad_flag.txt" ||
  fail "--high-spend-share 7 says: $(cat "$out/bad_flag.txt")"
"$huike" customers "$fixture" --out "$out/guests_zh.csv" --csv-lang zh --no-predict
head -1 "$out/guests_zh.csv" | grep -q "^$(printf '\357\273\277')客户,手机,邮箱,最近购买距今天数," || fail "zh header: $(head -1 "$out/guests_zh.csv")"
grep -q '^bob@example.com,555-0102,bob@example.com,' "$out/guests_zh.csv" || fail "no contact columns in Bob's row"
"$huike" customers "$fixture" --out "$out/guests_en.csv" --no-predict
head -1 "$out/guests_en.csv" | grep -q "customer_id,phone,email,recency_days," || fail "en header: $(head -1 "$out/guests_en.csv")"
for command in winback reminders products cohorts migration; do
  "$huike" "$command" "$fixture" --out "$out/guests_$command.csv" --csv-lang zh
  head -1 "$out/guests_$command.csv" | grep -q '[a-z]' && fail "$command: an English key left in $(head -1 "$out/guests_$command.csv")"
done
echo ok
