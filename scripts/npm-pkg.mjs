// Turns wasm-bindgen's output in pkg/ into an npm package: writes pkg/package.json
// (npm/package.json with the name's version, description and licence from
// Cargo.toml) and copies npm/README.md, npm/index.d.ts (the result's types) and
// npm/node.js (the Node.js entry) next to depeche.js. Run by `make pkg`.
// Usage: node scripts/npm-pkg.mjs [PKG_DIR]

import { readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] || path.join(root, 'pkg'));

/** `key = "value"` from Cargo.toml's [package] table. */
function cargoField(toml, key) {
  const pkg = toml.split(/^\[package\]\s*$/m)[1]?.split(/^\[/m)[0] ?? '';
  const m = new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(pkg);
  if (!m) throw new Error(`Cargo.toml: no ${key} in [package]`);
  return m[1];
}

const toml = readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(root, 'npm/package.json'), 'utf8'));
manifest.version = cargoField(toml, 'version');
manifest.description = cargoField(toml, 'description');
manifest.license = cargoField(toml, 'license');

for (const f of ['depeche.js', 'depeche.d.ts', 'depeche_bg.wasm']) {
  if (!existsSync(path.join(out, f))) throw new Error(`${path.join(out, f)} is missing: run wasm-bindgen first (make pkg)`);
}
for (const f of ['README.md', 'index.d.ts', 'node.js']) copyFileSync(path.join(root, 'npm', f), path.join(out, f));
writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const missing = manifest.files.filter((f) => !existsSync(path.join(out, f)));
if (missing.length) throw new Error(`files listed in package.json but not in ${out}: ${missing.join(', ')}`);
console.log(`==> npm package: ${path.relative(root, out) || out}/package.json (${manifest.name} ${manifest.version})`);
