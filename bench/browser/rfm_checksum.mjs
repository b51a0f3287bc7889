// What every contender computes on the benchmark file (bench/btyd_export.h), and the checksum
// that must agree across them: customers, Σ distinct orders, Σ spend (in cents).
// Huike's rules, restated: only rows whose status is paid / 交易成功 count (cancelled and
// refunded rows are left out); the lines of one order (same order id, same customer) are one
// order whose value is the sum of its line amounts; a customer is anyone with a counted row.
// Columns by position: order id, customer, created at, amount, status, title, quantity.

export const COUNTED_STATUSES = ['paid', '交易成功'];

// One DuckDB statement: per-customer recency (days before the day after the latest purchase),
// distinct orders, spend and NTILE(5) scores, summed into the checksum. The score sum keeps
// the window functions from being optimised away.
export function rfmSql(source) {
  const columns = `{'order_id': 'VARCHAR', 'customer': 'VARCHAR', 'created_at': 'TIMESTAMP', 'amount': 'DECIMAL(18,2)',
    'status': 'VARCHAR', 'title': 'VARCHAR', 'quantity': 'INTEGER'}`;
  const statuses = COUNTED_STATUSES.map((s) => `'${s}'`).join(', ');
  return `WITH per_customer AS (
  SELECT customer, max(created_at)::DATE AS last_day, count(DISTINCT order_id) AS frequency, sum(amount) AS monetary
  FROM read_csv('${source}', header = true, delim = ',', quote = '"', escape = '"', columns = ${columns})
  WHERE status IN (${statuses})
  GROUP BY customer
), scored AS (
  SELECT *, date_diff('day', last_day, (SELECT max(last_day) FROM per_customer) + 1) AS recency,
    NTILE(5) OVER (ORDER BY date_diff('day', last_day, (SELECT max(last_day) FROM per_customer) + 1) DESC) AS r_score,
    NTILE(5) OVER (ORDER BY frequency) AS f_score,
    NTILE(5) OVER (ORDER BY monetary) AS m_score
  FROM per_customer
)
SELECT count(*)::BIGINT AS customers, sum(frequency)::BIGINT AS orders, (sum(monetary) * 100)::BIGINT AS spend_cents,
  sum(recency)::BIGINT AS recency_days, sum(r_score + f_score + m_score)::BIGINT AS score_sum
FROM scored`;
}

// The same in plain JS over parsed rows (arrays of strings), for PapaParse. Recency and the
// scores are computed too, so the contender does the same work as the SQL.
export function createRfmAggregator() {
  const counted = new Set(COUNTED_STATUSES);
  /** @type {Map<string, {last: string, orders: number, cents: number}>} */
  const customers = new Map();
  const orders = new Set(); // customer + '\u0001' + order id
  let header = true;
  return {
    /** @param {string[]} row */
    add(row) {
      if (header) {
        header = false;
        return;
      }
      if (row.length < 5 || !counted.has(row[4])) return;
      const id = row[1];
      let c = customers.get(id);
      if (!c) customers.set(id, (c = { last: row[2], orders: 0, cents: 0 }));
      if (row[2] > c.last) c.last = row[2]; // 'YYYY-MM-DD HH:MM:SS' sorts as text
      const key = id + '\u0001' + row[0];
      if (!orders.has(key)) {
        orders.add(key);
        c.orders += 1;
      }
      c.cents += Math.round(Number(row[3]) * 100);
    },
    result() {
      const list = [...customers.values()];
      const dayOf = (/** @type {string} */ t) => Date.parse(t.slice(0, 10) + 'T00:00:00Z') / 86400000;
      const lastDays = list.map((c) => dayOf(c.last));
      const asOf = lastDays.reduce((a, b) => (b > a ? b : a), -Infinity) + 1;
      const recency = lastDays.map((d) => asOf - d);
      let ordersSum = 0, cents = 0, recencyDays = 0;
      list.forEach((c, i) => {
        ordersSum += c.orders;
        cents += c.cents;
        recencyDays += recency[i];
      });
      const scoreSum = ntileSum(recency.map((r) => -r)) + ntileSum(list.map((c) => c.orders)) + ntileSum(list.map((c) => c.cents));
      return { customers: list.length, orders: ordersSum, spend_cents: cents, recency_days: recencyDays, score_sum: scoreSum };
    },
  };
}

// Σ NTILE(5) over ascending `values`: SQL's NTILE, the first n % 5 tiles one longer.
function ntileSum(values) {
  const order = values.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
  const n = order.length, base = Math.floor(n / 5), extra = n % 5;
  let sum = 0, at = 0;
  for (let tile = 1; tile <= 5; tile++) {
    const size = base + (tile <= extra ? 1 : 0);
    sum += tile * size;
    at += size;
  }
  return at === n ? sum : NaN;
}

// The three figures that must agree; anything else a contender returns is information.
export function sameChecksum(a, b) {
  return a.customers === b.customers && a.orders === b.orders && Math.abs(a.spend_cents - b.spend_cents) <= 1;
}
