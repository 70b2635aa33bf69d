// The user lexicon view (www/js/lexicon.js): an entry added in the page is found by
// the WASM core at once and kept across reloads; a bad file is refused with its lines
// named while the lexicon in use and the built-in ones keep working; export gives back
// the file; names are never markup.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, analysing, SHOTS } from './harness.mjs';

useBrowser();

const TEXT = "Lundi, les Faucons du Nord ont attaqué Tal Refaat, près d'Alep, selon l'OSDH.";

async function analyseInReadView(page, text) {
  await page.click('#tab-read');
  await analysing(page, () => page.fill('#input', text));
  await analysing(page, () => page.click('#analyse'));
}

const markOf = (page, text) => page.$$eval('#article mark.entity', (ms, t) => {
  const m = ms.find((x) => x.dataset.start && x.textContent.replace(/\s*[A-Z_]+$/, '').startsWith(t));
  return m ? { type: m.dataset.type, title: m.title || m.getAttribute('aria-label') || '' } : null;
}, text);

async function addEntry(page, { name, type, canonical = '', aliases = '', inter = '' }) {
  await page.click('#tab-lexicon');
  await page.fill('#lex-name', name);
  await page.selectOption('#lex-type', type);
  await page.fill('#lex-canonical', canonical);
  await page.fill('#lex-aliases', aliases);
  if (inter) await page.selectOption('#lex-inter', inter);
  await page.click('#lex-add');
  await page.waitForFunction(() => !document.getElementById('lexicon-message').hidden);
  return page.$eval('#lexicon-message', (m) => ({ kind: m.dataset.kind, text: m.textContent }));
}

test('an entry added in the page is highlighted at once and survives a reload', async () => {
  const { page, problems } = await openPage();
  try {
    await analyseInReadView(page, TEXT);
    assert.equal(await markOf(page, 'Faucons du Nord'), null, 'unknown before');
    const msg = await addEntry(page, { name: 'Faucons du Nord', type: 'ARMED_GROUP', canonical: 'Brigade des Faucons du Nord', inter: 'rebel' });
    assert.equal(msg.kind, 'ok', msg.text);
    assert.equal(await page.textContent('#lexicon-count'), '(1)');
    assert.equal(await page.$$eval('#lexicon-table tbody tr', (r) => r.length), 1);
    await page.screenshot({ path: path.join(SHOTS, 'lexicon-view.png'), fullPage: true });

    await analyseInReadView(page, TEXT);
    const mark = await markOf(page, 'Faucons du Nord');
    assert.equal(mark && mark.type, 'ARMED_GROUP', 'found after adding');
    const a = await page.evaluate(async (t) => (await import('./js/engine.js')).analyze(t), TEXT);
    const e = a.entities.find((x) => x.text === 'Faucons du Nord');
    assert.equal(e.canonical, 'Brigade des Faucons du Nord');
    assert.equal(e.actor_type, 'rebel');

    await page.reload();
    await page.waitForFunction(() => document.getElementById('status').dataset.state !== 'loading');
    await page.waitForFunction(() => document.getElementById('lexicon-count').textContent === '(1)');
    await analyseInReadView(page, TEXT);
    assert.equal((await markOf(page, 'Faucons du Nord') || {}).type, 'ARMED_GROUP', 'still applied after a reload');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a bad file is refused with its lines named; what was applied stays applied', async () => {
  const { page, problems } = await openPage();
  try {
    assert.equal((await addEntry(page, { name: 'Faucons du Nord', type: 'ARMED_GROUP' })).kind, 'ok');
    const bad = 'Tal Refaat\tLOCATION\nAlep.*|Homs\tLOCATION\nsans colonne\n' + 'x\tPERSON\n';
    await page.setInputFiles('#lexicon-import', { name: 'bad.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(bad) });
    await page.waitForFunction(() => document.getElementById('lexicon-message').dataset.kind === 'error');
    const items = await page.$$eval('#lexicon-message li', (li) => li.map((x) => x.textContent));
    assert.equal(items.length, 3, items.join('\n'));
    assert.match(items[0], /^bad\.tsv, line 2: name "Alep\.\*\|Homs" contains/);
    assert.match(items[1], /^bad\.tsv, line 3: expected 2 to 5 tab-separated columns/);
    assert.match(items[2], /line 4: name "x" has fewer than two letters/);
    assert.equal(await page.textContent('#lexicon-count'), '(1)', 'nothing imported');
    await page.screenshot({ path: path.join(SHOTS, 'lexicon-bad-file.png'), fullPage: true });
    await analyseInReadView(page, TEXT);
    assert.equal((await markOf(page, 'Faucons du Nord') || {}).type, 'ARMED_GROUP', 'the lexicon before still applies');
    assert.equal((await markOf(page, 'Alep') || {}).type, 'LOCATION', 'built-in names still found');
    assert.equal(await markOf(page, 'Tal Refaat'), null, 'the good row of the bad file is not applied');

    // a good file merges
    await page.click('#tab-lexicon');
    await page.setInputFiles('#lexicon-import', { name: 'good.tsv', mimeType: 'text/plain',
      buffer: Buffer.from('# places\nTal Refaat\tLOCATION\tTal Rifaat\t\tlat=36.47; lon=37.09\n') });
    await page.waitForFunction(() => document.getElementById('lexicon-count').textContent === '(2)');
    await analyseInReadView(page, TEXT);
    assert.equal((await markOf(page, 'Tal Refaat') || {}).type, 'LOCATION');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('export gives back the file; names and canonicals are never markup', async () => {
  const { page, problems } = await openPage();
  try {
    const refused = await addEntry(page, { name: '<img src=x onerror="window.__pwned=1">', type: 'PERSON' });
    assert.equal(refused.kind, 'error');
    assert.match(refused.text, /contains '<'/);
    const ok = await addEntry(page, { name: 'Abou Test', type: 'PERSON', canonical: '<img src=x onerror="window.__pwned=2">' });
    assert.equal(ok.kind, 'ok', ok.text);
    await analyseInReadView(page, 'Le chef, Abou Test, a été tué lundi.');
    await page.hover('#article mark.entity[data-type="PERSON"]');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$$eval('img', (i) => i.length), 0, 'no element made from a name');
    assert.match(await page.textContent('#details'), /<img src=x/, 'the canonical shows as text');

    await page.click('#tab-lexicon');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#lexicon-export')]);
    assert.equal(download.suggestedFilename(), 'depeche-lexicon.tsv');
    const body = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
    const rows = body.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(rows, ['Abou Test\tPERSON\t<img src=x onerror="window.__pwned=2">']);
    // the exported file is one the core takes back as it is
    const back = await page.evaluate(async (t) => (await import('./js/engine.js')).setLexicon(t), body);
    assert.equal(back.entries, 1);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
