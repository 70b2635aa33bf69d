// "Entities in this article": the distinct entities, grouped by type, with mention
// counts. One entry per canonical name when the engine gives one, else per surface
// text (case, apostrophes and spacing aside). DOM built with textContent only.

import { typeOrder, typeStyle } from './labels.js';
import { dateValueText } from './render.js';
import { el } from './dom.js';

/** The grouping key of a surface text: case, apostrophe style and spacing ignored. */
export function normText(s) {
  return String(s ?? '').normalize('NFC').replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
}

/** The key of the entry an entity belongs to. */
export function entityKey(e) {
  return `${e.type}\u0001${e.canonical ? `c:${e.canonical}` : `t:${normText(e.text)}`}`;
}

/**
 * Group entities: [{type, entries: [{key, type, name, count, ids, forms, values}]}], types in
 * legend order (only those present), entries by count (most mentioned first), then name.
 * `name` is the canonical name, else the most frequent surface form; `forms` the distinct
 * surface forms; `values` (DATE only) the distinct resolved values.
 */
export function groupEntities(entities) {
  const byKey = new Map();
  for (const e of entities) {
    if (!e || !e.type) continue;
    const key = entityKey(e);
    let g = byKey.get(key);
    if (!g) {
      g = { key, type: e.type, canonical: e.canonical || null, count: 0, ids: [], formCounts: new Map(), values: [] };
      byKey.set(key, g);
    }
    g.count += 1;
    if (e.id) g.ids.push(e.id);
    const form = String(e.text ?? '').replace(/\s+/g, ' ').trim();
    g.formCounts.set(form, (g.formCounts.get(form) || 0) + 1);
    if (e.type === 'DATE') {
      const v = dateValueText(e);
      if (!g.values.includes(v)) g.values.push(v);
    }
  }
  const entries = [...byKey.values()].map((g) => {
    const forms = [...g.formCounts.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f);
    return { key: g.key, type: g.type, name: g.canonical || forms[0] || '?', count: g.count, ids: g.ids, forms, values: g.values };
  });
  const byName = (a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr');
  const groups = [];
  for (const type of typeOrder(entities)) {
    const list = entries.filter((x) => x.type === type).sort(byName);
    if (list.length) groups.push({ type, entries: list });
  }
  return groups;
}


/** A one-line description of an entry (the chip's tooltip and the details line). */
export function describeEntry(entry) {
  const parts = [`${entry.count} mention${entry.count === 1 ? '' : 's'}`, typeStyle(entry.type).name];
  const others = entry.forms.filter((f) => f !== entry.name);
  if (others.length) parts.push(`written ${others.slice(0, 4).map((f) => `« ${f} »`).join(', ')}${others.length > 4 ? '…' : ''}`);
  if (entry.values.length) parts.push(`→ ${entry.values.join(', ')}`);
  return parts.join(' · ');
}

/**
 * Render the index into `container`.
 * @param {HTMLElement} container
 * @param {ReturnType<typeof groupEntities>} groups
 * @param {{pickedKey?: string|null}} opts
 */
export function renderEntityIndex(container, groups, opts = {}) {
  const frag = document.createDocumentFragment();
  for (const { type, entries } of groups) {
    const style = typeStyle(type);
    const row = el('div', 'ent-group');
    row.dataset.type = type;
    const head = el('span', 'ent-group-name');
    head.append(el('span', 'swatch', style.label));
    row.append(head);
    const ul = el('ul', 'ent-list');
    ul.setAttribute('aria-label', style.name);
    for (const entry of entries) {
      const li = el('li');
      const b = el('button', 'ent-chip');
      b.type = 'button';
      b.dataset.key = entry.key;
      b.dataset.type = type;
      b.setAttribute('aria-pressed', String(entry.key === opts.pickedKey));
      b.title = `${entry.name} — ${describeEntry(entry)} · click to find in the text`;
      b.style.setProperty('--bg', style.bg);
      b.style.setProperty('--fg', style.fg);
      b.append(el('span', 'ent-name', entry.name));
      if (entry.values.length === 1 && entry.values[0] !== entry.name) b.append(el('span', 'ent-value', entry.values[0]));
      b.append(el('span', 'n', String(entry.count)));
      li.append(b);
      ul.append(li);
    }
    row.append(ul);
    frag.append(row);
  }
  container.replaceChildren(frag);
}
