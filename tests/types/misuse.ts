// Must NOT compile: each line below is an error a portal engineer should get from the types.
import { createAnalyzer, type ErrorCode } from '../../dist/huike-embed.mjs';

const analyzer = createAnalyzer();
analyzer.analyze('x', { churn_window: 180 });            // misspelt option
analyzer.customersPage({ filter: { status: 'gone' } });   // unknown status
analyzer.customersPage({ sort: 'money' });                // unknown sort key
const code: ErrorCode = 'E_NO_SUCH_CODE';                 // not a code
void code;
