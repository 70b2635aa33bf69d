// Browser tests of the page (www/), run with `node --test tests/browser/`.
// Serves www/ with python3's http.server on a free 127.0.0.1 port and drives
// Chromium through playwright-core. Screenshots go to test-results/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ctx, useBrowser, openPage, runs, analysedSince, SHOTS } from './harness.mjs';

// Server, browser and the "run make site first" check: see harness.mjs.
useBrowser();

/** Every mark: its type, its text (label excluded) and the slice of the input it claims. */
function marks(page) {
  return page.$$eval('#article mark.entity', (ms) => {
    const text = document.getElementById('input').value;
    return ms.map((m) => {
      let own = '';
      for (const n of m.childNodes) if (!(n.nodeType === 1 && n.classList.contains('label'))) own += n.textContent;
      return {
        type: m.dataset.type, text: own, label: m.querySelector('.label')?.textContent,
        slice: text.slice(Number(m.dataset.start), Number(m.dataset.end)),
      };
    });
  });
}

/** The rendered article, labels removed, must be the input text exactly. */
function renderedText(page) {
  return page.$eval('#article', (el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll('.label').forEach((l) => l.remove());
    return c.textContent;
  });
}

test('the page loads with an empty state and the five examples', async () => {
  const { page, problems } = await openPage();
  try {
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'empty');
    assert.match(await page.textContent('#article .empty'), /Nothing to analyse yet/);
    assert.equal(await page.isHidden('#error'), true, 'no error line on an empty page');
    const options = await page.$$eval('#example-picker option', (os) => os.map((o) => [o.value, o.textContent]));
    assert.equal(options.length, 6, `picker: ${JSON.stringify(options)}`);
    assert.deepEqual(options[4], ['003_ef9561be654d17d8.txt',
      '2024-11-22 — Raids russes sans répit, offensive de l’armée dans la province sud-ouest d’Alep']);
    assert.match(await page.textContent('#version'), /^\d+\.\d+\.\d+ \(engine ready in \d+ ms\)/);
    await page.screenshot({ path: path.join(SHOTS, 'empty.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a seed article: entities highlighted, legend counts, events listed, card selection', async () => {
  const { page, problems } = await openPage();
  try {
    const n = await runs(page);
    await page.selectOption('#example-picker', '003_ef9561be654d17d8.txt');
    await analysedSince(page, n);
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'ready');
    const status = await page.textContent('#status');
    assert.match(status, /Analysed in \d+(\.\d)? ms/);
    assert.match(status, /reference date 2024-11-22 \(from the dateline\)/);

    const ms = await marks(page);
    assert.ok(ms.length >= 30, `expected many entities, got ${ms.length}`);
    assert.ok(ms.some((m) => m.text === 'Alep' && m.type === 'LOCATION' && m.label === 'LOC'), 'Alep as LOCATION');
    assert.ok(ms.some((m) => m.text === 'Idleb' && m.type === 'LOCATION'), 'Idleb as LOCATION');
    assert.ok(ms.some((m) => m.text === 'armée syrienne' && m.type === 'ARMED_GROUP' && m.label === 'ARMED'),
      'armée syrienne as ARMED_GROUP');
    for (const m of ms) assert.equal(m.text, m.slice, `mark text must equal its slice of the input`);
    const input = await page.inputValue('#input');
    assert.equal(await renderedText(page), input, 'the rendered article is the input, unchanged');

    // legend: per-type counts that agree with the marks
    const legend = await page.$$eval('.legend-item', (bs) => bs.map((b) => [b.dataset.type, Number(b.querySelector('.n').textContent)]));
    const locs = ms.filter((m) => m.type === 'LOCATION').length;
    assert.deepEqual(legend.find(([t]) => t === 'LOCATION'), ['LOCATION', locs]);

    // events
    const cards = await page.$$('.event-card');
    assert.ok(cards.length >= 5, `expected at least 5 event cards, got ${cards.length}`);
    const texts = await page.$$eval('.event-card', (cs) => cs.map((c) => c.textContent));
    assert.ok(texts.some((t) => /remote_violence\.air_strike/.test(t) && /« raids( aériens)? »/.test(t) && /russes/.test(t)),
      `an air strike by « raids russes » is listed:\n${texts.join('\n')}`);
    for (const t of texts) assert.match(t, /^\w+(\.\w+)?(actual|planned|negated|alleged)E\d+« .+ »/, 'card: type, modality, id, trigger');

    await page.screenshot({ path: path.join(SHOTS, 'seed-003.png'), fullPage: false });

    // hover an entity: details line shows type and canonical name
    const alep = ms.findIndex((m) => m.text === 'Alep');
    await page.locator('#article mark.entity').nth(alep).hover();
    const details = await page.textContent('#details');
    assert.match(details, /Location \(LOCATION\)/);
    assert.match(details, /« ?Alep ?»|Alep/);
    assert.match(details, /→ Aleppo/);
    assert.match(await page.getAttribute('#article mark.entity[data-type="ARMED_GROUP"]', 'title'), /^ARMED_GROUP/);

    // select the card of an event with a location: its trigger and arguments are highlighted
    const withArgs = await page.$$eval('.event-card', (cs) => cs.findIndex((c) => /location/.test(c.textContent) && /date/.test(c.textContent)));
    assert.ok(withArgs >= 0, 'some event has a location and a date');
    const card = page.locator('.event-card').nth(withArgs);
    const trigger = (await card.locator('.ev-trigger .role-trigger').textContent()).replace(/^« | »$/g, '');
    await card.click();
    assert.equal(await card.getAttribute('aria-pressed'), 'true');
    const hlTrigger = await page.$$eval('#article .hl-trigger', (s) => s.map((x) => x.textContent).join(''));
    assert.equal(hlTrigger, trigger, 'the trigger is highlighted in the text');
    assert.ok(await page.$('#article .hl-location'), 'the location is highlighted');
    assert.ok(await page.$('#article .hl-date'), 'the date is highlighted');
    // highlighting splits segments but never alters the text or the marks
    assert.equal(await renderedText(page), input);
    for (const m of await marks(page)) assert.equal(m.text, m.slice);
    const inView = await page.waitForFunction(() => {
      const r = document.querySelector('#article .hl-trigger').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, null, { timeout: 3000 }).then(() => true, () => false);
    assert.ok(inView, 'the trigger is scrolled into view');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'seed-003-selected.png') });

    // clicking again deselects
    await card.click();
    assert.equal(await card.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.$('#article .hl'), null);

    // legend toggle hides and shows a type
    await page.click('.legend-item[data-type="LOCATION"]');
    assert.equal(await page.getAttribute('.legend-item[data-type="LOCATION"]', 'aria-pressed'), 'false');
    const muted = await page.$$eval('#article mark.entity.muted', (ms) => [...new Set(ms.map((m) => m.dataset.type))]);
    assert.deepEqual(muted, ['LOCATION']);
    assert.equal(await page.isVisible('#article mark.entity[data-type="LOCATION"] .label'), false);
    await page.click('.legend-item[data-type="LOCATION"]');
    assert.equal(await page.$('#article mark.entity.muted'), null);

    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('every seed renders with marks equal to their slices', async () => {
  const { page, problems } = await openPage();
  try {
    const files = await page.$$eval('#example-picker option', (os) => os.map((o) => o.value).filter(Boolean));
    assert.equal(files.length, 5);
    for (const f of files) {
      const n = await runs(page);
      await page.selectOption('#example-picker', f);
      await analysedSince(page, n);
      const ms = await marks(page);
      assert.ok(ms.length > 10, `${f}: ${ms.length} marks`);
      for (const m of ms) assert.equal(m.text, m.slice, `${f}: mark text equals its slice`);
      assert.equal(await renderedText(page), await page.inputValue('#input'), `${f}: text unchanged`);
      assert.ok((await page.$$('.event-card')).length >= 3, `${f}: at least 3 events`);
      // selecting every event card keeps the text intact
      const count = await page.$$eval('.event-card', (cs) => cs.length);
      for (let i = 0; i < count; i++) {
        await page.$$eval('.event-card', (cs, k) => cs[k].click(), i);
        assert.equal(await renderedText(page), await page.inputValue('#input'), `${f}: text unchanged with card ${i}`);
      }
    }
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('pasted text is analysed (debounced) and the reference date field is used', async () => {
  const { page, problems } = await openPage();
  try {
    const sentence = "Lundi, l'armée syrienne a repris le village de Tal al-Milh, près d'Idleb, selon l'OSDH.";
    let n = await runs(page);
    await page.fill('#input', sentence);
    await analysedSince(page, n);
    let ms = await marks(page);
    assert.ok(ms.some((m) => m.text === 'armée syrienne' && m.type === 'ARMED_GROUP'), JSON.stringify(ms));
    assert.ok(ms.some((m) => m.text === 'Idleb' && m.type === 'LOCATION'), JSON.stringify(ms));
    for (const m of ms) assert.equal(m.text, m.slice);
    assert.match(await page.textContent('#status'), /no reference date/);
    const card = await page.textContent('.event-card');
    assert.match(card, /battle\.territory_change/);
    assert.match(card, /« repris »/);
    assert.match(card, /OSDH/);

    // an explicit reference date resolves « Lundi »
    n = await runs(page);
    await page.fill('#ref-date', '2024-03-01');
    await page.dispatchEvent('#ref-date', 'change');
    await analysedSince(page, n);
    assert.match(await page.textContent('#status'), /reference date 2024-03-01 \(given\)/);
    assert.match(await page.textContent('.event-card'), /Lundi \(2024-02-26\)/);
    await page.screenshot({ path: path.join(SHOTS, 'pasted.png') });

    // emptying the input gives the empty state again, not an error
    n = await runs(page);
    await page.fill('#input', '   \n ');
    await analysedSince(page, n);
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'empty');
    assert.ok(await page.$('#article .empty'));
    assert.equal(await page.isHidden('#error'), true);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('an error from analyze is shown in the error line', async () => {
  const { page } = await openPage();
  try {
    await page.fill('#input', "Mardi, des combats ont eu lieu à Alep.");
    // a date input cannot hold an invalid value; force one the way a script could
    await page.$eval('#ref-date', (el) => { el.type = 'text'; el.value = '2024-13-45'; });
    const n = await runs(page);
    await page.click('#analyse');
    await analysedSince(page, n);
    assert.equal(await page.isVisible('#error'), true);
    assert.match(await page.textContent('#error'), /Analysis failed: .*2024-13-45/);
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'error');
    await page.screenshot({ path: path.join(SHOTS, 'error.png') });
  } finally { await page.close(); }
});

test('a .txt file loaded through the file input is analysed', async () => {
  const { page, problems } = await openPage();
  try {
    const text = "12-05-2024 10:00 AM\n\nCombats à Alep\n\nJeudi dernier, des combats ont opposé l'armée syrienne au front al-Nosra à Alep, selon l'AFP.\n";
    const n = await runs(page);
    await page.setInputFiles('#file-input', { name: 'depeche.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    await analysedSince(page, n);
    assert.equal(await page.inputValue('#input'), text);
    assert.match(await page.textContent('#status'), /reference date 2024-05-12 \(from the dateline\)/);
    const ms = await marks(page);
    assert.ok(ms.some((m) => m.text === 'Alep' && m.type === 'LOCATION'), JSON.stringify(ms));
    assert.ok(ms.some((m) => m.text === 'armée syrienne' && m.type === 'ARMED_GROUP'), JSON.stringify(ms));
    for (const m of ms) assert.equal(m.text, m.slice);
    assert.ok((await page.$$('.event-card')).length >= 1, 'at least one event');

    // a non-text file is refused with a message
    await page.setInputFiles('#file-input', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) });
    await page.waitForSelector('#error:not([hidden])');
    assert.match(await page.textContent('#error'), /not a plain-text file/);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('a file dropped on the page is analysed', async () => {
  const { page, problems } = await openPage();
  try {
    const n = await runs(page);
    const text = "Samedi, des roquettes ont frappé Damas, a indiqué l'agence Sana.";
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'drop.txt', { type: 'text/plain' }));
      return d;
    }, text);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
    assert.equal(await page.isVisible('#drop-overlay'), true, 'the drop overlay appears');
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
    await analysedSince(page, n);
    assert.equal(await page.isHidden('#drop-overlay'), true);
    assert.equal(await page.inputValue('#input'), text);
    assert.ok((await marks(page)).some((m) => m.text === 'Damas'));
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('markup in the article is shown as text and never executed', async () => {
  const { page, problems } = await openPage();
  try {
    // (the flag and the emoji are outside the BMP: offsets are UTF-16 code units)
    const text = "🇸🇾 Alep <img src=x onerror=window.__pwned=1> 💥 Lundi, l'armée syrienne a bombardé Idleb "
      + "<script>window.__pwned=1</script> selon <b onmouseover=window.__pwned=1>l'OSDH</b>. "
      + "<svg onload=window.__pwned=1></svg>";
    const n = await runs(page);
    await page.fill('#input', text);
    await analysedSince(page, n);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing executed');
    assert.equal(await page.$('#article img, #article script, #article svg, #article b, .events img, .events script'), null,
      'no element was created from the text');
    assert.equal(await renderedText(page), text, 'the markup is displayed verbatim');
    assert.ok((await page.textContent('#article')).includes('<script>window.__pwned=1</script>'));
    const ms = await marks(page);
    assert.ok(ms.some((m) => m.text === 'Idleb'), JSON.stringify(ms));
    for (const m of ms) assert.equal(m.text, m.slice);
    // the markup inside event arguments and hovering is inert too
    for (const c of await page.$$('.event-card')) await c.click();
    await page.hover('#article').catch(() => {});
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.screenshot({ path: path.join(SHOTS, 'markup.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('narrow screens: no horizontal overflow', async () => {
  const { page, problems } = await openPage({ width: 390, height: 844 });
  try {
    const n = await runs(page);
    await page.selectOption('#example-picker', '002_4673444aa9081ff5.txt');
    await analysedSince(page, n);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await page.screenshot({ path: path.join(SHOTS, 'mobile.png') });
    await page.locator('.event-card').first().click();
    await page.waitForFunction(() => {
      const r = document.querySelector('#article .hl-trigger').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    await page.waitForTimeout(800);
    const cardOverflow = await page.$$eval('.event-card', (cs) => cs.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.dataset.id));
    assert.deepEqual(cardOverflow, [], 'no event card overflows its width');
    await page.screenshot({ path: path.join(SHOTS, 'mobile-selected.png') });
    await page.locator('.events-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'mobile-events.png') });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('without the WASM package the page says how to build it', async () => {
  const page = await ctx.browser.newPage();
  try {
    await page.route('**/pkg/depeche.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(ctx.base);
    await page.waitForSelector('#error:not([hidden])');
    assert.match(await page.textContent('#error'), /make site/);
    assert.equal(await page.$eval('#status', (s) => s.dataset.state), 'error');
    assert.equal(await page.isDisabled('#analyse'), true);
  } finally { await page.close(); }
});

test('event cards: toll, canonical names and modality from a hand-made event', async () => {
  const { page, problems } = await openPage();
  try {
    const out = await page.evaluate(async () => {
      const { renderEvents, highlightsFor } = await import('./js/events.js');
      const ev = {
        id: 'E7', type: 'remote_violence', subtype: 'air_strike', modality: 'alleged',
        trigger: { start: 10, end: 21, text: 'raid aérien' }, mentions: [{ start: 0, end: 4, text: 'Raid' }],
        actor1: { start: 22, end: 27, text: 'russe', canonical: 'Military Forces of Russia' },
        actor2: { start: 40, end: 46, text: 'civils', canonical: 'Civilians' },
        location: { start: 50, end: 55, text: 'Douma', canonical: 'Douma' },
        date: { start: 60, end: 65, text: 'mardi', value: null },
        fatalities: { value: 9, approximate: true, text: 'au moins 9 civils', start: 30, end: 47 },
        wounded: { value: 12, approximate: false, text: '12 blessés' },
        captured: { value: null, approximate: true, text: 'de nombreux' },
        source: { start: 70, end: 74, text: '<img src=x onerror=window.__pwned=1>' },
        rules: ['trigger:x'],
      };
      const ol = document.createElement('ol');
      renderEvents(ol, [ev], { selectedId: 'E7' });
      return {
        text: ol.textContent,
        pressed: ol.querySelector('.event-card').getAttribute('aria-pressed'),
        imgs: ol.querySelectorAll('img').length,
        roles: highlightsFor(ev).map((h) => h.role),
      };
    });
    assert.match(out.text, /remote_violence\.air_strikeallegedE7/);
    assert.match(out.text, /« raid aérien » \+1 other mention/);
    assert.match(out.text, /russe \(Military Forces of Russia\) → civils \(Civilians\)/);
    assert.match(out.text, /mardi \(unresolved\)/);
    assert.match(out.text, /≈9 killed, 12 wounded, « de nombreux » captured \(no figure\)/);
    assert.match(out.text, /<img src=x onerror=window.__pwned=1>/);
    assert.equal(out.imgs, 0);
    assert.equal(out.pressed, 'true');
    assert.deepEqual(out.roles, ['trigger', 'mention', 'actor1', 'actor2', 'location', 'date', 'source', 'fatalities']);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('the selected event survives re-analysing the same text', async () => {
  const { page } = await openPage();
  try {
    let n = await runs(page);
    await page.selectOption('#example-picker', '000_e1295d0083729764.txt');
    await analysedSince(page, n);
    await page.locator('.event-card').nth(1).click();
    const id = await page.locator('.event-card[aria-pressed="true"]').getAttribute('data-id');
    n = await runs(page);
    await page.click('#analyse');
    await analysedSince(page, n);
    assert.equal(await page.locator('.event-card[aria-pressed="true"]').getAttribute('data-id'), id);
    assert.ok(await page.$('#article .hl-trigger'));
    // editing the text drops the selection (offsets may have moved)
    n = await runs(page);
    await page.fill('#input', `Hier, ${await page.inputValue('#input')}`);
    await analysedSince(page, n);
    assert.equal(await page.$('.event-card[aria-pressed="true"]'), null);
    assert.equal(await page.$('#article .hl'), null);
  } finally { await page.close(); }
});
