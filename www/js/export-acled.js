// The core's events as ACLED-style records: what the CSV and GeoJSON exports write and
// what the map and the timeline draw. Pure functions, no DOM.
//
// A "doc" is `{ id, name, text, referenceDate, analysis }` (an item of the store's
// 'collection', or the reading view's 'current' with `id: null`).

/** The CSV columns, in ACLED's names and order. */
export const ACLED_COLUMNS = ['event_date', 'event_type', 'sub_event_type', 'actor1', 'inter1', 'actor2', 'inter2',
  'admin1', 'location', 'latitude', 'longitude', 'source', 'notes', 'fatalities'];

/**
 * ACLED's numeric actor types (inter1, inter2): 1 state forces, 2 rebel groups,
 * 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians,
 * 8 external/other forces. The lexicons' `inter=` values map onto them.
 */
export const INTER_CODES = { state: 1, rebel: 2, militia: 3, identity: 4, rioter: 5, protester: 6, civilian: 7, external: 8 };

// Generic actors (data/actor_refs.tsv) and state forces named from a demonym carry no
// `inter` in the output: their canonical names tell.
const INTER_BY_CANONICAL = { Rebels: 2, Jihadists: 2, Protesters: 6, Civilians: 7 };

const isSpan = (x) => x && Number.isInteger(x.start) && Number.isInteger(x.end);

const geo = (e) => e && Number.isFinite(e.lat) && Number.isFinite(e.lon);
const spanKey = (x) => `${x.start}:${x.end}`;
const indexes = new WeakMap();

/** Lookups into an analysis's entities, made once per analysis (the first one wins). */
function indexOf(analysis) {
  let ix = indexes.get(analysis);
  if (ix) return ix;
  ix = { armedSpan: new Map(), armedName: new Map(), placeSpan: new Map(), placeName: new Map() };
  for (const e of (analysis && analysis.entities) || []) {
    if (e.type === 'ARMED_GROUP' && e.actor_type) {
      if (!ix.armedSpan.has(spanKey(e))) ix.armedSpan.set(spanKey(e), e);
      if (e.canonical && !ix.armedName.has(e.canonical)) ix.armedName.set(e.canonical, e);
    } else if (e.type === 'LOCATION' && geo(e)) {
      if (!ix.placeSpan.has(spanKey(e))) ix.placeSpan.set(spanKey(e), e);
      if (e.canonical && !ix.placeName.has(e.canonical)) ix.placeName.set(e.canonical, e);
    }
  }
  if (analysis && typeof analysis === 'object') indexes.set(analysis, ix);
  return ix;
}

/** ACLED inter code of an event's actor argument, or '' when unknown. */
export function interOf(actor, analysis) {
  if (!actor) return '';
  const ix = indexOf(analysis);
  // the entity the argument is, then any mention of the same actor
  const same = isSpan(actor) && ix.armedSpan.get(spanKey(actor));
  const byName = actor.canonical && ix.armedName.get(actor.canonical);
  const t = (same || byName || {}).actor_type || actor.actor_type;
  if (t && INTER_CODES[t]) return INTER_CODES[t];
  const c = actor.canonical || '';
  if (/^(Military|Police) Forces of /.test(c)) return INTER_CODES.state;
  return INTER_BY_CANONICAL[c] || '';
}

/**
 * Where an event happened: its location argument with the gazetteer's data, taken from
 * the LOCATION entity at the same span, else from another mention of the same place.
 * `{ name, admin1, country, lat, lon }`, `lat`/`lon` null when not geocoded; null
 * when the event has no location.
 */
export function placeOf(ev, analysis) {
  const loc = ev && ev.location;
  if (!loc) return null;
  const ix = indexOf(analysis);
  let src = geo(loc) ? loc : null;
  if (!src && isSpan(loc)) src = ix.placeSpan.get(spanKey(loc)) || null;
  if (!src && loc.canonical) src = ix.placeName.get(loc.canonical) || null;
  return {
    name: loc.canonical || loc.text || '',
    admin1: (src && src.admin1) || loc.admin1 || '',
    country: (src && src.country) || loc.country || '',
    lat: src ? src.lat : null,
    lon: src ? src.lon : null,
  };
}

/** The event's own date value (ISO, maybe an interval), or null when undated. */
export function eventDateValue(ev) {
  return (ev && ev.date && ev.date.value) || null;
}

/** The first day, month or year of an ISO date value: `2024-08-08/2024-08-09` → `2024-08-08`. */
export function dateStart(value) {
  return value ? String(value).split('/')[0] : '';
}

/** The article's date: the reference date given, else the one the analysis used, else the dateline's. */
export function articleDate(doc) {
  const a = doc && doc.analysis;
  return (doc && doc.referenceDate) || (a && a.reference_date)
    || (a && a.dateline && a.dateline.datetime ? String(a.dateline.datetime).slice(0, 10) : '') || '';
}

const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

/** The sentence of an event, from the article's text. */
export function sentenceOf(ev, text) {
  const s = ev && ev.sentence;
  if (!isSpan(s) || typeof text !== 'string') return '';
  return squash(text.slice(s.start, s.end));
}

const actorName = (a) => (a ? a.canonical || a.text || '' : '');

/**
 * One record per event of an analysed doc: the ACLED fields (`acled`, keyed by
 * ACLED_COLUMNS) and what the map and timeline need.
 */
const recordCache = new WeakMap();

export function eventRecords(doc) {
  const a = doc && doc.analysis;
  if (!a || !Array.isArray(a.events)) return [];
  // an analysis does not change: its records are made once (for the same doc)
  const hit = recordCache.get(a);
  if (hit && hit.id === doc.id && hit.name === doc.name && hit.text === doc.text && hit.ref === doc.referenceDate) return hit.recs;
  const recs = makeRecords(doc, a);
  recordCache.set(a, { id: doc.id, name: doc.name, text: doc.text, ref: doc.referenceDate, recs });
  return recs;
}

function makeRecords(doc, a) {
  const fallbackDate = articleDate(doc);
  return a.events.map((ev) => {
    const place = placeOf(ev, a);
    const own = eventDateValue(ev);
    const sources = [ev.source ? ev.source.canonical || ev.source.text : '', doc.name || ''].filter(Boolean);
    const modality = ev.modality || 'actual';
    const sentence = sentenceOf(ev, doc.text);
    const fat = ev.fatalities && Number.isFinite(ev.fatalities.value) ? ev.fatalities.value : null;
    return {
      docId: doc.id ?? null,
      docName: doc.name || '',
      eventId: ev.id,
      event: ev,
      type: ev.type,
      subtype: ev.subtype || '',
      modality,
      date: own,                 // the event's own date value, or null
      place,
      fatalities: fat,           // null when the text gives no figure
      acled: {
        event_date: dateStart(own) || fallbackDate,
        event_type: ev.type || '',
        sub_event_type: ev.subtype || '',
        actor1: actorName(ev.actor1),
        inter1: interOf(ev.actor1, a),
        actor2: actorName(ev.actor2),
        inter2: interOf(ev.actor2, a),
        admin1: place ? place.admin1 : '',
        location: place ? place.name : '',
        latitude: place && place.lat !== null ? place.lat : '',
        longitude: place && place.lon !== null ? place.lon : '',
        source: sources.join('; '),
        // the sentence; an event not reported as having happened says so first
        notes: modality === 'actual' ? sentence : `(${modality}) ${sentence}`,
        // ACLED writes 0 when no figure is reported
        fatalities: fat ?? 0,
      },
    };
  });
}

/** "2024-11-21 · battle.armed_clash · Ramouseh (Aleppo) · A → B · 3 killed · « offensive »" */
export function eventSummary(rec) {
  const ev = rec.event;
  const parts = [];
  parts.push(rec.date || 'undated');
  parts.push(rec.subtype ? `${rec.type}.${rec.subtype}` : rec.type);
  if (rec.modality !== 'actual') parts.push(rec.modality);
  if (rec.place) parts.push(rec.place.admin1 && rec.place.admin1 !== rec.place.name ? `${rec.place.name} (${rec.place.admin1})` : rec.place.name);
  const a1 = rec.acled.actor1, a2 = rec.acled.actor2;
  if (a1 || a2) parts.push(`${a1 || '?'} → ${a2 || '?'}`);
  if (rec.fatalities !== null) parts.push(`${ev.fatalities.approximate ? '≈' : ''}${rec.fatalities} killed`);
  if (ev.trigger && ev.trigger.text) parts.push(`« ${squash(ev.trigger.text)} »`);
  if (rec.acled.source) parts.push(rec.acled.source);
  return parts.map(squash).join(' · ');
}
