// The map (www/js/map.js): base map from data/world.json, one marker per geocoded event,
// sized by toll and coloured by type, tooltips, keyboard, and 'open' to the reading view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, runs, analysedSince, WWW, SHOTS, ctx } from './harness.mjs';
import { loadSeeds, geoOf, recordOpens } from './viz-helpers.mjs';

useBrowser();

const markers = (page) => page.$$eval('#map-panel .map-marker', (ms) => ms.map((m) => ({
  doc: m.dataset.doc, event: m.dataset.event, type: m.dataset.type, fatalities: m.dataset.fatalities,
  r: Number(m.getAttribute('r')), fill: m.getAttribute('fill'), cx: Number(m.getAttribute('cx')), cy: Number(m.getAttribute('cy')),
  tabindex: m.getAttribute('tabindex'), label: m.getAttribute('aria-label'),
})));

test('the base map data is small, licensed and of the region', () => {
  const file = path.join(WWW, 'data', 'world.json');
  const size = statSync(file).size;
  assert.ok(size < 150 * 1024, `world.json is ${size} bytes`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  assert.match(data.licence, /Natural Earth \(public domain\).*world-atlas.*ISC/);
  const names = data.countries.map((c) => c.name);
  for (const n of ['Syria', 'Iraq', 'Lebanon', 'Israel', 'Turkey', 'Ukraine', 'Mali', 'Somalia', 'Libya', 'Yemen']) {
    assert.ok(names.includes(n), `${n} on the map`);
  }
  assert.ok(!names.includes('Brazil') && !names.includes('Japan'));
});

test('collection: a marker per geocoded event, sized by toll, coloured by type; tooltip; click opens the event', async () => {
  const { page, problems } = await openPage();
  const foreign = [];
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(ctx.base) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  try {
    await recordOpens(page);
    const docs = await loadSeeds(page);
    const total = docs.reduce((n, d) => n + d.analysis.events.length, 0);
    const geocoded = docs.flatMap((d) => d.analysis.events.filter((e) => geoOf(e, d.analysis)).map((e) => ({ doc: d, ev: e })));
    await page.waitForFunction((n) => document.getElementById('map-panel').dataset.geocoded === String(n), geocoded.length);
    await page.waitForFunction(() => document.querySelector('#map-panel .map-frame').dataset.basemap === 'ready');
    await page.waitForFunction(() => document.querySelectorAll('#map-panel .map-country').length > 5);
    assert.equal(await page.textContent('#map-panel .map-coverage'), `${geocoded.length} of ${total} events have coordinates`);

    // the main group fills the view; the few far away (Iraq, North Ossetia) wait behind "Show all"
    const outside = Number(await page.$eval('#map-panel', (p) => p.dataset.outside));
    assert.equal((await markers(page)).length, geocoded.length - outside);
    await (await page.$('.viz')).screenshot({ path: path.join(SHOTS, 'map-collection.png') });
    if (outside) {
      assert.match(await page.textContent('#map-panel .map-fit'), /North Ossetia/);
      await page.click('#map-panel .map-fit-button');
    }
    const ms = await markers(page);
    assert.equal(ms.length, geocoded.length, 'one marker per geocoded event');
    const keys = new Set(ms.map((m) => `${m.doc}/${m.event}`));
    for (const { doc, ev } of geocoded) assert.ok(keys.has(`${doc.id}/${ev.id}`), `${doc.name} ${ev.id} on the map`);
    await (await page.$('#map-panel')).screenshot({ path: path.join(SHOTS, 'map-collection-all.png') });

    // size: grows with the toll (square root), a minimum for none
    const tolls = ms.map((m) => [m.fatalities === '' ? 0 : Number(m.fatalities), m.r]);
    const rMin = Math.min(...tolls.map(([, r]) => r));
    for (const [f, r] of tolls) if (f === 0) assert.equal(r, rMin);
    for (const [f1, r1] of tolls) for (const [f2, r2] of tolls) if (f1 < f2) assert.ok(r1 < r2, `${f1} dead: r ${r1} < ${f2} dead: r ${r2}`);
    const fMax = Math.max(...tolls.map(([f]) => f));
    const rMax = tolls.find(([f]) => f === fMax)[1], r12 = tolls.find(([f]) => f === 12)[1];
    assert.ok(fMax >= 35, `the deadliest geocoded event: ${fMax}`);
    assert.ok(Math.abs((rMax - rMin) / (r12 - rMin) - Math.sqrt(fMax / 12)) < 0.05, 'square-root scale');
    // colour: one per type, different types apart
    const byType = new Map();
    for (const m of ms) {
      if (!byType.has(m.type)) byType.set(m.type, new Set());
      byType.get(m.type).add(m.fill);
    }
    for (const [t, fills] of byType) assert.equal(fills.size, 1, `${t}: one colour`);
    const fills = [...byType.values()].map((s) => [...s][0]);
    assert.equal(new Set(fills).size, fills.length, 'a colour per type');
    assert.ok(byType.size >= 4);
    // the legend names the types shown
    const legend = await page.$$eval('#map-panel .viz-legend-item', (li) => li.map((l) => l.dataset.type));
    assert.deepEqual(new Set(legend), new Set(byType.keys()));
    // stacked: no two markers on the same spot (Aleppo has many)
    const spots = new Set(ms.map((m) => `${m.cx},${m.cy}`));
    assert.equal(spots.size, ms.length, 'events at the same place are spread');
    assert.ok(ms.every((m) => m.tabindex === '0'), 'keyboard-focusable');

    // country names on hover
    const syria = await page.$('#map-panel .map-country[data-name="Syria"]');
    assert.ok(syria, 'Syria drawn');
    assert.equal(await syria.$eval('title', (t) => t.textContent), 'Syria');
    await page.dispatchEvent('#map-panel .map-country[data-name="Syria"]', 'mouseover');
    assert.equal(await page.textContent('#map-panel .map-country-name'), 'Syria');

    // tooltip on focus: type, place, date, toll, article
    // E15 of seed 003: a chemical attack at Bab al-Faraj (Aleppo) on 2 August, 4 dead
    const big = ms.find((m) => m.doc === '003_ef9561be654d17d8.txt' && m.event === 'E15');
    assert.ok(big, `E15 of seed 003 on the map (doc ids: ${[...new Set(ms.map((m) => m.doc))]})`);
    const sel = `#map-panel .map-marker[data-doc="${big.doc}"][data-event="${big.event}"]`;
    await page.focus(sel);
    const tip = await page.$eval('#map-panel .viz-tooltip', (t) => (t.hidden ? null : t.innerText));
    assert.ok(tip, 'tooltip shown on focus');
    assert.match(tip, /^Remote violence · chemical/);
    assert.match(tip, /Bab al-Faraj, Aleppo/);
    assert.match(tip, /Date: 2024-08-02/);
    assert.match(tip, /Toll: 4 killed/);
    assert.match(tip, /Article: 003_ef9561be654d17d8\.txt · E15/);
    await (await page.$('#map-panel')).screenshot({ path: path.join(SHOTS, 'map-tooltip.png') });

    // Enter asks the reading view to open the event; so does a click
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__opened.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__opened[0]), { docId: big.doc, eventId: big.event });
    assert.equal(await page.getAttribute('#tab-read', 'aria-selected'), 'true', 'the reading view shows');
    await page.click('#tab-collection');
    const ramouseh = ms.find((m) => m.label.includes('Ramouseh'));
    // (markers may overlap: the click goes to this one)
    await page.dispatchEvent(`#map-panel .map-marker[data-doc="${ramouseh.doc}"][data-event="${ramouseh.event}"]`, 'click');
    await page.waitForFunction(() => window.__opened.length === 2);
    assert.deepEqual(await page.evaluate(() => window.__opened[1]), { docId: ramouseh.doc, eventId: ramouseh.event });
    assert.equal(await page.isVisible('#view-read'), true);
    // the reading view answers: that article, that event's card selected
    await page.waitForFunction((id) => {
      const c = document.querySelector('#events .event-card[aria-pressed="true"]');
      return c && c.dataset.id === id;
    }, ramouseh.event, { timeout: 5000 });
    const doc = docs.find((d) => d.id === ramouseh.doc);
    assert.equal(await page.inputValue('#input'), doc.text);

    assert.deepEqual(foreign, [], 'nothing fetched from outside the origin');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('zoom buttons and dragging change the view; markers keep their size; Fit goes back', async () => {
  const { page, problems } = await openPage();
  try {
    await loadSeeds(page);
    await page.waitForFunction(() => document.querySelector('#map-panel .map-frame').dataset.basemap === 'ready');
    await page.waitForSelector('#map-panel .map-marker');
    const pos = () => page.$$eval('#map-panel .map-marker', (ms) => Object.fromEntries(ms.map((m) => [`${m.dataset.doc}/${m.dataset.event}`,
      [Number(m.getAttribute('cx')), Number(m.getAttribute('cy')), Number(m.getAttribute('r'))]])));
    const before = await pos();
    const aleppo = Object.keys(before).find((k) => k.startsWith('003_ef9561be654d17d8.txt/E8'));   // Ramouseh
    const damascus = Object.keys(before).find((k) => k.startsWith('002_4673444aa9081ff5.txt/E31')); // Damascus
    const dist = (p, a, b) => Math.hypot(p[a][0] - p[b][0], p[a][1] - p[b][1]);
    assert.equal(await page.isDisabled('#map-panel .map-zoom-button[aria-label="Fit the map to the events"]'), true);
    await page.click('#map-panel .map-zoom-button[aria-label="Zoom in"]');
    await page.waitForFunction(() => !document.querySelector('#map-panel .map-zoom-button[aria-label="Fit the map to the events"]').disabled);
    const zoomed = await pos();
    if (zoomed[aleppo] && zoomed[damascus]) assert.ok(dist(zoomed, aleppo, damascus) > 1.8 * dist(before, aleppo, damascus), 'twice as far apart');
    assert.ok(Number(await page.$eval('#map-panel', (p) => p.dataset.outside)) > 0, 'some events out of view');
    assert.match(await page.textContent('#map-panel .map-fit'), /Zoomed: \d+ of \d+ geocoded events out of view/);
    for (const k of Object.keys(zoomed)) assert.equal(zoomed[k][2], before[k][2], 'markers keep their size');
    await (await page.$('#map-panel')).screenshot({ path: path.join(SHOTS, 'map-zoomed.png') });
    // drag the map 100 px to the right: every marker moves right by the same amount
    const box = await page.$eval('#map-panel .map-svg', (s) => { const r = s.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
    // a marker in view (those out of view after the zoom are not drawn again)
    const k0 = await page.$eval('#map-panel .map-svg', (s) => {
      const v = s.viewBox.baseVal;
      const m = [...s.querySelectorAll('.map-marker')].find((c) => {
        const x = Number(c.getAttribute('cx')), y = Number(c.getAttribute('cy'));
        return x > v.x + 150 && x < v.x + v.width - 150 && y > v.y + 50 && y < v.y + v.height - 50;
      });
      return m && m.dataset.key;
    });
    assert.ok(k0, 'a marker well inside the view');
    await page.mouse.move(box.x + 12, box.y + box.h - 12);
    await page.mouse.down();
    await page.mouse.move(box.x + 62, box.y + box.h - 12, { steps: 3 });
    await page.mouse.move(box.x + 112, box.y + box.h - 12, { steps: 3 });
    await page.mouse.up();
    await page.waitForFunction(([k, x]) => {
      const m = document.querySelector(`#map-panel .map-marker[data-key="${k}"]`);
      return m && Math.abs(Number(m.getAttribute('cx')) - x) > 20;
    }, [k0, zoomed[k0][0]]);
    const panned = await pos();
    const ratio = (await page.$eval('#map-panel .map-svg', (s) => s.viewBox.baseVal.width / s.getBoundingClientRect().width));
    const moved = Object.keys(panned).filter((k) => zoomed[k]).map((k) => panned[k][0] - zoomed[k][0]);
    assert.ok(moved.length > 5);
    for (const d of moved) assert.ok(Math.abs(d - 100 * ratio) < 3, `moved ${d}, expected ${100 * ratio}`);
    await page.click('#map-panel .map-zoom-button[aria-label="Fit the map to the events"]');
    await page.waitForFunction(() => document.querySelector('#map-panel .map-zoom-button[aria-label="Fit the map to the events"]').disabled);
    assert.deepEqual(await pos(), before);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('no collection: the map shows the article being read; a click selects that event in the reading view', async () => {
  const { page, problems } = await openPage();
  try {
    await recordOpens(page);
    const n = await runs(page);
    await page.selectOption('#example-picker', '003_ef9561be654d17d8.txt');
    await analysedSince(page, n);
    const analysis = await page.evaluate(async () => (await import('/js/store.js')).store.current.analysis);
    const geocoded = analysis.events.filter((e) => geoOf(e, analysis));
    await page.click('#tab-collection');
    await page.waitForFunction(() => document.getElementById('map-panel').dataset.source === 'current');
    await page.waitForFunction(() => document.querySelector('#map-panel .map-frame').dataset.basemap === 'ready');
    assert.equal(await page.textContent('#map-panel .map-coverage'), `${geocoded.length} of ${analysis.events.length} events have coordinates`);
    assert.match(await page.textContent('#map-panel .viz-note'), /article in the reading view \(003_ef9561be654d17d8\.txt\)/);
    if (await page.isVisible('#map-panel .map-fit-button')) await page.click('#map-panel .map-fit-button');
    const ms = await markers(page);
    assert.equal(ms.length, geocoded.length);
    assert.ok(ms.every((m) => m.doc === ''));
    await (await page.$('#map-panel')).screenshot({ path: path.join(SHOTS, 'map-current.png') });
    const e14 = ms.find((m) => m.event === 'E14');
    assert.equal(e14.fatalities, '18');
    await page.dispatchEvent('#map-panel .map-marker[data-event="E14"]', 'click');
    await page.waitForFunction(() => window.__opened.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__opened[0]), { docId: null, eventId: 'E14' });
    assert.equal(await page.isVisible('#view-read'), true);
    // the reading view selects that event of the article it shows
    await page.waitForSelector('#events .event-card[data-id="E14"][aria-pressed="true"]');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
