// The user lexicon: actors, places, people the analyst adds. Kept in localStorage as
// the TSV the core reads (name, type, canonical, aliases, attributes — the same file
// `depeche analyze --lexicon` takes), exported and imported as that file, and applied
// by the WASM core at once. The core validates: a row it refuses is shown with its
// line and nothing is saved, so what is stored always applies.

import * as engine from './engine.js';
import { emit } from './store.js';

const STORAGE_KEY = 'depeche.lexicon.v1';
const HEADER = '# depeche user lexicon: name <TAB> type <TAB> canonical <TAB> aliases (| separated) <TAB> attributes (key=value; …)';
const TYPES = [
  ['ARMED_GROUP', 'Armed group or force'],
  ['LOCATION', 'Place'],
  ['PERSON', 'Person'],
  ['ORGANIZATION', 'Organisation'],
  ['MEDIA', 'Media'],
  ['WEAPON', 'Weapon'],
];
const INTER = ['', 'state', 'rebel', 'militia', 'identity', 'external', 'civilians', 'protesters', 'rioters'];

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
};

/** Rows of a lexicon TSV as objects (for display; the core is the validator). */
export function parseRows(tsv) {
  const rows = [];
  for (const line of tsv.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const [name = '', type = '', canonical = '', aliases = '', attributes = ''] = line.split('\t').map((c) => c.trim());
    rows.push({ name, type: type.toUpperCase(), canonical, aliases, attributes });
  }
  return rows;
}

/** The TSV of rows, header first. Tabs and line breaks inside a field become spaces. */
export function toTsv(rows) {
  const clean = (s) => String(s || '').replace(/[\t\r\n]+/g, ' ').trim();
  const lines = rows.map((r) => [r.name, r.type, r.canonical, r.aliases, r.attributes].map(clean).join('\t').replace(/\t+$/, ''));
  return [HEADER, ...lines].join('\n') + '\n';
}

const state = { rows: [], ui: null };

function load() {
  try { return localStorage.getItem(STORAGE_KEY) || ''; } catch { return ''; }
}

function save(tsv) {
  try { localStorage.setItem(STORAGE_KEY, tsv); return true; } catch { return false; }
}

function message(text, kind) {
  const m = state.ui.message;
  m.replaceChildren();
  m.hidden = !text;
  m.dataset.kind = kind || '';
  if (!text) return;
  // The core names each bad row on its own line: show them as a list.
  const lines = String(text).split('\n');
  if (lines.length === 1) { m.textContent = text; return; }
  m.append(el('p', { textContent: kind === 'error' ? 'This lexicon was not applied:' : '' }),
    el('ul', {}, ...lines.map((l) => el('li', { textContent: l }))));
}

/**
 * Apply `rows` through the core; on success store and announce them. On failure the
 * core keeps the lexicon it had, and so do we. Resolves to true when applied.
 */
async function apply(rows, { persist = true, fromForm = false } = {}) {
  const tsv = rows.length ? toTsv(rows) : '';
  let report;
  try {
    report = await engine.setLexicon(tsv);
  } catch (err) {
    let text = err && err.message ? err.message : String(err);
    // a row typed in the form has no line the user knows of
    if (fromForm) text = text.replace(/^user lexicon, line \d+: /gm, '');
    message(text, 'error');
    return false;
  }
  state.rows = rows;
  if (persist && !save(tsv)) message('Applied, but the browser refused to store it (private mode?): export it to keep it.', 'warn');
  render();
  emit('lexicon', { tsv, entries: report && typeof report.entries === 'number' ? report.entries : rows.length });
  return true;
}

function attributesOf(form) {
  const parts = [];
  const v = (name) => form.elements[name].value.trim();
  if (v('lat') || v('lon')) parts.push(`lat=${v('lat')}`, `lon=${v('lon')}`);
  if (v('admin1')) parts.push(`admin1=${v('admin1')}`);
  if (v('inter')) parts.push(`inter=${v('inter')}`);
  return parts.join('; ');
}

async function onAdd(ev) {
  ev.preventDefault();
  const form = ev.currentTarget;
  const row = {
    name: form.elements.name.value.trim(),
    type: form.elements.type.value,
    canonical: form.elements.canonical.value.trim(),
    aliases: form.elements.aliases.value.split(/[|\n]/).map((a) => a.trim()).filter(Boolean).join('|'),
    attributes: attributesOf(form),
  };
  if (!row.name) { message('Give the name as the articles write it.', 'error'); form.elements.name.focus(); return; }
  // The core numbers rows from the file's first line, the header: the new row is last.
  const rows = [...state.rows.filter((r) => r.name.toLowerCase() !== row.name.toLowerCase()), row];
  if (await apply(rows, { fromForm: true })) {
    message(`Added “${row.name}” (${row.type}). It is highlighted in every article from now on.`, 'ok');
    form.reset();
    syncFields(form);
    form.elements.name.focus();
  }
}

async function onRemove(index) {
  const row = state.rows[index];
  if (await apply(state.rows.filter((_, i) => i !== index))) message(`Removed “${row.name}”.`, 'ok');
}

async function onImport(file) {
  if (!file) return;
  if (file.size > 20 * 1024 * 1024) { message(`“${file.name}” is over 20 MB: not a lexicon.`, 'error'); return; }
  let text;
  try { text = await file.text(); } catch (err) { message(`Could not read “${file.name}”: ${err.message || err}`, 'error'); return; }
  // Check the file alone first, so that the lines named in an error are its own.
  try {
    await engine.setLexicon(text);
  } catch (err) {
    message(String(err && err.message ? err.message : err).replace(/user lexicon, /g, `${file.name}, `), 'error');
    await engine.setLexicon(state.rows.length ? toTsv(state.rows) : '').catch(() => {});
    return;
  }
  const incoming = parseRows(text);
  const names = new Set(incoming.map((r) => r.name.toLowerCase()));
  const rows = [...state.rows.filter((r) => !names.has(r.name.toLowerCase())), ...incoming];
  if (await apply(rows)) message(`Imported ${incoming.length} entr${incoming.length === 1 ? 'y' : 'ies'} from “${file.name}”.`, 'ok');
}

function onExport() {
  const blob = new Blob([toTsv(state.rows)], { type: 'text/tab-separated-values;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: 'depeche-lexicon.tsv' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function onClear() {
  if (!state.rows.length) return;
  if (!confirm(`Remove all ${state.rows.length} entries of your lexicon?`)) return;
  if (await apply([])) message('Your lexicon is empty.', 'ok');
}

/** Coordinates only for places, the ACLED actor type only for armed groups. */
function syncFields(form) {
  const type = form.elements.type.value;
  form.querySelector('.lex-place').hidden = type !== 'LOCATION';
  form.querySelector('.lex-actor').hidden = type !== 'ARMED_GROUP';
}

const PAGE = 200; // rows shown at once: a 100,000-row lexicon must not freeze the tab

function render() {
  const { table, count, tabCount, more } = state.ui;
  const n = state.rows.length;
  count.textContent = n ? `${n} entr${n === 1 ? 'y' : 'ies'}` : 'No entries yet.';
  tabCount.textContent = n ? `(${n})` : '';
  const body = el('tbody');
  state.rows.slice(0, PAGE).forEach((r, i) => {
    const remove = el('button', { type: 'button', className: 'button secondary small', textContent: 'Remove', dataset: { index: String(i) } });
    remove.setAttribute('aria-label', `Remove ${r.name}`);
    body.append(el('tr', {},
      el('td', { textContent: r.name }), el('td', { textContent: r.type }),
      el('td', { textContent: r.canonical || '—' }), el('td', { textContent: r.aliases.split('|').filter(Boolean).join(', ') || '—' }),
      el('td', { textContent: r.attributes || '—' }), el('td', {}, remove)));
  });
  table.tBodies[0].replaceWith(body);
  table.hidden = n === 0;
  more.hidden = n <= PAGE;
  more.textContent = `… and ${n - PAGE} more (export the file to see them all).`;
}

function build(root) {
  const typeSelect = el('select', { name: 'type', id: 'lex-type' }, ...TYPES.map(([v, label]) => el('option', { value: v, textContent: label })));
  const interSelect = el('select', { name: 'inter', id: 'lex-inter' }, ...INTER.map((v) => el('option', { value: v, textContent: v || '(unknown)' })));
  const field = (label, input, hint) => el('label', { className: 'field' }, el('span', { textContent: label }), input,
    ...(hint ? [el('small', { textContent: hint })] : []));
  const form = el('form', { className: 'lex-form', id: 'lexicon-form', noValidate: true },
    field('Name, as articles write it', el('input', { name: 'name', id: 'lex-name', required: true, autocomplete: 'off', maxLength: 200 })),
    field('Type', typeSelect),
    field('Canonical name', el('input', { name: 'canonical', id: 'lex-canonical', autocomplete: 'off', maxLength: 200 }), 'optional: the name written in exports'),
    field('Other spellings', el('input', { name: 'aliases', id: 'lex-aliases', autocomplete: 'off' }), 'optional, separated by |'),
    el('fieldset', { className: 'lex-place' }, el('legend', { textContent: 'Place' }),
      field('Latitude', el('input', { name: 'lat', id: 'lex-lat', inputMode: 'decimal', size: 8 })),
      field('Longitude', el('input', { name: 'lon', id: 'lex-lon', inputMode: 'decimal', size: 8 })),
      field('Region (admin1)', el('input', { name: 'admin1', id: 'lex-admin1' }))),
    el('fieldset', { className: 'lex-actor' }, el('legend', { textContent: 'Actor' }), field('ACLED actor type', interSelect)),
    el('div', { className: 'buttons' }, el('button', { type: 'submit', className: 'button primary', id: 'lex-add', textContent: 'Add to my lexicon' })));
  typeSelect.addEventListener('change', () => syncFields(form));
  form.addEventListener('submit', onAdd);
  syncFields(form);

  const importInput = el('input', { type: 'file', id: 'lexicon-import', accept: '.tsv,.txt,text/tab-separated-values,text/plain', className: 'visually-hidden' });
  importInput.addEventListener('change', () => onImport(importInput.files[0]).finally(() => { importInput.value = ''; }));
  const exportButton = el('button', { type: 'button', className: 'button secondary', id: 'lexicon-export', textContent: 'Export (.tsv)' });
  exportButton.addEventListener('click', onExport);
  const clearButton = el('button', { type: 'button', className: 'button secondary', id: 'lexicon-clear', textContent: 'Remove all' });
  clearButton.addEventListener('click', onClear);

  const table = el('table', { className: 'lex-table', id: 'lexicon-table' },
    el('thead', {}, el('tr', {}, ...['Name', 'Type', 'Canonical', 'Other spellings', 'Attributes', ''].map((h) => el('th', { scope: 'col', textContent: h })))),
    el('tbody'));
  table.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-index]');
    if (b) onRemove(Number(b.dataset.index));
  });
  const messageBox = el('div', { className: 'lex-message', id: 'lexicon-message', role: 'status', hidden: true });
  const count = el('p', { className: 'lex-count', id: 'lexicon-entries' });
  const more = el('p', { className: 'lex-more', hidden: true });

  root.replaceChildren(
    el('h2', { textContent: 'My lexicon' }),
    el('p', { className: 'hint', textContent: 'Names depeche does not know: add them here and they are found in every article, '
      + 'in this tab and in the many-articles view, taking precedence over the built-in lists. They stay in this browser '
      + '(localStorage) and never leave it; export them as a file to keep or share, import a file to merge it. '
      + 'The file is the one the command line takes: depeche analyze --lexicon my-lexicon.tsv.' }),
    form, messageBox,
    el('div', { className: 'lex-tools' }, count,
      el('label', { className: 'button secondary', textContent: 'Import a .tsv file' }, importInput), exportButton, clearButton),
    table, more);
  return { form, message: messageBox, table, count, more, tabCount: document.getElementById('lexicon-count') };
}

export function initLexicon() {
  const root = document.getElementById('lexicon-panel');
  if (!root) return;
  state.ui = build(root);
  const stored = load();
  state.rows = parseRows(stored);
  render();
  if (stored.trim() && engine.ready()) {
    apply(state.rows, { persist: false }).then((ok) => {
      if (!ok) message('Your stored lexicon could not be applied (see above); fix or remove the rows named.', 'error');
    });
  }
}
