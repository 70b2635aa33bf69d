// The article's events as cards, and the text ranges a selected card highlights.

import { ROLES } from './labels.js';
import { el } from './dom.js';

const ARG_ROLES = ['actor1', 'actor2', 'location', 'date', 'source', 'fatalities', 'wounded', 'captured'];

const hasSpan = (x) => x && Number.isInteger(x.start) && Number.isInteger(x.end) && x.end > x.start;

/** Ranges to highlight in the text for one event: trigger, other mentions, arguments. */
export function highlightsFor(ev) {
  const out = [];
  if (hasSpan(ev.trigger)) out.push({ ...ev.trigger, role: 'trigger' });
  for (const m of ev.mentions || []) if (hasSpan(m)) out.push({ ...m, role: 'mention' });
  for (const role of ARG_ROLES) if (hasSpan(ev[role])) out.push({ ...ev[role], role });
  return out.map(({ start, end, role }) => ({ start, end, role }));
}


/** "armée syrienne (Army (Syria))" as nodes, tagged with its role for the colour key. */
function argNode(arg, role) {
  const span = el('span', `arg role-${role}`);
  if (!arg) { span.classList.add('none'); span.textContent = '—'; return span; }
  span.append(el('span', 'arg-text', arg.text ?? ''));
  if (arg.canonical && arg.canonical !== arg.text) span.append(el('span', 'canonical', ` (${arg.canonical})`));
  return span;
}

function countNode(count, role, noun) {
  const span = el('span', `arg role-${role}`);
  if (count.value === null || count.value === undefined) {
    span.textContent = `« ${count.text ?? ''} » ${noun} (no figure)`;
  } else {
    span.textContent = `${count.approximate ? '≈' : ''}${count.value} ${noun}`;
    if (count.text) span.title = count.text;
  }
  return span;
}

function row(list, name, ...nodes) {
  list.append(el('dt', '', name));
  const dd = el('dd');
  dd.append(...nodes);
  list.append(dd);
}

function card(ev, selected) {
  const art = el('article', 'event-card');
  art.tabIndex = 0;
  art.setAttribute('role', 'button');
  art.setAttribute('aria-pressed', String(selected));
  art.dataset.id = ev.id;
  art.dataset.type = ev.type;

  const head = el('div', 'ev-head');
  const type = el('span', 'ev-type', ev.type);
  if (ev.subtype) type.append(document.createElement('wbr'), `.${ev.subtype}`);
  head.append(type);
  head.append(el('span', `ev-modality modality-${ev.modality}`, ev.modality));
  head.append(el('span', 'ev-id', ev.id));
  art.append(head);

  const trig = el('div', 'ev-trigger');
  trig.append(el('span', 'role-trigger', `« ${ev.trigger?.text ?? ''} »`));
  const nMentions = (ev.mentions || []).length;
  if (nMentions) trig.append(el('span', 'ev-mentions', ` +${nMentions} other mention${nMentions > 1 ? 's' : ''}`));
  art.append(trig);

  const dl = el('dl', 'ev-args');
  const actors = [argNode(ev.actor1, 'actor1'), el('span', 'arrow', ' → '), argNode(ev.actor2, 'actor2')];
  row(dl, 'actors', ...actors);
  if (ev.location) row(dl, 'location', argNode(ev.location, 'location'));
  if (ev.date) {
    const d = argNode({ text: ev.date.text }, 'date');
    d.append(el('span', 'canonical', ev.date.value ? ` (${ev.date.value})` : ' (unresolved)'));
    row(dl, 'date', d);
  }
  const tolls = [['fatalities', 'killed'], ['wounded', 'wounded'], ['captured', 'captured']]
    .filter(([k]) => ev[k])
    .flatMap(([k, noun], i) => (i ? [document.createTextNode(', '), countNode(ev[k], k, noun)] : [countNode(ev[k], k, noun)]));
  if (tolls.length) row(dl, 'toll', ...tolls);
  if (ev.source) row(dl, 'source', argNode(ev.source, 'source'));
  art.append(dl);

  if (ev.rules && ev.rules.length) {
    art.append(el('div', 'ev-rules', `why: ${ev.rules.join(', ')}`));
  }
  return art;
}

/** "battle.armed_clash": an event's type and subtype, for labels. */
export function eventLabel(ev) {
  return ev.subtype ? `${ev.type}.${ev.subtype}` : String(ev.type);
}

/** Every event's trigger, as anchors for the text (skipping events of hidden types). */
export function anchorsFor(events, opts = {}) {
  const hidden = opts.hiddenTypes || new Set();
  return events
    .filter((ev) => hasSpan(ev.trigger) && !hidden.has(ev.type))
    .map((ev) => ({ start: ev.trigger.start, end: ev.trigger.end, id: ev.id, label: eventLabel(ev),
      selected: ev.id === opts.selectedId }));
}

/** [[type, count]] of the events, most frequent first (ties by name). */
export function eventTypeCounts(events) {
  const counts = new Map();
  for (const ev of events) counts.set(ev.type, (counts.get(ev.type) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

/**
 * The event type filter chips: one toggle per type present, with its count.
 * @param {HTMLElement} container
 * @param {object[]} events
 * @param {{hiddenTypes?: Set<string>}} opts
 */
export function renderTypeFilters(container, events, opts = {}) {
  const hidden = opts.hiddenTypes || new Set();
  const frag = document.createDocumentFragment();
  for (const [type, n] of eventTypeCounts(events)) {
    const b = el('button', 'type-filter');
    b.type = 'button';
    b.dataset.type = type;
    const shown = !hidden.has(type);
    b.setAttribute('aria-pressed', String(shown));
    b.title = `${shown ? 'Hide' : 'Show'} ${type.replace(/_/g, ' ')} events`;
    b.append(el('span', 'check', shown ? '✓' : ''), el('span', 'name', type.replace(/_/g, ' ')), el('span', 'n', String(n)));
    b.querySelector('.check').setAttribute('aria-hidden', 'true');
    frag.append(b);
  }
  container.replaceChildren(frag);
}

/**
 * Render the event cards into `list` (an <ol>).
 * @param {HTMLElement} list
 * @param {object[]} events
 * @param {{selectedId?: string|null, hiddenTypes?: Set<string>}} opts
 */
export function renderEvents(list, events, opts = {}) {
  const hidden = opts.hiddenTypes || new Set();
  const frag = document.createDocumentFragment();
  for (const ev of events) {
    const li = el('li');
    li.dataset.type = ev.type;
    li.hidden = hidden.has(ev.type);
    li.append(card(ev, ev.id === opts.selectedId));
    frag.append(li);
  }
  list.replaceChildren(frag);
}

/** The colour key for roles, shown above the list. */
export function renderRoleKey(container) {
  const frag = document.createDocumentFragment();
  for (const [role, { name }] of Object.entries(ROLES)) {
    frag.append(el('span', `key role-${role}`, name));
  }
  container.replaceChildren(frag);
}
