// Hostile input in the page: markup and script in pasted text or a loaded file never
// executes, nothing is fetched from outside the page's origin, the Content-Security-
// Policy is in effect, and the 5 MB input limit gives a message, not a frozen tab.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, analysing, renderedText, WWW } from './harness.mjs';

useBrowser();

const PAYLOADS = [
  '<script>window.__pwned = "script"; fetch("https://example.invalid/s")</script>',
  '<img src=x onerror="window.__pwned = \'img\'; fetch(\'https://example.invalid/i\')">',
  '<a href="javascript:window.__pwned=\'link\'">Alep</a>',
  '<svg onload="window.__pwned=\'svg\'"><circle r=1></svg>',
  '<iframe src="https://example.invalid/f"></iframe><style>@import "https://example.invalid/c.css";</style>',
];
const HOSTILE = `22-11-2024 07:57 AM Jerusalem Timing\n\n<b>L'armée</b> syrienne ${PAYLOADS[0]} a bombardé Alep\n\n`
  + `Lundi, l'armée syrienne ${PAYLOADS[1]} a bombardé ${PAYLOADS[2]}, selon l'OSDH : 18 civils tués.\n`
  + `${PAYLOADS[3]} Les rebelles ont attaqué Idleb. ${PAYLOADS[4]}\n`;

const sameOrigin = (origin) => (url) => url.startsWith('data:') || new URL(url).origin === origin;

/** Nothing from the payloads ran or was inserted as markup. */
async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
  const bad = await page.$$eval('#article script, #article img, #article iframe, #article svg, #article style, '
    + '#events script, #events img, #events iframe, #events svg, a[href^="javascript:"]', (els) => els.map((e) => e.outerHTML));
  assert.deepEqual(bad, [], 'markup from the input was inserted');
}

test('the page has no inline script, no inline handler and a CSP meta tag', () => {
  for (const f of readdirSync(WWW).filter((x) => x.endsWith('.html'))) {
    const html = readFileSync(path.join(WWW, f), 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(m[1], /\bsrc=/, `${f}: inline <script>`);
      assert.equal(m[2].trim(), '', `${f}: a script with a src has no body`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${f}: inline event handler`);
    assert.doesNotMatch(html, /javascript:/i, `${f}: javascript: URL`);
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    assert.ok(csp, `${f}: no CSP meta tag`);
    const dirs = Object.fromEntries(csp[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(dirs['default-src'], ["'none'"]);
    assert.deepEqual(dirs['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(dirs['connect-src'], ["'self'"]);
    // the analysis workers of "Many articles" (js/worker.js), from the page's own origin only
    if (f === 'index.html') assert.deepEqual(dirs['worker-src'], ["'self'"]);
    for (const [k, v] of Object.entries(dirs)) {
      assert.ok(!v.includes("'unsafe-inline'") && !v.includes("'unsafe-eval'") && !v.some((s) => /^https?:|^\*$/.test(s)),
        `${f}: ${k} ${v.join(' ')} allows too much`);
    }
  }
});

test('the CSP is in effect: an injected inline script, an outside fetch and an outside image are blocked', async () => {
  const { page, problems } = await openPage();
  try {
    // Chromium reports an image blocked by the CSP as a request that fails with
    // net::ERR_BLOCKED_BY_CSP: no response may ever come from outside the origin.
    const origin = new URL(page.url()).origin;
    const answered = [], failed = [];
    page.on('response', (r) => { if (!sameOrigin(origin)(r.url())) answered.push(r.url()); });
    page.on('requestfailed', (r) => { if (!sameOrigin(origin)(r.url())) failed.push(`${r.url()} ${r.failure()?.errorText}`); });
    const result = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const s = document.createElement('script');
      s.textContent = "window.__inline = true; fetch('https://example.invalid/from-inline')";
      document.head.append(s);
      let fetched = 'not blocked';
      try { await fetch('https://example.invalid/from-page'); } catch (err) { fetched = `blocked: ${err.name}`; }
      const img = document.createElement('img');
      img.src = 'https://example.invalid/pixel.png';
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      img.remove();
      return { inline: window.__inline, fetched, violations };
    });
    assert.equal(result.inline, undefined, 'the injected inline script ran');
    assert.match(result.fetched, /^blocked/);
    assert.ok(result.violations.some((v) => v.startsWith('script-src')), `violations: ${result.violations}`);
    assert.ok(result.violations.some((v) => v.startsWith('connect-src') && v.includes('example.invalid')), `violations: ${result.violations}`);
    assert.ok(result.violations.some((v) => v.startsWith('img-src') && v.includes('example.invalid')), `violations: ${result.violations}`);
    assert.deepEqual(answered, [], 'a response came from outside the origin');
    for (const f of failed) assert.match(f, / (csp|net::ERR_BLOCKED_BY_CSP)$/, 'an outside request failed for another reason than the CSP');
    // the console errors are the CSP reports themselves; no page error
    assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
  } finally { await page.close(); }
});

test('pasted markup and script are shown as text and never run', async () => {
  const { page, problems } = await openPage();
  try {
    await analysing(page, () => page.fill('#input', HOSTILE));
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'ready');
    assert.equal(await renderedText(page), HOSTILE, 'the article shows the input as text');
    assert.ok((await page.$$('#article mark.entity')).length > 3, 'entities are still found around the markup');
    // interact: every event card and every entity mark
    for (const card of await page.$$('.event-card')) await card.click();
    for (const mark of (await page.$$('#article mark.entity')).slice(0, 20)) await mark.hover();
    await page.waitForTimeout(200);
    await assertInert(page);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('an .html-looking file with scripts is read as text and never runs', async () => {
  const { page, problems } = await openPage();
  try {
    const html = `<!doctype html><html><head><script>window.__pwned='file'</script></head><body onload="window.__pwned='body'">\n`
      + `${HOSTILE}<meta http-equiv="refresh" content="0;url=https://example.invalid/">\n</body></html>\n`;
    await analysing(page, () => page.setInputFiles('#file-input', { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(html) }));
    assert.equal(await page.inputValue('#input'), html);
    assert.equal(await renderedText(page), html);
    await analysing(page, () => page.setInputFiles('#file-input', { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html + ' ') }));
    await page.waitForTimeout(300);
    await assertInert(page);
    assert.ok(page.url().startsWith('http://127.0.0.1:'), 'the page did not navigate away');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('more than 5 MB, pasted or loaded, gives a clear message and the page stays usable', async () => {
  const { page, problems } = await openPage();
  try {
    const big = 'Alep. '.repeat(900_000); // 5.4 MB
    await analysing(page, () => page.evaluate((t) => {
      const el = document.getElementById('input');
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, big));
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'error');
    assert.match(await page.textContent('#error'), /too large \(5\.\d MB\); the limit is 5 MB/);
    assert.equal(await page.isVisible('#error'), true);
    await analysing(page, () => page.fill('#input', "Lundi, l'armée syrienne a bombardé Alep."));
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'ready');
    assert.equal(await page.isHidden('#error'), true, 'the message goes once the text fits');

    const before = await page.inputValue('#input');
    await page.setInputFiles('#file-input', { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') });
    await page.waitForFunction(() => !document.getElementById('error').hidden);
    assert.match(await page.textContent('#error'), /“big\.txt” is too large \(5\.0 MB\); the limit is 5 MB/);
    assert.equal(await page.inputValue('#input'), before, 'the text area keeps what it had');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a whole session makes no request outside the page origin', async () => {
  const { page, problems } = await openPage();
  try {
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (ws) => requests.push(ws.url()));
    await page.reload();
    await page.waitForFunction(() => ['empty', 'ready'].includes(document.getElementById('status').dataset.state)
      && document.querySelectorAll('#example-picker option').length > 1, null, { timeout: 15000 });
    const origin = new URL(page.url()).origin;
    const files = await page.$$eval('#example-picker option', (os) => os.map((o) => o.value).filter(Boolean));
    for (const f of files) {
      await analysing(page, () => page.selectOption('#example-picker', f));
      for (const card of (await page.$$('.event-card')).slice(0, 5)) await card.click();
      const chip = await page.$('.ent-chip');
      if (chip) await chip.click();
    }
    await analysing(page, () => page.fill('#input', HOSTILE));
    await analysing(page, () => page.setInputFiles('#file-input', { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE) }));
    await page.fill('#ref-date', '2024-11-20');
    await page.dispatchEvent('#ref-date', 'change');
    await page.waitForTimeout(300);
    await assertInert(page);
    const outside = requests.filter((u) => !sameOrigin(origin)(u));
    assert.deepEqual(outside, [], 'requests outside the origin');
    const paths = new Set(requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).pathname));
    for (const p of ['/', '/js/app.js', '/pkg/depeche.js', '/pkg/depeche_bg.wasm']) assert.ok(paths.has(p), `${p} was loaded: ${[...paths]}`);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
