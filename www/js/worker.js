// The analysis worker (a module worker started by engine.js): the same WASM core as the
// page, analysing batches of articles off the main thread so the page never freezes.
//
// Messages in (handled strictly in order):
//   { type: 'init', wasm, lexicon }  wasm: the .wasm bytes when the page inlines them
//                                     (else the worker fetches pkg/depeche_bg.wasm itself)
//   { type: 'lexicon', tsv }          the user lexicon, as set on the page
//   { type: 'batch', batch, jobs: [{ key, text, options }] }
// Messages out:
//   { type: 'ready', version } | { type: 'failed', message }
//   { type: 'result', batch, key, analysis, error, ms }   one per job, as it is done
//   { type: 'done', batch }
//   { type: 'lexicon', entries, error }

import init, * as core from '../pkg/depeche.js';

const message = (err) => (err && err.message ? err.message : String(err));

async function handle(m) {
  if (m.type === 'init') {
    try {
      await init(m.wasm ? { module_or_path: m.wasm } : undefined);
      core.analyze("Lundi, l'armée syrienne a bombardé Alep, selon l'OSDH."); // warm up the lexicons
      if (m.lexicon && typeof core.setLexicon === 'function') core.setLexicon(m.lexicon);
      self.postMessage({ type: 'ready', version: core.version() });
    } catch (err) {
      self.postMessage({ type: 'failed', message: message(err) });
    }
  } else if (m.type === 'lexicon') {
    try {
      const r = typeof core.setLexicon === 'function' ? core.setLexicon(m.tsv) : { entries: 0 };
      self.postMessage({ type: 'lexicon', entries: r && r.entries, error: null });
    } catch (err) {
      self.postMessage({ type: 'lexicon', entries: null, error: message(err) });
    }
  } else if (m.type === 'batch') {
    for (const job of m.jobs) {
      const t0 = performance.now();
      let analysis = null, error = null;
      try { analysis = core.analyze(job.text, job.options); } catch (err) { error = message(err); }
      self.postMessage({ type: 'result', batch: m.batch, key: job.key, analysis, error, ms: performance.now() - t0 });
    }
    self.postMessage({ type: 'done', batch: m.batch });
  }
}

let chain = Promise.resolve();
self.onmessage = (ev) => { chain = chain.then(() => handle(ev.data)); };
