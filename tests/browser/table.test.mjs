// The events table of "Many articles" (www/js/table.js): the count, sorting by every
// column (aria-sort), each filter and their combination, pages of rows, the table filling
// in while articles are analysed, and a row opening its event in the reading view.
//
// Articles: the five seeds of www/examples/ and a .jsonl of sentences written for the
// test. Expected figures are computed from the core's own output in the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, waitInView, WWW, SHOTS } from './harness.mjs';

useBrowser();

const SEED_FILES = readdirSync(path.join(WWW, 'examples')).filter((f) => f.endsWith('.txt')).sort();
const MINE = [
  { id: 'raids', reference_date: '2024-03-10', title: 'Raids sur Alep',
    text: "Lundi, des raids russes ont frappé Alep, tuant 12 civils, selon l'OSDH. Jeudi dernier, des combats ont opposé "
      + "l'armée syrienne au front al-Nosra près de Homs : au moins 30 combattants ont été tués. Les rebelles ont pris le "
      + "village de Tal al-Milh, près d'Idleb, samedi. Une voiture piégée a explosé dimanche à Damas, faisant 5 morts." },
  { id: 'raqqa', referenceDate: '2023-06-15', title: 'Combats à Raqqa',
    text: "Mardi, des affrontements entre les Forces démocratiques syriennes et l'Etat islamique ont fait 25 morts près de Raqqa." },
  { id: 'deir', reference_date: '2022-01-05',
    text: 'Des hommes armés ont enlevé trois travailleurs humanitaires à Deir Ezzor dimanche, a indiqué l\'AFP.' },
  { id: 'palmyre', reference_date: '2021-09-01',
    text: "L'armée syrienne s'est retirée de la ville de Palmyre hier, a annoncé Sana. Des obus sont tombés sur Homs le même jour." },
];

function files() {
  const seeds = SEED_FILES.map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(path.join(WWW, 'examples', f)) }));
  const jsonl = MINE.map((x) => JSON.stringify(x)).join('\n') + '\n';
  return [...seeds, { name: 'mine.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) }];
}

async function load(page) {
  await page.click('#tab-collection');
  await page.waitForSelector('#coll-drop');
  await page.evaluate(() => {
    window.__totals = [];
    new MutationObserver(() => window.__totals.push(document.getElementById('tbl-count').dataset.total))
      .observe(document.getElementById('tbl-count'), { attributes: true, attributeFilter: ['data-total'] });
  });
  await page.setInputFiles('#coll-files', files());
  await page.waitForFunction(() => document.getElementById('coll-progress').dataset.state === 'done', null, { timeout: 60000 });
}

/** Every event of the collection, as the core gave it, with the keys the table shows. */
function allEvents(page) {
  return page.evaluate(async () => {
    const { docs } = await import('./js/collection.js');
    const arg = (a) => (a ? (a.canonical && a.canonical !== a.text ? `${a.text} (${a.canonical})` : a.text || a.canonical || '') : '');
    return docs().flatMap((d) => d.analysis.events.map((e) => ({
      doc: d.id, id: e.id, name: d.name,
      type: e.subtype ? `${e.type}.${e.subtype}` : e.type,
      date: e.date && e.date.value ? e.date.value : '',
      actor1: arg(e.actor1), actor2: arg(e.actor2), location: arg(e.location),
      actors: [e.actor1, e.actor2].flatMap((a) => (a ? [a.text || '', a.canonical || ''] : [])).join(' '),
      place: e.location ? `${e.location.text || ''} ${e.location.canonical || ''} ${e.location.country || ''}` : '',
      fatalities: e.fatalities && Number.isFinite(e.fatalities.value) ? e.fatalities.value : null,
      trigger: e.trigger.text,
    })));
  });
}

/** The rows on the page, as [docId, eventId]. */
const pageRows = (page) => page.$$eval('#tbl tbody tr', (rs) => rs.map((r) => [r.dataset.doc, r.dataset.event]));
const count = (page) => page.$eval('#tbl-count', (c) => ({ shown: Number(c.dataset.shown), total: Number(c.dataset.total), text: c.textContent }));
const fold = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

async function waitCount(page, shown) {
  await page.waitForFunction((n) => Number(document.getElementById('tbl-count').dataset.shown) === n, shown, { timeout: 5000 })
    .catch(() => {});
  return count(page);
}

test('the count, sorting by every column, pages', async () => {
  const { page, problems } = await openPage();
  try {
    await load(page);
    const events = await allEvents(page);
    const n = events.length;
    assert.ok(n > 100, `enough events for two pages: ${n}`);
    const c = await count(page);
    assert.deepEqual([c.shown, c.total], [n, n]);
    assert.equal(c.text, `${n} of ${n} events`);

    // the table filled in while the articles were analysed
    const totals = [...new Set(await page.evaluate(() => window.__totals))];
    assert.ok(totals.length >= 2, `the count grew as results came: ${totals}`);

    // pages of 100 rows, in load order before any sort
    assert.equal((await pageRows(page)).length, 100);
    assert.match(await page.textContent('.tbl-page-info'), new RegExp(`^Rows 1–100 of ${n}$`));
    await page.click('.tbl-pager button:has-text("Next")');
    assert.equal((await pageRows(page)).length, n - 100);
    assert.match(await page.textContent('.tbl-page-info'), new RegExp(`^Rows 101–${n} of ${n}$`));
    assert.equal(await page.isDisabled('.tbl-pager button:has-text("Next")'), true);
    await page.click('.tbl-pager button:has-text("Previous")');

    const byKey = new Map(events.map((e) => [`${e.doc}\u0000${e.id}`, e]));
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    const start = (v) => (v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v.slice(0, 10));
    const cmp = {
      date: (a, b) => (start(a.date) < start(b.date) ? -1 : start(a.date) > start(b.date) ? 1 : 0),
      fatalities: (a, b) => a.fatalities - b.fatalities,
    };
    const empty = (e, key) => (key === 'fatalities' ? e.fatalities === null : !e[key]);
    for (const key of ['date', 'type', 'actor1', 'actor2', 'location', 'fatalities', 'article']) {
      const th = `#tbl th[data-key="${key}"]`;
      const field = key === 'article' ? 'name' : key;
      const compare = cmp[key] || ((a, b) => collator.compare(a[field], b[field]));
      for (const dir of key === 'fatalities' ? ['descending', 'ascending'] : ['ascending', 'descending']) {
        await page.click(`${th} button`);
        assert.equal(await page.getAttribute(th, 'aria-sort'), dir, `${key}: aria-sort`);
        const others = await page.$$eval(`#tbl th[aria-sort]:not([data-key="${key}"])`, (ts) => ts.map((t) => t.getAttribute('aria-sort')));
        assert.ok(others.every((s) => s === 'none'), `only ${key} is sorted`);
        const shown = (await pageRows(page)).map(([d, e]) => byKey.get(`${d}\u0000${e}`));
        const sign = dir === 'ascending' ? 1 : -1;
        let seenEmpty = false;
        for (let i = 0; i < shown.length; i++) {
          const e = shown[i];
          if (empty(e, field)) { seenEmpty = true; continue; }
          assert.ok(!seenEmpty, `${key} ${dir}: empty cells come last`);
          if (i) assert.ok(empty(shown[i - 1], field) || sign * compare(shown[i - 1], e) <= 0, `${key} ${dir}: row ${i} out of order`);
        }
        const filled = events.filter((e) => !empty(e, field)).sort((a, b) => sign * compare(a, b));
        if (filled.length) assert.ok(compare(shown[0], filled[0]) === 0, `${key} ${dir}: the first row is the ${dir === 'ascending' ? 'least' : 'greatest'}`);
        if (key === 'fatalities' && dir === 'descending') {
          await page.locator('#events-table').evaluate((el) => el.scrollIntoView());
          await page.screenshot({ path: path.join(SHOTS, 'table-sorted-fatalities.png') });
        }
      }
    }
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('filters: event type, actor, place, date range, together, and reset', async () => {
  const { page, problems } = await openPage();
  try {
    await load(page);
    const events = await allEvents(page);
    const n = events.length;

    // event type: a main type and a subtype
    const options = await page.$$eval('#tbl-type option', (os) => os.map((o) => o.value));
    assert.equal(options[0], '');
    assert.ok(options.includes('remote_violence') && options.includes('battle.armed_clash'), options.join(' '));
    await page.selectOption('#tbl-type', 'remote_violence');
    const rv = events.filter((e) => e.type.startsWith('remote_violence.') || e.type === 'remote_violence').length;
    assert.ok(rv > 0);
    let c = await waitCount(page, rv);
    assert.equal(c.text, `${rv} of ${n} events`);
    const types = await page.$$eval('#tbl tbody .c-type .ev-type', (s) => [...new Set(s.map((x) => x.textContent))]);
    assert.deepEqual(types, ['remote violence']);
    await page.selectOption('#tbl-type', 'battle.armed_clash');
    const ac = events.filter((e) => e.type === 'battle.armed_clash').length;
    assert.equal((await waitCount(page, ac)).shown, ac);
    await page.selectOption('#tbl-type', '');
    assert.equal((await waitCount(page, n)).shown, n);

    // actor contains (either actor, words or normalised name, any case and accents)
    await page.fill('#tbl-actor', 'NOSRA');
    const nosra = events.filter((e) => fold(e.actors).includes('nosra')).length;
    assert.ok(nosra > 0);
    c = await waitCount(page, nosra);
    assert.equal(c.shown, nosra, 'actor filter');
    await page.fill('#tbl-actor', 'armee syrienne');
    const army = events.filter((e) => fold(e.actors).includes('armee syrienne')).length;
    assert.ok(army > 0);
    assert.equal((await waitCount(page, army)).shown, army, 'accents do not matter');
    await page.fill('#tbl-actor', '');

    // place contains
    await page.fill('#tbl-place', 'alep');
    const alep = events.filter((e) => fold(e.place).includes('alep')).length;
    assert.ok(alep > 0);
    assert.equal((await waitCount(page, alep)).shown, alep, 'place filter');
    const places = await page.$$eval('#tbl tbody .c-location', (s) => s.map((x) => x.textContent));
    assert.ok(places.every((p) => /alep/i.test(p)), places.join(' | '));
    await page.fill('#tbl-place', '');
    await waitCount(page, n);

    // date range: events whose date (a day, month, year or interval) meets the range
    const range = (v) => {
      const [a, b = a] = v.split('/');
      return [a.length === 4 ? `${a}-01-01` : a.length === 7 ? `${a}-01` : a, b.length === 4 ? `${b}-12-31` : b.length === 7 ? `${b}-31` : b];
    };
    const within = (from, to) => events.filter((e) => e.date && (!from || range(e.date)[1] >= from) && (!to || range(e.date)[0] <= to)).length;
    await page.fill('#tbl-from', '2024-01-01');
    await page.dispatchEvent('#tbl-from', 'change');
    const since = within('2024-01-01', '');
    assert.equal((await waitCount(page, since)).shown, since);
    await page.fill('#tbl-to', '2024-06-30');
    await page.dispatchEvent('#tbl-to', 'change');
    const half = within('2024-01-01', '2024-06-30');
    assert.ok(half > 0 && half < since, `${half} events in the first half of 2024, ${since} since 2024`);
    c = await waitCount(page, half);
    assert.equal(c.shown, half);
    assert.match(c.text, /events without a date are left out/);
    const dates = await page.$$eval('#tbl tbody .c-date', (s) => s.map((x) => x.textContent));
    assert.ok(dates.every((d) => /^2024-0[1-6]|^2023-12-\d\d – 2024/.test(d)), dates.join(' | '));

    // all together
    await page.selectOption('#tbl-type', 'remote_violence');
    await page.fill('#tbl-place', 'alep');
    const together = events.filter((e) => e.type.startsWith('remote_violence') && fold(e.place).includes('alep')
      && e.date && range(e.date)[1] >= '2024-01-01' && range(e.date)[0] <= '2024-06-30').length;
    c = await waitCount(page, together);
    assert.equal(c.shown, together);
    await page.locator('#events-table').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, 'table-filtered.png') });
    if (!together) assert.match(await page.textContent('.tbl-empty'), /No event matches these filters/);

    // reset
    await page.click('#tbl-reset');
    c = await waitCount(page, n);
    assert.equal(c.text, `${n} of ${n} events`);
    assert.equal(await page.inputValue('#tbl-from'), '');
    assert.equal(await page.isDisabled('#tbl-reset'), true);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a row opens its article in the reading view with the event selected and its trigger in sight', async () => {
  const { page, problems } = await openPage();
  try {
    await load(page);
    const events = await allEvents(page);

    // an event of a seed far down its article (by mouse)
    await page.fill('#tbl-place', 'Ghouta');
    const ghouta = events.filter((e) => fold(e.place).includes('ghouta')).length;
    assert.ok(ghouta > 0);
    await waitCount(page, ghouta);
    const rows = await pageRows(page);
    const [docId, eventId] = rows[rows.length - 1];
    const want = events.find((e) => e.doc === docId && e.id === eventId);
    await page.click(`#tbl tbody tr[data-doc="${docId}"][data-event="${eventId}"] .c-snippet`);
    await page.waitForSelector('#view-read:not([hidden])');
    assert.equal(await page.getAttribute('#tab-read', 'aria-selected'), 'true');
    const text = await page.evaluate(async (id) => (await import('./js/collection.js')).docs().find((d) => d.id === id).text, docId);
    assert.equal(await page.inputValue('#input'), text, 'the article is in the reading view');
    await page.waitForSelector(`.event-card[data-id="${eventId}"][aria-pressed="true"]`);
    assert.equal(await page.$$eval('#article .hl-trigger', (s) => s.map((x) => x.textContent).join('')), want.trigger);
    assert.ok(await waitInView(page, '#article .hl-trigger'), 'the trigger is scrolled into view');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, 'table-opened-event.png') });

    // and back: the table as it was, the row opened marked and in view
    assert.match(await page.textContent('#from-collection'), /Article “004_e2362acd604f0922\.txt” of Many articles|Article “.+” of Many articles/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'table-opened-top.png') });
    await page.click('#back-to-table');
    await page.waitForSelector('#view-collection:not([hidden])');
    assert.equal(await page.inputValue('#tbl-place'), 'Ghouta', 'the filters are kept');
    const opened = await page.$$eval('#tbl tbody tr.opened', (rs) => rs.map((r) => [r.dataset.doc, r.dataset.event]));
    assert.deepEqual(opened, [[docId, eventId]]);
    assert.ok(await waitInView(page, '#tbl tbody tr.opened'), 'the row opened is in view');
    await page.screenshot({ path: path.join(SHOTS, 'table-back.png') });

    // an event of the .jsonl (by keyboard): its reference date comes along
    await page.click('#tab-collection');
    await page.click('#tbl-reset');
    await page.fill('#tbl-from', '2023-01-01');
    await page.dispatchEvent('#tbl-from', 'change');
    await page.fill('#tbl-to', '2023-12-31');
    await page.dispatchEvent('#tbl-to', 'change');
    await waitCount(page, events.filter((e) => e.date.startsWith('2023')).length);
    const [d2, e2] = (await pageRows(page))[0];
    assert.equal(d2, 'raqqa', 'the only article of 2023');
    await page.focus(`#tbl tbody tr[data-doc="${d2}"][data-event="${e2}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#view-read:not([hidden])');
    await page.waitForSelector(`.event-card[data-id="${e2}"][aria-pressed="true"]`);
    assert.equal(await page.inputValue('#ref-date'), '2023-06-15', 'the reference date of the .jsonl line');
    assert.match(await page.textContent('#status'), /reference date 2023-06-15/);
    assert.match(await page.inputValue('#input'), /^Combats à Raqqa\n\nMardi, des affrontements/);
    // typing in the article: it is no longer the collection's
    await page.type('#input', ' ');
    assert.equal(await page.isHidden('#from-collection'), true);
    assert.ok(await waitInView(page, '#article .hl-trigger'));
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('the table view, screenshot', async () => {
  const { page, problems } = await openPage({ width: 1400, height: 1100 });
  try {
    await load(page);
    await page.click('#tbl th[data-key="date"] button');
    await page.locator('#events-table').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, 'table.png') });
    // narrow window: the table scrolls sideways inside its box, the page does not
    await page.setViewportSize({ width: 700, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
    await page.locator('#events-table').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, 'table-narrow.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
