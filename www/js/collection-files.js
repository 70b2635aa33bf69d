// Files → articles, for the "Many articles" view (and a single file in the reading view).
// Nothing here runs what a file contains: HTML is parsed with DOMParser into an inert
// document (no scripts run, no images load) and only its text is kept.

/** The per-file limit (README, "Security and hostile input"); app.js uses the same. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const KINDS = [
  [/\.(txt|text|md|markdown)$/i, 'text'],
  [/\.html?$/i, 'html'],
  [/\.(jsonl|ndjson)$/i, 'jsonl'],
  [/\.json$/i, 'json'],
];

/** 'text' | 'html' | 'json' | 'jsonl' from a file's name, or null for anything else. */
export function kindOf(name) {
  for (const [re, kind] of KINDS) if (re.test(name)) return kind;
  return null;
}

export const formatMB = (bytes) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Decode bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8 (older French
 * files often are Latin-1). Null when the bytes look binary (a NUL byte).
 */
export function decodeText(buffer) {
  const bytes = new Uint8Array(buffer);
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// ---- HTML → text -----------------------------------------------------------

const DROP = 'script, style, x-style, link, noscript, template, svg, math, iframe, object, embed, canvas, head, select, button';
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT',
  'TR', 'UL', 'BODY']);
const CELLS = new Set(['TD', 'TH']);

/** The visible text of an element: paragraphs (block elements) separated by blank lines. */
function blockText(root) {
  const paragraphs = [];
  let line = '';
  const flush = () => {
    const p = line.split('\n').map((l) => l.replace(/[ \t\r\f]+/g, ' ').trim()).join('\n').trim();
    if (p) paragraphs.push(p);
    line = '';
  };
  const walk = (node, pre) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        line += pre ? n.data : n.data.replace(/[ \t\n\r\f]+/g, ' ');
      } else if (n.nodeType === 1) {
        const tag = n.tagName;
        if (tag === 'BR') { line += '\n'; continue; }
        if (CELLS.has(tag)) { line += ' '; walk(n, pre); line += ' '; continue; }
        const block = BLOCKS.has(tag);
        if (block) flush();
        walk(n, pre || tag === 'PRE');
        if (block) flush();
      }
    }
  };
  walk(root, false);
  flush();
  return paragraphs;
}

/**
 * Nothing in a DOMParser document runs, but Chromium still checks inline handlers
 * (onload=…), style attributes, <style> and <base> elements against the page's
 * Content-Security-Policy as they are parsed, and logs each refusal. Renaming them first
 * keeps the console quiet; safety does not rest on this (the document is inert and the
 * CSP forbids them anyway).
 */
function quiet(html) {
  let out = html.replace(/<(\/?)style\b/gi, '<$1x-style').replace(/<base\b/gi, '<x-base');
  const handler = /(<[a-z][^>]*?[\s"'/])(on[a-z]+|style)(\s*=)/gi;
  for (let i = 0; i < 50; i++) {
    const next = out.replace(handler, '$1data-$2$3');
    if (next === out) break;
    out = next;
  }
  return out;
}

const DATE_METAS = ['meta[property="article:published_time"]', 'meta[property="og:published_time"]',
  'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[itemprop="datePublished"]',
  'meta[name="dc.date"]', 'meta[name="DC.date"]'];

/**
 * An HTML page as an article: `{ title, text, referenceDate }`, the text being the title,
 * a blank line, then the paragraphs of its <article> (when there is one), <main> or
 * <body>, separated by blank lines. Scripts, styles, <noscript>, <template>, menus and
 * footers are dropped; nothing is run or loaded.
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(quiet(html), 'text/html');
  const title = (doc.querySelector('title')?.textContent || '').replace(/\s+/g, ' ').trim();
  let referenceDate = null;
  for (const sel of DATE_METAS) {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(doc.querySelector(sel)?.getAttribute('content') || '');
    if (m) { referenceDate = m[1]; break; }
  }
  for (const n of doc.querySelectorAll(DROP)) n.remove();
  // the article itself when the page marks it, without menus and footers
  const articles = doc.querySelectorAll('article');
  const root = articles.length === 1 ? articles[0] : doc.querySelector('main') || doc.body;
  for (const n of root ? root.querySelectorAll('nav, aside, footer, form') : []) n.remove();
  const paragraphs = root ? blockText(root) : [];
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);
  return { title, text: paragraphs.join('\n\n'), referenceDate };
}

// ---- JSON ------------------------------------------------------------------

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One JSON object as an article, or a reason it is not one. */
function fromObject(obj) {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { skip: 'not an object with a "text" field' };
  if (typeof obj.text !== 'string') return { skip: 'no "text" field' };
  const title = typeof obj.title === 'string' ? obj.title.trim() : '';
  let text = obj.text;
  if (title && !text.trimStart().startsWith(title)) text = `${title}\n\n${text}`;
  const rd = obj.reference_date ?? obj.referenceDate;
  const referenceDate = typeof rd === 'string' && ISO_DAY.test(rd.slice(0, 10)) ? rd.slice(0, 10) : null;
  const sourceId = typeof obj.id === 'string' || typeof obj.id === 'number' ? String(obj.id) : null;
  return { article: { text, title, referenceDate, sourceId } };
}

// ---- one file ----------------------------------------------------------------

/**
 * Read one file into articles.
 * Resolves to `{ articles: [{ name, path, text, title, referenceDate, sourceId }], problems }`
 * where each problem is `{ path, reason, detail }` and reason is one of 'not text',
 * 'too large', 'unreadable', 'bad entry'.
 * @param {File} file
 * @param {string} [path] where it came from (a folder's relative path), default its name
 */
export async function readArticles(file, path = file.webkitRelativePath || file.name) {
  const problems = [];
  const articles = [];
  const kind = kindOf(file.name);
  if (!kind) return { articles, problems: [{ path, reason: 'not text' }] };
  if (file.size > MAX_FILE_BYTES) {
    return { articles, problems: [{ path, reason: 'too large', detail: `${formatMB(file.size)}; the limit is 5 MB per file` }] };
  }
  let raw;
  try {
    raw = decodeText(await file.arrayBuffer());
  } catch (err) {
    return { articles, problems: [{ path, reason: 'unreadable', detail: err && err.message ? err.message : String(err) }] };
  }
  if (raw === null) return { articles, problems: [{ path, reason: 'not text' }] };

  if (kind === 'text') {
    articles.push({ name: path, path, text: raw, title: '', referenceDate: null, sourceId: null });
  } else if (kind === 'html') {
    const { title, text, referenceDate } = htmlToText(raw);
    articles.push({ name: path, path, text, title, referenceDate, sourceId: null });
  } else {
    const entries = [];
    if (kind === 'json') {
      let data;
      try { data = JSON.parse(raw); } catch (err) {
        return { articles, problems: [{ path, reason: 'bad entry', detail: `not valid JSON (${err.message})` }] };
      }
      if (Array.isArray(data)) data.forEach((x, i) => entries.push([x, `#${i + 1}`]));
      else entries.push([data, '']);
    } else {
      raw.split(/\r?\n/).forEach((line, i) => {
        if (!line.trim()) return;
        try { entries.push([JSON.parse(line), `line ${i + 1}`]); } catch {
          problems.push({ path, reason: 'bad entry', detail: `line ${i + 1}: not valid JSON` });
        }
      });
    }
    for (const [obj, where] of entries) {
      const r = fromObject(obj);
      if (r.skip) { problems.push({ path, reason: 'bad entry', detail: `${where ? `${where}: ` : ''}${r.skip}` }); continue; }
      const label = r.article.sourceId ?? where.replace(/^line /, 'l.');
      articles.push({ ...r.article, name: label ? `${path} › ${label}` : path, path });
    }
  }
  return { articles, problems };
}

// ---- drops and folders -------------------------------------------------------

/**
 * What a drop carries, taken synchronously in the drop handler (the DataTransfer is
 * emptied once the handler returns): file-system entries where the browser gives them
 * (folders can then be walked), plain files otherwise.
 */
export function snapshotDrop(dt) {
  const out = [];
  const items = dt && dt.items ? [...dt.items].filter((it) => it.kind === 'file') : [];
  for (const it of items) {
    const entry = typeof it.webkitGetAsEntry === 'function' ? it.webkitGetAsEntry() : null;
    if (entry) out.push({ entry });
    else {
      const f = it.getAsFile();
      if (f) out.push({ file: f, path: f.name });
    }
  }
  if (!out.length && dt && dt.files) for (const f of dt.files) out.push({ file: f, path: f.name });
  return out;
}

/** Whether a snapshot holds more than one file or any folder. */
export function isMany(snapshot) {
  return snapshot.length > 1 || snapshot.some((s) => s.entry && s.entry.isDirectory);
}

const entryFile = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
const readBatch = (reader) => new Promise((resolve, reject) => reader.readEntries(resolve, reject));

/** Every file under the snapshot's entries (folders walked), as `[{ file, path }]`. */
export async function filesOf(snapshot) {
  const out = [];
  const visit = async (entry) => {
    if (entry.isFile) {
      try { out.push({ file: await entryFile(entry), path: entry.fullPath.replace(/^\//, '') }); } catch (err) {
        out.push({ error: err && err.message ? err.message : String(err), path: entry.fullPath.replace(/^\//, '') });
      }
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      const children = [];
      for (;;) {
        const batch = await readBatch(reader); // at most 100 at a time
        if (!batch.length) break;
        children.push(...batch);
      }
      children.sort((a, b) => a.name.localeCompare(b.name));
      for (const c of children) await visit(c);
    }
  };
  for (const s of snapshot) {
    if (s.entry) await visit(s.entry);
    else out.push(s);
  }
  return out;
}
