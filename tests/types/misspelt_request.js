// Must NOT type-check (tests/types/run.mjs): a misspelt request type and payload field.
import { EngineClient } from '../../web/client/engine_client.js';

const client = new EngineClient('');
client.request('CUSTOMER_PAGE', { query: {} });
client.request('CUSTOMERS_PAGE', { qery: {} });
client.request('PREDICT', { predict: { horizon: 30 } });
