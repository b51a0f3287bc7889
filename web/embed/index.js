// dist/huike-embed.mjs: `import { createAnalyzer } from './huike-embed.mjs'`, and the
// <huike-report> element (registered on import). Types: dist/huike-embed.d.ts.
export { createAnalyzer } from './analyzer.js';
export { HuikeReportElement } from './huike_report_element.js';
export { ERROR_CODES } from '../protocol/error_codes.js';
