// The pure segmentation behind the page's renderer (www/js/segments.js): entities
// never overlap; event highlights may overlap entities and each other.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../www/js/segments.js';

const text = "Lundi, l'armée syrienne a repris Tal al-Milh.";
//            0     6  9             23 26    32 33        44
const ents = [{ start: 0, end: 5 }, { start: 9, end: 23 }, { start: 33, end: 44 }];

const flat = (runs) => runs.flatMap((r) => r.pieces.map((p) => [text.slice(p.start, p.end), r.entity ? 'E' : '-', p.roles.join('+')]));

test('runs cover the text exactly, entities as whole runs', () => {
  const runs = segment(text, ents);
  assert.equal(runs.map((r) => text.slice(r.start, r.end)).join(''), text);
  assert.deepEqual(runs.filter((r) => r.entity).map((r) => text.slice(r.start, r.end)), ['Lundi', 'armée syrienne', 'Tal al-Milh']);
});

test('highlights split segments at every boundary, inside and across entities', () => {
  const hls = [
    { start: 26, end: 32, role: 'trigger' },   // between entities
    { start: 9, end: 14, role: 'actor1' },     // part of an entity
    { start: 20, end: 28, role: 'mention' },   // across an entity's end
    { start: 9, end: 23, role: 'actor2' },     // overlapping another highlight
  ];
  assert.deepEqual(flat(segment(text, ents, hls)), [
    ['Lundi', 'E', ''], [", l'", '-', ''],
    ['armée', 'E', 'actor1+actor2'], [' syrie', 'E', 'actor2'], ['nne', 'E', 'mention+actor2'],
    [' a ', '-', 'mention'], ['re', '-', 'trigger+mention'], ['pris', '-', 'trigger'], [' ', '-', ''],
    ['Tal al-Milh', 'E', ''], ['.', '-', ''],
  ]);
  const pieces = flat(segment(text, ents, hls));
  assert.equal(pieces.map((p) => p[0]).join(''), text);
  assert.deepEqual(pieces.filter((p) => p[2].includes('mention')).map((p) => p[0]).join(''), text.slice(20, 28));
  assert.equal(pieces.filter((p) => p[2].includes('trigger')).map((p) => p[0]).join(''), 'repris');
  assert.deepEqual(pieces.filter((p) => p[2].includes('actor2')).map((p) => p[0]).join(''), 'armée syrienne');
});

test('bad or overlapping spans are dropped, never break the text', () => {
  const runs = segment(text, [{ start: 9, end: 23 }, { start: 12, end: 30 }, { start: 40, end: 99 }, { start: 5, end: 5 }],
    [{ start: -4, end: 3, role: 'date' }, { start: 3, end: 1, role: 'x' }]);
  assert.equal(runs.map((r) => text.slice(r.start, r.end)).join(''), text);
  assert.equal(runs.filter((r) => r.entity).length, 2);
  assert.deepEqual(flat(runs)[0], ['Lun', '-', 'date']);
});
