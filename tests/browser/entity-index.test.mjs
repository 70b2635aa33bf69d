// "Entities in this article": distinct entities by type with mention counts; picking
// one picks out all its mentions in the text (www/js/entities.js, app.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, analysing, renderedText, waitInView, SHOTS } from './harness.mjs';

useBrowser();

test('grouping: by canonical name, else by text (case and apostrophes aside), sorted by count', async () => {
  const { page, problems } = await openPage();
  try {
    const groups = await page.evaluate(async () => {
      const { groupEntities } = await import('./js/entities.js');
      const E = (id, type, text, canonical, value) => ({ id, type, text, start: 0, end: 1, ...(canonical ? { canonical } : {}), ...(value !== undefined ? { value } : {}) });
      return groupEntities([
        E('T1', 'LOCATION', 'Alep', 'Aleppo'),
        E('T2', 'LOCATION', 'Halab', 'Aleppo'),
        E('T3', 'LOCATION', 'Idleb', 'Idlib'),
        E('T4', 'ARMED_GROUP', "L’Etat  Islamique"),
        E('T5', 'ARMED_GROUP', "l'Etat islamique"),
        E('T6', 'ARMED_GROUP', "l'Etat islamique"),
        E('T7', 'ARMED_GROUP', 'Nosra', 'Jabhat al-Nusra'),
        E('T8', 'LOCATION', 'Alep', 'Aleppo'),
        E('T9', 'DATE', 'jeudi dernier', undefined, '2024-03-21'),
        E('T10', 'DATE', 'ces derniers jours', undefined, null),
        E('T11', 'ZZZ_NEW', 'quelque chose'),
      ]);
    });
    const flat = groups.map((g) => [g.type, g.entries.map((e) => [e.name, e.count, e.ids.join(',')])]);
    assert.deepEqual(flat, [
      ['ARMED_GROUP', [["l'Etat islamique", 3, 'T4,T5,T6'], ['Jabhat al-Nusra', 1, 'T7']]],
      ['LOCATION', [['Aleppo', 3, 'T1,T2,T8'], ['Idlib', 1, 'T3']]],
      ['DATE', [['ces derniers jours', 1, 'T10'], ['jeudi dernier', 1, 'T9']]],
      ['ZZZ_NEW', [['quelque chose', 1, 'T11']]],
    ]);
    assert.deepEqual(groups[0].entries[0].forms, ["l'Etat islamique", 'L’Etat Islamique'], 'the most frequent form names the entry');
    const aleppo = groups[1].entries[0];
    assert.deepEqual(aleppo.forms, ['Alep', 'Halab']);
    assert.deepEqual(groups[2].entries.map((e) => e.values), [['unresolved'], ['2024-03-21']]);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('the panel lists a seed\'s entities with counts; clicking one picks out and scrolls to its mentions', async () => {
  const { page, problems } = await openPage({ width: 1400, height: 900 });
  try {
    assert.equal(await page.isHidden('#entity-index'), true, 'no panel before an article');
    await analysing(page, () => page.selectOption('#example-picker', '003_ef9561be654d17d8.txt'));
    assert.equal(await page.isVisible('#entity-index'), true);
    assert.match(await page.textContent('#entity-index summary'), /Entities in this article \(\d+\)/);

    const groups = await page.$$eval('#entity-groups .ent-group', (gs) => gs.map((g) => ({
      type: g.dataset.type,
      chips: [...g.querySelectorAll('.ent-chip')].map((c) => ({ key: c.dataset.key, name: c.querySelector('.ent-name').textContent, n: Number(c.querySelector('.n').textContent) })),
    })));
    assert.ok(groups.length >= 4, JSON.stringify(groups));
    // per type, the counts add up to the legend's, and are sorted (most mentioned first)
    const legend = Object.fromEntries(await page.$$eval('.legend-item', (bs) => bs.map((b) => [b.dataset.type, Number(b.querySelector('.n').textContent)])));
    for (const g of groups) {
      assert.equal(g.chips.reduce((s, c) => s + c.n, 0), legend[g.type], `${g.type}: counts add up to the legend`);
      const ns = g.chips.map((c) => c.n);
      assert.deepEqual(ns, [...ns].sort((a, b) => b - a), `${g.type}: sorted by count`);
      assert.equal(new Set(g.chips.map((c) => c.name)).size, g.chips.length, `${g.type}: names are distinct`);
    }
    // Aleppo is one entry (canonical name) counting every « Alep » mark
    const loc = groups.find((g) => g.type === 'LOCATION');
    const aleppo = loc.chips.find((c) => c.name === 'Aleppo');
    assert.ok(aleppo, JSON.stringify(loc));
    const alepMarks = await page.$$eval('#article mark.entity[data-type="LOCATION"]', (ms) => ms.filter((m) => m.title === 'LOCATION · Aleppo').length);
    assert.equal(aleppo.n, alepMarks);
    assert.ok(aleppo.n >= 2);
    await page.screenshot({ path: path.join(SHOTS, 'entity-index.png') });

    // pick an entity whose first mention is far down the text: scroll the page to the top first
    const pick = loc.chips.find((c) => c.n >= 1 && c.name === 'Idlib') || aleppo;
    await page.evaluate(() => window.scrollTo(0, 0));
    const chip = page.locator(`#entity-groups .ent-chip[data-key="${pick.key}"]`);
    await chip.click();
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    const picked = await page.$$eval('#article mark.entity.picked', (ms) => ms.map((m) => m.title));
    assert.equal(picked.length, pick.n, 'every mention is picked out');
    for (const t of picked) assert.equal(t, `LOCATION · ${pick.name}`);
    assert.equal(await page.$$eval('#entity-groups .ent-chip[aria-pressed="true"]', (cs) => cs.length), 1);
    assert.ok(await waitInView(page, '#article mark.entity.picked'), 'the first mention is scrolled into view');
    assert.match(await page.textContent('#details'), new RegExp(`${pick.name}.*${pick.n} mentions?`));
    const style = await page.$eval('#article mark.entity.picked', (m) => getComputedStyle(m).outlineStyle);
    assert.equal(style, 'solid', 'picked marks are outlined');
    assert.equal(await renderedText(page), await page.inputValue('#input'), 'the text is unchanged');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, 'entity-index-picked.png') });

    // clicking it again unpicks; the keyboard works too (Enter on the focused chip)
    await chip.click();
    assert.equal(await page.$('#article mark.entity.picked'), null);
    assert.equal(await chip.getAttribute('aria-pressed'), 'false');
    await chip.focus();
    await page.keyboard.press('Enter');
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.$$eval('#article mark.entity.picked', (ms) => ms.length), pick.n);

    // re-analysing the same text keeps the pick; selecting an event keeps it too
    await analysing(page, () => page.click('#analyse'));
    assert.equal(await page.$$eval('#article mark.entity.picked', (ms) => ms.length), pick.n);
    await page.locator('.event-card').first().click();
    assert.equal(await page.$$eval('#article mark.entity.picked', (ms) => ms.length), pick.n);
    // another article: the pick is dropped when that entity is absent
    await analysing(page, () => page.fill('#input', "Lundi, l'armée syrienne a bombardé Hama."));
    assert.equal(await page.$('#article mark.entity.picked'), null);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
