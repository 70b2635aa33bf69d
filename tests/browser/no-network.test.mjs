// The no-network guarantee (issue #8) over a whole session, not one feature at a time:
// every request the browser makes — the page, its analysis workers, any service
// worker — is recorded, and anything not on the page's own origin is aborted by a route
// (so a leak fails loudly here instead of hanging). The session: the five seeds, a paste
// full of hostile markup, a folder of 20 articles in "Many articles" with an .html page
// that points at outside images, scripts, frames, stylesheets, fonts and a meta refresh,
// the events table (sort, filter, open a row), the three exports and a copy, the map and
// the timeline, the user lexicon (add, import, export), a reload; then the same for
// embed.html. Requests are counted by type in the test output.
//
// Articles are made at test time from the seeds in www/examples/ and sentences written
// for the test.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ctx, useBrowser, analysing, recordRequests, requestSummary, WWW, SHOTS } from './harness.mjs';

useBrowser();

const OUT = 'example.com';

// ---- fixtures --------------------------------------------------------------------

const SEED_FILES = readdirSync(path.join(WWW, 'examples')).filter((f) => f.endsWith('.txt')).sort();
const SEEDS = SEED_FILES.map((f) => readFileSync(path.join(WWW, 'examples', f), 'utf8')
  .split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
const PLACES = ['Alep', 'Homs', 'Hama', 'Idleb', 'Deraa', 'Raqqa', 'Damas'];
const pad = (n) => String(n).padStart(2, '0');

function article(i) {
  const seed = SEEDS[i % SEEDS.length];
  const day = new Date(Date.UTC(2024, 2, 1) + i * 5 * 86400000);
  const place = PLACES[i % PLACES.length];
  const body = seed.slice(2);
  const start = (i * 3) % Math.max(1, body.length - 3);
  const paras = body.slice(start, start + 3).map((p) => p.replace(/Alep(?![a-zà-ÿ])/g, place));
  paras.push(`Des raids ont visé les environs de ${place} mardi, faisant au moins ${i + 2} morts, selon l'OSDH.`);
  return {
    iso: `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`,
    dateline: `${pad(day.getUTCDate())}-${pad(day.getUTCMonth() + 1)}-${day.getUTCFullYear()} 10:00 AM Jerusalem Timing`,
    title: seed[1].replace(/Alep(?![a-zà-ÿ])/g, place), paras,
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An article page pointing at everything a page can fetch, from outside. */
function hostileHtml(a) {
  const u = (p) => `http://${OUT}/${p}`;
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=http://${OUT}">
<meta http-equiv="Content-Security-Policy" content="default-src *">
<base href="${u('base/')}">
<title>${esc(a.title)}</title>
<meta property="article:published_time" content="${a.iso}T10:00:00Z">
<link rel="stylesheet" href="//${OUT}/a.css">
<link rel="preload" as="font" type="font/woff2" crossorigin href="https://${OUT}/font.woff2">
<link rel="prefetch" href="${u('next.html')}"><link rel="dns-prefetch" href="//${OUT}"><link rel="preconnect" href="https://${OUT}">
<link rel="icon" href="${u('favicon.ico')}"><link rel="manifest" href="${u('manifest.json')}">
<style>@import url("${u('b.css')}"); @font-face { font-family: Leak; src: url(${u('f.woff2')}) format("woff2"); }
body { font-family: Leak; background: url(${u('body.png')}); } p::after { content: url(${u('after.png')}); }</style>
<script src="https://${OUT}/x.js"></script>
<script>window.__htmlRan = 1; fetch("${u('inline')}"); new Image().src = "${u('beacon.gif')}";</script>
<script type="module">import "${u('mod.js')}";</script>
</head><body onload="fetch('${u('onload')}')" background="${u('bg-attr.png')}">
<article><h1>${esc(a.title)}</h1>
${a.paras.map((p, k) => `<p style="background:url(${u(`p${k}.png`)})">${esc(p)}</p>`).join('\n')}
<p><img src="${u('x.png')}" srcset="${u('x2.png')} 2x" onerror="fetch('${u('err')}')" loading="eager" alt="photo">
<picture><source srcset="${u('p.webp')}" type="image/webp"><img src="${u('p.jpg')}"></picture></p>
<iframe src="${u('frame.html')}"></iframe><iframe srcdoc="<img src=${u('srcdoc.png')}>"></iframe>
<object data="${u('o.swf')}"></object><embed src="${u('e.swf')}">
<video poster="${u('v.jpg')}" src="${u('v.mp4')}" autoplay></video><audio src="${u('a.mp3')}" autoplay></audio>
<svg><image href="${u('s.png')}" width="1" height="1"/><use href="${u('sprite.svg#i')}"/></svg>
<a href="javascript:fetch('${u('js')}')">lien</a> <a href="${u('ping')}" ping="${u('ping2')}">lien 2</a>
<form action="${u('form')}"><input type="image" src="${u('in.png')}"></form>
<link rel="stylesheet" href="${u('late.css')}">
</article></body></html>`;
}

let dir = '';
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'depeche-no-network-'));
  const root = path.join(dir, 'articles');
  const write = (rel, data) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), data);
  };
  for (let i = 0; i < 17; i++) {
    const a = article(i);
    write(`lot-${i % 2}/art-${pad(i)}.txt`, [a.dateline, a.title, ...a.paras].join('\n\n') + '\n');
  }
  write('web/page.html', hostileHtml(article(17)));
  write('web/page2.htm', hostileHtml(article(18)));
  const a = article(19);
  write('data/feed.jsonl', JSON.stringify({ id: 'feed-19', reference_date: a.iso, title: a.title,
    text: `${a.paras.join('\n\n')}\n<img src="http://${OUT}/json.png">` }) + '\n');
});
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

const PASTE = `22-11-2024 07:57 AM Jerusalem Timing\n\nRaids sur Alep <img src=http://${OUT}/x.png onerror="fetch('http://${OUT}/e')">\n\n`
  + `Lundi, l'armée syrienne <script src=https://${OUT}/x.js></script> a bombardé Alep, tuant 12 civils, selon l'OSDH.\n`
  + `<link rel=stylesheet href=//${OUT}/a.css> Les rebelles ont attaqué Idleb. <a href="javascript:fetch('http://${OUT}/j')">Homs</a>\n`
  + `<p style="background:url(http://${OUT}/bg.png)">Des combats ont opposé l'armée au front al-Nosra près de Hama.</p>\n`
  + `<meta http-equiv=refresh content="0;url=http://${OUT}"><iframe src=http://${OUT}/f></iframe>\n`;

// ---- helpers ----------------------------------------------------------------------

/** Record CSP violations in every document and worker-less page of the context. */
async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
  });
}

async function waitReady(page) {
  await page.waitForFunction(() => ['empty', 'ready'].includes(document.getElementById('status').dataset.state)
    && document.querySelectorAll('#example-picker option').length > 1, null, { timeout: 15000 });
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

function report(label, rec, origin) {
  const paths = new Map();
  for (const r of rec.requests) {
    const u = r.url.startsWith('data:') || r.url.startsWith('blob:') ? `${r.url.slice(0, 5)}…` : new URL(r.url).pathname;
    paths.set(u, (paths.get(u) || 0) + 1);
  }
  console.log(`# ${label}: ${rec.requests.length} requests, all from ${origin} or data:/blob: — ${requestSummary(rec.requests)}`);
  console.log(`#   ${[...paths].map(([p, n]) => (n > 1 ? `${p} ×${n}` : p)).join(', ')}`);
}

function assertNothingLeft(rec, origin, violations) {
  const outside = rec.outside();
  assert.deepEqual(outside, [], `requests outside ${origin}`);
  assert.deepEqual(rec.aborted, [], 'requests aborted by the route');
  assert.deepEqual(rec.requests.map((r) => r.url).filter((u) => u.includes(OUT)), [], `a request mentions ${OUT}`);
  assert.deepEqual(rec.sockets, [], 'websockets');
  assert.deepEqual(rec.popups, [], 'windows opened');
  for (const n of rec.navigations) assert.equal(new URL(n).origin, origin, `navigated to ${n}`);
  assert.deepEqual(violations.filter((v) => v.includes(OUT)), [], 'the CSP had to block something from outside');
  // nor anything else: the page renames what a parsed .html file has that the CSP would refuse
  assert.deepEqual(violations, [], 'the CSP had to block something');
}

// ---- the session -------------------------------------------------------------------

test('a whole session, index.html then embed.html: every request on the page origin, none elsewhere', async () => {
  const t0 = Date.now();
  const origin = ctx.base.replace(/\/$/, '');
  const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const rec = await recordRequests(context, origin);
  await recordViolations(context);
  const page = await context.newPage();
  rec.watch(page);
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const violations = [];
  const keepViolations = async () => { violations.push(...await page.evaluate(() => window.__violations.splice(0))); };
  const step = (name) => console.log(`#   ${((Date.now() - t0) / 1000).toFixed(1)} s: ${name}`);
  try {
    // 1. load, and the five seeds
    await page.goto(ctx.base);
    await waitReady(page);
    step('page ready');
    const seeds = await page.$$eval('#example-picker option', (os) => os.map((o) => o.value).filter(Boolean));
    assert.equal(seeds.length, 5);
    for (const f of seeds) {
      await analysing(page, () => page.selectOption('#example-picker', f));
      for (const card of (await page.$$('.event-card')).slice(0, 3)) await card.click();
      for (const mark of (await page.$$('#article mark.entity')).slice(0, 3)) await mark.hover();
    }
    step('5 seeds analysed');

    // 2. a paste full of hostile markup, then the same as a loaded .html file
    await analysing(page, () => page.fill('#input', PASTE));
    for (const card of await page.$$('.event-card')) await card.click();
    await analysing(page, () => page.setInputFiles('#file-input',
      { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(hostileHtml(article(3))) }));
    assert.equal(await page.evaluate(() => window.__htmlRan), undefined, 'a script of the file ran');
    step('hostile paste and file');

    // 3. Many articles: a folder of 20 (with the hostile .html pages) — wait for the end
    await page.click('#tab-collection');
    await page.waitForSelector('#coll-drop');
    await page.setInputFiles('#coll-folder', path.join(dir, 'articles'));
    await page.waitForFunction(() => document.getElementById('coll-progress').dataset.state === 'done', null, { timeout: 30000 });
    assert.match(await page.textContent('#coll-summary'), /^20 articles · [\d,]+ events$/);
    assert.equal(await page.evaluate(() => window.__htmlRan), undefined, 'a script of an .html article ran');
    step(`folder analysed: ${await page.textContent('#coll-summary')}`);

    // 4. the events table: sort, filter, open a row, back
    await page.click('#tbl th[data-key="date"] button');
    await page.click('#tbl th[data-key="fatalities"] button');
    await page.selectOption('#tbl-type', { index: 1 });
    await page.selectOption('#tbl-type', '');
    await page.fill('#tbl-place', 'alep');
    await page.waitForFunction(() => Number(document.getElementById('tbl-count').dataset.shown) > 0);
    await page.click('#tbl tbody tr:first-child .c-snippet');
    await page.waitForSelector('#view-read:not([hidden])');
    await page.waitForSelector('.event-card[aria-pressed="true"]');
    // copy the event opened, as JSON and as text
    await page.click('#article-export [data-copy="json"]');
    await page.waitForFunction(() => document.querySelector('#article-export .export-status').dataset.kind === 'copied');
    assert.ok(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).id, 'an event was copied');
    await page.click('#article-export [data-copy="text"]');
    await page.click('#back-to-table');
    await page.waitForSelector('#view-collection:not([hidden])');
    await page.click('#tbl-reset');
    step('table sorted, filtered, a row opened, an event copied');

    // 5. exports of the collection, then of the article being read
    await page.waitForFunction(() => !document.querySelector('#collection-export [data-format="csv"]').disabled);
    const json = await download(page, '#collection-export [data-format="json"]');
    assert.equal(JSON.parse(json.bytes.toString('utf8')).length, 20);
    const csv = await download(page, '#collection-export [data-format="csv"]');
    assert.match(csv.bytes.toString('utf8'), /^\ufeffevent_date,event_type/);
    const geo = await download(page, '#collection-export [data-format="geojson"]');
    assert.equal(JSON.parse(geo.bytes.toString('utf8')).type, 'FeatureCollection');
    step('collection exported (JSON, CSV, GeoJSON)');

    // 6. the map (hover, click a marker) and the timeline (hover, click a bin, open an event)
    await page.waitForFunction(() => document.querySelector('#map-panel .map-frame')?.dataset.basemap === 'ready', null, { timeout: 10000 });
    await page.waitForSelector('#map-panel .map-marker');
    const fit = await page.$('#map-panel .map-fit-button');
    if (fit) await fit.click();
    await page.hover('#map-panel .map-marker >> nth=0');
    await page.waitForFunction(() => !document.querySelector('#map-panel .viz-tooltip').hidden);
    await page.hover('#map-panel .map-country[data-name="Syria"]', { force: true }).catch(() => {});
    await page.screenshot({ path: path.join(SHOTS, 'no-network-map.png') });
    await page.dispatchEvent('#map-panel .map-marker >> nth=0', 'click');
    await page.waitForSelector('#view-read:not([hidden])');
    const art = await download(page, '#article-export [data-format="geojson"]');
    assert.equal(JSON.parse(art.bytes.toString('utf8')).type, 'FeatureCollection');
    await download(page, '#article-export [data-format="csv"]');
    await download(page, '#article-export [data-format="json"]');
    await page.click('#tab-collection');
    const bin = '#timeline-panel .tl-bin >> nth=0';
    await page.waitForSelector('#timeline-panel .tl-bin');
    await page.hover(bin);
    await page.click(bin);
    await page.waitForSelector('#timeline-panel .timeline-list:not([hidden])');
    await page.click('#timeline-panel .timeline-event >> nth=0');
    await page.waitForSelector('#view-read:not([hidden])');
    step('map and timeline used');

    // 7. My lexicon: add an entry, import a file, export it
    await page.click('#tab-lexicon');
    await page.fill('#lex-name', 'Faucons du Nord');
    await page.selectOption('#lex-type', 'ARMED_GROUP');
    await page.fill('#lex-canonical', 'Brigade des Faucons du Nord');
    await page.click('#lex-add');
    await page.waitForFunction(() => document.getElementById('lexicon-message').dataset.kind === 'ok');
    await page.setInputFiles('#lexicon-import', { name: 'places.tsv', mimeType: 'text/plain',
      buffer: Buffer.from('# places\nTal Refaat\tLOCATION\tTal Rifaat\t\tlat=36.47; lon=37.09\n') });
    await page.waitForFunction(() => document.getElementById('lexicon-count').textContent === '(2)');
    const lex = await download(page, '#lexicon-export');
    assert.match(lex.bytes.toString('utf8'), /Faucons du Nord\tARMED_GROUP/);
    await page.click('#tab-read');
    await analysing(page, () => page.fill('#input', "Lundi, les Faucons du Nord ont attaqué Tal Refaat, près d'Alep."));
    step('lexicon: added, imported, exported');

    // 8. reload: the lexicon is still there; analyse once more
    await keepViolations();
    await page.reload();
    await waitReady(page);
    await page.waitForFunction(() => document.getElementById('lexicon-count').textContent === '(2)');
    await analysing(page, () => page.selectOption('#example-picker', seeds[3]));
    await keepViolations();
    step('reloaded');

    assert.ok(workers.length >= 1, 'the collection was analysed in a worker');
    assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
    assertNothingLeft(rec, origin, violations);
    const paths = new Set(rec.requests.filter((r) => !rec.isLocal(r.url) || r.url.startsWith('http')).map((r) => new URL(r.url).pathname));
    for (const p of ['/', '/js/app.js', '/js/worker.js', '/pkg/depeche.js', '/pkg/depeche_bg.wasm', '/data/world.json']) {
      assert.ok(paths.has(p), `${p} was requested (the recording sees it): ${[...paths]}`);
    }
    report('index.html session', rec, origin);
    if (violations.length) console.log(`#   CSP reports (blocked, same origin or inline): ${violations.join('; ')}`);
    if (problems.length) console.log(`#   console: ${problems.join(' | ')}`);

    // 9. embed.html, in a fresh context: the two elements analysed and used
    const econtext = await ctx.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const erec = await recordRequests(econtext, origin);
    await recordViolations(econtext);
    const epage = await econtext.newPage();
    erec.watch(epage);
    try {
      await epage.goto(`${ctx.base}embed.html`);
      await epage.waitForFunction(() => [...document.querySelectorAll('depeche-view')].every((v) => {
        const st = v.shadowRoot && v.shadowRoot.querySelector('.status');
        return st && st.dataset.state === 'ready';
      }), null, { timeout: 15000 });
      for (const card of (await epage.$$('depeche-view .event-card')).slice(0, 6)) await card.click();
      for (const mark of (await epage.$$('depeche-view mark.entity')).slice(0, 6)) await mark.hover();
      await epage.$eval('#inline-view', (v) => { v.textContent = `${v.textContent} <img src="http://example.com/e.png">`; });
      await epage.waitForTimeout(300);
      const ev = await epage.evaluate(() => window.__violations);
      assertNothingLeft(erec, origin, ev);
      const epaths = new Set(erec.requests.filter((r) => r.url.startsWith('http')).map((r) => new URL(r.url).pathname));
      for (const p of ['/embed.html', '/js/depeche-view.js', '/pkg/depeche_bg.wasm', '/examples/003_ef9561be654d17d8.txt']) {
        assert.ok(epaths.has(p), `${p} was requested: ${[...epaths]}`);
      }
      report('embed.html', erec, origin);
    } finally { await econtext.close(); }
    console.log(`# no-network session: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally { await context.close(); }
});

test('control: the recording sees and stops a request to outside, from the page and from a worker', async () => {
  const origin = ctx.base.replace(/\/$/, '');
  const context = await ctx.browser.newContext();
  const rec = await recordRequests(context, origin);
  const page = await context.newPage();
  rec.watch(page);
  try {
    // a document of the origin without the page's CSP (the pkg/ listing), so nothing is
    // blocked before it reaches the network
    await page.goto(`${ctx.base}pkg/`);
    const outcome = await page.evaluate(async (host) => {
      const img = await new Promise((resolve) => {
        const i = new Image();
        i.onload = () => resolve('loaded');
        i.onerror = () => resolve('failed');
        i.src = `http://${host}/control.png`;
      });
      const fetched = await fetch(`https://${host}/control`).then(() => 'answered', () => 'failed');
      const src = `fetch("http://${host}/from-worker").then(() => postMessage("answered"), () => postMessage("failed"))`;
      const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
      const worker = await new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); });
      return { img, fetched, worker };
    }, OUT);
    assert.deepEqual(outcome, { img: 'failed', fetched: 'failed', worker: 'failed' }, 'aborted, not answered and not left hanging');
    const seen = rec.outside();
    for (const u of [`http://${OUT}/control.png`, `https://${OUT}/control`, `http://${OUT}/from-worker`]) {
      assert.ok(seen.includes(u), `${u} recorded: ${seen}`);
      assert.ok(rec.aborted.includes(u), `${u} aborted`);
    }
    console.log(`# control: ${rec.aborted.length} outside requests seen and aborted (${requestSummary(rec.requests.filter((r) => r.url.includes(OUT)))})`);
  } finally { await context.close(); }
});
