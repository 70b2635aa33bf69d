// The timeline (www/js/timeline.js): bins and counts against the events' own dates,
// the undated ones counted apart, far-off dates kept out of the range until asked,
// stacking by type in the map's colours, and a bin's events opening in the reading view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, runs, analysedSince, WWW, SHOTS } from './harness.mjs';
import { loadSeeds, recordOpens } from './viz-helpers.mjs';

useBrowser();

const DAY = 86400000;

/** The UTC day an event starts on (its date value's first day, month or year), or null. */
function startDay(ev) {
  const v = ev.date && ev.date.value;
  if (!v) return null;
  const [y, m = '01', d = '01'] = v.split('/')[0].split('-');
  return Date.UTC(+y, +m - 1, +d);
}

const weekOf = (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY; // Monday
const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** Expected { key: count } for week bins. */
function weekCounts(times) {
  const out = {};
  for (const t of times) out[iso(weekOf(t))] = (out[iso(weekOf(t))] || 0) + 1;
  return out;
}

const bins = (page) => page.$$eval('#timeline-panel .tl-bin', (gs) => gs.map((g) => ({
  key: g.dataset.key, count: Number(g.dataset.count),
  segs: [...g.querySelectorAll('.tl-seg')].map((r) => ({ type: r.dataset.type, n: Number(r.dataset.n), fill: r.getAttribute('fill'), h: Number(r.getAttribute('height')) })),
})));

test('the article being read: week bins of its six dated events, twelve undated', async () => {
  const { page, problems } = await openPage();
  try {
    const n = await runs(page);
    await page.selectOption('#example-picker', '003_ef9561be654d17d8.txt');
    await analysedSince(page, n);
    const analysis = await page.evaluate(async () => (await import('/js/store.js')).store.current.analysis);
    const times = analysis.events.map(startDay).filter((t) => t !== null);
    const undated = analysis.events.length - times.length;
    assert.equal(times.length, 6);
    assert.equal(undated, 12);
    await page.click('#tab-collection');
    await page.waitForFunction(() => document.getElementById('timeline-panel').dataset.source === 'current');
    assert.equal(await page.$eval('#timeline-panel', (p) => p.dataset.binSize), 'week');
    assert.equal(await page.textContent('#timeline-panel .timeline-undated'), '12 undated');
    assert.match(await page.textContent('#timeline-panel .timeline-summary'), /^6 dated events, by week/);
    const got = await bins(page);
    assert.deepEqual(Object.fromEntries(got.map((b) => [b.key, b.count])), weekCounts(times));
    // 2 August: E15 (chemical) and E16 (battle) in the week of Monday 29 July
    const w = got.find((b) => b.key === '2024-07-29');
    assert.ok(w, `bins: ${got.map((b) => b.key)}`);
    assert.deepEqual(new Set(w.segs.map((s) => s.type)), new Set(['remote_violence', 'battle']));
    await (await page.$('#timeline-panel')).screenshot({ path: path.join(SHOTS, 'timeline-current.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('collection: bins and counts match the dated events; undated and far-off dates apart; a bin lists and opens its events', async () => {
  const { page, problems } = await openPage();
  try {
    await recordOpens(page);
    const docs = await loadSeeds(page);
    const events = docs.flatMap((d) => d.analysis.events.map((ev) => ({ doc: d, ev, t: startDay(ev) })));
    const dated = events.filter((e) => e.t !== null);
    const undated = events.length - dated.length;
    await page.waitForFunction((n) => document.getElementById('timeline-panel').dataset.undated === String(n), undated);
    assert.equal(await page.textContent('#timeline-panel .timeline-undated'), `${undated} undated`);
    assert.equal(Number(await page.$eval('#timeline-panel', (p) => p.dataset.dated)), dated.length);

    // the two events of March 2011 (seed 004 recalls the uprising) are kept out of the range
    const old = dated.filter((e) => e.t < Date.UTC(2020, 0, 1));
    assert.equal(old.length, 2);
    assert.equal(await page.textContent('#timeline-panel .timeline-outside'), '2 earlier, not in range');
    assert.equal(await page.$eval('#timeline-panel', (p) => p.dataset.binSize), 'week');
    let got = await bins(page);
    const recent = dated.filter((e) => e.t >= Date.UTC(2020, 0, 1)).map((e) => e.t);
    assert.deepEqual(Object.fromEntries(got.map((b) => [b.key, b.count])), weekCounts(recent));
    assert.equal(got.reduce((s, b) => s + b.count, 0), dated.length - 2);

    // stacked by type, in the map's colours, heights proportional to counts
    const colours = new Map();
    for (const b of got) {
      assert.equal(b.segs.reduce((s, x) => s + x.n, 0), b.count);
      for (const s of b.segs) {
        if (!colours.has(s.type)) colours.set(s.type, s.fill);
        assert.equal(colours.get(s.type), s.fill, `${s.type}: one colour`);
      }
    }
    await page.click('#tab-collection');
    const mapFills = await page.$$eval('#map-panel .map-marker', (ms) => ms.map((m) => [m.dataset.type, m.getAttribute('fill')]));
    for (const [t, f] of mapFills) if (colours.has(t)) assert.equal(colours.get(t), f, `${t}: same colour on the map`);
    const unit = got.flatMap((b) => b.segs).map((s) => s.h / s.n);
    assert.ok(Math.max(...unit) - Math.min(...unit) < 0.01, 'segment height proportional to its count');
    await (await page.$('.viz')).screenshot({ path: path.join(SHOTS, 'timeline-collection.png') });

    // hover: the bin's counts
    const busiest = got.reduce((a, b) => (b.count > a.count ? b : a));
    await page.hover(`#timeline-panel .tl-bin[data-key="${busiest.key}"]`);
    const tip = await page.$eval('#timeline-panel .viz-tooltip', (t) => (t.hidden ? null : t.innerText));
    assert.match(tip, new RegExp(`^Week of ${busiest.key}: ${busiest.count} events`));
    await (await page.$('#timeline-panel')).screenshot({ path: path.join(SHOTS, 'timeline-tooltip.png') });

    // click: the bin's events listed; one of them opens in the reading view
    await page.click(`#timeline-panel .tl-bin[data-key="${busiest.key}"]`);
    await page.waitForSelector('#timeline-panel .timeline-list:not([hidden])');
    const listed = await page.$$eval('#timeline-panel .timeline-event', (bs) => bs.map((b) => [b.dataset.doc, b.dataset.event]));
    const want = dated.filter((e) => e.t >= Date.UTC(2020, 0, 1) && iso(weekOf(e.t)) === busiest.key).map((e) => [e.doc.id, e.ev.id]);
    assert.deepEqual(new Set(listed.map(String)), new Set(want.map(String)));
    await (await page.$('#timeline-panel')).screenshot({ path: path.join(SHOTS, 'timeline-list.png') });
    await page.click('#timeline-panel .timeline-event');
    await page.waitForFunction(() => window.__opened.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__opened[0]), { docId: listed[0][0], eventId: listed[0][1] });
    assert.equal(await page.isVisible('#view-read'), true);
    await page.waitForFunction((id) => {
      const c = document.querySelector('#events .event-card[aria-pressed="true"]');
      return c && c.dataset.id === id;
    }, listed[0][1], { timeout: 5000 });

    // the undated ones, listed on demand
    await page.click('#tab-collection');
    await page.click('#timeline-panel .timeline-undated');
    assert.equal(await page.$$eval('#timeline-panel .timeline-event', (bs) => bs.length), undated);
    assert.match(await page.textContent('#timeline-panel .timeline-list h4'), new RegExp(`Undated events \\(${undated}\\)`));

    // the whole range: month bins from March 2011, every dated event in them
    await page.check('#timeline-panel .timeline-whole input');
    await page.waitForFunction(() => document.getElementById('timeline-panel').dataset.binSize === 'month');
    got = await bins(page);
    assert.equal(got.reduce((s, b) => s + b.count, 0), dated.length);
    assert.equal(got[0].key, '2011-03-01');
    assert.equal(got[0].count, 2);
    // bins chosen by hand: days
    await page.uncheck('#timeline-panel .timeline-whole input');
    await page.selectOption('#timeline-panel .timeline-size select', 'day');
    await page.waitForFunction(() => document.getElementById('timeline-panel').dataset.binSize === 'day');
    got = await bins(page);
    const perDay = {};
    for (const t of recent) perDay[iso(t)] = (perDay[iso(t)] || 0) + 1;
    assert.deepEqual(Object.fromEntries(got.map((b) => [b.key, b.count])), perDay);
    await (await page.$('#timeline-panel')).screenshot({ path: path.join(SHOTS, 'timeline-days.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
