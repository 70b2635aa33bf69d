// <depeche-view>: one article, analysed in the browser, with its entities highlighted
// and its events listed, for any page that includes this module:
//
//   <script type="module" src="depeche/js/depeche-view.js"></script>
//   <depeche-view reference-date="2024-11-22">Texte de l'article…</depeche-view>
//   <depeche-view src="article.txt"></depeche-view>
//
// The text is, in order: the `text` property (or attribute) when set; else the file at
// `src` (fetched from the page's own origin); else the element's own text content,
// its common indentation and surrounding blank lines removed. Attributes:
//   reference-date  YYYY-MM-DD that anchors relative dates (else the dateline's)
//   types           entity types to highlight, e.g. "LOCATION ARMED_GROUP" (default: all)
//   event-types     event types to list, e.g. "battle remote_violence" (default: all)
// Changing any of them (or the text) analyses again. After each analysis the element
// fires `depeche-analysed` (detail: { analysis, text, ms }) and `.analysis` holds the
// core's JSON; a failure fires `depeche-error` (detail: { message }). `refresh()`
// analyses again; this module's `setLexicon(tsv)` applies a user lexicon to them all.
//
// Everything is drawn in a shadow root, styled by a constructable stylesheet (allowed
// under a page CSP of `style-src 'self'`, unlike an inline <style>): the host page's
// selectors do not reach in, and this element's do not reach out. Inherited properties
// are reset too; hosts theme it with custom properties (--depeche-font, --depeche-ink,
// --depeche-accent, --depeche-paper, --depeche-line) and ::part(article|events|status).
// The core (../pkg/depeche.js and its .wasm) is found next to this module, so the
// folder works wherever it is copied. Article text is only ever set as text nodes.

import { renderArticle } from './render.js';
import { renderEvents, highlightsFor, anchorsFor } from './events.js';
import { ENTITY_TYPES } from './labels.js';
import { el } from './dom.js';

const MAX_TEXT_UNITS = 5 * 1024 * 1024;

// ---- the core, loaded once per page --------------------------------------------

let corePromise = null;

/** The WASM core, initialised; shared by every element (and by the page's own engine). */
export function loadCore() {
  if (!corePromise) {
    corePromise = (async () => {
      const mod = await import('../pkg/depeche.js');
      const inlined = globalThis.__DEPECHE_WASM_BYTES__;
      await mod.default(inlined ? { module_or_path: inlined } : undefined);
      // Lexicons are compiled on first use: warm up, so the time shown is the analysis.
      mod.analyze("Lundi, l'armée syrienne a bombardé Alep, selon l'OSDH.");
      return mod;
    })();
    corePromise.catch(() => { corePromise = null; });
  }
  return corePromise;
}

const views = new Set();   // the connected elements

/**
 * Apply a user lexicon (TSV, as the core's `setLexicon`: name, type, canonical,
 * aliases, attributes) to every <depeche-view> of the page, which analyse again.
 * Resolves to `{ entries }`; rejects naming the bad lines (the lexicon before stays).
 */
export async function setLexicon(tsv) {
  const core = await loadCore();
  const result = core.setLexicon(tsv);
  for (const view of views) view.refresh();
  return result;
}

// ---- styles ----------------------------------------------------------------------

const CSS = `
:host {
  all: initial;
  display: block;
  contain: content;
  font-family: var(--depeche-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif);
  font-size: 1rem;
  line-height: 1.45;
  color: var(--depeche-ink, #1c1f24);
  --ink: var(--depeche-ink, #1c1f24);
  --muted-ink: var(--depeche-muted-ink, #4a505a);
  --paper: var(--depeche-paper, #ffffff);
  --line: var(--depeche-line, #d3d7de);
  --accent: var(--depeche-accent, #1f3b70);
  --accent-soft: var(--depeche-accent-soft, #e8eef9);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.dv {
  display: flex; flex-wrap: wrap; gap: 0.75rem;
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 0.8rem 0.9rem;
}
.status { flex: 1 1 100%; margin: 0; font-size: 0.8rem; color: var(--muted-ink); font-variant-numeric: tabular-nums; }
.status[data-state="error"] { color: #8a1010; font-weight: 600; }
.article {
  flex: 2 1 24rem; min-width: 0; margin: 0;
  font-family: Georgia, "DejaVu Serif", "Noto Serif", serif;
  font-size: 1.02rem; line-height: 2.1;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.events-panel { flex: 1 1 16rem; min-width: 0; }
.events-panel h3 { margin: 0 0 0.4rem; font-size: 0.95rem; }
.count { color: var(--muted-ink); font-weight: 400; }
.empty { color: var(--muted-ink); font-size: 0.9rem; margin: 0.3rem 0; }

/* The highlights and cards come from css/marks.css (the page's own); the element's
   are a little more compact. */
mark.entity { font: inherit; }
.events { gap: 0.45rem; }
.events li[hidden] { display: none; }
.event-card { padding: 0.5rem 0.65rem 0.55rem; background: var(--paper); font-size: 0.85rem; }
.event-card[aria-pressed="true"] { padding: calc(0.5rem - 1px) calc(0.65rem - 1px) calc(0.55rem - 1px); }
.ev-type { font-size: 0.8rem; }
.ev-id { font-size: 0.72rem; }
.ev-modality { font-size: 0.68rem; }
.ev-trigger { margin: 0.25rem 0 0.2rem; font-size: 0.95rem; }
.ev-mentions, .ev-args dt { font-size: 0.75rem; }
.ev-rules { display: none; }
`;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

let shared = null;
/**
 * The page's highlight and card styles (css/marks.css, beside this module's folder),
 * as a constructable sheet: one source for both, and no inline <style> for the host's
 * CSP to refuse. Resolves to null if it cannot be loaded (the element still works).
 */
function sharedSheet() {
  if (!shared) {
    shared = fetch(new URL('../css/marks.css', import.meta.url))
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((css) => new CSSStyleSheet().replace(css))
      .catch((err) => { console.warn('depeche-view: css/marks.css not loaded', err); return null; });
  }
  return shared;
}

// ---- helpers ---------------------------------------------------------------------

/** Inline text as written in HTML: surrounding blank lines and common indentation removed. */
export function dedent(raw) {
  const lines = String(raw).replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  let indent = null;
  for (const l of lines) {
    if (!l.trim()) continue;
    const n = /^[ \t]*/.exec(l)[0].length;
    indent = indent === null ? n : Math.min(indent, n);
  }
  return lines.map((l) => l.slice(Math.min(indent || 0, /^[ \t]*/.exec(l)[0].length))).join('\n').trimEnd();
}

/** "LOCATION ARMED_GROUP" or "LOCATION, ARMED_GROUP" → Set, or null when absent/empty. */
function typeList(value) {
  if (value === null || value === undefined) return null;
  const items = String(value).split(/[\s,]+/).filter(Boolean);
  return items.length ? new Set(items) : null;
}


// ---- the element -----------------------------------------------------------------

export class DepecheView extends HTMLElement {
  static get observedAttributes() { return ['src', 'text', 'reference-date', 'types', 'event-types']; }

  #root;
  #ui;
  #text = null;          // the `text` property, when set
  #analysis = null;
  #shownText = '';
  #selected = null;      // id of the selected event
  #generation = 0;       // bumped by every (re)analysis request; stale results are dropped
  #scheduled = false;
  #observer = null;
  #loaded = null;        // { src, text } of the last fetch, so re-renders do not refetch
  #pending = null;       // the promise of the latest scheduled analysis

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styleSheet()];
    sharedSheet().then((s) => { if (s) this.#root.adoptedStyleSheets = [s, styleSheet()]; });
    const wrap = el('div', 'dv');
    wrap.setAttribute('part', 'container');
    const status = el('p', 'status', 'Loading the analysis engine…');
    status.setAttribute('part', 'status');
    status.setAttribute('role', 'status');
    status.dataset.state = 'loading';
    const article = el('div', 'article');
    article.setAttribute('part', 'article');
    const panel = el('section', 'events-panel');
    panel.setAttribute('part', 'events');
    const heading = el('h3', '', 'Events ');
    const count = el('span', 'count');
    heading.append(count);
    const list = el('ol', 'events');
    panel.append(heading, list);
    wrap.append(status, article, panel);
    this.#root.append(wrap);
    this.#ui = { status, article, list, count };

    const onCard = (ev) => {
      const c = ev.target.closest('.event-card');
      if (c) this.#select(c.dataset.id);
    };
    list.addEventListener('click', onCard);
    list.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onCard(ev); }
    });
    const onAnchor = (ev) => {
      const a = ev.target.closest && ev.target.closest('.ev-anchor');
      if (!a) return false;
      this.#select(a.dataset.event, true);
      return true;
    };
    article.addEventListener('click', onAnchor);
    article.addEventListener('keydown', (ev) => {
      if ((ev.key === 'Enter' || ev.key === ' ') && onAnchor(ev)) ev.preventDefault();
    });
  }

  connectedCallback() {
    // Inline text may still be arriving (the element upgraded mid-parse), or be changed
    // later by the host page: watch it.
    if (!this.#observer) {
      this.#observer = new MutationObserver(() => {
        if (this.#text === null && !this.hasAttribute('text') && !this.hasAttribute('src')) this.#schedule();
      });
    }
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    views.add(this);
    this.#schedule();
  }

  disconnectedCallback() {
    views.delete(this);
    if (this.#observer) this.#observer.disconnect();
  }

  /** Analyse the text again (after a lexicon change, say); `src` is fetched again. */
  refresh() {
    this.#loaded = null;
    this.#schedule();
    return this.updateComplete;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'types') { this.#renderText(); return; }
    if (name === 'event-types') { this.#renderEventList(); this.#renderText(); return; }
    this.#schedule();
  }

  /** The article text: the property/attribute when set, else the loaded or inline text. */
  get text() {
    if (this.#text !== null) return this.#text;
    if (this.hasAttribute('text')) return this.getAttribute('text');
    if (this.hasAttribute('src')) return this.#loaded && this.#loaded.src === this.src ? this.#loaded.text : '';
    return dedent(this.textContent);
  }

  set text(value) {
    this.#text = value === null || value === undefined ? null : String(value);
    this.#schedule();
  }

  get src() { return this.getAttribute('src') || ''; }
  set src(value) { if (value) this.setAttribute('src', value); else this.removeAttribute('src'); }

  get referenceDate() { return this.getAttribute('reference-date') || ''; }
  set referenceDate(value) {
    if (value) this.setAttribute('reference-date', value); else this.removeAttribute('reference-date');
  }

  get types() { return this.getAttribute('types') || ''; }
  set types(value) { if (value) this.setAttribute('types', value); else this.removeAttribute('types'); }

  get eventTypes() { return this.getAttribute('event-types') || ''; }
  set eventTypes(value) { if (value) this.setAttribute('event-types', value); else this.removeAttribute('event-types'); }

  /** The core's JSON for the text shown (spec schema "1"), or null before the first analysis. */
  get analysis() { return this.#analysis; }

  /** Resolves once the latest requested analysis is done (or superseded), to `.analysis`. */
  get updateComplete() { return this.#pending || Promise.resolve(this.#analysis); }

  /** Analyse again at the next microtask (several changes in one go make one analysis). */
  #schedule() {
    this.#generation += 1;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#pending = new Promise((resolve) => {
      queueMicrotask(() => {
        this.#scheduled = false;
        this.#run(this.#generation).finally(() => resolve(this.#analysis));
      });
    });
  }

  #setStatus(message, state) {
    this.#ui.status.textContent = message;
    this.#ui.status.dataset.state = state;
  }

  async #run(gen) {
    if (!this.isConnected) return;
    let text;
    try {
      if (this.#text === null && !this.hasAttribute('text') && this.hasAttribute('src')) {
        const src = this.src;
        if (!this.#loaded || this.#loaded.src !== src) {
          this.#setStatus(`Loading ${src}…`, 'loading');
          const url = new URL(src, document.baseURI);
          const res = await fetch(url, { mode: 'same-origin', credentials: 'same-origin' });
          if (!res.ok) throw new Error(`could not load ${src} (HTTP ${res.status})`);
          const body = await res.text();
          if (gen !== this.#generation) return;
          this.#loaded = { src, text: body };
        }
      }
      text = this.text;
      const core = await loadCore();
      if (gen !== this.#generation) return;
      if (text.length > MAX_TEXT_UNITS) throw new Error('the text is over the 5 MB limit');
      const ref = this.referenceDate.trim();
      const t0 = performance.now();
      const analysis = core.analyze(text, ref ? { referenceDate: ref } : undefined);
      const ms = performance.now() - t0;
      if (gen !== this.#generation) return;
      this.#analysis = analysis;
      this.#shownText = text;
      if (this.#selected && !analysis.events.some((e) => e.id === this.#selected)) this.#selected = null;
      const nE = analysis.entities.length, nV = analysis.events.length;
      this.#setStatus(`${nE} entit${nE === 1 ? 'y' : 'ies'} · ${nV} event${nV === 1 ? '' : 's'}`
        + (analysis.reference_date ? ` · reference date ${analysis.reference_date}` : '')
        + ` · analysed in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`, 'ready');
      this.#renderEventList();
      this.#renderText();
      this.dispatchEvent(new CustomEvent('depeche-analysed', {
        bubbles: true, composed: true, detail: { analysis, text, ms },
      }));
    } catch (err) {
      if (gen !== this.#generation) return;
      const message = err && err.message ? err.message : String(err);
      this.#analysis = null;
      this.#shownText = text || '';
      this.#ui.article.replaceChildren(document.createTextNode(this.#shownText));
      this.#ui.list.replaceChildren();
      this.#ui.count.textContent = '';
      this.#setStatus(`Not analysed: ${message}`, 'error');
      this.dispatchEvent(new CustomEvent('depeche-error', { bubbles: true, composed: true, detail: { message } }));
    }
  }

  #hiddenEntityTypes() {
    const only = typeList(this.getAttribute('types'));
    if (!only) return new Set();
    const all = new Set([...Object.keys(ENTITY_TYPES), ...(this.#analysis ? this.#analysis.entities.map((e) => e.type) : [])]);
    return new Set([...all].filter((t) => !only.has(t)));
  }

  #hiddenEventTypes() {
    const only = typeList(this.getAttribute('event-types'));
    if (!only || !this.#analysis) return new Set();
    return new Set(this.#analysis.events.map((e) => e.type).filter((t) => !only.has(t)));
  }

  #renderText() {
    const a = this.#analysis;
    if (!a) return;
    const hiddenEvents = this.#hiddenEventTypes();
    const ev = a.events.find((e) => e.id === this.#selected && !hiddenEvents.has(e.type));
    renderArticle(this.#ui.article, this.#shownText, a.entities, {
      hidden: this.#hiddenEntityTypes(),
      highlights: ev ? highlightsFor(ev) : [],
      anchors: anchorsFor(a.events, { hiddenTypes: hiddenEvents, selectedId: ev ? ev.id : null }),
    });
  }

  #renderEventList() {
    const a = this.#analysis;
    if (!a) return;
    const hidden = this.#hiddenEventTypes();
    const shown = a.events.filter((e) => !hidden.has(e.type)).length;
    this.#ui.count.textContent = shown === a.events.length ? `(${shown})` : `(${shown} of ${a.events.length})`;
    if (!shown) {
      const li = el('li');
      li.append(el('p', 'empty', a.events.length ? 'No events of the types shown.' : 'No events found.'));
      this.#ui.list.replaceChildren(li);
      return;
    }
    renderEvents(this.#ui.list, a.events, { selectedId: this.#selected, hiddenTypes: hidden });
  }

  #select(id, fromText = false) {
    this.#selected = this.#selected === id ? null : id;
    this.#renderText();
    for (const c of this.#ui.list.querySelectorAll('.event-card')) {
      c.setAttribute('aria-pressed', String(c.dataset.id === this.#selected));
    }
    if (fromText) {
      const anchor = this.#ui.article.querySelector(`.ev-anchor[data-event="${CSS.escape(id)}"]`);
      if (anchor) anchor.focus({ preventScroll: true });
      const card = this.#selected && this.#ui.list.querySelector(`.event-card[data-id="${CSS.escape(id)}"]`);
      if (card) card.scrollIntoView({ block: 'nearest' });
    } else if (this.#selected) {
      const t = this.#ui.article.querySelector('.hl-trigger');
      if (t) t.scrollIntoView({ block: 'nearest' });
    }
  }
}

if (!customElements.get('depeche-view')) customElements.define('depeche-view', DepecheView);
