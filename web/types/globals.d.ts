// What the bundler and the page's other inlined scripts provide.
/** The engine glue (wasm inlined) defines this in the worker's global scope. */
declare const createHuikeModule: (args?: object) => Promise<any>;
declare module 'huike:worker-source' { const source: string; export default source; }
declare module 'huike:demo-csv' { const csv: string; export default csv; }
declare module 'huike:page-markup' { const html: string; export default html; }
declare module 'huike:styles' { const css: string; export default css; }
