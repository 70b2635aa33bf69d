// make dist (scripts/dist.mjs): the folder served over HTTP works offline once its
// service worker controls the page, never requesting anything from another origin;
// the single depeche.html works opened from disk (file://). The build goes to a
// scratch folder (not dist/), from the www/pkg that `make site` built.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SEED = '003_ef9561be654d17d8.txt';

let out, server, base, browser;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function stopServer() { if (server && server.exitCode === null) server.kill('SIGTERM'); }

before(async () => {
  for (const f of ['depeche.js', 'depeche_bg.wasm']) {
    assert.ok(existsSync(path.join(ROOT, 'www/pkg', f)), `www/pkg/${f} is missing: run make site first`);
  }
  mkdirSync(SHOTS, { recursive: true });
  out = mkdtempSync(path.join(tmpdir(), 'depeche-dist-'));
  const log = execFileSync(process.execPath, [path.join(ROOT, 'scripts/dist.mjs'), '--out', out], { encoding: 'utf8' });
  process.stdout.write(log);
  const port = await freePort();
  process.on('exit', stopServer);
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', out], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 10000;
  for (;;) {
    try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('http.server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  try { if (browser) await browser.close(); } finally {
    stopServer();
    if (out) rmSync(out, { recursive: true, force: true });
  }
});

function watch(page, problems) {
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`); });
}

async function engineReady(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('status').dataset.state;
    return s === 'empty' || s === 'ready' || s === 'error';
  }, null, { timeout: 20000 });
  assert.notEqual(await page.$eval('#status', (s) => s.dataset.state), 'error', await page.textContent('#status'));
  await page.waitForFunction(() => document.querySelectorAll('#example-picker option').length > 1, null, { timeout: 10000 });
}

/** Pick a seed in the reading view and wait for its analysis; returns what is shown. */
async function analyseSeed(page) {
  const n = await page.$eval('#article', (el) => Number(el.dataset.runs));
  await page.selectOption('#example-picker', SEED);
  await page.waitForFunction((k) => Number(document.getElementById('article').dataset.runs) > k, n, { timeout: 10000 });
  return page.evaluate(() => ({
    state: document.getElementById('status').dataset.state,
    status: document.getElementById('status').textContent,
    marks: document.querySelectorAll('#article mark.entity').length,
    alep: [...document.querySelectorAll('#article mark.entity[data-type="LOCATION"]')].some((m) => m.firstChild.textContent === 'Alep'),
    cards: document.querySelectorAll('#events .event-card').length,
  }));
}

function assertAnalysed(shown, where) {
  assert.equal(shown.state, 'ready', `${where}: ${shown.status}`);
  assert.ok(shown.marks >= 30, `${where}: ${shown.marks} marks`);
  assert.ok(shown.alep, `${where}: Alep highlighted as a LOCATION`);
  assert.ok(shown.cards >= 5, `${where}: ${shown.cards} event cards`);
}

test('the folder: every file listed by the service worker; depeche.html has a hash-only CSP', () => {
  const walk = (d) => readdirSync(d).flatMap((n) => {
    const p = path.join(d, n);
    return statSync(p).isDirectory() ? walk(p) : [path.relative(out, p).split(path.sep).join('/')];
  });
  const files = walk(out).sort();
  for (const f of ['index.html', 'embed.html', 'sw.js', '_headers', 'depeche.html', 'js/app.js', 'js/offline.js',
    'js/depeche-view.js', 'pkg/depeche.js', 'pkg/depeche_bg.wasm', `examples/${SEED}`]) {
    assert.ok(files.includes(f), `${f} in dist`);
  }
  // www/ copied wholesale: every module of www/js is there
  for (const f of readdirSync(path.join(ROOT, 'www/js'))) assert.ok(files.includes(`js/${f}`), `js/${f} copied`);
  const sw = readFileSync(path.join(out, 'sw.js'), 'utf8');
  const listed = JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(sw)[1]);
  assert.deepEqual(listed.filter((f) => f !== './').sort(),
    files.filter((f) => !['sw.js', '_headers', 'depeche.html'].includes(f)), 'the precache list is the folder');
  assert.match(sw, /const CACHE = "depeche-\d+\.\d+\.\d+-[0-9a-f]{12}";/);
  assert.match(readFileSync(path.join(out, 'index.html'), 'utf8'), /<script type="module" src="js\/offline\.js"><\/script>/);
  assert.doesNotMatch(readFileSync(path.join(ROOT, 'www/index.html'), 'utf8'), /offline\.js/, 'www/ is left as it was');

  const html = readFileSync(path.join(out, 'depeche.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)[1];
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /'self'|unsafe-inline|https?:|\*/, csp);
  assert.doesNotMatch(html, /<(script|link|img)\b[^>]*\b(src|href)="(?!data:)/, 'nothing loaded from a file or URL');
});

test('served over HTTP: once the service worker controls the page, it works offline; same-origin requests only', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  try {
    await page.goto(base);
    await engineReady(page);
    assertAnalysed(await analyseSeed(page), 'online');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null
      && document.documentElement.dataset.offline === 'ready', null, { timeout: 15000 });
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('depeche-')));
      return { keys, n: (await cache.keys()).length };
    });
    assert.equal(cached.keys.length, 1, JSON.stringify(cached.keys));
    assert.ok(cached.n >= 30, `${cached.n} files cached`);
    assert.match(await page.textContent('footer'), /works offline/);
    assert.equal(await page.getAttribute('footer a.single-file', 'href'), `${base}depeche.html`);

    // No network at all: the browser is offline and the server is gone.
    await context.setOffline(true);
    stopServer();
    await page.reload();
    await engineReady(page);
    const offline = await analyseSeed(page);
    assertAnalysed(offline, 'offline');
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
    await page.screenshot({ path: path.join(SHOTS, 'dist-offline.png') });

    // many articles, offline: the analysis workers and their .wasm come from the cache too
    await page.click('#tab-collection');
    await page.locator('#view-collection input[type=file]').first()
      .setInputFiles([path.join(ROOT, 'www/examples', SEED), path.join(ROOT, 'www/examples/000_e1295d0083729764.txt')]);
    await page.waitForFunction(() => /2/.test(document.getElementById('collection-count').textContent), null, { timeout: 15000 });
    await page.waitForFunction(() => /done|2 \/ 2/i.test(document.getElementById('collection-progress').textContent), null, { timeout: 20000 });

    // the embedding demo too, offline
    await page.goto(`${base}embed.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('depeche-view')]
      .every((v) => v.analysis && v.analysis.events.length > 0), null, { timeout: 15000 });

    const origin = new URL(base).origin;
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    assert.deepEqual(foreign, [], 'every request stays on the page\'s origin');
    assert.ok(requests.some((u) => u.endsWith('/sw.js')), 'the service worker was fetched');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('depeche.html from disk (file://): examples, highlights and events, nothing blocked', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  watch(page, problems);
  const url = pathToFileURL(path.join(out, 'depeche.html')).href;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(url);
    await engineReady(page);
    assert.equal(await page.$$eval('#example-picker option', (os) => os.length), 6, 'the five examples, inlined');
    assert.match(await page.textContent('#version'), /^\d+\.\d+\.\d+/);
    assertAnalysed(await analyseSeed(page), 'file://');

    // pasted text
    const n = await page.$eval('#article', (el) => Number(el.dataset.runs));
    await page.fill('#input', "Jeudi dernier, l'aviation russe a bombardé Alep, tuant au moins douze civils, selon l'OSDH.");
    await page.click('#analyse');
    await page.waitForFunction((k) => Number(document.getElementById('article').dataset.runs) > k, n);
    assert.ok(await page.$$eval('#article mark.entity', (ms) => ms.some((m) => m.dataset.type === 'ARMED_GROUP')));
    assert.equal(await page.$$eval('#events .event-card', (cs) => cs.length), 1);

    // the data the other views fetch is served from the page itself
    const world = await page.evaluate(async () => {
      const res = await fetch(new URL('data/world.json', document.baseURI));
      return { ok: res.ok, size: (await res.text()).length };
    });
    assert.ok(world.ok && world.size > 1000, JSON.stringify(world));
    await page.screenshot({ path: path.join(SHOTS, 'dist-file.png') });

    // many articles: no Web Worker from file://, so they are analysed on the page
    await page.click('#tab-collection');
    const input = page.locator('#view-collection input[type=file]').first();
    await input.setInputFiles([path.join(ROOT, 'www/examples', SEED), path.join(ROOT, 'www/examples/000_e1295d0083729764.txt')]);
    await page.waitForFunction(() => /2/.test(document.getElementById('collection-count').textContent), null, { timeout: 15000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'dist-file-collection.png') });

    assert.deepEqual(requests.filter((u) => u !== url && !/^(data|blob):/.test(u)), [], 'no file or network request');
    assert.deepEqual(problems.filter((p) => !/Web Worker|no Web Workers/i.test(p)), [],
      'no console errors (blocked loads, CSP violations)');
  } finally { await page.close(); }
});
