// Times the WASM build in Node (`make bench-wasm`, after `make pkg`): compile and
// instantiate, the first call (which compiles the lexicons), then steady-state
// throughput on the texts of benches/analyze.rs: a lede, a seed, ~1 MB of seeds.
// Each analysis goes through the whole JS API (serde-wasm-bindgen objects included).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('../', import.meta.url));
const examples = join(root, 'www/examples');

// Our own lede, the same as in benches/analyze.rs.
const LEDE = "Jeudi dernier, l'aviation russe a mené plusieurs raids aériens sur Alep, " +
  "tuant au moins 18 civils selon l'OSDH, tandis que l'armée syrienne reprenait le village " +
  "de Tal al-Milh aux rebelles d'Ahrar al-Cham.";
const seeds = readdirSync(examples).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(examples, f), 'utf8'));
const utf8 = (s) => Buffer.byteLength(s, 'utf8');

function megabyte() {
  let s = '';
  for (;;) {
    for (const seed of seeds) {
      if (utf8(s) + utf8(seed) > 1_000_000) return s;
      s += seed + '\n\n';
    }
  }
}

const ms = (t) => `${t.toFixed(1)} ms`;

const bytes = readFileSync(join(root, 'pkg/depeche_bg.wasm'));
let t0 = performance.now();
const mod = await import(join(root, 'pkg/depeche.js'));
const tImport = performance.now() - t0;
t0 = performance.now();
await mod.default({ module_or_path: bytes });
const tInit = performance.now() - t0;
t0 = performance.now();
mod.analyze(LEDE);
const tFirst = performance.now() - t0;
t0 = performance.now();
mod.analyze(LEDE);
const tSecond = performance.now() - t0;

console.log(`node ${process.version}, ${(bytes.length / 1024).toFixed(0)} KiB wasm`);
console.log(`import JS glue      ${ms(tImport)}`);
console.log(`compile+instantiate ${ms(tInit)}`);
console.log(`first analyze(lede) ${ms(tFirst)}  (builds the lexicons)`);
console.log(`second analyze      ${ms(tSecond)}`);

// The budget's "5 KB article": seed 004 up to the last line that ends within
// 5,120 bytes.
function fiveKB() {
  const s = seeds[4];
  let cut = 0;
  for (let i = s.indexOf('\n'); i !== -1 && utf8(s.slice(0, i)) <= 5120; i = s.indexOf('\n', i + 1)) cut = i;
  return s.slice(0, cut);
}

const texts = [['lede', LEDE], ['seed_003', seeds[3]], ['article_5KB', fiveKB()], ['seeds_1MB', megabyte()]];
for (const [name, text] of texts) {
  const size = utf8(text);
  // Warm up, then run for at least ~2 s and at least 3 iterations.
  for (let i = 0; i < 3; i++) mod.analyze(text);
  const times = [];
  const start = performance.now();
  while (times.length < 3 || performance.now() - start < 2000) {
    const t = performance.now();
    mod.analyze(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const mbs = size / 1e6 / (median / 1000);
  console.log(`analyze ${name.padEnd(10)} ${String(size).padStart(8)} B  median ${median.toFixed(3).padStart(9)} ms  ${mbs.toFixed(2).padStart(7)} MB/s  (${times.length} runs)`);
}
