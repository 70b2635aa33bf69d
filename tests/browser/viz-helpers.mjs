// Shared by the export, map and timeline tests: the five seeds loaded as a collection,
// the 'open' requests recorded, and where an event's coordinates come from.
// (Not a test file itself: node --test only runs *.test.mjs here.)

import path from 'node:path';
import { WWW } from './harness.mjs';

export const SEEDS = ['000_e1295d0083729764.txt', '001_60bf5cf06030d9e3.txt', '002_4673444aa9081ff5.txt',
  '003_ef9561be654d17d8.txt', '004_e2362acd604f0922.txt'];

/** Load the five seeds through the collection's file input; resolves to the docs once all are analysed. */
export async function loadSeeds(page) {
  await page.click('#tab-collection');
  await page.setInputFiles('#coll-files', SEEDS.map((f) => path.join(WWW, 'examples', f)));
  await page.evaluate(async () => { window.__store = (await import('/js/store.js')).store; });
  await page.waitForFunction(() => window.__store.collection.length === 5
    && window.__store.collection.every((d) => d.analysis || d.error), null, { timeout: 30000, polling: 200 });
  return page.evaluate(() => window.__store.collection.map((d) => ({
    id: d.id, name: d.name, text: d.text, referenceDate: d.referenceDate, analysis: d.analysis,
  })));
}

/** Record every 'open' the page emits, in window.__opened. */
export function recordOpens(page) {
  return page.evaluate(async () => {
    const { on } = await import('/js/store.js');
    window.__opened = [];
    on('open', (v) => window.__opened.push(v));
  });
}

/** The LOCATION entity carrying coordinates for an event's location, as export-acled.js finds it. */
export function geoOf(ev, analysis) {
  if (!ev.location) return null;
  const locs = analysis.entities.filter((e) => e.type === 'LOCATION' && Number.isFinite(e.lat));
  return locs.find((e) => e.start === ev.location.start && e.end === ev.location.end)
    || (ev.location.canonical && locs.find((e) => e.canonical === ev.location.canonical)) || null;
}
