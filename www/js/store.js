// The page's shared state, one topic per part that others read. A part that owns a
// topic calls `emit`; the others `on` it. No part reaches into another's DOM.
//
// Topics:
// - 'current':    { name, text, analysis } — the article in the reading view (app.js)
// - 'collection': [{ id, name, text, referenceDate, analysis, error }] — every loaded
//                 article, analysed or not yet (collection.js); `analysis` is the core's JSON
// - 'lexicon':    { tsv, entries } — the user lexicon now applied by the core (lexicon.js)
// - 'view':       'read' | 'collection' | 'lexicon' — the visible tab (tabs.js)
// - 'open':       { docId, eventId } — a request to show one event of the collection in
//                 the reading view (table.js, map.js, timeline.js ask; app.js answers)

const listeners = new Map();

/** The last value emitted on each topic. */
export const store = { current: null, collection: [], lexicon: { tsv: '', entries: 0 }, view: 'read' };

/** Call `fn(value)` on every `emit(topic, value)`; returns a function that unsubscribes. */
export function on(topic, fn) {
  if (!listeners.has(topic)) listeners.set(topic, new Set());
  listeners.get(topic).add(fn);
  return () => listeners.get(topic).delete(fn);
}

export function emit(topic, value) {
  store[topic] = value;
  for (const fn of listeners.get(topic) || []) {
    try { fn(value); } catch (err) { console.error(`depeche: a '${topic}' listener failed`, err); }
  }
}
