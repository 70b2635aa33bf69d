// The package's entry point in Node.js (package.json "exports" → "node"): the same
// functions as depeche.js, except that `init()` with no argument reads the .wasm next
// to this file (wasm-bindgen's own init would fetch() it, which Node cannot do for a
// file: URL). Browsers and bundlers use depeche.js directly.

import { readFileSync } from 'node:fs';
import wasmInit, { initSync } from './depeche.js';

export * from './depeche.js';

const wasmUrl = new URL('./depeche_bg.wasm', import.meta.url);

/**
 * Load the WebAssembly core. `await init()` once before `analyze`; a `module_or_path`
 * (bytes, a `WebAssembly.Module`, a URL or a Response) is passed on to wasm-bindgen.
 */
export default async function init(input) {
  if (input !== undefined) return wasmInit(input);
  return initSync({ module: readFileSync(wasmUrl) });
}
