// The analysis worker's entry (a classic blob worker: file:// allows no other kind). The
// bundler puts it after the engine glue, which defines createHuikeModule.
import { createDispatcher } from './dispatcher.js';

const scope = /** @type {any} */ (self);
const dispatcher = createDispatcher(createHuikeModule, (m, t) => scope.postMessage(m, t || []), undefined, undefined, {
  warmUp: true,
});
scope.onmessage = (/** @type {MessageEvent} */ event) => dispatcher.handle(event.data);
