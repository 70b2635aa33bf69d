// "Many articles" (www/js/collection.js, engine.js, worker.js): loading a folder and a
// drop of files, skipped and refused files, analysis in a Web Worker with a progress bar,
// cancel and resume, the main-thread fallback, responsiveness with 1,000 articles, and a
// long paste in the reading view analysed in the background.
//
// The 200 test articles are made at test time from the seeds in www/examples/ (dates,
// place names and paragraphs varied) and sentences written for the test.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, analysing, waitInView, WWW, SHOTS } from './harness.mjs';

useBrowser();

// ---- fixtures --------------------------------------------------------------------

const SEEDS = readdirSync(path.join(WWW, 'examples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(path.join(WWW, 'examples', f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
const PLACES = ['Alep', 'Homs', 'Hama', 'Idleb', 'Deraa', 'Lattaquié', 'Raqqa', 'Damas'];
const OWN = [
  (p, d) => `Le ${d}, des combats ont opposé l'armée syrienne aux rebelles près de ${p}, selon l'OSDH.`,
  (p) => `Des raids russes ont visé les environs de ${p}, faisant au moins 4 morts parmi les civils.`,
  (p) => `Une voiture piégée a explosé dans le centre de ${p}, a rapporté l'agence Sana.`,
  (p) => `Les rebelles ont repris une colline stratégique au sud de ${p}.`,
];
const pad = (n) => String(n).padStart(2, '0');

/** Article i: a seed's dateline (date varied), title and a window of its paragraphs. */
function makeArticle(i) {
  const seed = SEEDS[i % SEEDS.length];
  const day = new Date(Date.UTC(2024, 0, 1) + i * 3 * 86400000);
  const iso = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const dateline = `${pad(day.getUTCDate())}-${pad(day.getUTCMonth() + 1)}-${day.getUTCFullYear()} 09:15 AM Jerusalem Timing`;
  const place = PLACES[i % PLACES.length];
  const swap = (t) => t.replace(/Alep(?![a-zà-ÿ])/g, place);
  const body = seed.slice(2);
  const n = 2 + (i % 5);
  const start = (i * 7) % Math.max(1, body.length - n);
  let paras = body.slice(start, start + n).map(swap);
  if (i % 3 === 0) paras.push(swap(SEEDS[(i + 2) % SEEDS.length].slice(2)[i % 5] || ''));   // recombine
  if (i % 4 === 1 && paras[0]) {                                                               // split
    const cut = paras[0].indexOf('. ');
    if (cut > 0) paras.splice(0, 1, paras[0].slice(0, cut + 1), paras[0].slice(cut + 2));
  }
  paras.push(OWN[i % OWN.length](place, `${day.getUTCDate()} ${['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][day.getUTCMonth()]}`));
  paras = paras.filter(Boolean);
  return { i, iso, dateline, title: swap(seed[1]), paras };
}

const asText = (a) => [a.dateline, a.title, ...a.paras].join('\n\n') + '\n';
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Write the 200 articles into a folder tree; returns what the page should make of them:
 * `{ dir, expect: Map(relative path → text) for the .txt/.md files, files }`.
 */
function writeCorpus(root) {
  const expect = new Map();
  const write = (rel, data) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), data);
  };
  let k = 0;
  for (; k < 160; k++) {                                   // 160 .txt in four folders
    const rel = `batch-${k % 4}/art-${String(k).padStart(3, '0')}.txt`;
    write(rel, asText(makeArticle(k)));
    expect.set(rel, asText(makeArticle(k)));
  }
  for (; k < 165; k++) {                                   // 5 .md
    const rel = `notes/art-${k}.md`;
    write(rel, asText(makeArticle(k)));
    expect.set(rel, asText(makeArticle(k)));
  }
  for (; k < 180; k++) {                                   // 15 .html, with a script that must never run
    const a = makeArticle(k);
    write(`web/art-${k}.html`, `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(a.title)}</title>`
      + `<meta property="article:published_time" content="${a.iso}T09:15:00Z">`
      + '<script>window.__htmlRan = (window.__htmlRan || 0) + 1;</script><style>body { color: red }</style></head>'
      + `<body><nav><a href="/">Accueil</a></nav><article><h1>${escapeHtml(a.title)}</h1>`
      + a.paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
      + '<script>document.title = "ran";</script><noscript>Activez JavaScript</noscript></article></body></html>');
  }
  const arr = [];
  for (; k < 190; k++) {                                   // a .json array of 10
    const a = makeArticle(k);
    arr.push({ id: `json-${k}`, title: a.title, text: a.paras.join('\n\n'), reference_date: a.iso });
  }
  write('data/batch.json', JSON.stringify(arr, null, 1));
  const one = makeArticle(k++);                            // a .json object
  write('data/one.json', JSON.stringify({ text: asText(one) }));
  const lines = [];
  for (; k < 200; k++) {                                   // a .jsonl of 9, camelCase date, one blank line
    const a = makeArticle(k);
    lines.push(JSON.stringify({ id: `feed-${k}`, referenceDate: a.iso, title: a.title, text: a.paras.join('\n\n') }));
    if (k === 195) lines.push('');
  }
  write('data/feed.jsonl', lines.join('\n') + '\n');
  write('data/scan.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]));
  return expect;
}

let dir = '';
let expected = null;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'depeche-collection-'));
  expected = writeCorpus(path.join(dir, 'articles'));
});
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

// ---- helpers ----------------------------------------------------------------------

async function openCollection(page) {
  await page.click('#tab-collection');
  await page.waitForSelector('#coll-drop');
}

/** Wait until the run is over; returns the final progress figures. */
async function waitDone(page, timeout = 120000) {
  await page.waitForFunction(() => {
    const p = document.getElementById('coll-progress');
    return !p.hidden && (p.dataset.state === 'done' || p.dataset.state === 'cancelled');
  }, null, { timeout, polling: 100 });
  return page.evaluate(() => {
    const p = document.getElementById('coll-progress');
    const bar = document.getElementById('coll-bar');
    return { state: p.dataset.state, value: bar.value, max: bar.max, text: document.getElementById('coll-progress-text').textContent };
  });
}

/** Every loaded article analysed again on the main thread: its event count, and the table's. */
function recount(page) {
  return page.evaluate(async () => {
    const engine = await import('./js/engine.js');
    const { docs } = await import('./js/collection.js');
    let fresh = 0, stored = 0;
    const mismatched = [];
    for (const d of docs()) {
      const a = engine.analyze(d.text, d.referenceDate ? { referenceDate: d.referenceDate } : undefined);
      fresh += a.events.length;
      stored += d.analysis ? d.analysis.events.length : 0;
      if (!d.analysis || JSON.stringify(a.events) !== JSON.stringify(d.analysis.events)) mismatched.push(d.name);
    }
    const count = document.getElementById('tbl-count');
    return { fresh, stored, mismatched, shown: Number(count.dataset.shown), total: Number(count.dataset.total), docs: docs().length, mode: engine.mode() };
  });
}

// ---- tests ------------------------------------------------------------------------

test('a folder of 200 articles through the folder input: progress, skipped file, events as the core finds them', async () => {
  const { page, problems } = await openPage();
  try {
    await openCollection(page);
    assert.equal(await page.isHidden('#coll-progress'), true, 'no progress bar before anything is loaded');
    assert.match(await page.textContent('#events-table'), /Load articles above/);
    await page.screenshot({ path: path.join(SHOTS, 'collection-empty.png') });

    // watch the bar: it must be seen running, below its end, then at its end
    await page.evaluate(() => {
      window.__seen = [];
      const bar = document.getElementById('coll-bar');
      new MutationObserver(() => {
        const box = document.getElementById('coll-progress');
        window.__seen.push([box.dataset.state, bar.value, bar.max]);
      }).observe(document.getElementById('collection-progress'), { subtree: true, attributes: true, childList: true, characterData: true });
    });
    const t0 = Date.now();
    await page.setInputFiles('#coll-folder', path.join(dir, 'articles'));
    await page.waitForSelector('#coll-progress:not([hidden])', { timeout: 10000 });
    await page.waitForFunction(() => document.getElementById('coll-progress').dataset.state === 'running'
      || document.getElementById('coll-progress').dataset.state === 'done', null, { timeout: 10000 });
    await page.screenshot({ path: path.join(SHOTS, 'collection-progress.png') });
    const end = await waitDone(page);
    const ms = Date.now() - t0;
    console.log(`# 200 articles (folder input): loaded and analysed in ${(ms / 1000).toFixed(1)} s; page says "${end.text}"`);
    assert.equal(end.state, 'done');
    assert.equal(end.max, 200);
    assert.equal(end.value, 200, 'the bar reaches its end');
    assert.match(end.text, /^200 \/ 200 articles, \d+\.\d s — done$/);
    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.some(([s, v, max]) => s === 'running' && v < max), `the bar was seen part-way: ${JSON.stringify(seen.slice(0, 5))}`);

    // the summary, the tab count and the skipped binary
    assert.match(await page.textContent('#coll-summary'), /^200 articles · [\d,]+ events$/);
    assert.equal(await page.textContent('#collection-count'), '(200)');
    const notes = await page.textContent('#coll-notes');
    assert.match(notes, /1 file skipped: not text/);
    assert.match(notes, /scan\.pdf/);

    // every article is there, with the text of its file
    const loaded = await page.evaluate(async () => (await import('./js/collection.js')).docs()
      .map((d) => ({ id: d.id, name: d.name, text: d.text, referenceDate: d.referenceDate, error: d.error })));
    assert.equal(loaded.length, 200);
    assert.equal(new Set(loaded.map((d) => d.id)).size, 200, 'ids are unique');
    assert.deepEqual(loaded.filter((d) => d.error), []);
    for (const [rel, text] of expected) {
      const d = loaded.find((x) => x.name === `articles/${rel}`);
      assert.ok(d, `${rel} is loaded`);
      assert.equal(d.text, text, `${rel}: the text of the file`);
    }
    // html: title and paragraphs, no markup, no script text, the page's date
    const html = loaded.filter((d) => d.name.endsWith('.html'));
    assert.equal(html.length, 15);
    for (const d of html) {
      assert.doesNotMatch(d.text, /<|__htmlRan|document\.title|color: red|Activez JavaScript/, `${d.name}: only the text`);
      assert.match(d.text, /\n\n/, 'paragraphs are kept as blank lines');
      const k = Number(/art-(\d+)\.html$/.exec(d.name)[1]);
      assert.equal(d.referenceDate, makeArticle(k).iso, 'the published_time meta gives the reference date');
    }
    const a170 = makeArticle(170);
    const d170 = html.find((d) => d.name.endsWith('art-170.html'));
    assert.equal(d170.text, [a170.title, ...a170.paras].join('\n\n'), 'the title, then the <article>, menus left out');
    // json and jsonl: ids, titles, reference dates
    const j = loaded.find((d) => d.id === 'json-183');
    assert.ok(j, 'a .json array entry keeps its id');
    assert.equal(j.referenceDate, makeArticle(183).iso);
    assert.ok(j.text.startsWith(`${makeArticle(183).title}\n\n`), 'the title leads the text');
    const f = loaded.find((d) => d.id === 'feed-197');
    assert.ok(f, 'a .jsonl line keeps its id');
    assert.equal(f.referenceDate, makeArticle(197).iso, 'referenceDate (camelCase) is read');
    assert.equal(loaded.filter((d) => d.name.startsWith('articles/data/feed.jsonl')).length, 9, 'the blank line is no article');
    assert.ok(loaded.some((d) => d.name === 'articles/data/one.json'));

    // the scripts never ran
    assert.equal(await page.evaluate(() => window.__htmlRan), undefined, 'a script in an .html file ran');
    assert.notEqual(await page.title(), 'ran');

    // the table has the events the core finds in the same texts
    const c = await recount(page);
    assert.equal(c.mode, 'worker', 'analysed in a Web Worker');
    assert.deepEqual(c.mismatched, [], 'the worker gives what the main thread gives');
    assert.equal(c.stored, c.fresh);
    assert.equal(c.total, c.fresh, 'the table lists every event');
    assert.equal(c.shown, c.fresh);
    assert.ok(c.total > 600, `many events: ${c.total}`);
    assert.equal(await page.textContent('#tbl-count'), `${c.total.toLocaleString('en')} of ${c.total.toLocaleString('en')} events`);
    assert.equal(await page.$$eval('#tbl tbody tr', (rs) => rs.length), 100, 'one page of 100 rows');
    console.log(`# 200 articles: ${c.total} events`);

    await page.screenshot({ path: path.join(SHOTS, 'collection-loaded.png') });
    await page.locator('#events-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'collection-table.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a drop of files on the collection view: html, jsonl, a binary and a file over 5 MB', async () => {
  const { page, problems } = await openPage();
  try {
    await openCollection(page);
    const files = [
      { name: 'un.txt', type: 'text/plain', data: asText(makeArticle(1)) },
      { name: 'deux.md', type: 'text/markdown', data: asText(makeArticle(2)) },
      { name: 'page.html', type: 'text/html', data: readFileSync(path.join(dir, 'articles/web/art-171.html'), 'utf8') },
      { name: 'feed.jsonl', type: 'application/x-ndjson', data: readFileSync(path.join(dir, 'articles/data/feed.jsonl'), 'utf8') },
      { name: 'photo.png', type: 'image/png', data: '\u0089PNG\r\n\u001a\n\u0000\u0000' },
      { name: 'tableur.xlsx', type: 'application/octet-stream', data: 'PK\u0003\u0004' },
      { name: 'énorme.txt', type: 'text/plain', data: 'Alep. '.repeat(900_000) },
      { name: 'cassé.json', type: 'application/json', data: '{"text": "Alep", ' },
    ];
    const dt = await page.evaluateHandle((fs) => {
      const d = new DataTransfer();
      for (const f of fs) d.items.add(new File([f.data], f.name, { type: f.type }));
      return d;
    }, files);
    await page.dispatchEvent('#view-collection', 'dragenter', { dataTransfer: dt });
    assert.equal(await page.isVisible('#drop-overlay'), true, 'the drop overlay appears');
    assert.match(await page.textContent('#drop-overlay'), /add them to the collection/);
    assert.equal(await page.$eval('#coll-drop', (z) => z.classList.contains('dragging')), true);
    await page.dispatchEvent('#view-collection', 'drop', { dataTransfer: dt });
    const end = await waitDone(page);
    assert.equal(await page.isHidden('#drop-overlay'), true);
    // 1 + 1 + 1 + 9 articles; the rest reported
    assert.equal(end.max, 12);
    assert.equal(end.value, 12);
    assert.match(await page.textContent('#coll-summary'), /^12 articles · \d+ events$/);
    const notes = await page.textContent('#coll-notes');
    assert.match(notes, /2 files skipped: not text \(photo\.png, tableur\.xlsx\)/);
    assert.match(notes, /“énorme\.txt” refused: too large \(5\.1 MB; the limit is 5 MB per file\)/);
    assert.match(notes, /1 entry left out: cassé\.json: not valid JSON/);
    assert.equal(await page.evaluate(() => window.__htmlRan), undefined);
    assert.equal(await page.$eval('#view-read', (v) => v.hidden), true, 'still on the collection view');
    const c = await recount(page);
    assert.equal(c.total, c.fresh);
    assert.deepEqual(c.mismatched, []);
    await page.screenshot({ path: path.join(SHOTS, 'collection-drop.png') });

    // dropping on the reading view: several files go to "Many articles"
    await page.click('#tab-read');
    const dt2 = await page.evaluateHandle((fs) => {
      const d = new DataTransfer();
      for (const f of fs) d.items.add(new File([f.data], f.name, { type: 'text/plain' }));
      return d;
    }, [{ name: 'trois.txt', data: asText(makeArticle(3)) }, { name: 'quatre.txt', data: asText(makeArticle(4)) }]);
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt2 });
    await page.waitForFunction(() => document.getElementById('collection-count').textContent === '(14)');
    assert.equal(await page.$eval('#view-collection', (v) => v.hidden), false, 'the collection view is shown');
    await waitDone(page);

    // Clear empties everything
    await page.click('#coll-clear');
    assert.equal(await page.textContent('#coll-summary'), 'No articles loaded yet.');
    assert.equal(await page.isHidden('#coll-notes'), true);
    assert.equal(await page.textContent('#collection-count'), '');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('folders dropped as entries are walked (readEntries in batches of at most 100)', async () => {
  const { page, problems } = await openPage();
  try {
    await openCollection(page);
    const text = asText(makeArticle(5));
    // Chromium gives no directory entries for a synthetic drop: walk stand-ins with the
    // FileSystemDirectoryEntry interface (readEntries returns at most 100 at a time).
    const n = await page.evaluate(async (t) => {
      const file = (p) => ({ isFile: true, isDirectory: false, name: p.split('/').pop(), fullPath: `/${p}`,
        file: (ok) => ok(new File([p.endsWith('.bin') ? '\u0000\u0001' : t], p.split('/').pop())) });
      const dir = (p, children) => ({ isFile: false, isDirectory: true, name: p.split('/').pop(), fullPath: `/${p}`,
        createReader() { let i = 0; return { readEntries: (ok) => { const b = children.slice(i, i + 100); i += b.length; setTimeout(() => ok(b)); } }; } });
      const many = Array.from({ length: 130 }, (_, i) => file(`dossier/a/${String(i).padStart(3, '0')}.txt`));
      const root = dir('dossier', [dir('dossier/a', many), file('dossier/b.txt'), file('dossier/c.bin')]);
      const { addSnapshot } = await import('./js/collection.js');
      const { isMany } = await import('./js/collection-files.js');
      if (!isMany([{ entry: root }])) throw new Error('a folder is "many"');
      const added = await addSnapshot([{ entry: root }]);
      return added.length;
    }, text);
    assert.equal(n, 131);
    await waitDone(page);
    assert.match(await page.textContent('#coll-summary'), /^131 articles/);
    assert.match(await page.textContent('#coll-notes'), /1 file skipped: not text \(dossier\/c\.bin\)/);
    const names = await page.evaluate(async () => (await import('./js/collection.js')).docs().map((d) => d.name));
    assert.equal(names[0], 'dossier/a/000.txt');
    assert.equal(names[129], 'dossier/a/129.txt');
    assert.equal(names[130], 'dossier/b.txt');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

/** 1,000 short articles as files for the file input. */
function shortArticles(n) {
  return Array.from({ length: n }, (_, i) => {
    const a = makeArticle(i);
    const text = [a.dateline, a.title, a.paras[a.paras.length - 1], OWN[(i + 1) % OWN.length](PLACES[(i + 3) % PLACES.length], '3 mars')].join('\n\n');
    return { name: `court-${String(i).padStart(4, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) };
  });
}

test('1,000 articles: the page stays responsive while they are analysed', async () => {
  const { page, problems } = await openPage();
  try {
    await openCollection(page);
    // long tasks (PerformanceObserver) and the longest gap between animation frames
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); })
        .observe({ type: 'longtask', buffered: false });
      window.__gap = 0;
      let last = performance.now();
      const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; window.__raf = requestAnimationFrame(tick); };
      window.__raf = requestAnimationFrame(tick);
    });
    const files = shortArticles(1000);
    const t0 = Date.now();
    await page.setInputFiles('#coll-files', files);
    await page.waitForSelector('#coll-progress:not([hidden])');
    // what came before is the files being handed to the page (Playwright's setInputFiles)
    const loading = await page.evaluate(() => { const l = window.__long; window.__long = []; window.__gap = 0; return l; });
    // typing in a filter while the analysis runs gets an answer quickly
    await page.waitForFunction(() => Number(document.getElementById('coll-bar').value) > 50, null, { timeout: 60000 });
    const typed = await page.evaluate(async () => {
      const input = document.getElementById('tbl-actor');
      const t = performance.now();
      input.focus();
      input.value = 'a';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r()));
      const ms = performance.now() - t;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return ms;
    });
    await page.screenshot({ path: path.join(SHOTS, 'collection-1000-running.png') });
    const end = await waitDone(page, 300000);
    const ms = Date.now() - t0;
    const { long, gap } = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return { long: window.__long, gap: window.__gap }; });
    const longest = Math.max(0, ...long);
    const c = await recount(page);
    console.log(`# 1,000 articles: ${(ms / 1000).toFixed(1)} s in all ("${end.text}"), ${c.total} events; `
      + `while the files were handed over: long tasks ${JSON.stringify(loading)} ms; while analysing: `
      + `long tasks: ${long.length}, longest ${longest} ms; longest gap between frames ${Math.round(gap)} ms; `
      + `input to next frame while analysing: ${Math.round(typed)} ms`);
    assert.equal(end.value, 1000);
    assert.equal(c.total, c.fresh);
    assert.ok(longest < 500, `a main-thread task took ${longest} ms`);
    assert.ok(Math.max(0, ...loading) < 500, `a main-thread task took ${Math.max(0, ...loading)} ms while loading`);
    assert.ok(gap < 500, `no frame for ${Math.round(gap)} ms`);
    assert.ok(typed < 500, `input answered after ${Math.round(typed)} ms`);
    const rows = await page.$$eval('#tbl tbody tr', (rs) => rs.length);
    assert.ok(rows <= 100, `at most one page of rows in the DOM (${rows})`);
    await page.screenshot({ path: path.join(SHOTS, 'collection-1000.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('cancel stops the analysis part-way; the rest can be analysed afterwards', async () => {
  const { page, problems } = await openPage();
  try {
    await openCollection(page);
    await page.setInputFiles('#coll-files', shortArticles(600));
    await page.waitForFunction(() => Number(document.getElementById('coll-bar').value) >= 20, null, { timeout: 60000, polling: 20 });
    await page.click('#coll-cancel');
    const end = await waitDone(page);
    assert.equal(end.state, 'cancelled');
    assert.ok(end.value < 600, `cancelled at ${end.value}`);
    assert.match(end.text, /^Cancelled: \d+ \/ 600 articles analysed in \d+\.\d s$/);
    await page.waitForTimeout(500);
    const after = await page.evaluate(async () => (await import('./js/collection.js')).docs().filter((d) => d.analysis).length);
    assert.ok(after < 600 && after >= end.value, `no more results after cancelling (${after})`);
    assert.equal(await page.isVisible('#coll-resume'), true);
    assert.match(await page.textContent('#coll-resume'), /Analyse the remaining \d+ articles/);
    await page.screenshot({ path: path.join(SHOTS, 'collection-cancelled.png') });
    await page.click('#coll-resume');
    const again = await waitDone(page);
    assert.equal(again.state, 'done');
    assert.equal(again.max, 600 - after);
    const c = await recount(page);
    assert.equal(c.docs, 600);
    assert.deepEqual(c.mismatched, []);
    assert.equal(c.total, c.fresh);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('without Web Workers the collection is analysed on the main thread in small steps', async () => {
  const { page, problems } = await openPage();
  try {
    await page.addInitScript(() => { window.Worker = function NoWorker() { throw new DOMException('Workers are not allowed here', 'SecurityError'); }; });
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status').dataset.state !== 'loading');
    await openCollection(page);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); })
        .observe({ type: 'longtask' });
    });
    await page.setInputFiles('#coll-files', shortArticles(150));
    const end = await waitDone(page);
    assert.equal(end.value, 150);
    const c = await recount(page);
    assert.equal(c.mode, 'main');
    assert.equal(c.total, c.fresh);
    const longest = Math.max(0, ...await page.evaluate(() => window.__long));
    console.log(`# main-thread fallback, 150 articles: "${end.text}", longest task ${longest} ms`);
    assert.ok(longest < 500, `a main-thread task took ${longest} ms`);
    // expected: the one console warning saying why
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a long paste in the reading view is analysed in the background', async () => {
  const { page, problems } = await openPage();
  try {
    const seed = readFileSync(path.join(WWW, 'examples', '003_ef9561be654d17d8.txt'), 'utf8');
    let big = seed;
    while (big.length < 400_000) big += `\n\n${seed.split(/\n\s*\n/).slice(2).join('\n\n')}`;
    await page.evaluate(() => {
      window.__states = [];
      new MutationObserver(() => window.__states.push(document.getElementById('status').dataset.state))
        .observe(document.getElementById('status'), { attributes: true, attributeFilter: ['data-state'] });
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); })
        .observe({ type: 'longtask' });
    });
    await analysing(page, () => page.evaluate((t) => {
      const el = document.getElementById('input');
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, big));
    const states = await page.evaluate(() => window.__states);
    assert.ok(states.includes('busy'), `an "analysing…" status was shown: ${states}`);
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'ready');
    const events = await page.$$eval('.event-card', (cs) => cs.length);
    const fresh = await page.evaluate(async (t) => (await import('./js/engine.js')).analyze(t).events.length, big);
    assert.equal(events, fresh, 'the cards are the core\'s events');
    const long = await page.evaluate(() => window.__long);
    console.log(`# reading view, ${big.length.toLocaleString('en')} characters: ${events} events; long tasks ${JSON.stringify(long)}`);
    // a long list lays out only the cards in view; a trigger far down still brings its card
    assert.equal(await page.$eval('#events', (l) => l.classList.contains('long')), true);
    const far = await page.$$eval('#article .ev-anchor', (as) => as[Math.floor(as.length * 0.8)].dataset.event);
    await page.locator(`#article .ev-anchor[data-event="${far}"]`).first().scrollIntoViewIfNeeded();
    await page.locator(`#article .ev-anchor[data-event="${far}"]`).first().click();
    assert.equal(await page.getAttribute(`.event-card[data-id="${far}"]`, 'aria-pressed'), 'true');
    assert.ok(await waitInView(page, `.event-card[data-id="${far}"]`, '.events-panel', 5000), 'the card is scrolled into view');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('an event of the collection opens in the reading view with its trigger in sight', async () => {
  const { page, problems } = await openPage();
  try {
    await openCollection(page);
    await page.setInputFiles('#coll-files', [0, 1, 2, 3, 4].map((i) => ({ name: `a${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(asText(makeArticle(i * 11))) })));
    await waitDone(page);
    const rows = await page.$$eval('#tbl tbody tr', (rs) => rs.length);
    assert.ok(rows > 20, `${rows} rows`);
    const row = page.locator('#tbl tbody tr').nth(rows - 3);
    const { doc, event } = await row.evaluate((tr) => ({ doc: tr.dataset.doc, event: tr.dataset.event }));
    await row.click();
    await page.waitForSelector('#view-read:not([hidden])');
    const want = await page.evaluate(async ([d, e]) => {
      const x = (await import('./js/collection.js')).docs().find((y) => y.id === d);
      return { text: x.text, trigger: x.analysis.events.find((v) => v.id === e).trigger.text };
    }, [doc, event]);
    assert.equal(await page.inputValue('#input'), want.text);
    assert.equal(await page.getAttribute(`.event-card[data-id="${event}"]`, 'aria-pressed'), 'true');
    assert.equal(await page.$$eval('#article .hl-trigger', (s) => s.map((x) => x.textContent).join('')), want.trigger);
    assert.ok(await waitInView(page, '#article .hl-trigger'), 'the trigger is scrolled into view');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a new user lexicon re-analyses the collection and the reading view, in the workers too', async () => {
  const { page, problems } = await openPage();
  try {
    const brigade = (i) => ({ name: `faucon-${String(i).padStart(3, '0')}.txt`, mimeType: 'text/plain',
      buffer: Buffer.from(`${makeArticle(i).dateline}\n\nAttaque près de Hama\n\nLundi, la Brigade du Faucon a attaqué les positions de l'armée syrienne près de Hama, selon l'OSDH.\n\n${makeArticle(i).paras[0]}\n`) });
    const canonicals = () => page.evaluate(async () => (await import('./js/collection.js')).docs()
      .map((d) => (d.analysis ? d.analysis.entities.filter((e) => e.canonical === 'Falcon Brigade (test)').length : -1)));
    await openCollection(page);
    await page.setInputFiles('#coll-files', Array.from({ length: 40 }, (_, i) => brigade(i)));
    await waitDone(page);
    assert.ok((await canonicals()).every((n) => n === 0), 'not known before');
    // the reading view holds one of them
    await page.click('#tab-read');
    await analysing(page, () => page.fill('#input', brigade(0).buffer.toString()));

    // what lexicon.js does: apply through the engine, then announce
    const entries = await page.evaluate(async () => {
      const engine = await import('./js/engine.js');
      const { emit } = await import('./js/store.js');
      const tsv = 'Brigade du Faucon\tARMED_GROUP\tFalcon Brigade (test)\n';
      const r = await engine.setLexicon(tsv);
      emit('lexicon', { tsv, entries: r.entries });
      return r.entries;
    });
    assert.equal(entries, 1);
    await page.waitForFunction(() => [...document.querySelectorAll('#article mark.entity')].some((m) => /Brigade du Faucon/.test(m.textContent)));
    await page.click('#tab-collection');
    await page.waitForFunction(async () => {
      const { docs } = await import('./js/collection.js');
      return docs().every((d) => d.analysis && d.analysis.entities.some((e) => e.canonical === 'Falcon Brigade (test)'));
    }, null, { timeout: 30000 });
    const after = await waitDone(page);
    assert.equal(after.state, 'done');
    assert.equal(after.max, 40, 're-analysed all 40');

    // a worker started later (after a cancel stops the running one) gets the lexicon too
    await page.setInputFiles('#coll-files', Array.from({ length: 400 }, (_, i) => brigade(100 + i)));
    await page.waitForFunction(() => Number(document.getElementById('coll-bar').value) >= 10, null, { polling: 20 });
    await page.click('#coll-cancel');
    await waitDone(page);
    await page.click('#coll-resume');
    assert.equal((await waitDone(page)).state, 'done');
    const found = await canonicals();
    assert.equal(found.length, 440);
    assert.ok(found.every((n) => n >= 1), `the lexicon entry in every article: ${found.filter((n) => n < 1).length} without`);
    const c = await recount(page);
    assert.deepEqual(c.mismatched, [], 'workers and main thread agree under the lexicon');
    assert.equal(c.mode, 'worker');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a worker that cannot start (blocked, missing) falls back to the main thread too', async () => {
  const { page, problems } = await openPage();
  try {
    // a Worker that is created but then fails to load, as when a CSP or a 404 stops it
    await page.addInitScript(() => {
      window.Worker = class FailingWorker {
        constructor() { setTimeout(() => this.onerror && this.onerror(new ErrorEvent('error', { message: 'blocked for the test' })), 50); }
        postMessage() {}
        terminate() {}
      };
    });
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status').dataset.state !== 'loading');
    await openCollection(page);
    await page.setInputFiles('#coll-files', shortArticles(60));
    const end = await waitDone(page);
    assert.equal(end.value, 60);
    const c = await recount(page);
    assert.equal(c.mode, 'main');
    assert.equal(c.total, c.fresh);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
