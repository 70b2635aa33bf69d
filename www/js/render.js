// Turns {text, entities} into displaCy-like DOM:
//   <mark class="entity" data-type="LOCATION">Alep<span class="label">LOC</span></mark>
// Built with createElement/textContent only: user text never goes through innerHTML.

import { typeStyle } from './labels.js';
import { segment } from './segments.js';

/** One line describing an entity: type, canonical name and what else is known. */
export function describeEntity(e) {
  const parts = [`${typeStyle(e.type).name} (${e.type})`];
  if (e.canonical && e.canonical !== e.text) parts.push(`→ ${e.canonical}`);
  if (e.value !== undefined) parts.push(`value ${e.value === null ? 'unresolved' : e.value}`);
  const place = [e.admin1, e.country].filter((x) => x && x !== e.canonical);
  if (place.length) parts.push(place.join(', '));
  if (typeof e.lat === 'number' && typeof e.lon === 'number') {
    parts.push(`${e.lat.toFixed(2)}, ${e.lon.toFixed(2)}`);
  }
  if (e.actor_type) parts.push(`actor type: ${e.actor_type}`);
  return parts.join(' · ');
}

function pieceNode(text, piece) {
  const content = text.slice(piece.start, piece.end);
  if (!piece.roles.length) return document.createTextNode(content);
  const span = document.createElement('span');
  span.className = ['hl', ...piece.roles.map((r) => `hl-${r}`)].join(' ');
  span.dataset.roles = piece.roles.join(' ');
  span.textContent = content;
  return span;
}

/**
 * Render an article into `container` (its previous content is replaced).
 * @param {HTMLElement} container
 * @param {string} text
 * @param {object[]} entities  spans with type/start/end/text (and canonical…)
 * @param {{highlights?: {start:number,end:number,role:string}[], hidden?: Set<string>}} opts
 */
export function renderArticle(container, text, entities, opts = {}) {
  const hidden = opts.hidden || new Set();
  const frag = document.createDocumentFragment();
  for (const run of segment(text, entities, opts.highlights || [])) {
    const pieces = run.pieces.map((p) => pieceNode(text, p));
    if (!run.entity) { frag.append(...pieces); continue; }
    const e = run.entity;
    const style = typeStyle(e.type);
    const mark = document.createElement('mark');
    mark.className = 'entity';
    if (hidden.has(e.type)) mark.classList.add('muted');
    mark.dataset.type = e.type;
    if (e.id) mark.dataset.id = e.id;
    mark.dataset.start = String(run.start);
    mark.dataset.end = String(run.end);
    mark.tabIndex = 0;
    mark.title = `${e.type}${e.canonical ? ' · ' + e.canonical : ''}`;
    mark.style.setProperty('--bg', style.bg);
    mark.style.setProperty('--fg', style.fg);
    mark.append(...pieces);
    const label = document.createElement('span');
    label.className = 'label';
    label.setAttribute('aria-hidden', 'true');
    label.textContent = style.label;
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
