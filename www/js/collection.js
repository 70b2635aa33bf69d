// "Many articles": load files and folders (buttons or drag and drop), analyse them in
// the background (engine.analyzeMany: Web Workers, or small main-thread steps) with a
// progress bar and a cancel button, and publish the collection on the store:
// emit('collection', [{ id, name, text, referenceDate, analysis, error }]).

import { emit, on, store } from './store.js';
import * as engine from './engine.js';
import { readArticles, snapshotDrop, filesOf, formatMB } from './collection-files.js';
import { el } from './dom.js';

const nf = new Intl.NumberFormat('en');
const EMIT_EVERY_MS = 300;   // progress reaches the other views a few times a second

const state = {
  docs: [],               // the collection, in load order
  ids: new Set(),
  run: null,              // { controller, total, done, t0, label } while analysing
  lastRun: null,          // { total, done, ms, cancelled } of the last finished run
  loading: 0,             // files being read
  notes: { skipped: new Map(), refused: [], bad: [] },
};
const ui = {};


const plural = (n, one, many = `${one}s`) => `${nf.format(n)} ${n === 1 ? one : many}`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---- publishing ------------------------------------------------------------------

let emitTimer = 0;
let lastEmit = 0;
function publish(now = false) {
  if (now) {
    clearTimeout(emitTimer);
    emitTimer = 0;
    lastEmit = performance.now();
    emit('collection', state.docs.slice());
    renderSummary();
    return;
  }
  if (emitTimer) return;
  const wait = Math.max(0, EMIT_EVERY_MS - (performance.now() - lastEmit));
  emitTimer = setTimeout(() => publish(true), wait);
}

// ---- adding articles --------------------------------------------------------------

function uniqueId(wanted) {
  let id = wanted;
  for (let k = 2; state.ids.has(id); k++) id = `${wanted}#${k}`;
  state.ids.add(id);
  return id;
}

function note(problem) {
  if (problem.reason === 'not text') {
    state.notes.skipped.set(problem.path, problem);
  } else if (problem.reason === 'too large' || problem.reason === 'unreadable') {
    state.notes.refused.push(problem);
  } else {
    state.notes.bad.push(problem);
  }
}

/** Read files (`[{ file, path }]`) into the collection, then analyse what is new. */
export async function addFiles(list) {
  if (!list.length) return;
  state.loading += list.length;
  let left = list.length;
  renderSummary();
  const added = [];
  try {
    // read a few files at a time: reading is I/O, parsing is quick
    for (let i = 0; i < list.length; i += 16) {
      const part = list.slice(i, i + 16);
      const results = await Promise.all(part.map(async ({ file, path, error }) => {
        if (error) return { articles: [], problems: [{ path, reason: 'unreadable', detail: error }] };
        return readArticles(file, path || file.webkitRelativePath || file.name);
      }));
      for (const { articles, problems } of results) {
        problems.forEach(note);
        for (const a of articles) {
          const doc = {
            id: uniqueId(a.sourceId || a.path),
            name: a.name, title: a.title || '', text: a.text,
            referenceDate: a.referenceDate || null, analysis: null, error: null,
          };
          if (!doc.text.trim()) { doc.error = 'empty: no text'; }
          added.push(doc);
          state.docs.push(doc);
        }
      }
      state.loading -= part.length;
      left -= part.length;
      publish();
    }
  } finally {
    state.loading -= left;
  }
  publish(true);
  renderNotes();
  analysePending();
  return added;
}

/** Add what a drop carries (call `snapshotDrop` synchronously in the drop handler). */
export async function addSnapshot(snapshot) {
  const list = await filesOf(snapshot);
  return addFiles(list);
}

// ---- analysis ---------------------------------------------------------------------

function replaceDoc(doc, patch) {
  const i = state.docs.indexOf(doc);
  const next = { ...doc, ...patch };
  if (i >= 0) state.docs[i] = next;
  return next;
}

/** Analyse every article not analysed yet (or all of them again, with `all`). */
function analysePending(all = false) {
  if (!engine.ready()) return;
  if (all && state.run) { cancel(); state.run = null; }
  const todo = state.docs.filter((d) => (all || (!d.analysis && !d.error)) && d.text.trim());
  if (!todo.length) { renderProgress(); return; }
  if (state.run) {
    // a run is going: these are analysed by a second one, counted in the same bar
    state.run.total += todo.length;
  } else {
    state.run = { total: todo.length, done: 0, t0: performance.now(), controllers: [], label: all ? 'Re-analysing' : 'Analysing' };
    ui.announce.textContent = `${state.run.label} ${plural(todo.length, 'article')}…`;
  }
  const run = state.run;
  const controller = new AbortController();
  run.controllers.push(controller);
  // the doc objects are replaced as results come: track them by id
  const jobs = todo.map((d) => ({ id: d.id, text: d.text, referenceDate: d.referenceDate }));
  renderProgress();
  engine.analyzeMany(jobs, {
    signal: controller.signal,
    onResult: (job, analysis, error) => {
      const doc = state.docs.find((d) => d.id === job.id);
      if (doc) replaceDoc(doc, { analysis, error });
      run.done += 1;
      renderProgressSoon();
      publish();
    },
  }).then((r) => {
    run.controllers.splice(run.controllers.indexOf(controller), 1);
    if (state.run !== run || run.controllers.length) return;
    state.run = null;
    state.lastRun = { total: run.total, done: run.done, ms: performance.now() - run.t0, cancelled: r.cancelled };
    renderProgress();
    publish(true);
    ui.announce.textContent = `${ui.progressText.textContent}. ${ui.summary.textContent}`;
    renderNotes();
  });
}

function cancel() {
  const run = state.run;
  if (!run) return;
  for (const c of [...run.controllers]) c.abort();
}

function clearAll() {
  cancel();
  state.run = null;
  state.lastRun = null;
  state.docs = [];
  state.ids = new Set();
  state.notes = { skipped: new Map(), refused: [], bad: [] };
  renderNotes();
  renderProgress();
  publish(true);
}

// ---- rendering --------------------------------------------------------------------

let progressFrame = 0;
function renderProgressSoon() {
  if (progressFrame) return;
  progressFrame = requestAnimationFrame(() => { progressFrame = 0; renderProgress(); });
}

function renderProgress() {
  const run = state.run;
  if (run) {
    ui.progressBox.hidden = false;
    ui.progressBox.dataset.state = 'running';
    ui.bar.max = run.total;
    ui.bar.value = run.done;
    ui.progressText.textContent = `${run.label} ${nf.format(run.done)} / ${nf.format(run.total)} articles, ${seconds(performance.now() - run.t0)}`;
    ui.cancel.hidden = false;
    ui.resume.hidden = true;
    ui.progressBox.dataset.done = String(run.done);
    ui.progressBox.dataset.total = String(run.total);
    return;
  }
  const last = state.lastRun;
  const pending = state.docs.filter((d) => !d.analysis && !d.error).length;
  ui.cancel.hidden = true;
  ui.resume.hidden = !pending;
  if (!last && !pending) { ui.progressBox.hidden = true; ui.progressBox.dataset.state = 'idle'; return; }
  ui.progressBox.hidden = false;
  ui.progressBox.dataset.state = last && last.cancelled ? 'cancelled' : 'done';
  if (last) {
    ui.bar.max = last.total;
    ui.bar.value = last.done;
    ui.progressBox.dataset.done = String(last.done);
    ui.progressBox.dataset.total = String(last.total);
    ui.progressText.textContent = last.cancelled
      ? `Cancelled: ${nf.format(last.done)} / ${nf.format(last.total)} articles analysed in ${seconds(last.ms)}`
      : `${nf.format(last.done)} / ${nf.format(last.total)} articles, ${seconds(last.ms)} — done`;
  } else {
    ui.progressText.textContent = `${plural(pending, 'article')} not analysed yet`;
  }
  if (pending) ui.resume.textContent = `Analyse the remaining ${plural(pending, 'article')}`;
}

function renderSummary() {
  const docs = state.docs;
  const analysed = docs.filter((d) => d.analysis).length;
  const failed = docs.filter((d) => d.error).length;
  const events = docs.reduce((n, d) => n + (d.analysis ? d.analysis.events.length : 0), 0);
  const parts = [];
  if (!docs.length) parts.push('No articles loaded yet.');
  else {
    parts.push(plural(docs.length, 'article'));
    if (analysed < docs.length) parts.push(`${nf.format(analysed)} analysed`);
    if (failed) parts.push(`${nf.format(failed)} failed`);
    parts.push(plural(events, 'event'));
  }
  if (state.loading) parts.push(`reading ${plural(state.loading, 'file')}…`);
  ui.summary.textContent = parts.join(' · ');
  ui.clear.disabled = !docs.length && !state.run;
  const count = document.getElementById('collection-count');
  if (count) count.textContent = docs.length ? `(${nf.format(docs.length)})` : '';
}

function renderNotes() {
  const items = [];
  const { skipped, refused, bad } = state.notes;
  if (skipped.size) {
    const li = el('li', 'note-skipped');
    li.dataset.count = String(skipped.size);
    const names = [...skipped.keys()];
    li.append(el('strong', '', `${plural(skipped.size, 'file')} skipped: not text`));
    li.append(` (${names.slice(0, 5).join(', ')}${names.length > 5 ? `, and ${nf.format(names.length - 5)} more` : ''}). `
      + 'Only .txt, .md, .html, .json and .jsonl files are read.');
    items.push(li);
  }
  for (const p of refused) {
    const li = el('li', 'note-refused');
    li.append(el('strong', '', `“${p.path}” refused`), `: ${p.reason === 'too large' ? `too large (${p.detail})` : `could not be read (${p.detail})`}.`);
    items.push(li);
  }
  if (bad.length) {
    const li = el('li', 'note-bad');
    li.append(el('strong', '', `${plural(bad.length, 'entry', 'entries')} left out`), ': ');
    li.append(bad.slice(0, 5).map((p) => `${p.path}: ${p.detail}`).join('; ') + (bad.length > 5 ? `; and ${nf.format(bad.length - 5)} more` : '') + '.');
    items.push(li);
  }
  const failed = state.docs.filter((d) => d.error);
  if (failed.length) {
    const li = el('li', 'note-failed');
    li.append(el('strong', '', `${plural(failed.length, 'article')} not analysed`), ': ');
    li.append(failed.slice(0, 5).map((d) => `${d.name} (${d.error})`).join('; ') + (failed.length > 5 ? `; and ${nf.format(failed.length - 5)} more` : '') + '.');
    items.push(li);
  }
  ui.notes.replaceChildren(...items);
  ui.notes.hidden = !items.length;
}

function build() {
  const controls = document.getElementById('collection-controls');
  const progress = document.getElementById('collection-progress');

  const zone = el('div', 'coll-drop');
  zone.id = 'coll-drop';
  const lead = el('p', 'coll-lead');
  lead.append(el('strong', '', 'Drop files or folders here'), ' or ');
  const fileLabel = el('label', 'button primary', 'Add files…');
  ui.files = el('input');
  Object.assign(ui.files, { type: 'file', multiple: true, id: 'coll-files', className: 'visually-hidden',
    accept: '.txt,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson,text/plain,text/html,application/json' });
  fileLabel.append(ui.files);
  const dirLabel = el('label', 'button secondary', 'Add a folder…');
  ui.folder = el('input');
  Object.assign(ui.folder, { type: 'file', multiple: true, id: 'coll-folder', className: 'visually-hidden' });
  ui.folder.webkitdirectory = true;
  ui.folder.setAttribute('webkitdirectory', '');
  dirLabel.append(ui.folder);
  ui.clear = el('button', 'button secondary coll-clear', 'Clear');
  ui.clear.type = 'button';
  ui.clear.id = 'coll-clear';
  const buttons = el('span', 'coll-buttons');
  buttons.append(fileLabel, dirLabel, ui.clear);
  lead.append(buttons);
  const hint = el('p', 'hint',
    'Plain text (.txt, .md), web pages (.html: only their text is kept), .json (an object with a "text" field, or a list of them) '
    + 'and .jsonl (one such object a line, with optional "id", "title" and "reference_date"). Up to 5 MB a file. '
    + 'Everything is read and analysed in this page: nothing is uploaded.');
  zone.append(lead, hint);
  ui.summary = el('p', 'coll-summary');
  ui.summary.id = 'coll-summary';
  // screen readers hear the start and the end of a run, not every step
  ui.announce = el('p', 'visually-hidden');
  ui.announce.id = 'coll-announce';
  ui.announce.setAttribute('aria-live', 'polite');
  ui.notes = el('ul', 'coll-notes');
  ui.notes.id = 'coll-notes';
  ui.notes.hidden = true;
  controls.replaceChildren(zone, ui.summary, ui.notes, ui.announce);

  ui.progressBox = el('div', 'coll-progress');
  ui.progressBox.id = 'coll-progress';
  ui.progressBox.hidden = true;
  ui.bar = el('progress');
  ui.bar.id = 'coll-bar';
  ui.bar.max = 1;
  ui.bar.value = 0;
  ui.progressText = el('span', 'coll-progress-text');
  ui.progressText.id = 'coll-progress-text';
  ui.bar.setAttribute('aria-labelledby', 'coll-progress-text');
  ui.cancel = el('button', 'button secondary', 'Cancel');
  ui.cancel.type = 'button';
  ui.cancel.id = 'coll-cancel';
  ui.resume = el('button', 'button secondary', 'Analyse the rest');
  ui.resume.type = 'button';
  ui.resume.id = 'coll-resume';
  ui.resume.hidden = true;
  ui.progressBox.append(ui.bar, ui.progressText, ui.cancel, ui.resume);
  progress.replaceChildren(ui.progressBox);

  const fromInput = (input) => () => {
    const list = [...(input.files || [])].map((f) => ({ file: f, path: f.webkitRelativePath || f.name }));
    addFiles(list).finally(() => { input.value = ''; });
  };
  ui.files.addEventListener('change', fromInput(ui.files));
  ui.folder.addEventListener('change', fromInput(ui.folder));
  ui.clear.addEventListener('click', clearAll);
  ui.cancel.addEventListener('click', cancel);
  ui.resume.addEventListener('click', () => { state.lastRun = null; analysePending(); });
  ui.zone = zone;
}

/** Highlight the drop zone while files are dragged over the page (app.js calls this). */
export function setDragging(on) {
  if (ui.zone) ui.zone.classList.toggle('dragging', on);
}

export function initCollection() {
  build();
  renderSummary();
  // the elapsed time keeps moving even between results
  setInterval(() => { if (state.run) renderProgress(); }, 500);
  // a new user lexicon changes what the core finds: read everything again
  on('lexicon', () => { if (state.docs.some((d) => d.analysis)) analysePending(true); });
  if (store.collection && store.collection.length) publish(true);
}

/** For tests and tools: the collection now. */
export const docs = () => state.docs;
