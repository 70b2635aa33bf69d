// Cold start of the engine in Chromium (issue #7), RECORDED, not asserted: speed is
// measured here and printed (and written to test-results/cold-start.json), only sanity
// is checked. For each of the five seeds, three times, in a browser process of its own
// (so neither the HTTP cache nor V8's in-process cache of compiled WebAssembly can
// help), a blank document of the page's origin imports pkg/depeche.js and times, with
// performance marks:
//   import   fetching and evaluating the JS glue (pkg/depeche.js);
//   init     its `init`: fetching, compiling and instantiating depeche_bg.wasm
//            (streamed: the download and the compilation overlap; `wasm fetch` is the
//            download alone, from Resource Timing);
//   first    the first `analyze`, on the seed (it also builds the lexicons);
//   warm     a second `analyze` of the same seed;
//   lexicons the first `analyze` of a second instance of the module in the same page
//            (fresh memory, so the lexicons are built again, but V8 reuses the code it
//            compiled): the lexicon build alone; first − lexicons ≈ the functions
//            compiled on their first call (V8 compiles WebAssembly lazily).
// Cold start = import + init + first: from nothing to the seed's first result.
// CPU is the CPU time the browser's renderer processes spent over that cold start (all
// their threads, V8's background compilers included; Chromium counts it in 10 ms
// steps): the work done, which a loaded machine does not inflate as it does the
// elapsed time, so it compares two builds measured at different loads.
// The page's own figure ("engine ready in N ms" in the footer, #version) is read from
// index.html loaded in a fresh context; it times the warm-up analysis after init only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctx, useBrowser, launchChromium, WWW, SHOTS } from './harness.mjs';

useBrowser();

const REPS = 3;
const BUDGET_MS = 100;
const SEEDS = readdirSync(path.join(WWW, 'examples')).filter((f) => f.endsWith('.txt')).sort();

/** One cold run in the page: the figures in ms, and what the two analyses found. */
async function coldRun(page, cdp, text) {
  const cpu = async () => (await cdp.send('SystemInfo.getProcessInfo')).processInfo
    .filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime * 1000, 0);
  const cpuBefore = await cpu();
  await page.evaluate(async (t) => {
    performance.mark('start');
    const core = await import('/pkg/depeche.js');
    performance.mark('imported');
    await core.default();
    performance.mark('ready');
    globalThis.coldCore = core;
    globalThis.coldFirst = core.analyze(t);
    performance.mark('first');
  }, text);
  const cpuCold = (await cpu()) - cpuBefore;
  const r = await page.evaluate(async (t) => {
    const ms = (a, b) => performance.measure(`${a}→${b}`, a, b).duration;
    const [core, a1] = [globalThis.coldCore, globalThis.coldFirst];
    performance.mark('warm-start');
    const a2 = core.analyze(t);
    performance.mark('warm');
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/pkg/depeche_bg.wasm'));
    // a second instance of the module (its own memory, so its lexicons are built again,
    // but the code V8 compiled for the first is reused): its first analyze is the
    // lexicon build alone, and first − this ≈ compiling the functions on first call
    const again = await import('/pkg/depeche.js?second-instance');
    await again.default();
    performance.mark('again');
    again.analyze(t);
    performance.mark('again-first');
    return {
      import: ms('start', 'imported'), init: ms('imported', 'ready'), first: ms('ready', 'first'), warm: ms('warm-start', 'warm'),
      cold: ms('start', 'first'), secondInstance: ms('again', 'again-first'),
      wasmFetch: wasm ? wasm.responseEnd - wasm.startTime : null,
      wasmBytes: wasm ? wasm.encodedBodySize : null,
      entities: a1.entities.length, events: a1.events.length,
      same: JSON.stringify(a1) === JSON.stringify(a2),
    };
  }, text);
  return { ...r, cpu: cpuCold };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;
const stats = (xs) => ({ median: r1(median(xs)), max: r1(Math.max(...xs)), min: r1(Math.min(...xs)) });

test('cold start of the engine on each seed, in a fresh Chromium each time (recorded)', async () => {
  const runs = [];
  const warnings = [];
  const load = os.loadavg()[0];
  for (let rep = 0; rep < REPS; rep++) {
    for (const seed of SEEDS) {
      const text = readFileSync(path.join(WWW, 'examples', seed), 'utf8');
      const browser = await launchChromium();
      try {
        const cdp = await browser.newBrowserCDPSession();
        const page = await browser.newPage();
        page.on('console', (m) => {
          // (the listing has no icon: Chromium asks for /favicon.ico, a 404)
          if ((m.type() === 'warning' || m.type() === 'error') && !/favicon\.ico$/.test(m.location().url)) warnings.push(m.text());
        });
        // a blank document of the page's origin that loads nothing (the pkg/ listing)
        await page.goto(`${ctx.base}pkg/`);
        const r = await coldRun(page, cdp, text);
        runs.push({ seed, rep, ...r });
      } finally { await browser.close(); }
    }
  }

  // the page's own figure, from index.html in a fresh context of the shared browser
  const pageReady = [];
  for (let rep = 0; rep < REPS; rep++) {
    const context = await ctx.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(ctx.base);
      await page.waitForFunction(() => /engine ready in \d+ ms/.test(document.getElementById('version').textContent),
        null, { timeout: 15000 });
      const text = await page.textContent('#version');
      pageReady.push({ text, ms: Number(/engine ready in (\d+) ms/.exec(text)[1]) });
    } finally { await context.close(); }
  }

  // sanity only
  for (const r of runs) {
    for (const k of ['import', 'init', 'first', 'warm', 'cold', 'cpu']) assert.ok(r[k] > 0, `${r.seed} #${r.rep}: ${k} ${r[k]} ms`);
    assert.ok(r.entities > 0, `${r.seed}: entities found`);
    assert.ok(r.wasmBytes > 100000, `${r.seed}: the .wasm was fetched (${r.wasmBytes} B), not cached`);
    assert.ok(r.same, `${r.seed}: the warm analysis gives the same result`);
  }
  assert.ok(pageReady.every((p) => p.ms >= 0));
  assert.deepEqual(warnings, [], 'no console warning (e.g. a fallback from streaming compilation)');

  // the record
  const pad = (s, n) => String(s).padStart(n);
  console.log(`# ${'seed'.padEnd(26)} rep  import    init  (wasm fetch)   first    warm    cold     CPU  lexicons  entities events`);
  for (const r of runs) {
    console.log(`# ${r.seed.padEnd(26)} ${pad(r.rep, 3)} ${pad(r.import.toFixed(1), 7)} ${pad(r.init.toFixed(1), 7)}  (${pad(r.wasmFetch === null ? '?' : r.wasmFetch.toFixed(1), 8)})  ${pad(r.first.toFixed(1), 6)} ${pad(r.warm.toFixed(1), 7)} ${pad(r.cold.toFixed(1), 7)} ${pad(r.cpu.toFixed(0), 7)} ${pad(r.secondInstance.toFixed(1), 9)} ${pad(r.entities, 9)} ${pad(r.events, 6)}`);
  }
  const of = (k) => stats(runs.map((r) => r[k]));
  const summary = {
    import: of('import'), init: of('init'), fetchAndInstantiate: stats(runs.map((r) => r.import + r.init)),
    wasmFetch: stats(runs.map((r) => r.wasmFetch).filter((x) => x !== null)),
    first: of('first'), lexiconBuild: of('secondInstance'), warm: of('warm'), cold: of('cold'), cpu: of('cpu'),
    pageEngineReady: stats(pageReady.map((p) => p.ms)),
  };
  const perSeed = Object.fromEntries(SEEDS.map((s) => {
    const rs = runs.filter((r) => r.seed === s);
    return [s, { cold: stats(rs.map((r) => r.cold)), first: stats(rs.map((r) => r.first)), warm: stats(rs.map((r) => r.warm)),
      bytes: readFileSync(path.join(WWW, 'examples', s)).length }];
  }));
  const line = (label, s) => console.log(`# ${label.padEnd(44)} median ${pad(s.median.toFixed(1), 6)} ms, max ${pad(s.max.toFixed(1), 6)} ms`);
  const loadAfter = os.loadavg()[0];
  console.log(`# over ${SEEDS.length} seeds × ${REPS} repetitions, each in a fresh Chromium `
    + `(load average ${load.toFixed(2)} → ${loadAfter.toFixed(2)} on ${os.cpus().length} CPUs):`);
  line('import pkg/depeche.js', summary.import);
  line('init (fetch + compile + instantiate .wasm)', summary.init);
  line('  of which the .wasm download', summary.wasmFetch);
  line('fetch + instantiate (import + init)', summary.fetchAndInstantiate);
  line('first analyze (builds the lexicons)', summary.first);
  line('  of which the lexicon build (2nd instance)', summary.lexiconBuild);
  line('warm analyze (same seed again)', summary.warm);
  line('page footer, "engine ready in"', summary.pageEngineReady);
  line('renderer CPU over the cold start', summary.cpu);
  console.log(`# cold start (fetch+instantiate+first result): median ${summary.cold.median.toFixed(1)} ms, max ${summary.cold.max.toFixed(1)} ms; budget ${BUDGET_MS} ms`);

  const out = {
    date: new Date().toISOString(), browser: ctx.browser.version(), reps: REPS, budgetMs: BUDGET_MS,
    cpus: os.cpus().length, loadAverage: [r1(load), r1(loadAfter)],
    wasmBytes: runs[0].wasmBytes, summary, perSeed, pageReady, runs,
  };
  writeFileSync(path.join(SHOTS, 'cold-start.json'), JSON.stringify(out, null, 1) + '\n');
});
