// A seller portal's TypeScript, compiled against dist/huike-embed.d.ts (tests/types/run.mjs).
import { createAnalyzer, ERROR_CODES, type ErrorCode, type HuikeError, type Report } from '../../dist/huike-embed.mjs';

async function portal(file: File): Promise<number> {
  const analyzer = createAnalyzer();
  const report: Report = await analyzer.analyze(file, { churn_window_days: 180, columns: { customer: '买家会员名' } }, {
    onProgress: (p) => console.log(p.bytes / p.total),
  });
  const page = await analyzer.customersPage({ filter: { status: 'churned' }, sort: 'monetary', limit: 20 });
  const first: string | undefined = page.rows[0]?.customer_id;
  const csv: Blob = await analyzer.customersCsv({ segment_eight: 'important_win_back' }, undefined, { predict: {} });
  const models = await analyzer.predict({ horizon_days: 90, model: 'mbgnbd' });
  analyzer.dispose();
  const element = document.createElement('huike-report');
  element.setAttribute('view', 'overview');
  element.addEventListener('huike-done', () => element.dispose());
  return report.totals.customers + (first ? 1 : 0) + csv.size + models.horizon_days;
}

function describe(e: HuikeError): string {
  const code: ErrorCode = e.code;
  return ERROR_CODES.includes(code) ? `${code} at line ${e.line}` : e.message;
}

export { portal, describe };
