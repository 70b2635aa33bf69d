// Turns {text, entities} into displaCy-like DOM:
//   <mark class="entity" data-type="LOCATION">Alep<span class="label">LOC</span></mark>
// Built with createElement/textContent only: user text never goes through innerHTML.

import { typeStyle } from './labels.js';
import { segment } from './segments.js';

/** A DATE's resolved value as shown to the reader: the ISO value, or "unresolved". */
export function dateValueText(e) {
  return e && typeof e.value === 'string' && e.value ? e.value : 'unresolved';
}

/** The tooltip of a mark: type, then the canonical name or, for a DATE, "text → value". */
export function markTitle(e) {
  if (e.type === 'DATE') return `DATE · ${e.text} → ${dateValueText(e)}`;
  return `${e.type}${e.canonical ? ' · ' + e.canonical : ''}`;
}

/** One line describing an entity: type, canonical name and what else is known. */
export function describeEntity(e) {
  const parts = [`${typeStyle(e.type).name} (${e.type})`];
  if (e.canonical && e.canonical !== e.text) parts.push(`→ ${e.canonical}`);
  if (e.value !== undefined && e.type !== 'DATE') parts.push(`value ${e.value === null ? 'unresolved' : e.value}`);
  const place = [e.admin1, e.country].filter((x) => x && x !== e.canonical);
  if (place.length) parts.push(place.join(', '));
  if (typeof e.lat === 'number' && typeof e.lon === 'number') {
    parts.push(`${e.lat.toFixed(2)}, ${e.lon.toFixed(2)}`);
  }
  if (e.actor_type) parts.push(`actor type: ${e.actor_type}`);
  return parts.join(' · ');
}

function pieceNode(text, piece, anchorInfo, focusable) {
  const content = text.slice(piece.start, piece.end);
  const anchors = piece.anchors || [];
  if (!piece.roles.length && !anchors.length) return document.createTextNode(content);
  const span = document.createElement('span');
  if (piece.roles.length) {
    span.className = ['hl', ...piece.roles.map((r) => `hl-${r}`)].join(' ');
    span.dataset.roles = piece.roles.join(' ');
  }
  if (anchors.length) {
    // An event trigger: always marked, and a way to select its event from the text.
    const id = anchors[0];
    span.classList.add('ev-anchor');
    span.dataset.event = id;
    if (anchors.length > 1) span.dataset.events = anchors.join(' ');
    span.setAttribute('role', 'button');
    const info = anchorInfo.get(id);
    if (info && info.selected) span.classList.add('ev-anchor-selected');
    span.title = `${info && info.label ? info.label : id} — click to ${info && info.selected ? 'deselect' : 'show'} this event`;
    span.setAttribute('aria-label', `Event ${id}: ${info && info.label ? info.label : ''} « ${content} »`);
    if (!focusable.has(id)) { span.tabIndex = 0; focusable.add(id); } else span.tabIndex = -1;
  }
  span.textContent = content;
  return span;
}

/**
 * Render an article into `container` (its previous content is replaced).
 * @param {HTMLElement} container
 * @param {string} text
 * @param {object[]} entities  spans with type/start/end/text (and canonical…)
 * @param {{highlights?: {start:number,end:number,role:string}[], hidden?: Set<string>,
 *   anchors?: {start:number,end:number,id:string,label?:string,selected?:boolean}[],
 *   picked?: Set<string>}} opts
 *   anchors: event triggers to mark (and make selectable) in the text;
 *   picked: ids of the entities whose marks are picked out (the entity index).
 */
export function renderArticle(container, text, entities, opts = {}) {
  const hidden = opts.hidden || new Set();
  const picked = opts.picked || new Set();
  const anchors = opts.anchors || [];
  const anchorInfo = new Map(anchors.map((a) => [String(a.id), a]));
  const focusable = new Set();
  const frag = document.createDocumentFragment();
  for (const run of segment(text, entities, opts.highlights || [], anchors)) {
    const pieces = run.pieces.map((p) => pieceNode(text, p, anchorInfo, focusable));
    if (!run.entity) { frag.append(...pieces); continue; }
    const e = run.entity;
    const style = typeStyle(e.type);
    const mark = document.createElement('mark');
    mark.className = 'entity';
    if (hidden.has(e.type)) mark.classList.add('muted');
    if (e.id && picked.has(e.id)) mark.classList.add('picked');
    mark.dataset.type = e.type;
    if (e.id) mark.dataset.id = e.id;
    mark.dataset.start = String(run.start);
    mark.dataset.end = String(run.end);
    mark.tabIndex = 0;
    mark.title = markTitle(e);
    if (e.type === 'DATE') mark.dataset.value = e.value || '';
    mark.style.setProperty('--bg', style.bg);
    mark.style.setProperty('--fg', style.fg);
    mark.append(...pieces);
    const label = document.createElement('span');
    label.className = 'label';
    label.setAttribute('aria-hidden', 'true');
    label.textContent = style.label;
    if (e.type === 'DATE') {
      // the resolved value, small, next to the label (part of the label: not article text)
      const v = document.createElement('span');
      v.className = e.value ? 'label-value' : 'label-value unresolved';
      v.textContent = e.value ? e.value : '?';
      label.append(v);
    }
    mark.append(label);
    frag.append(mark);
  }
  container.replaceChildren(frag);
}

/** The article text of a mark, without its label. */
export function markText(mark) {
  let s = '';
  for (const node of mark.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains('label')) continue;
    s += node.textContent;
  }
  return s;
}
