// The analysis worker's entry (a classic blob worker: file:// allows no other kind). The
// bundler puts it after the engine glue, which defines createHuikeModule.
// Split mode's second worker (engines.js) is this same script again, started by the page
// (a worker on file:// may not start one from the page's blob URL): this worker sends the
// page one end of a MessageChannel (SPAWN_SECOND), and the second answers on the other.
import { createDispatcher } from './dispatcher.js';

const scope = /** @type {any} */ (self);
/** @type {(message: string) => void} */
let secondCrashed = () => {};

/** @returns {import('./engines.js').Channel} */
function spawnSecond() {
  const channel = new MessageChannel();
  scope.postMessage({ type: 'SPAWN_SECOND', port: channel.port2 }, [channel.port2]);
  const port = channel.port1;
  return {
    send: (message, transfer) => port.postMessage(message, transfer || []),
    listen: (receive, crashed) => {
      port.onmessage = (/** @type {MessageEvent} */ event) => receive(event.data);
      secondCrashed = crashed;
    },
    terminate: () => {
      scope.postMessage({ type: 'STOP_SECOND' });
      port.close();
    },
  };
}

const dispatcher = createDispatcher(createHuikeModule, (m, t) => scope.postMessage(m, t || []), undefined, undefined, {
  warmUp: true,
  spawnSecond,
});
scope.onmessage = (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (message && message.type === 'SECOND' && message.port) {
    // This worker is another's second: it answers on the port (and reads the File it is given).
    const port = /** @type {MessagePort} */ (message.port);
    const second = createDispatcher(createHuikeModule, (m, t) => port.postMessage(m, t || []));
    port.onmessage = (/** @type {MessageEvent} */ e) => second.handle(e.data);
    return;
  }
  if (message && message.type === 'SECOND_CRASHED') return secondCrashed(message.message);
  dispatcher.handle(message);
};
