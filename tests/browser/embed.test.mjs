// <depeche-view> (www/js/depeche-view.js): the demo page, style encapsulation both
// ways, re-rendering on attribute and property changes, hostile text kept as text.
// Test pages are served by Playwright routes under the same origin as www/, with the
// same strict CSP as index.html, so nothing is written into www/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ctx, useBrowser, SHOTS } from './harness.mjs';

useBrowser();

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

const HOSTILE = 'Alep, 2 août 2024. <img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>'
  + ' Des combats ont opposé l\'armée syrienne au front al-Nosra près d\'Idleb. <b onmouseover=alert(1)>gras</b>';

/** A page with the given body, the element's module and (optionally) a host stylesheet. */
async function openTestPage(body, { css = '', files = {}, at = 'embed-test.html', script = 'js/depeche-view.js' } = {}) {
  const page = await ctx.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${CSP}">
    <link rel="icon" href="data:,">
    ${css ? '<link rel="stylesheet" href="host-test.css">' : ''}
    <script type="module" src="${script}"></script></head><body>${body}</body></html>`;
  await page.route(`${ctx.base}${at}`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.route(`${ctx.base}host-test.css`, (r) => r.fulfill({ contentType: 'text/css', body: css }));
  for (const [name, text] of Object.entries(files)) {
    await page.route(`${ctx.base}${name}`, (r) => r.fulfill({ contentType: 'text/plain; charset=utf-8', body: text }));
  }
  await page.goto(`${ctx.base}${at}`);
  return { page, problems };
}

/** Wait until every <depeche-view> (or the one matching `sel`) has an analysis or an error. */
function settled(page, sel = 'depeche-view') {
  return page.waitForFunction((s) => [...document.querySelectorAll(s)].every((v) => {
    const st = v.shadowRoot && v.shadowRoot.querySelector('.status');
    return st && (st.dataset.state === 'ready' || st.dataset.state === 'error');
  }), sel, { timeout: 15000 });
}

/** What one element shows: marks (type, text without label), cards, status, rendered text. */
function shown(page, sel) {
  return page.$eval(sel, (v) => {
    const root = v.shadowRoot;
    const marks = [...root.querySelectorAll('mark.entity')].map((m) => {
      let own = '';
      for (const n of m.childNodes) if (!(n.nodeType === 1 && n.classList.contains('label'))) own += n.textContent;
      return { type: m.dataset.type, text: own, muted: m.classList.contains('muted') };
    });
    const article = root.querySelector('.article').cloneNode(true);
    article.querySelectorAll('.label').forEach((l) => l.remove());
    return {
      marks,
      cards: [...root.querySelectorAll('.event-card')].filter((c) => !c.closest('li').hidden)
        .map((c) => ({ id: c.dataset.id, type: c.dataset.type, trigger: c.querySelector('.ev-trigger').textContent })),
      status: root.querySelector('.status').textContent,
      state: root.querySelector('.status').dataset.state,
      text: article.textContent,
      elementText: v.text,
      analysis: v.analysis,
    };
  });
}

test('the demo page: an inline article and a seed loaded with src=, highlighted, events listed', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  try {
    await page.goto(`${ctx.base}embed.html`);
    await settled(page);
    const inline = await shown(page, '#inline-view');
    assert.equal(inline.state, 'ready', inline.status);
    assert.ok(inline.elementText.startsWith('Syrie : raids sur Alep\nJeudi dernier,'), `dedented: ${JSON.stringify(inline.elementText.slice(0, 60))}`);
    assert.equal(inline.text, inline.elementText, 'the rendered text is the element text, unchanged');
    assert.ok(inline.marks.some((m) => m.text === 'Alep' && m.type === 'LOCATION'), JSON.stringify(inline.marks));
    assert.ok(inline.marks.some((m) => m.text === 'front al-Nosra' && m.type === 'ARMED_GROUP'));
    const jeudi = inline.analysis.entities.find((e) => e.text === 'Jeudi dernier');
    assert.equal(jeudi.value, '2024-03-21', 'reference-date anchors « jeudi dernier »');
    assert.ok(inline.cards.length >= 1, 'events listed');
    assert.ok(inline.cards.some((c) => c.type === 'remote_violence'), JSON.stringify(inline.cards));

    const file = await shown(page, '#file-view');
    assert.equal(file.state, 'ready', file.status);
    assert.ok(file.text.startsWith('22-11-2024 07:57 AM Jerusalem Timing'));
    assert.ok(file.analysis.events.length >= 5, `events: ${file.analysis.events.length}`);
    assert.equal(file.cards.length, file.analysis.events.length);
    // types="LOCATION ARMED_GROUP DATE": other types are rendered muted
    const types = new Set(file.marks.filter((m) => !m.muted).map((m) => m.type));
    assert.deepEqual([...types].sort(), ['ARMED_GROUP', 'DATE', 'LOCATION']);
    assert.ok(file.marks.some((m) => m.muted), 'some marks are muted (PERSON, ORGANIZATION, …)');

    // an event card selects its trigger and arguments in the text
    await page.locator('#inline-view .event-card').first().click();
    const trig = await page.$eval('#inline-view', (v) => v.shadowRoot.querySelector('.hl-trigger')?.textContent);
    assert.ok(trig, 'the selected event trigger is highlighted');
    await page.screenshot({ path: path.join(SHOTS, 'embed.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('styles stay encapsulated: host rules do not reach in, the element\'s do not leak out', async () => {
  const css = `
    body { color: rgb(255, 0, 0); font-family: monospace; line-height: 3; }
    mark { color: rgb(255, 0, 0) !important; background: rgb(0, 0, 0) !important; border-radius: 0 !important; }
    .event-card, .status, .article { display: none !important; }
    depeche-view { margin: 12px; }`;
  const { page, problems } = await openTestPage(`
    <mark class="entity" id="host-mark">a host mark</mark>
    <div class="event-card" id="host-card" style-less>a host card</div>
    <depeche-view id="v" text="Lundi, l'armée syrienne a bombardé Alep, selon l'OSDH."></depeche-view>`, { css });
  try {
    await settled(page);
    const inside = await page.$eval('#v', (v) => {
      const m = v.shadowRoot.querySelector('mark.entity');
      const card = v.shadowRoot.querySelector('.event-card');
      const status = v.shadowRoot.querySelector('.status');
      const cs = (x) => getComputedStyle(x);
      return {
        markColor: cs(m).color, markBg: cs(m).backgroundColor, markRadius: cs(m).borderTopLeftRadius,
        cardDisplay: cs(card).display, statusDisplay: cs(status).display,
        statusColor: cs(status).color, articleFont: cs(v.shadowRoot.querySelector('.article')).fontFamily,
        hostMargin: cs(v).marginTop,
      };
    });
    assert.notEqual(inside.markColor, 'rgb(255, 0, 0)', 'host `mark` rule must not colour the element\'s marks');
    assert.notEqual(inside.markBg, 'rgb(0, 0, 0)');
    assert.notEqual(inside.markRadius, '0px');
    assert.notEqual(inside.cardDisplay, 'none', 'host .event-card rule must not hide the element\'s cards');
    assert.notEqual(inside.statusDisplay, 'none');
    assert.notEqual(inside.statusColor, 'rgb(255, 0, 0)', 'inherited host colour is reset');
    assert.doesNotMatch(inside.articleFont, /^monospace$/);
    assert.equal(inside.hostMargin, '12px', 'the host can still style the element box');

    const outside = await page.evaluate(() => {
      const cs = (x) => getComputedStyle(document.getElementById(x));
      return { markRadius: cs('host-mark').borderTopLeftRadius, cardBorder: cs('host-card').borderTopWidth,
        cardRadius: cs('host-card').borderTopLeftRadius, sheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length };
    });
    assert.equal(outside.markRadius, '0px', 'the element\'s mark styles do not leak out');
    assert.equal(outside.cardBorder, '0px', 'the element\'s card styles do not leak out');
    assert.equal(outside.cardRadius, '0px');
    assert.equal(outside.adopted, 0, 'nothing adopted into the document');
    assert.equal(outside.sheets, 1, 'only the host stylesheet in the document');
    await page.screenshot({ path: path.join(SHOTS, 'embed-host-styles.png'), fullPage: true });
    assert.deepEqual(problems, [], 'no CSP violation under style-src \'self\'');
  } finally { await page.close(); }
});

test('attribute and property changes analyse again; depeche-analysed carries the analysis', async () => {
  const { page, problems } = await openTestPage(`
    <depeche-view id="v" reference-date="2024-03-28">Jeudi dernier, l'armée syrienne a bombardé Alep.</depeche-view>`,
  { files: { 'other.txt': 'Mardi, des combats ont opposé les rebelles au front al-Nosra à Idleb.' } });
  try {
    await settled(page);
    const events = await page.evaluate(() => {
      window.__events = [];
      document.getElementById('v').addEventListener('depeche-analysed', (e) => window.__events.push(
        { same: e.detail.analysis === e.target.analysis, ref: e.detail.analysis.reference_date, text: e.detail.text }));
      return window.__events.length;
    });
    assert.equal(events, 0);
    const before = await shown(page, '#v');
    assert.equal(before.analysis.entities.find((e) => e.text === 'Jeudi dernier').value, '2024-03-21');

    // reference-date
    await page.$eval('#v', (v) => v.setAttribute('reference-date', '2024-04-05'));
    await page.waitForFunction(() => window.__events.length === 1);
    const after = await shown(page, '#v');
    assert.equal(after.analysis.entities.find((e) => e.text === 'Jeudi dernier').value, '2024-04-04');
    assert.match(after.status, /reference date 2024-04-05/);
    assert.deepEqual(await page.evaluate(() => window.__events[0].same), true);

    // types: only LOCATION highlighted (no new analysis needed)
    await page.$eval('#v', (v) => v.setAttribute('types', 'LOCATION'));
    const typed = await shown(page, '#v');
    assert.deepEqual(typed.marks.filter((m) => !m.muted).map((m) => m.type), ['LOCATION']);
    assert.ok(typed.marks.some((m) => m.muted && m.type === 'ARMED_GROUP'));

    // src (inline text is replaced by the file)
    await page.$eval('#v', (v) => v.setAttribute('src', 'other.txt'));
    await page.waitForFunction(() => window.__events.length === 2);
    const fromFile = await shown(page, '#v');
    assert.equal(fromFile.text, 'Mardi, des combats ont opposé les rebelles au front al-Nosra à Idleb.');
    assert.ok(fromFile.marks.some((m) => m.text === 'Idleb'));

    // the text property wins over src; setting it back to null returns to the file
    await page.$eval('#v', (v) => { v.text = 'Samedi, la Turquie a frappé Kobané.'; });
    await page.waitForFunction(() => window.__events.length === 3);
    assert.equal((await shown(page, '#v')).text, 'Samedi, la Turquie a frappé Kobané.');
    await page.$eval('#v', (v) => { v.text = null; v.removeAttribute('src'); });
    await page.waitForFunction(() => window.__events.length === 4);
    assert.equal((await shown(page, '#v')).text, "Jeudi dernier, l'armée syrienne a bombardé Alep.");

    // a bad reference date: an error line, a depeche-error event, the text still shown
    const err = page.evaluate(() => new Promise((resolve) => document.getElementById('v')
      .addEventListener('depeche-error', (e) => resolve(e.detail.message), { once: true })));
    await page.$eval('#v', (v) => v.setAttribute('reference-date', 'pas une date'));
    assert.ok((await err).length > 0);
    const bad = await shown(page, '#v');
    assert.equal(bad.state, 'error');
    assert.equal(bad.analysis, null);
    assert.equal(bad.text, "Jeudi dernier, l'armée syrienne a bombardé Alep.");
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('hostile text stays text: inline (escaped), text property and src= file', async () => {
  const escaped = HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const { page, problems } = await openTestPage(`
    <depeche-view id="a">${escaped}</depeche-view>
    <depeche-view id="b"></depeche-view>
    <depeche-view id="c" src="hostile.txt"></depeche-view>`, { files: { 'hostile.txt': HOSTILE } });
  try {
    await page.$eval('#b', (v, t) => { v.text = t; }, HOSTILE);
    await settled(page);
    await page.waitForTimeout(300);
    for (const id of ['#a', '#b', '#c']) {
      const s = await shown(page, id);
      assert.equal(s.state, 'ready', `${id}: ${s.status}`);
      assert.equal(s.text, HOSTILE, `${id}: the rendered text is the hostile text, as text`);
      const tags = await page.$eval(id, (v) => [...v.shadowRoot.querySelectorAll('img, script, b, iframe')].length);
      assert.equal(tags, 0, `${id}: no element made from the text`);
      assert.ok(s.marks.some((m) => m.text === 'Idleb'), `${id}: still analysed`);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('setLexicon (exported by the module) applies a user lexicon to every element, which analyse again', async () => {
  const { page, problems } = await openTestPage(`
    <depeche-view id="a">Les rebelles ont tiré des Zorblax contre la ville.</depeche-view>
    <depeche-view id="b" text="Un Zorblax a touché une école lundi."></depeche-view>`);
  try {
    await settled(page);
    const before = await shown(page, '#a');
    assert.ok(!before.marks.some((m) => /Zorblax/.test(m.text)), JSON.stringify(before.marks));
    const result = await page.evaluate(async () => {
      const done = [...document.querySelectorAll('depeche-view')].map((v) => new Promise((resolve) =>
        v.addEventListener('depeche-analysed', resolve, { once: true })));
      const mod = await import('./js/depeche-view.js');
      const r = await mod.setLexicon('Zorblax\tWEAPON\tZorblax rocket');
      await Promise.all(done);
      return r;
    });
    assert.deepEqual(result, { entries: 1 });
    for (const id of ['#a', '#b']) {
      const s = await shown(page, id);
      assert.ok(s.marks.some((m) => m.text === 'Zorblax' && m.type === 'WEAPON'), `${id}: ${JSON.stringify(s.marks)}`);
      assert.equal(s.analysis.entities.find((e) => e.text === 'Zorblax').canonical, 'Zorblax rocket');
    }
    const bad = await page.evaluate(async () => {
      const mod = await import('./js/depeche-view.js');
      try { await mod.setLexicon('Zorblax\tNOT_A_TYPE'); return null; } catch (err) { return err.message; }
    });
    assert.match(bad, /line 1/);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});

test('from a page in another folder, the element still finds its core (import.meta.url)', async () => {
  const { page, problems } = await openTestPage(`
    <depeche-view id="v" src="../../examples/003_ef9561be654d17d8.txt"></depeche-view>`,
  { at: 'some/deep/page.html', script: '../../js/depeche-view.js' });
  try {
    await settled(page);
    const s = await shown(page, '#v');
    assert.equal(s.state, 'ready', s.status);
    assert.ok(s.analysis.events.length >= 5);
    assert.deepEqual(problems, []);
  } finally { await page.close(); }
});
