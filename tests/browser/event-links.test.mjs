// Event type filters, and event triggers marked in the text that select their card
// (www/js/events.js, render.js, app.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, analysing, renderedText, waitInView, SHOTS } from './harness.mjs';

useBrowser();

const SEED = '002_4673444aa9081ff5.txt';

const cards = (page) => page.$$eval('.event-card', (cs) => cs.map((c) => ({
  id: c.dataset.id, type: c.dataset.type, visible: c.getClientRects().length > 0,
  pressed: c.getAttribute('aria-pressed'), trigger: c.querySelector('.ev-trigger .role-trigger').textContent.replace(/^« | »$/g, ''),
})));

const anchors = (page) => page.$$eval('#article .ev-anchor', (as) => as.map((a) => ({ id: a.dataset.event, text: a.textContent, tab: a.tabIndex })));

test('event type filters show and hide cards, with counts', async () => {
  const { page, problems } = await openPage();
  try {
    await analysing(page, () => page.selectOption('#example-picker', SEED));
    const all = await cards(page);
    const counts = {};
    for (const c of all) counts[c.type] = (counts[c.type] || 0) + 1;
    const chips = await page.$$eval('#event-filters .type-filter', (bs) => bs.map((b) => [b.dataset.type, Number(b.querySelector('.n').textContent), b.getAttribute('aria-pressed')]));
    assert.deepEqual(Object.fromEntries(chips.map(([t, n]) => [t, n])), counts, 'one chip per type present, with its count');
    assert.ok(chips.length >= 2, JSON.stringify(chips));
    assert.ok(chips.every(([, , p]) => p === 'true'), 'all shown at first');
    assert.deepEqual(chips.map(([, n]) => n), [...chips.map(([, n]) => n)].sort((a, b) => b - a), 'most frequent first');

    // hide the most frequent type
    const [type, n] = chips[0];
    await page.click(`#event-filters .type-filter[data-type="${type}"]`);
    assert.equal(await page.getAttribute(`#event-filters .type-filter[data-type="${type}"]`, 'aria-pressed'), 'false');
    let now = await cards(page);
    assert.deepEqual(now.filter((c) => c.visible).map((c) => c.id), all.filter((c) => c.type !== type).map((c) => c.id));
    assert.equal(await page.textContent('#event-count'), `(${all.length - n} of ${all.length} shown)`);
    // their triggers are no longer marked in the text; the others still are
    const marked = new Set((await anchors(page)).map((a) => a.id));
    for (const c of all) assert.equal(marked.has(c.id), c.type !== type, `${c.id} (${c.type}) marked in the text?`);
    await page.screenshot({ path: path.join(SHOTS, 'event-filters.png') });

    // keyboard: Space on a focused chip hides another type; Enter shows it again
    const other = chips[1][0];
    await page.focus(`#event-filters .type-filter[data-type="${other}"]`);
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute(`#event-filters .type-filter[data-type="${other}"]`, 'aria-pressed'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.type), other, 'focus stays on the chip');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute(`#event-filters .type-filter[data-type="${other}"]`, 'aria-pressed'), 'true');

    // a selected event whose type gets hidden is deselected
    const victim = all.find((c) => c.type === other);
    await page.click(`.event-card[data-id="${victim.id}"]`);
    assert.ok(await page.$('#article .hl-trigger'));
    await page.click(`#event-filters .type-filter[data-type="${other}"]`);
    assert.equal(await page.$('#article .hl'), null, 'its highlights are gone');
    assert.equal(await page.$('.event-card[aria-pressed="true"]'), null);

    // everything hidden: a note says so; showing all brings every card back
    for (const [t] of chips) {
      if (await page.getAttribute(`#event-filters .type-filter[data-type="${t}"]`, 'aria-pressed') === 'true') {
        await page.click(`#event-filters .type-filter[data-type="${t}"]`);
      }
    }
    assert.match(await page.textContent('#events'), /Every event is hidden by the type filters/);
    assert.equal((await anchors(page)).length, 0);
    for (const [t] of chips) await page.click(`#event-filters .type-filter[data-type="${t}"]`);
    now = await cards(page);
    assert.ok(now.every((c) => c.visible));
    assert.equal(await page.textContent('#event-count'), `(${all.length})`);
    // filters survive re-analysis
    await page.click(`#event-filters .type-filter[data-type="${type}"]`);
    await analysing(page, () => page.click('#analyse'));
    assert.equal(await page.getAttribute(`#event-filters .type-filter[data-type="${type}"]`, 'aria-pressed'), 'false');
    assert.ok((await cards(page)).filter((c) => c.type === type).every((c) => !c.visible));
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('every trigger is marked in the text; clicking one (or Enter/Space on it) selects and scrolls to its card', async () => {
  const { page, problems } = await openPage({ width: 1400, height: 900 });
  try {
    await analysing(page, () => page.selectOption('#example-picker', SEED));
    const all = await cards(page);
    const marks = await anchors(page);
    // every event's trigger is marked, and the marked text is its trigger
    for (const c of all) {
      const text = marks.filter((a) => a.id === c.id).map((a) => a.text).join('');
      assert.equal(text, c.trigger, `${c.id}: trigger marked in the text`);
      assert.equal(marks.filter((a) => a.id === c.id && a.tab === 0).length, 1, `${c.id}: one tab stop`);
    }
    const deco = await page.$eval('#article .ev-anchor', (a) => getComputedStyle(a));
    assert.equal(deco.textDecorationLine, 'underline');
    assert.equal(deco.textDecorationStyle, 'dashed', 'subtle: a dashed underline, not a highlight');
    assert.equal(deco.cursor, 'pointer');
    assert.equal(await page.$('#article .hl'), null, 'no event selected yet');

    // the last event's card is far down the list: clicking its trigger selects and reveals it
    const last = all[all.length - 1];
    await page.locator(`#article .ev-anchor[data-event="${last.id}"]`).first().click();
    assert.equal(await page.getAttribute(`.event-card[data-id="${last.id}"]`, 'aria-pressed'), 'true');
    assert.equal((await cards(page)).filter((c) => c.pressed === 'true').length, 1);
    assert.equal(await page.$$eval('#article .hl-trigger', (s) => s.map((x) => x.textContent).join('')), last.trigger,
      'the trigger is highlighted as when the card is clicked');
    assert.ok(await waitInView(page, `.event-card[data-id="${last.id}"]`, '.events-panel'), 'the card is scrolled into view');
    assert.equal(await renderedText(page), await page.inputValue('#input'), 'the text is unchanged');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'trigger-selected.png') });

    // clicking it again deselects, like the card
    await page.locator(`#article .ev-anchor[data-event="${last.id}"]`).first().click();
    assert.equal(await page.$('.event-card[aria-pressed="true"]'), null);
    assert.equal(await page.$('#article .hl'), null);

    // keyboard: focus the second event's trigger, Enter selects, Space deselects; focus stays on it
    const second = all[1];
    await page.focus(`#article .ev-anchor[data-event="${second.id}"][tabindex="0"]`);
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute(`.event-card[data-id="${second.id}"]`, 'aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.event), second.id, 'focus stays on the trigger');
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute(`.event-card[data-id="${second.id}"]`, 'aria-pressed'), 'false');
    // Tab goes from trigger to trigger / mark to mark without getting stuck
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.dataset.event || document.activeElement.dataset.id), undefined);

    // card → text still works, and then the text → card on another event moves the selection
    await page.click(`.event-card[data-id="${second.id}"]`);
    assert.equal(await page.getAttribute(`.event-card[data-id="${second.id}"]`, 'aria-pressed'), 'true');
    assert.ok(await page.$(`#article .ev-anchor.ev-anchor-selected[data-event="${second.id}"]`));
    await page.locator(`#article .ev-anchor[data-event="${all[0].id}"]`).first().click();
    assert.equal(await page.getAttribute(`.event-card[data-id="${all[0].id}"]`, 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute(`.event-card[data-id="${second.id}"]`, 'aria-pressed'), 'false');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('it stays instant on every seed: analysis and a selection re-render take milliseconds', async () => {
  const { page, problems } = await openPage();
  try {
    const files = await page.$$eval('#example-picker option', (os) => os.map((o) => o.value).filter(Boolean));
    for (const f of files) {
      await analysing(page, () => page.selectOption('#example-picker', f));
      const ms = Number(await page.$eval('#status', (s) => s.dataset.ms));
      assert.ok(ms < 250, `${f}: analysis took ${ms} ms`);
      // one click on a trigger: selection, re-render of the text and the scroll, timed in the page
      const took = await page.evaluate(() => {
        const a = document.querySelector('#article .ev-anchor');
        const t0 = performance.now();
        a.click();
        return performance.now() - t0;
      });
      assert.ok(took < 150, `${f}: selecting from the text took ${took.toFixed(1)} ms`);
      assert.ok(await page.$('.event-card[aria-pressed="true"]'));
    }
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
