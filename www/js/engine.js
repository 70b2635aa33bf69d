// The analysis engine: the WASM core (pkg/depeche.js), loaded once. Every part of the
// page analyses through here, so the user lexicon set here applies everywhere.
//
// Two ways to analyse:
// - `analyze(text)`: now, on the main thread (short texts: a few milliseconds);
// - `analyzeAsync(text)` and `analyzeMany(docs)`: in Web Workers (worker.js) that run
//   the same core, so long texts and whole collections never freeze the page. When no
//   worker can be started (a page opened from file://, a Content-Security-Policy without
//   worker-src, an old browser), the same calls run on the main thread in small steps,
//   yielding to the page between them.

let mod = null;
let wasmBytes = null;     // the inlined .wasm (self-contained page), posted to workers
let lexiconTsv = '';      // the user lexicon in use, given to every worker

/** Load and warm up the core; resolves to `{ version, readyMs }`. */
export async function loadEngine() {
  mod = await import('../pkg/depeche.js');
  // The self-contained depeche.html (make dist) inlines the .wasm as bytes here, as
  // file:// pages cannot fetch it.
  const inlined = globalThis.__DEPECHE_WASM_BYTES__;
  wasmBytes = inlined || null;
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
 * which case the lexicon in use before stays in use. Applies to the main thread and to
 * every worker (those started later get it too).
 */
export async function setLexicon(tsv) {
  if (typeof mod.setLexicon !== 'function') {
    throw new Error('This build of the analysis engine cannot take a user lexicon yet (no setLexicon).');
  }
  const result = mod.setLexicon(tsv);
  lexiconTsv = tsv;
  for (const w of pool.workers) w.worker.postMessage({ type: 'lexicon', tsv });
  return result;
}

// ---- workers -------------------------------------------------------------------

const BATCH_DOCS = 8;            // at most this many articles per message to a worker
const BATCH_CHARS = 150_000;     // ... and about this much text
const SLICE_MS = 25;             // main-thread fallback: work this long, then yield
const READY_TIMEOUT_MS = 20_000;

const pool = {
  size: Math.max(1, Math.min(3, ((globalThis.navigator && navigator.hardwareConcurrency) || 2) - 1)),
  workers: [],          // { worker, ready, batch: {id, tasks, owner} | null }
  disabled: false,      // no worker could be started: everything runs on the main thread
  failures: 0,
  why: '',              // why workers are disabled
};
const queue = [];       // tasks waiting: { text, options, owner, urgent, resolve }
const urgentQueue = []; // the reading view's: ahead of the collection's
let nextBatch = 1;

/** 'worker' when analyses run in Web Workers, 'main' when on the main thread (fallback). */
export function mode() {
  return pool.disabled ? 'main' : 'worker';
}

/** Why workers are not used ('' when they are). */
export function fallbackReason() {
  return pool.why;
}

function disableWorkers(why) {
  if (pool.disabled) return;
  pool.disabled = true;
  pool.why = why;
  console.warn(`depeche: analysing on the main thread (${why})`);
  for (const w of [...pool.workers]) dropWorker(w, null);
  runMain();
}

/** Stop a worker; its unfinished tasks go back to the queue front (or fail with `error`). */
function dropWorker(w, error) {
  const i = pool.workers.indexOf(w);
  if (i >= 0) pool.workers.splice(i, 1);
  w.worker.terminate();
  if (w.timer) clearTimeout(w.timer);
  if (!w.batch) return;
  const left = w.batch.tasks.filter((t) => !t.settled && !t.owner.aborted);
  w.batch = null;
  if (error) for (const t of left) settle(t, null, error);
  else for (const t of left.reverse()) (t.urgent ? urgentQueue : queue).unshift(t);
}

/** Drop the tasks of aborted owners from both queues. */
function prune() {
  for (const q of [urgentQueue, queue]) {
    let j = 0;
    for (const t of q) if (!t.owner.aborted) q[j++] = t;
    q.length = j;
  }
}

/** The next task for the main thread, urgent first. */
function nextTask() {
  while (urgentQueue.length) { const t = urgentQueue.shift(); if (!t.owner.aborted) return t; }
  while (queue.length) { const t = queue.shift(); if (!t.owner.aborted) return t; }
  return null;
}

function spawn() {
  let worker;
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'depeche-analysis' });
  } catch (err) {
    disableWorkers(`no Web Worker: ${err && err.message ? err.message : err}`);
    return;
  }
  const w = { worker, ready: false, batch: null, timer: 0 };
  pool.workers.push(w);
  const fail = (why) => {
    pool.failures += 1;
    const anyReady = pool.workers.some((x) => x !== w && x.ready);
    if (!w.ready && !anyReady && pool.failures >= 2) { dropWorker(w, null); disableWorkers(why); return; }
    if (pool.failures >= 6) { dropWorker(w, null); disableWorkers(why); return; }
    // a worker that crashed in the middle of a batch: the article it was on fails, the
    // rest of its batch is retried by another
    if (w.batch) {
      const current = w.batch.tasks.find((t) => !t.settled);
      if (current) settle(current, null, `the analysis stopped: ${why}`);
    }
    dropWorker(w, null);
    dispatch();
  };
  w.timer = setTimeout(() => fail('the analysis worker did not start in time'), READY_TIMEOUT_MS);
  worker.onerror = (ev) => { ev.preventDefault(); fail(ev.message || 'the analysis worker could not be started'); };
  worker.onmessageerror = () => fail('a message could not be read');
  worker.onmessage = (ev) => {
    const m = ev.data;
    if (m.type === 'ready') {
      clearTimeout(w.timer);
      w.ready = true;
      dispatch();
    } else if (m.type === 'failed') {
      clearTimeout(w.timer);
      fail(m.message);
    } else if (m.type === 'result') {
      if (!w.batch || w.batch.id !== m.batch) return;
      const t = w.batch.byKey.get(m.key);
      if (t) settle(t, m.analysis, m.error, m.ms);
    } else if (m.type === 'done') {
      if (w.batch && w.batch.id === m.batch) w.batch = null;
      dispatch();
    } else if (m.type === 'lexicon' && m.error) {
      console.error('depeche: the worker refused the lexicon', m.error);
    }
  };
  worker.postMessage({ type: 'init', wasm: wasmBytes, lexicon: lexiconTsv });
}

function settle(task, analysis, error, ms) {
  if (task.settled) return;
  task.settled = true;
  task.resolve({ analysis: error ? null : analysis, error: error || null, ms: ms || 0 });
}

/** The next batch for an idle worker: one urgent task, or up to a few of one owner's. */
function takeBatch() {
  prune();
  if (urgentQueue.length) return [urgentQueue.shift()];
  if (!queue.length) return null;
  const owner = queue[0].owner;
  const tasks = [];
  let chars = 0;
  let i = 0;
  while (i < queue.length && tasks.length < BATCH_DOCS && queue[i].owner === owner) {
    const t = queue[i];
    if (tasks.length && chars + t.text.length > BATCH_CHARS) break;
    tasks.push(t);
    chars += t.text.length;
    i += 1;
  }
  queue.splice(0, i);
  return tasks;
}

function dispatch() {
  if (pool.disabled) { runMain(); return; }
  prune();
  if (!queue.length && !urgentQueue.length) return;
  const idle = pool.workers.filter((w) => w.ready && !w.batch);
  for (const w of idle) {
    const tasks = takeBatch();
    if (!tasks) break;
    const id = nextBatch++;
    w.batch = { id, tasks, byKey: new Map(tasks.map((t, i) => [i, t])) };
    w.worker.postMessage({ type: 'batch', batch: id, jobs: tasks.map((t, i) => ({ key: i, text: t.text, options: t.options })) });
  }
  // start more workers while there is work waiting for them
  const waiting = queue.length + urgentQueue.length;
  const starting = pool.workers.filter((w) => !w.ready).length;
  if (waiting && pool.workers.length < pool.size && starting === 0) spawn();
}

// ---- main-thread fallback ------------------------------------------------------------

let mainTimer = 0;
function runMain() {
  if (mainTimer) return;
  mainTimer = setTimeout(() => {
    mainTimer = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < SLICE_MS) {
      const t = nextTask();
      if (!t) break;
      const s = performance.now();
      let analysis = null, error = null;
      try { analysis = mod.analyze(t.text, t.options); } catch (err) { error = err && err.message ? err.message : String(err); }
      settle(t, analysis, error, performance.now() - s);
    }
    if (queue.length || urgentQueue.length) runMain();
  }, 0);
}

function enqueue(tasks) {
  for (const t of tasks) (t.urgent ? urgentQueue : queue).push(t);
  if (pool.disabled) runMain(); else dispatch();
}

/** Stop the workers running the owner's tasks (they are restarted when needed). */
function abortOwner(owner) {
  owner.aborted = true;
  for (const w of [...pool.workers]) {
    if (w.batch && w.batch.tasks.some((t) => t.owner === owner)) dropWorker(w, null);
  }
  dispatch();
}

const abortError = () => new DOMException('The analysis was cancelled.', 'AbortError');

/**
 * Analyse one text off the main thread (in a worker, ahead of any collection work).
 * Resolves to the core's JSON; rejects with the core's error, or an AbortError when
 * `signal` aborts first (a running analysis then finishes in the background, unused).
 */
export function analyzeAsync(text, options, { signal } = {}) {
  if (!mod) return Promise.reject(new Error('The analysis engine is not loaded.'));
  if (signal && signal.aborted) return Promise.reject(abortError());
  return new Promise((resolve, reject) => {
    const owner = { aborted: false };
    const task = { text, options, owner, urgent: true, settled: false,
      resolve: (r) => (r.error ? reject(new Error(r.error)) : resolve(r.analysis)) };
    if (signal) signal.addEventListener('abort', () => { owner.aborted = true; if (!task.settled) { task.settled = true; reject(abortError()); } }, { once: true });
    enqueue([task]);
  });
}

/**
 * Analyse many articles off the main thread, a few at a time.
 * @param {{ text: string, referenceDate?: string|null }[]} docs
 * @param {{ onResult?: (doc, analysis, error, ms) => void,
 *           onProgress?: (done: number, total: number) => void,
 *           signal?: AbortSignal }} opts
 * @returns {Promise<{ done: number, total: number, cancelled: boolean }>} resolves when
 *   every article is analysed (or failed), or at once when `signal` aborts.
 */
export function analyzeMany(docs, { onResult, onProgress, signal } = {}) {
  if (!mod) return Promise.reject(new Error('The analysis engine is not loaded.'));
  const total = docs.length;
  const owner = { aborted: false };
  let done = 0;
  return new Promise((resolve) => {
    if (!total) { resolve({ done, total, cancelled: false }); return; }
    if (signal) {
      if (signal.aborted) { resolve({ done, total, cancelled: true }); return; }
      signal.addEventListener('abort', () => {
        if (done < total) { abortOwner(owner); resolve({ done, total, cancelled: true }); }
      }, { once: true });
    }
    const tasks = docs.map((doc) => ({
      text: doc.text,
      options: doc.referenceDate ? { referenceDate: doc.referenceDate } : undefined,
      owner, urgent: false, settled: false,
      resolve: ({ analysis, error, ms }) => {
        if (owner.aborted) return;
        done += 1;
        try { if (onResult) onResult(doc, analysis, error, ms); } catch (err) { console.error(err); }
        try { if (onProgress) onProgress(done, total); } catch (err) { console.error(err); }
        if (done === total) resolve({ done, total, cancelled: false });
      },
    }));
    enqueue(tasks);
  });
}
