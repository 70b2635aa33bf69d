// Shared set-up for every browser test: serves www/ with
// python3's http.server on a free 127.0.0.1 port and drives Chromium through
// playwright-core. (Not a test file itself: node --test only runs *.test.mjs here.)

import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = path.join(ROOT, 'www');
export const SHOTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The running server and browser (`ctx.browser`, `ctx.base`) once `useBrowser` set them up. */
export const ctx = { server: null, browser: null, base: '' };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, proc, ms = 10000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`http.server exited early (code ${proc.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`http.server did not answer on ${url} within ${ms} ms`);
}

function stopServer() {
  if (ctx.server && ctx.server.exitCode === null) ctx.server.kill('SIGTERM');
}

/** A new Chromium, launched as every test's (a test that wants a process of its own). */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Register before/after hooks that start and stop the server and the browser. */
export function useBrowser() {
  process.on('exit', stopServer);
  before(async () => {
    for (const f of ['depeche.js', 'depeche_bg.wasm']) {
      if (!existsSync(path.join(WWW, 'pkg', f))) throw new Error(`www/pkg/${f} is missing: run make site first`);
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM=/path)`);
    }
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    ctx.server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', WWW],
      { stdio: 'ignore' });
    ctx.base = `http://127.0.0.1:${port}/`;
    await waitForServer(ctx.base, ctx.server);
    ctx.browser = await launchChromium();
  });
  after(async () => {
    try { if (ctx.browser) await ctx.browser.close(); } finally { stopServer(); }
  });
}

/** A fresh page with the engine loaded; collects page errors and console errors. */
export async function openPage(viewport = { width: 1400, height: 1000 }) {
  const page = await ctx.browser.newPage({ viewport });
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  await page.goto(ctx.base);
  await page.waitForFunction(() => {
    const s = document.getElementById('status').dataset.state;
    return s === 'empty' || s === 'ready' || s === 'error';
  }, null, { timeout: 15000 });
  await page.waitForFunction(() => document.querySelectorAll('#example-picker option').length > 1);
  return { page, problems };
}

export const runs = (page) => page.$eval('#article', (el) => Number(el.dataset.runs));

/** Wait until the page has analysed again since `previous` runs. */
export async function analysedSince(page, previous) {
  await page.waitForFunction((n) => Number(document.getElementById('article').dataset.runs) > n, previous,
    { timeout: 5000 });
}

/** Do something that triggers an analysis, and wait for it. */
export async function analysing(page, action) {
  const n = await runs(page);
  await action();
  await analysedSince(page, n);
}

/** The rendered article, labels removed: must be the input text exactly. */
export function renderedText(page) {
  return page.$eval('#article', (el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll('.label').forEach((l) => l.remove());
    return c.textContent;
  });
}

/** Whether the element's box is inside the window (and inside `within`, when given). */
export function inView(page, selector, within = null) {
  return page.$eval(selector, (el, w) => {
    const r = el.getBoundingClientRect();
    if (!(r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0)) return false;
    if (!w) return true;
    const p = document.querySelector(w).getBoundingClientRect();
    return r.top >= p.top - 1 && r.bottom <= p.bottom + 1;
  }, within);
}

/** Wait (smooth scrolling) until the element is in view. */
export async function waitInView(page, selector, within = null, timeout = 3000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await inView(page, selector, within).catch(() => false)) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

/**
 * Record every request a browser context makes (pages, their workers and service
 * workers) and every websocket its pages open; anything not on `origin` (nor data:/
 * blob:) is aborted by a route, so a leak fails at once instead of hanging on a
 * network the test machine may not have. Returns `{ requests, aborted, sockets,
 * navigations, watch(page), outside() }`; call `watch(page)` for each page whose
 * websockets and main-frame navigations should be recorded too.
 */
export async function recordRequests(context, origin) {
  const isLocal = (url) => url.startsWith('data:') || url.startsWith('blob:')
    || (() => { try { return new URL(url).origin === origin; } catch { return false; } })();
  const rec = { requests: [], aborted: [], sockets: [], navigations: [], popups: [] };
  context.on('request', (r) => {
    // (a dedicated worker's requests are told apart by nothing but their URL; a service
    // worker's by serviceWorker())
    rec.requests.push({ url: r.url(), type: r.resourceType(), method: r.method(), worker: Boolean(r.serviceWorker()) });
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    rec.aborted.push(url);
    return route.abort('blockedbyclient');
  });
  rec.watch = (page) => {
    page.on('websocket', (ws) => rec.sockets.push(ws.url()));
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) rec.navigations.push(f.url()); });
    page.on('popup', (p) => rec.popups.push(p.url()));
  };
  rec.outside = () => [...rec.requests.map((r) => r.url), ...rec.aborted, ...rec.sockets, ...rec.navigations]
    .filter((u) => !isLocal(u));
  rec.isLocal = isLocal;
  return rec;
}

/** Requests counted by resource type (service workers' apart), for a test's output. */
export function requestSummary(requests) {
  const by = new Map();
  for (const r of requests) {
    const k = `${r.type}${r.worker ? ' (service worker)' : ''}`;
    by.set(k, (by.get(k) || 0) + 1);
  }
  return [...by].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
}
