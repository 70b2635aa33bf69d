// pkg/ as an npm package (make pkg: wasm-bindgen's output plus npm/): package.json's
// entry points name files that exist and are packed; the packed tarball, installed in
// a scratch folder, is imported by name in Node and analyses a sentence; a TypeScript
// consumer type-checks against its types (when typescript is installed).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'pkg');
const SENTENCE = "22-11-2024 07:57 AM\nJeudi dernier, l'aviation russe a bombardé Alep, tuant au moins douze civils, selon l'OSDH.";

let manifest;
let scratch;

before(() => {
  assert.ok(existsSync(join(pkg, 'package.json')), 'pkg/package.json is missing: run `make pkg` first');
  manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  scratch = mkdtempSync(join(tmpdir(), 'depeche-npm-'));
});

after(() => { if (scratch) rmSync(scratch, { recursive: true, force: true }); });

/** Every file path named by the manifest's entry points, conditions flattened. */
function entryFiles(m) {
  const out = [m.main, m.module, m.types, m.browser].filter(Boolean);
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(m.exports);
  return [...new Set(out.map((f) => f.replace(/^\.\//, '')))];
}

test('package.json: name, version and licence from Cargo.toml; entry points exist and are packed', () => {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.name, 'depeche');
  assert.equal(manifest.version, /^version = "([^"]+)"/m.exec(toml)[1]);
  assert.equal(manifest.license, /^license = "([^"]+)"/m.exec(toml)[1]);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.sideEffects, false);
  assert.equal(manifest.exports['.'].types, './index.d.ts');
  assert.equal(Object.keys(manifest.exports['.'])[0], 'types', '"types" must come first in the conditions');
  for (const f of entryFiles(manifest)) {
    assert.ok(existsSync(join(pkg, f)), `${f} (named in package.json) is missing from pkg/`);
    assert.ok(f === 'package.json' || manifest.files.includes(f), `${f} is not in "files"`);
  }
  for (const f of manifest.files) assert.ok(existsSync(join(pkg, f)), `${f} in "files" is missing from pkg/`);

  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'],
    { cwd: pkg, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const names = packed.files.map((f) => f.path).sort();
  assert.deepEqual(names, [...manifest.files, 'package.json'].sort(), 'the tarball holds exactly "files" and package.json');
  assert.ok(packed.size < 1_000_000, `tarball ${packed.size} B`);
});

test('the packed package, installed by name, analyses a sentence in Node', () => {
  const tgz = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch],
    { cwd: pkg, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop();
  const dest = join(scratch, 'node_modules', 'depeche');
  mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, tgz), '-C', dest, '--strip-components=1']);
  writeFileSync(join(scratch, 'package.json'), '{"name": "consumer", "private": true, "type": "module"}\n');
  writeFileSync(join(scratch, 'consumer.mjs'), `
    import init, { analyze, version, setLexicon } from 'depeche';
    await init();
    const r = analyze(${JSON.stringify(SENTENCE)}, { referenceDate: '2024-11-22' });
    const lexicon = setLexicon('Tell Rifaat\\tLOCATION\\tTal Rifaat');
    const mine = analyze('Des combats ont eu lieu à Tell Rifaat.').entities.find((e) => e.text === 'Tell Rifaat');
    console.log(JSON.stringify({ version: version(), r, lexicon, mine }));
  `);
  const { version, r, lexicon, mine } = JSON.parse(execFileSync(process.execPath, ['consumer.mjs'], { cwd: scratch, encoding: 'utf8' }));
  assert.equal(version, manifest.version);
  assert.equal(r.schema, '1');
  assert.equal(r.reference_date, '2024-11-22');
  assert.ok(r.entities.some((e) => e.type === 'LOCATION' && e.text === 'Alep' && e.canonical === 'Aleppo'));
  assert.ok(r.entities.some((e) => e.type === 'DATE' && e.value === '2024-11-21'));
  const ev = r.events.find((e) => e.type === 'remote_violence');
  assert.ok(ev, JSON.stringify(r.events));
  assert.equal(ev.fatalities.value, 12);
  for (const e of r.entities) assert.equal(SENTENCE.slice(e.start, e.end), e.text);
  assert.deepEqual(lexicon, { entries: 1 }, 'setLexicon returns { entries }');
  assert.equal(mine && mine.type, 'LOCATION', 'the user lexicon applies');
  assert.equal(mine.canonical, 'Tal Rifaat');
});

test('TypeScript: a consumer type-checks against the package types (index.d.ts)', (t) => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  if (!existsSync(tsc)) { t.skip('typescript is not installed (npm install)'); return; }
  if (!existsSync(join(scratch, 'node_modules/depeche/index.d.ts'))) { t.skip('the previous test did not install the package'); return; }
  writeFileSync(join(scratch, 'consumer.ts'), `
    import init, { analyze, setLexicon, type Analysis, type Event, type Entity, type Count } from 'depeche';
    await init();
    const a: Analysis = analyze('Alep', { referenceDate: '2024-11-22' });
    const places: string[] = a.entities.filter((e: Entity) => e.type === 'LOCATION').map((e) => e.canonical ?? e.text);
    const tolls: number[] = a.events.map((ev: Event) => ev.fatalities).filter((c): c is Count => c !== null)
      .map((c) => c.value ?? 0);
    const when: (string | null)[] = a.events.map((ev) => ev.date?.value ?? null);
    const n: number = setLexicon('').entries;
    // @ts-expect-error: not an entity type
    const bad: Entity['type'] = 'CITY';
    // @ts-expect-error: referenceDate is a string
    analyze('x', { referenceDate: 20241122 });
    console.log(places, tolls, when, n, bad, a.reference_date?.slice(0, 4), a.dateline?.datetime);
  `);
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
      lib: ['es2022', 'dom'], skipLibCheck: false, types: [] },
    files: ['consumer.ts'],
  }));
  try {
    execFileSync(process.execPath, [tsc, '-p', scratch], { cwd: scratch, encoding: 'utf8' });
  } catch (err) {
    assert.fail(`tsc: ${err.stdout || err.message}`);
  }
});
