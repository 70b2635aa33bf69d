// make dist: the page as files for any static host, working offline once loaded, and
// as one self-contained HTML file that works when opened from disk.
//
//   dist/               www/ copied wholesale (new modules and data are picked up as
//                       they come), plus:
//   dist/sw.js          a service worker, cache-first, its cache named after the
//                       version and a hash of every file, precaching the exact list
//   dist/js/offline.js  registers it (loaded by dist/index.html only)
//   dist/_headers       the CSP and friends as HTTP headers (Netlify, Cloudflare Pages)
//   dist/depeche.html   everything in one file: the JS modules bundled (esbuild) and
//                       inlined, the CSS inlined, the .wasm and the data files (examples,
//                       data/) inlined and served to fetch() by a small shim; its CSP
//                       allows its own inline scripts and styles by hash, and no network
//
// Usage: node scripts/dist.mjs [--out DIR] [--www DIR]   (www/pkg must be built: make site)

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';

const t0 = performance.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const www = path.resolve(opt('--www', path.join(root, 'www')));
const out = path.resolve(opt('--out', path.join(root, 'dist')));

// The policy of the copied pages (as www/index.html's meta tag), sent as a header too.
// The service worker and module workers get it from their own response headers.
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

// Not copied: hidden files, tests and editor leftovers.
const SKIP = [/^\./, /\.test\.(m?js|html)$/, /^tests?$/, /~$/, /\.swp$/, /\.orig$/];
// Text files a page may fetch, inlined into depeche.html (everything else it loads is
// JS, CSS or the .wasm, which are inlined their own way).
const FETCHED = /\.(txt|json|jsonl|tsv|csv|md|geojson|topojson)$/i;

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(root, 'Cargo.toml'), 'utf8'))[1];
const sha256 = (data) => createHash('sha256').update(data).digest('base64');
const rel = (p) => path.relative(out, p).split(path.sep).join('/');

function walk(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files.push(...walk(p)); else files.push(p);
  }
  return files;
}

function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

for (const f of ['pkg/depeche.js', 'pkg/depeche_bg.wasm', 'index.html', 'js/app.js']) {
  if (!existsSync(path.join(www, f))) fail(`${path.join(www, f)} is missing${f.startsWith('pkg/') ? ': run make site first' : ''}`);
}

// ---- 1. the folder ------------------------------------------------------------------

rmSync(out, { recursive: true, force: true });
cpSync(www, out, {
  recursive: true,
  filter: (src) => src === www || !SKIP.some((re) => re.test(path.basename(src))),
});

const indexHtml = readFileSync(path.join(www, 'index.html'), 'utf8');
if (!/<\/head>/i.test(indexHtml)) fail('index.html has no </head>');
// The service worker's registration (www/js/offline.js), in the copied page only:
// www/ itself has no sw.js.
if (!existsSync(path.join(out, 'js/offline.js'))) fail('js/offline.js is missing');
writeFileSync(path.join(out, 'index.html'),
  indexHtml.replace(/(\s*)<\/head>/i, '$1  <script type="module" src="js/offline.js"></script>$1</head>'));

// ---- 2. depeche.html: one file ------------------------------------------------------

const MIME = { '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.jpg': 'image/jpeg', '.webp': 'image/webp' };

/**
 * `<link rel="stylesheet" href="local.css">` becomes a <style> with its content; a
 * local icon becomes a data: URL; preloads and manifests (useless from disk) go.
 */
function inlineStyles(html, styleHashes) {
  return html.replace(/<link\b[^>]*>/gi, (tag) => {
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (!/\brel=["']?stylesheet\b/i.test(tag)) {
      if (!href || /^data:/i.test(href)) return tag;
      if (/\brel=["']?(?:manifest|preload|modulepreload|prefetch)\b/i.test(tag)) return '';
      const file = path.join(www, href);
      if (/\brel=["'][^"']*icon/i.test(tag) && existsSync(file) && MIME[path.extname(file)]) {
        const uri = `data:${MIME[path.extname(file)]};base64,${readFileSync(file).toString('base64')}`;
        return tag.replace(href, uri);
      }
      return tag;
    }
    if (!href || /^[a-z]+:/i.test(href)) fail(`depeche.html: stylesheet ${href} is not a local file`);
    let css = readFileSync(path.join(www, href), 'utf8');
    const urls = [...css.matchAll(/url\(\s*["']?(?!data:|#)([^"')]+)/g)].map((m) => m[1]);
    if (urls.length) fail(`depeche.html: ${href} refers to ${urls.join(', ')}: inline them as data: URLs`);
    css = `\n/* ${href} */\n${css.replace(/<\/style/gi, '<\\/style')}\n`;
    styleHashes.push(`'sha256-${sha256(css)}'`);
    return `<style>${css}</style>`;
  });
}

/** The module scripts of index.html, in order. */
function moduleScripts(html) {
  return [...html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["'][^>]*>\s*<\/script>/gi)]
    .map((m) => ({ tag: m[0], src: m[1] }));
}

// Runs before every module of the bundle: the .wasm bytes for engine.js, fetch() served
// from the inlined files, and no Web Workers (a file:// page cannot start them, and
// this file's CSP forbids them): engine.js then analyses on the page itself.
const PRELUDE = `(() => {
  const data = (id) => document.getElementById(id).textContent;
  const b64 = data('depeche-wasm').trim();
  globalThis.__DEPECHE_WASM_BYTES__ = typeof Uint8Array.fromBase64 === 'function'
    ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const files = Object.entries(JSON.parse(data('depeche-files'))).sort((a, b) => b[0].length - a[0].length);
  const realFetch = typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : null;
  const inlined = (input) => {
    let url;
    try { url = new URL(input && typeof input === 'object' && 'url' in input ? input.url : String(input), document.baseURI); }
    catch { return null; }
    let p = url.pathname;
    try { p = decodeURIComponent(p); } catch { /* keep it encoded */ }
    const hit = files.find(([name]) => p === '/' + name || p.endsWith('/' + name));
    return hit ? hit[1] : null;
  };
  globalThis.fetch = function fetch(input, init) {
    const file = inlined(input);
    if (file) return Promise.resolve(new Response(file.text, { status: 200, headers: { 'content-type': file.type } }));
    if (!realFetch) return Promise.reject(new TypeError('fetch is not available'));
    return realFetch(input, init);
  };
  globalThis.Worker = function Worker() {
    throw new DOMException('depeche.html runs the analysis on the page: no Web Workers', 'SecurityError');
  };
})();
`;

const scripts = moduleScripts(indexHtml);
if (!scripts.length) fail('index.html has no <script type="module" src=...>');
const entry = scripts.map((s) => `import ${JSON.stringify('./' + s.src.replace(/^\.\//, ''))};`).join('\n');
const bundle = await esbuild.build({
  stdin: { contents: entry, resolveDir: www, sourcefile: 'depeche-entry.js', loader: 'js' },
  bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false,
  charset: 'utf8', legalComments: 'none', banner: { js: PRELUDE }, logLevel: 'warning',
});
let js = bundle.outputFiles[0].text;
if (/<\/script|<!--/i.test(js)) js = js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');

const files = {};
for (const p of walk(www)) {
  const name = path.relative(www, p).split(path.sep).join('/');
  if (name.startsWith('pkg/') || !FETCHED.test(name) || SKIP.some((re) => re.test(path.basename(p)))) continue;
  const type = name.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8';
  files[name] = { type, text: readFileSync(p, 'utf8') };
}
const filesJson = JSON.stringify(files).replace(/</g, '\\u003c');
const wasmB64 = readFileSync(path.join(www, 'pkg/depeche_bg.wasm')).toString('base64');

const styleHashes = [];
let single = inlineStyles(indexHtml, styleHashes);
const moduleScript = `\n${js}`;
single = single.replace(scripts[0].tag, () => `<script type="module">${moduleScript}</script>`);
for (const s of scripts.slice(1)) single = single.replace(s.tag, '');
const singleCsp = `default-src 'none'; script-src 'sha256-${sha256(moduleScript)}' 'wasm-unsafe-eval'; `
  + `style-src ${styleHashes.join(' ') || "'none'"}; img-src data: blob:; connect-src 'none'; `
  + "base-uri 'none'; form-action 'none'; object-src 'none'";
const cspMeta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="[^"]*">/i;
if (!cspMeta.test(single)) fail('index.html has no CSP meta tag to replace');
single = single.replace(cspMeta, () => `<meta http-equiv="Content-Security-Policy" content="${singleCsp}">`);
single = single.replace(/(\s*)<\/body>/i, (m, ws) => `${ws}<!-- inlined for the file:// copy: the core (.wasm, base64) and the files the page fetches -->`
  + `${ws}<script type="application/octet-stream" id="depeche-wasm">${wasmB64}</script>`
  + `${ws}<script type="application/json" id="depeche-files">${filesJson}</script>${m}`);
const leftovers = [...single.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["'](?!data:|#)([^"']+)["']/gi)]
  .map((m) => m[1]);
if (leftovers.length) fail(`depeche.html still refers to ${leftovers.join(', ')}`);
writeFileSync(path.join(out, 'depeche.html'), single);

// ---- 3. the service worker: every file of the folder but itself and depeche.html ------

const NOT_CACHED = new Set(['sw.js', '_headers', 'depeche.html']);
const cached = walk(out).map(rel).filter((f) => !NOT_CACHED.has(f)).sort();
const hash = createHash('sha256');
for (const f of cached) hash.update(f).update('\0').update(readFileSync(path.join(out, f)));
const cacheName = `depeche-${version}-${hash.digest('hex').slice(0, 12)}`;
const sw = readFileSync(path.join(root, 'scripts/sw.template.js'), 'utf8')
  .replace("'__CACHE__'", JSON.stringify(cacheName))
  .replace("['__FILES__']", JSON.stringify(['./', ...cached], null, 2));
if (sw.includes('__CACHE__') || sw.includes('__FILES__')) fail('scripts/sw.template.js: placeholders not replaced');
writeFileSync(path.join(out, 'sw.js'), sw);

// ---- 4. headers for hosts that read a _headers file ---------------------------------

writeFileSync(path.join(out, '_headers'), `# Netlify / Cloudflare Pages. Elsewhere, send the same headers (see the README, "Offline copy").
/*
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Cross-Origin-Opener-Policy: same-origin
/
  Content-Security-Policy: ${CSP}; frame-ancestors 'none'
/index.html
  Content-Security-Policy: ${CSP}; frame-ancestors 'none'
/embed.html
  Content-Security-Policy: ${CSP}
/sw.js
  Content-Security-Policy: ${CSP}
  Cache-Control: no-cache
/js/*
  Content-Security-Policy: ${CSP}
/depeche.html
  Content-Security-Policy: ${singleCsp}
`);

// ---- report --------------------------------------------------------------------------

const total = walk(out).reduce((n, p) => n + statSync(p).size, 0);
const singleBytes = Buffer.byteLength(single);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`==> ${path.relative(root, out) || out}/: ${walk(out).length} files, ${kb(total)}; `
  + `service worker cache ${cacheName} (${cached.length + 1} entries)`);
console.log(`==> depeche.html: ${kb(singleBytes)} raw, ${kb(gzipSync(single, { level: 9 }).length)} gzip `
  + `(JS ${kb(js.length)}, .wasm ${kb(wasmB64.length)} base64, ${Object.keys(files).length} data files); `
  + `built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
