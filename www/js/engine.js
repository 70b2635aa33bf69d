// The analysis engine: the WASM core (pkg/depeche.js), loaded once. Every part of the
// page analyses through here, so the user lexicon set here applies everywhere.

let mod = null;

/** Load and warm up the core; resolves to `{ version, readyMs }`. */
export async function loadEngine() {
  mod = await import('../pkg/depeche.js');
  // The self-contained depeche.html (make dist) inlines the .wasm as bytes here, as
  // file:// pages cannot fetch it.
  const inlined = globalThis.__DEPECHE_WASM_BYTES__;
  await mod.default(inlined ? { module_or_path: inlined } : undefined);
  // Lexicons are compiled on first use: warm up once so the time shown for an
  // article is the analysis, not the one-off set-up.
  const t0 = performance.now();
  mod.analyze("Lundi, l'armée syrienne a bombardé Alep, selon l'OSDH.");
  return { version: mod.version(), readyMs: performance.now() - t0 };
}

export const ready = () => mod !== null;

/** Analyse one text now (main thread); `options` as the core's: `{ referenceDate }`. */
export function analyze(text, options) {
  return mod.analyze(text, options);
}

/**
 * Replace the user lexicon (TSV, see the README's "Your own lexicon"); '' clears it.
 * Resolves to `{ entries }`; rejects with the core's message naming the bad line, in
 * which case the lexicon in use before stays in use.
 */
export async function setLexicon(tsv) {
  return mod.setLexicon(tsv);
}
