// The export files, as strings: JSON, CSV (ACLED columns) and GeoJSON. Pure, no DOM.

import { ACLED_COLUMNS, eventRecords } from './export-acled.js';

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (accents intact). */
export const BOM = '\uFEFF';

const TEXT_COLUMNS = new Set(['event_type', 'sub_event_type', 'actor1', 'actor2', 'admin1', 'location', 'source', 'notes']);

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break,
 * quotes doubled. A text field that a spreadsheet would read as a formula (it starts
 * with = + - @ or a tab) gets a leading apostrophe: article text is not to be trusted.
 */
export function csvField(value, column = '') {
  let s = value === null || value === undefined ? '' : String(value);
  if (TEXT_COLUMNS.has(column) && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** ACLED-style CSV, one row per event of every analysed doc; CRLF line ends, BOM first. */
export function toCSV(docs) {
  const lines = [ACLED_COLUMNS.join(',')];
  for (const doc of docs) {
    for (const rec of eventRecords(doc)) {
      lines.push(ACLED_COLUMNS.map((c) => csvField(rec.acled[c], c)).join(','));
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * A GeoJSON FeatureCollection: one Point per geocoded event, properties = the ACLED
 * fields, the article, the event's id, type, modality and date value.
 */
export function toGeoJSON(docs) {
  const features = [];
  for (const doc of docs) {
    for (const rec of eventRecords(doc)) {
      const p = rec.place;
      if (!p || !Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
      features.push({
        type: 'Feature',
        id: doc.id !== null && doc.id !== undefined ? `${doc.id}/${rec.eventId}` : rec.eventId,
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: {
          ...rec.acled,
          article: doc.name || '',
          doc_id: doc.id ?? null,
          event_id: rec.eventId,
          date_value: rec.date,
          modality: rec.modality,
          country: p.country,
        },
      });
    }
  }
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 1)}\n`;
}

/** One article: the core's analysis object, as it is (EXTRACTION.md, schema "1"). */
export function articleJSON(analysis) {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}

/**
 * Many articles: a JSON array of `{ id, name, reference_date, result, error }`, in the
 * collection's order; `result` is the analysis (null when it failed or is not done yet).
 */
export function collectionJSON(items) {
  const out = items.map((it) => ({
    id: it.id ?? null,
    name: it.name || '',
    reference_date: it.referenceDate || null,
    result: it.analysis || null,
    error: it.error ? String(it.error.message || it.error) : null,
  }));
  return `${JSON.stringify(out, null, 1)}\n`;
}

/** `depeche-events-2024-11-22.csv`; `stem` (an article's name) is made file-safe. */
export function fileName(kind, ext, stem = '', day = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  const d = day instanceof Date ? `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}` : String(day);
  const safe = String(stem).replace(/\.[a-z0-9]{1,5}$/i, '').normalize('NFKD').replace(/[^\w-]+/g, '_')
    .replace(/^_+|_+$/g, '').slice(0, 40);
  return ['depeche', safe, kind, d].filter(Boolean).join('-') + `.${ext}`;
}
