// DATE values in the text and the reference-date field (www/js/render.js, app.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, analysing, renderedText, SHOTS } from './harness.mjs';

useBrowser();

const ARTICLE = "28-03-2024 08:48 PM\n\nCombats à Alep\n\n"
  + "Jeudi dernier, des combats ont opposé l'armée syrienne au front al-Nosra à Alep, selon l'AFP. "
  + "Ces derniers jours, des raids russes ont frappé Idleb.";

/** The DATE marks: own text (label excluded), tooltip, data-value and the value shown in the label. */
function dateMarks(page) {
  return page.$$eval('#article mark.entity[data-type="DATE"]', (ms) => ms.map((m) => {
    let own = '';
    for (const n of m.childNodes) if (!(n.nodeType === 1 && n.classList.contains('label'))) own += n.textContent;
    return { text: own, title: m.title, value: m.dataset.value, shown: m.querySelector('.label .label-value')?.textContent };
  }));
}

const refState = (page) => page.evaluate(() => ({
  value: document.getElementById('ref-date').value,
  mode: document.getElementById('ref-date').dataset.source,
  source: document.getElementById('ref-date-source').textContent,
  reset: !document.getElementById('ref-date-reset').hidden,
}));

test('DATE marks show their resolved value; the reference date field shows the one used and changing it re-analyses', async () => {
  const { page, problems } = await openPage();
  try {
    // before any article: no reference date
    assert.deepEqual(await refState(page), { value: '', mode: 'auto', source: 'none: relative dates stay unresolved', reset: false });

    await analysing(page, () => page.fill('#input', ARTICLE));
    assert.match(await page.textContent('#status'), /reference date 2024-03-28 \(from the dateline\)/);
    // the field shows the dateline's date, in its "from the dateline" state
    assert.deepEqual(await refState(page), { value: '2024-03-28', mode: 'auto', source: 'from the dateline', reset: false });
    assert.equal(await page.$eval('#ref-date', (el) => getComputedStyle(el).fontStyle), 'italic', 'auto state looks different');

    let dates = await dateMarks(page);
    const jeudi = dates.find((d) => d.text === 'Jeudi dernier');
    assert.ok(jeudi, JSON.stringify(dates));
    assert.equal(jeudi.title, 'DATE · Jeudi dernier → 2024-03-21');
    assert.equal(jeudi.value, '2024-03-21');
    assert.equal(jeudi.shown, '2024-03-21', 'the value is shown next to the label');
    const vague = dates.find((d) => /derniers jours/i.test(d.text));
    if (vague) { // an unresolved DATE (value null), if the engine marks it
      assert.match(vague.title, /→ unresolved$/);
      assert.equal(vague.value, '');
    }
    assert.equal(await renderedText(page), ARTICLE, 'values in labels never leak into the text');

    // hovering: the details line says « Jeudi dernier » → 2024-03-21
    await page.locator('#article mark.entity[data-type="DATE"]', { hasText: 'Jeudi dernier' }).hover();
    assert.match(await page.textContent('#details'), /^«?\s*Jeudi dernier\s*»? → 2024-03-21 — Date \(DATE\)/);
    if (vague) {
      await page.locator('#article mark.entity[data-type="DATE"]', { hasText: /derniers jours/i }).hover();
      assert.match(await page.textContent('#details'), /derniers jours\s*»? → unresolved — Date/);
    }
    // the event card of the clash keeps its date value
    assert.ok((await page.$$eval('.event-card', (cs) => cs.map((c) => c.textContent))).some((t) => /Jeudi dernier \(2024-03-21\)/.test(t)));
    await page.screenshot({ path: path.join(SHOTS, 'dates-dateline.png') });

    // another reference date: analysed at once, the values follow
    await analysing(page, async () => {
      await page.fill('#ref-date', '2024-05-10');
      await page.dispatchEvent('#ref-date', 'change');
    });
    assert.match(await page.textContent('#status'), /reference date 2024-05-10 \(given\)/);
    assert.deepEqual(await refState(page), { value: '2024-05-10', mode: 'user', source: 'set by you', reset: true });
    dates = await dateMarks(page);
    assert.equal(dates.find((d) => d.text === 'Jeudi dernier').title, 'DATE · Jeudi dernier → 2024-05-09');
    assert.equal(dates.find((d) => d.text === 'Jeudi dernier').shown, '2024-05-09');
    await page.locator('#article mark.entity[data-type="DATE"]', { hasText: 'Jeudi dernier' }).hover();
    assert.match(await page.textContent('#details'), /Jeudi dernier\s*»? → 2024-05-09/);
    assert.ok((await page.$$eval('.event-card', (cs) => cs.map((c) => c.textContent))).some((t) => /Jeudi dernier \(2024-05-09\)/.test(t)));
    await page.screenshot({ path: path.join(SHOTS, 'dates-given.png') });

    // editing the text keeps the user's date
    await analysing(page, () => page.fill('#input', `${ARTICLE} Hier, des obus sont tombés sur Alep.`));
    assert.match(await page.textContent('#status'), /2024-05-10 \(given\)/);

    // "Use dateline" goes back to the article's own date
    assert.equal((await page.textContent('#ref-date-reset')).trim(), 'Use dateline');
    await analysing(page, () => page.click('#ref-date-reset'));
    assert.deepEqual(await refState(page), { value: '2024-03-28', mode: 'auto', source: 'from the dateline', reset: false });
    assert.equal((await dateMarks(page)).find((d) => d.text === 'Jeudi dernier').value, '2024-03-21');

    // emptying the field by hand does the same; a text without a dateline leaves it empty
    await analysing(page, async () => {
      await page.fill('#ref-date', '2024-01-05');
      await page.dispatchEvent('#ref-date', 'change');
    });
    assert.equal((await dateMarks(page)).find((d) => d.text === 'Jeudi dernier').value, '2024-01-04');
    await analysing(page, async () => {
      await page.fill('#ref-date', '');
      await page.dispatchEvent('#ref-date', 'change');
    });
    assert.equal((await refState(page)).value, '2024-03-28');
    await analysing(page, () => page.fill('#input', "Jeudi dernier, l'armée syrienne a bombardé Idleb."));
    assert.deepEqual(await refState(page), { value: '', mode: 'auto', source: 'none: relative dates stay unresolved', reset: false });
    const unresolved = (await dateMarks(page)).find((d) => d.text === 'Jeudi dernier');
    assert.equal(unresolved.title, 'DATE · Jeudi dernier → unresolved');
    assert.equal(unresolved.shown, '?');
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('picking another example goes back to its dateline', async () => {
  const { page, problems } = await openPage();
  try {
    await analysing(page, () => page.selectOption('#example-picker', '000_e1295d0083729764.txt'));
    assert.deepEqual(await refState(page), { value: '2024-03-28', mode: 'auto', source: 'from the dateline', reset: false });
    const before = (await dateMarks(page)).find((d) => /jeudi dernier/i.test(d.text));
    assert.equal(before?.value, '2024-03-21', 'the seed says « jeudi dernier »');
    await analysing(page, async () => {
      await page.fill('#ref-date', '2024-04-12');
      await page.dispatchEvent('#ref-date', 'change');
    });
    assert.equal((await dateMarks(page)).find((d) => /jeudi dernier/i.test(d.text)).value, '2024-04-11');
    await analysing(page, () => page.selectOption('#example-picker', '003_ef9561be654d17d8.txt'));
    assert.deepEqual(await refState(page), { value: '2024-11-22', mode: 'auto', source: 'from the dateline', reset: false });
    assert.match(await page.textContent('#status'), /2024-11-22 \(from the dateline\)/);
    await page.screenshot({ path: path.join(SHOTS, 'dates-seed-003.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
