// setLexicon in the WASM build: the user's names are found at once, a bad lexicon
// throws an Error naming each bad line and leaves the lexicon in use before in use,
// '' removes it, and the built-in lexicons work throughout.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let mod;

before(async () => {
  mod = await import(join(root, 'pkg/depeche.js'));
  await mod.default({ module_or_path: readFileSync(join(root, 'pkg/depeche_bg.wasm')) });
});

const TEXT = "Lundi, les Faucons du Nord ont attaqué Tal Refaat, près d'Alep.";
const GOOD = 'Faucons du Nord\tARMED_GROUP\tBrigade des Faucons du Nord\t\tinter=rebel\n'
  + 'Tal Refaat\tLOCATION\tTal Rifaat\tTell Rifaat\tlat=36.47; lon=37.09\n';
const find = (a, text) => a.entities.find((e) => e.text === text);

test('user entries are found, with canonical and attributes, and events use them', () => {
  assert.deepEqual({ ...mod.setLexicon(GOOD) }, { entries: 2 });
  const a = mod.analyze(TEXT);
  const g = find(a, 'Faucons du Nord');
  assert.equal(g.type, 'ARMED_GROUP');
  assert.equal(g.canonical, 'Brigade des Faucons du Nord');
  assert.equal(g.actor_type, 'rebel');
  assert.equal(find(a, 'Tal Refaat').lat, 36.47);
  assert.ok(find(a, 'Alep'), 'built-in names still found');
  assert.ok(a.events.some((e) => e.actor1 && e.actor1.text === 'Faucons du Nord'));
});

test('a bad lexicon throws, naming each line, and the previous lexicon stays', () => {
  mod.setLexicon(GOOD);
  const bad = 'Alep|Homs\tLOCATION\nfine name\tPLACE\nno type here\n';
  assert.throws(() => mod.setLexicon(bad), (err) => {
    assert.ok(err instanceof Error);
    const lines = err.message.split('\n');
    assert.equal(lines.length, 2, err.message);
    assert.match(lines[0], /^user lexicon, line 1: name "Alep\|Homs" contains '\|'/);
    assert.match(lines[1], /^user lexicon, line 3: expected 2 to 5 tab-separated columns/);
    return true;
  });
  assert.ok(find(mod.analyze(TEXT), 'Faucons du Nord'), 'the good lexicon is still applied');
});

test("'' removes the user lexicon; the built-in ones keep working", () => {
  mod.setLexicon(GOOD);
  assert.deepEqual({ ...mod.setLexicon('') }, { entries: 0 });
  const a = mod.analyze(TEXT);
  assert.equal(find(a, 'Faucons du Nord'), undefined);
  assert.ok(find(a, 'Alep'));
});

test('100,000 entries load and match', () => {
  const rows = [];
  for (let i = 0; i < 100000; i++) rows.push(`Hameau Numéro ${i}\tLOCATION\tHameau ${i}`);
  const t0 = performance.now();
  assert.equal(mod.setLexicon(rows.join('\n')).entries, 100000);
  const ms = performance.now() - t0;
  const a = mod.analyze('Des frappes ont visé Hameau Numéro 4242 et Alep.');
  assert.equal(find(a, 'Hameau Numéro 4242').canonical, 'Hameau 4242');
  assert.ok(find(a, 'Alep'));
  console.log(`# setLexicon with 100,000 entries: ${Math.round(ms)} ms`);
  mod.setLexicon('');
});

test('a lexicon that is not a string or is binary gives an error or nothing, never a crash', () => {
  assert.throws(() => mod.setLexicon('\u0000\u0001\u0002'), /line 1/);
  assert.throws(() => mod.setLexicon(42), Error);
  assert.ok(find(mod.analyze(TEXT), 'Alep'));
});
