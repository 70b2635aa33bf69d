// Exports (www/js/export.js): JSON, ACLED CSV and GeoJSON of the article being read and
// of a collection of the five seeds, downloaded for real and parsed back here; copying
// the selected event card, through the Clipboard API and through the fallbacks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ctx, useBrowser, openPage, runs, analysedSince, WWW, SHOTS } from './harness.mjs';
import { SEEDS, loadSeeds, geoOf } from './viz-helpers.mjs';

useBrowser();

const COLUMNS = ['event_date', 'event_type', 'sub_event_type', 'actor1', 'inter1', 'actor2', 'inter2', 'admin1',
  'location', 'latitude', 'longitude', 'source', 'notes', 'fatalities'];

/** RFC 4180: quoted fields, doubled quotes, CRLF (or LF) line ends; returns rows of strings. */
function parseCSV(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Click a button and capture the download it starts: { name, bytes }. */
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(file) };
}

async function openSeed(page, file) {
  const n = await runs(page);
  await page.selectOption('#example-picker', file);
  await analysedSince(page, n);
}

test('the article being read: JSON is the analysis, CSV has ACLED columns and one row per event, GeoJSON points', async () => {
  const { page, problems } = await openPage();
  try {
    await openSeed(page, '003_ef9561be654d17d8.txt');
    const { text, analysis } = await page.evaluate(async () => {
      const { store } = await import('/js/store.js');
      return { text: store.current.text, analysis: store.current.analysis };
    });
    assert.equal(analysis.events.length, 18);

    // JSON: the core's object, unchanged
    const json = await download(page, '#article-export [data-format="json"]');
    assert.match(json.name, /^depeche-003_ef9561be654d17d8-\d{4}-\d{2}-\d{2}\.json$/);
    assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), analysis);
    assert.match(await page.textContent('#article-export .export-status'), /Saved depeche-003_ef9561be654d17d8-.*\.json/);

    // CSV: BOM, CRLF, the header exactly, one row per event
    const csv = await download(page, '#article-export [data-format="csv"]');
    assert.match(csv.name, /^depeche-003_ef9561be654d17d8-events-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM first, for Excel');
    const body = csv.bytes.toString('utf8').slice(1);
    assert.ok(body.includes('\r\n') && !/[^\r]\n/.test(body.replace(/"[^"]*"/g, '')), 'CRLF line ends outside quotes');
    const rows = parseCSV(body);
    assert.deepEqual(rows[0], COLUMNS);
    const data = rows.slice(1).map((r) => Object.fromEntries(COLUMNS.map((c, i) => [c, r[i]])));
    assert.equal(data.length, analysis.events.length);
    for (const r of rows) assert.equal(r.length, COLUMNS.length, `every row has ${COLUMNS.length} fields`);
    data.forEach((row, i) => {
      const ev = analysis.events[i];
      assert.equal(row.event_type, ev.type);
      assert.equal(row.sub_event_type, ev.subtype);
      assert.equal(row.fatalities, String(ev.fatalities && ev.fatalities.value !== null ? ev.fatalities.value : 0));
      const start = ev.date && ev.date.value ? ev.date.value.split('/')[0] : analysis.reference_date;
      assert.equal(row.event_date, start, `${ev.id}: the event's date, else the article's`);
      const sentence = text.slice(ev.sentence.start, ev.sentence.end).replace(/\s+/g, ' ').trim();
      assert.equal(row.notes, ev.modality === 'actual' ? sentence : `(${ev.modality}) ${sentence}`);
      const geo = geoOf(ev, analysis);
      assert.equal(row.latitude, geo ? String(geo.lat) : '');
      assert.equal(row.longitude, geo ? String(geo.lon) : '');
      assert.equal(row.actor1, ev.actor1 ? ev.actor1.canonical || ev.actor1.text : '');
    });
    // known values: E8 at Ramousseh on Thursday 21 November; E14 with its 18 dead
    const e8 = data[analysis.events.findIndex((e) => e.id === 'E8')];
    assert.equal(e8.event_date, '2024-11-21');
    assert.equal(e8.location, 'Ramouseh');
    assert.equal(e8.admin1, 'Aleppo');
    assert.equal(e8.latitude, '36.16');
    assert.equal(e8.longitude, '37.15');
    assert.equal(e8.actor1, 'Allies');
    assert.equal(e8.inter1, '', 'allies of unknown kind');
    assert.equal(e8.actor2, 'Military Forces of Syria');
    assert.equal(e8.inter2, '1', 'state forces');
    const e14 = data[analysis.events.findIndex((e) => e.id === 'E14')];
    assert.equal(e14.fatalities, '18');
    assert.equal(e14.event_date, '2024-11-20');
    const e3 = data[analysis.events.findIndex((e) => e.id === 'E3')];
    assert.equal(e3.actor1, 'Rebels');
    assert.equal(e3.inter1, '2', 'rebels');
    assert.equal(e3.event_date, '2024-11-22', 'undated: the article\'s date');
    assert.ok(data.every((r) => r.source.endsWith('003_ef9561be654d17d8.txt')), 'the article is a source of every row');
    assert.ok(body.includes('"'), 'notes with commas are quoted');

    // GeoJSON: one point per geocoded event
    const geo = await download(page, '#article-export [data-format="geojson"]');
    assert.match(geo.name, /^depeche-003_ef9561be654d17d8-events-\d{4}-\d{2}-\d{2}\.geojson$/);
    const fc = JSON.parse(geo.bytes.toString('utf8'));
    assert.equal(fc.type, 'FeatureCollection');
    const geocoded = analysis.events.filter((e) => geoOf(e, analysis));
    assert.equal(fc.features.length, geocoded.length);
    assert.ok(fc.features.length >= 15, `${fc.features.length} geocoded events`);
    for (const f of fc.features) {
      assert.equal(f.type, 'Feature');
      assert.equal(f.geometry.type, 'Point');
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
      for (const c of COLUMNS) assert.ok(c in f.properties, `property ${c}`);
      assert.equal(f.properties.article, '003_ef9561be654d17d8.txt');
    }
    const f8 = fc.features.find((f) => f.properties.event_id === 'E8');
    assert.deepEqual(f8.geometry.coordinates, [37.15, 36.16]);
    assert.equal(f8.properties.location, 'Ramouseh');
    const f14 = fc.features.find((f) => f.properties.event_id === 'E14');
    assert.equal(f14.properties.fatalities, 18);

    await (await page.$('#article-export')).screenshot({ path: path.join(SHOTS, 'export-article.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('CSV from hostile text: quotes, commas and a formula-looking sentence survive, neutralised', async () => {
  const { page, problems } = await openPage();
  try {
    const text = '22-11-2024 07:57 AM\nTitre de test\n\n=HYPERLINK("http://x") Jeudi, l\'armée syrienne a bombardé Alep, '
      + 'tuant 3 civils, selon l\'OSDH ; "un massacre", dit-il.\nLes rebelles ont attaqué Idleb.\n';
    const n = await runs(page);
    await page.fill('#input', text);
    await page.click('#analyse');
    await analysedSince(page, n);
    const csv = await download(page, '#article-export [data-format="csv"]');
    assert.match(csv.name, /^depeche-events-\d{4}-\d{2}-\d{2}\.csv$/, 'a typed text has no name');
    const rows = parseCSV(csv.bytes.toString('utf8').slice(1));
    assert.deepEqual(rows[0], COLUMNS);
    const notes = rows.slice(1).map((r) => r[COLUMNS.indexOf('notes')]);
    const hostile = notes.find((x) => x.includes('HYPERLINK'));
    assert.ok(hostile, `a row for the first sentence: ${JSON.stringify(notes)}`);
    assert.ok(hostile.startsWith('\'=HYPERLINK("http://x") Jeudi, l\'armée'), `formula neutralised: ${hostile}`);
    assert.ok(hostile.includes('"un massacre", dit-il.'), 'quotes kept');
    const row = rows.slice(1).find((r) => r[COLUMNS.indexOf('notes')] === hostile);
    assert.equal(row[COLUMNS.indexOf('event_date')], '2024-11-21');
    assert.equal(row[COLUMNS.indexOf('fatalities')], '3');
    assert.equal(row[COLUMNS.indexOf('location')], 'Aleppo');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('the collection of the five seeds: JSON array, CSV and GeoJSON of every event', async () => {
  const { page, problems } = await openPage();
  try {
    const docs = await loadSeeds(page);
    const total = docs.reduce((n, d) => n + d.analysis.events.length, 0);
    await page.waitForFunction(() => !document.querySelector('#collection-export [data-format="csv"]').disabled);
    assert.match(await page.textContent('#collection-export .export-label'), new RegExp(`Export 5 analysed articles \\(${total} events\\)`));

    const json = await download(page, '#collection-export [data-format="json"]');
    assert.match(json.name, /^depeche-articles-\d{4}-\d{2}-\d{2}\.json$/);
    const arr = JSON.parse(json.bytes.toString('utf8'));
    assert.ok(Array.isArray(arr));
    assert.equal(arr.length, 5);
    arr.forEach((item, i) => {
      assert.deepEqual(Object.keys(item).sort(), ['error', 'id', 'name', 'reference_date', 'result']);
      assert.equal(item.name, docs[i].name);
      assert.equal(item.id, docs[i].id);
      assert.equal(item.error, null);
      assert.deepEqual(item.result, docs[i].analysis);
    });

    const csv = await download(page, '#collection-export [data-format="csv"]');
    assert.match(csv.name, /^depeche-events-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCSV(csv.bytes.toString('utf8').slice(1));
    assert.deepEqual(rows[0], COLUMNS);
    assert.equal(rows.length - 1, total, `${total} events, one row each`);
    const col = (name) => rows.slice(1).map((r) => r[COLUMNS.indexOf(name)]);
    const deaths = docs.flatMap((d) => d.analysis.events.map((e) => (e.fatalities && e.fatalities.value) || 0));
    assert.deepEqual(col('fatalities').map(Number), deaths);
    assert.ok(col('fatalities').includes('150'), 'the 150 dead of seed 004');
    // accents intact (UTF-8): a place or a sentence with é
    assert.ok(col('notes').some((x) => /[éèàç]/.test(x)));
    const aleppo = rows.slice(1).filter((r) => r[COLUMNS.indexOf('location')] === 'Aleppo');
    assert.ok(aleppo.length > 10);
    for (const r of aleppo) {
      assert.equal(r[COLUMNS.indexOf('latitude')], '36.2021');
      assert.equal(r[COLUMNS.indexOf('longitude')], '37.1343');
      assert.equal(r[COLUMNS.indexOf('admin1')], 'Aleppo');
    }
    for (const s of col('source')) assert.ok(SEEDS.some((f) => s.endsWith(f)), `source names the article: ${s}`);

    const geo = await download(page, '#collection-export [data-format="geojson"]');
    assert.match(geo.name, /^depeche-events-\d{4}-\d{2}-\d{2}\.geojson$/);
    const fc = JSON.parse(geo.bytes.toString('utf8'));
    assert.equal(fc.type, 'FeatureCollection');
    const geocoded = docs.reduce((n, d) => n + d.analysis.events.filter((e) => geoOf(e, d.analysis)).length, 0);
    assert.equal(fc.features.length, geocoded);
    assert.ok(geocoded >= 70, `${geocoded} geocoded events of ${total}`);
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(lon > -20 && lon < 65 && lat > -15 && lat < 55, `in the region: ${lon}, ${lat}`);
      assert.ok(SEEDS.includes(f.properties.article));
    }
    assert.deepEqual(new Set(fc.features.map((f) => f.properties.article)).size, 5);
    await (await page.$('#collection-export')).screenshot({ path: path.join(SHOTS, 'export-collection.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('copy the selected event: as JSON and as a one-line summary, with a visible confirmation', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.base.replace(/\/$/, '') });
  const page = await context.newPage();
  try {
    await page.goto(ctx.base);
    await page.waitForFunction(() => document.querySelectorAll('#example-picker option').length > 1);
    await page.waitForFunction(() => ['empty', 'ready'].includes(document.getElementById('status').dataset.state));
    await openSeed(page, '003_ef9561be654d17d8.txt');
    assert.equal(await page.isDisabled('#article-export [data-copy="json"]'), true, 'nothing selected: nothing to copy');
    await page.click('.event-card[data-id="E8"]');
    await page.waitForFunction(() => !document.querySelector('#article-export [data-copy="json"]').disabled);

    await page.click('#article-export [data-copy="json"]');
    await page.waitForFunction(() => document.querySelector('#article-export .export-status').dataset.kind === 'copied');
    assert.match(await page.textContent('#article-export .export-status'), /Copied E8 as JSON/);
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    const ev = await page.evaluate(async () => (await import('/js/store.js')).store.current.analysis.events.find((e) => e.id === 'E8'));
    assert.deepEqual(copied, ev);

    await page.click('#article-export [data-copy="text"]');
    await page.waitForFunction(() => /as text/.test(document.querySelector('#article-export .export-status').textContent));
    const line = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(!line.includes('\n'), 'one line');
    assert.match(line, /^2024-11-21 · battle\.armed_clash · Ramouseh \(Aleppo\) · Allies → Military Forces of Syria · « attaques » · As-Safir; 003_ef9561be654d17d8\.txt$/);
    await (await page.$('#article-export')).screenshot({ path: path.join(SHOTS, 'export-copied.png') });
  } finally { await context.close(); }
});

test('copy without the Clipboard API: execCommand, else the text shown to copy by hand', async () => {
  for (const mode of ['execCommand', 'manual']) {
    const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript((m) => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      window.__copied = null;
      document.addEventListener('copy', (e) => {
        const t = e.target;
        window.__copied = t && 'value' in t ? t.value.slice(t.selectionStart, t.selectionEnd) : String(getSelection());
      }, true);
      if (m === 'manual') document.execCommand = () => false;
    }, mode);
    const page = await context.newPage();
    try {
      await page.goto(ctx.base);
      await page.waitForFunction(() => document.querySelectorAll('#example-picker option').length > 1);
      await page.waitForFunction(() => ['empty', 'ready'].includes(document.getElementById('status').dataset.state));
      await openSeed(page, '003_ef9561be654d17d8.txt');
      await page.click('.event-card[data-id="E14"]');
      await page.click('#article-export [data-copy="json"]');
      if (mode === 'execCommand') {
        await page.waitForFunction(() => document.querySelector('#article-export .export-status').dataset.kind === 'copied');
        const copied = JSON.parse(await page.evaluate(() => window.__copied));
        assert.equal(copied.id, 'E14');
        assert.equal(copied.fatalities.value, 18);
        assert.equal(await page.$('#article-export .export-manual'), null);
      } else {
        await page.waitForSelector('#article-export .export-manual');
        assert.match(await page.textContent('#article-export .export-status'), /select the text below and copy it/);
        const shown = JSON.parse(await page.inputValue('#article-export .export-manual'));
        assert.equal(shown.id, 'E14');
        const sel = await page.evaluate(() => { const t = document.activeElement; return [t.className, t.selectionEnd - t.selectionStart, t.value.length]; });
        assert.equal(sel[0], 'export-manual');
        assert.equal(sel[1], sel[2], 'all of it selected');
        await (await page.$('#article-export')).screenshot({ path: path.join(SHOTS, 'export-copy-manual.png') });
      }
    } finally { await context.close(); }
  }
});
