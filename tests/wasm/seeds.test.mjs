// The WASM build in Node gives the native CLI's JSON, byte for byte, and its spans
// slice the caller's JavaScript string. Run by `make test-wasm` (which builds pkg/ and
// target/release/depeche first), or `node --test tests/wasm/` once they are built.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkgJs = join(root, 'pkg/depeche.js');
const pkgWasm = join(root, 'pkg/depeche_bg.wasm');
const cli = join(root, 'target/release/depeche');
const examples = join(root, 'www/examples');
const seeds = readdirSync(examples).filter((f) => f.endsWith('.txt')).sort();

let analyze;

before(async () => {
  for (const [path, how] of [[pkgJs, 'make pkg'], [pkgWasm, 'make pkg'], [cli, 'make cli']]) {
    assert.ok(existsSync(path), `${path} is missing: run \`${how}\` (or \`make test-wasm\`) first`);
  }
  const mod = await import(pkgJs);
  await mod.default({ module_or_path: readFileSync(pkgWasm) });
  analyze = mod.analyze;
});

/** The native CLI's stdout for `text`, trimmed (input through stdin, or a file). */
function native(args, input) {
  return execFileSync(cli, ['analyze', ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
}

/** Every `{start, end[, text]}` object anywhere in the result, with its JSON path. */
function spans(value, path = '$', out = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => spans(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    if (Number.isInteger(value.start) && Number.isInteger(value.end)) out.push({ path, span: value });
    for (const [k, v] of Object.entries(value)) spans(v, `${path}.${k}`, out);
  }
  return out;
}

/** Asserts every span is in bounds and, when it has a text, slices `text` to it. */
function assertSpansSlice(text, result, label) {
  const found = spans(result);
  const bad = [];
  for (const { path, span } of found) {
    const { start, end } = span;
    if (!(start >= 0 && start <= end && end <= text.length)) {
      bad.push(`${path}: {${start}, ${end}} out of bounds (text has ${text.length} UTF-16 units)`);
    } else if (typeof span.text === 'string' && text.slice(start, end) !== span.text) {
      bad.push(`${path}: text.slice(${start}, ${end}) = ${JSON.stringify(text.slice(start, end))}, span.text = ${JSON.stringify(span.text)}`);
    }
  }
  const hint = bad.some((b) => b.includes('\ufffd'))
    ? '\n(lone surrogates reach Rust as U+FFFD through TextEncoder: offsets stay right, but span texts must come from the JS string)'
    : '';
  assert.deepEqual(bad, [], `${label}: ${bad.length} of ${found.length} spans do not slice the input:\n${bad.slice(0, 20).join('\n')}${hint}`);
  return found.length;
}

/** Where two JSON strings first differ, and whether the difference is only format. */
function explainMismatch(js, nat) {
  let i = 0;
  while (i < js.length && i < nat.length && js[i] === nat[i]) i++;
  const lines = [
    `first difference at character ${i} (WASM ${js.length} chars, CLI ${nat.length} chars)`,
    `  WASM: …${js.slice(Math.max(0, i - 80), i + 80)}…`,
    `  CLI : …${nat.slice(Math.max(0, i - 80), i + 80)}…`,
  ];
  const diffs = valueDiffs(JSON.parse(js), JSON.parse(nat));
  if (diffs.length === 0) {
    lines.push('the two parse to the same value: only number formatting (serde_json writes 35.0, JSON.stringify 35) or key order differs');
  } else {
    lines.push(`the two parse to different values (${diffs.length} differences), first ones:`, ...diffs.slice(0, 8).map((d) => `  ${d}`));
  }
  return lines.join('\n');
}

/** Paths where two parsed JSON values differ (keys in a different order are not a difference). */
function valueDiffs(a, b, path = '$', out = []) {
  if (out.length > 50) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const p = Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`;
      if (!(k in a)) out.push(`${p}: only in CLI: ${JSON.stringify(b[k]).slice(0, 120)}`);
      else if (!(k in b)) out.push(`${p}: only in WASM: ${JSON.stringify(a[k]).slice(0, 120)}`);
      else valueDiffs(a[k], b[k], p, out);
    }
  } else if (!Object.is(a, b)) {
    out.push(`${path}: WASM ${JSON.stringify(a)?.slice(0, 120)}, CLI ${JSON.stringify(b)?.slice(0, 120)}`);
  }
  return out;
}

function assertSameAsNative(text, result, args, label) {
  const js = JSON.stringify(result);
  const nat = native(args, text);
  assert.ok(js === nat, `${label}: WASM JSON differs from the native CLI's\n${explainMismatch(js, nat)}`);
}

test('the five seeds are there', () => {
  assert.ok(seeds.length >= 5, `expected the five seeds in www/examples, found ${seeds.length}`);
});

for (const seed of seeds) {
  test(`${seed}: WASM JSON is byte-identical to the native CLI's`, () => {
    const file = join(examples, seed);
    const text = readFileSync(file, 'utf8');
    const js = JSON.stringify(analyze(text));
    const nat = execFileSync(cli, ['analyze', file], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
    assert.ok(js === nat, `${seed}: WASM JSON differs from \`depeche analyze ${file}\`\n${explainMismatch(js, nat)}`);
  });

  test(`${seed}: every span slices the JavaScript string`, () => {
    const text = readFileSync(join(examples, seed), 'utf8');
    const result = analyze(text);
    assert.equal(result.schema, '1');
    assert.ok(result.entities.length > 0, `${seed}: no entities at all`);
    const n = assertSpansSlice(text, result, seed);
    assert.ok(n > result.entities.length, `${seed}: expected spans beyond the entities`);
  });
}

test('referenceDate option: same JSON as the CLI with --reference-date', () => {
  const text = readFileSync(join(examples, seeds[0]), 'utf8');
  const result = analyze(text, { referenceDate: '2024-11-22' });
  assert.equal(result.reference_date, '2024-11-22');
  assertSameAsNative(text, result, ['--reference-date', '2024-11-22', '-'], `${seeds[0]} with referenceDate`);
});

test('options may be omitted, undefined, null or {}', () => {
  const text = "Jeudi dernier, l'armée syrienne a bombardé Alep.";
  const plain = JSON.stringify(analyze(text));
  for (const options of [undefined, null, {}, { referenceDate: undefined }]) {
    assert.equal(JSON.stringify(analyze(text, options)), plain, `options ${JSON.stringify(options)}`);
  }
});

test('a bad referenceDate throws an Error naming the problem', () => {
  const text = "L'armée syrienne a bombardé Alep.";
  for (const bad of ['2024-13-45', 'demain', '22/11/2024', '2023-02-29']) {
    assert.throws(() => analyze(text, { referenceDate: bad }), (e) => {
      assert.ok(e instanceof Error, `referenceDate ${bad}: threw ${typeof e}, not an Error`);
      assert.match(e.message, /reference date/i, `referenceDate ${bad}: unclear message ${JSON.stringify(e.message)}`);
      assert.ok(e.message.includes(bad), `referenceDate ${bad}: message does not quote the value: ${e.message}`);
      return true;
    });
  }
  assert.throws(() => analyze(text, { referenceDate: 20241122 }), (e) => e instanceof Error && /referenceDate/.test(e.message) && /string/.test(e.message));
});

test('non-object options throw an Error saying what is expected', () => {
  const text = "L'armée syrienne a bombardé Alep.";
  for (const bad of ['2024-11-22', 42, true]) {
    assert.throws(() => analyze(text, bad), (e) => {
      assert.ok(e instanceof Error, `options ${JSON.stringify(bad)}: threw ${typeof e}, not an Error`);
      assert.match(e.message, /options must be an object/, `options ${JSON.stringify(bad)}: unclear message ${JSON.stringify(e.message)}`);
      return true;
    });
  }
});

// Messy input: our own sentences, with characters outside the BMP, control characters
// and Windows line endings. None may throw; every span must slice the JS string.
const lede = "Jeudi dernier, l’aviation russe a mené des raids aériens sur Alep : 18 civils tués selon l’OSDH.";
const messy = {
  emoji: `🎉🇫🇷 ${lede} 💥💥 L'armée syrienne 🪖 a repris Tal al-Milh lundi. 😢 « Nous avons peur », dit Abou Omar al-Homsi.`,
  'emoji inside words': `Al🎉ep, ar💥mée syrienne, 18 civ😢ils tués jeudi 🎉dernier à Idleb🎉.`,
  'lone high surrogate': `Titre \uD800 du jour\n\n${lede}\uD800 Puis l'armée syrienne a bombardé Idleb\uD800.`,
  'lone low surrogate': `\uDC00${lede}\n\nLes rebelles ont pris\uDC00 le village de Tal al-Milh.`,
  'surrogate pairs reversed': `\uDE00\uD83D ${lede} \uDE00\uD83D`,
  NUL: `\0${lede}\0\0 L'armée\0 syrienne a bombardé Alep\0.`,
  'CRLF line endings': `22-11-2024 07:57 AM Jerusalem Timing\r\n\r\nRaids russes sur Alep\r\n\r\n${lede}\r\nL'armée syrienne a repris Tal al-Milh.\r\n`,
  'lone CR': `Raids russes sur Alep\r\r${lede}\rFin.`,
  'NBSP and combining marks': `Jeudi\u00a0dernier, l'arme\u0301e syrienne\u202fa bombarde\u0301 Alep\u0301 : 18\u00a0civils tue\u0301s. \u0301\u0301`,
  empty: '',
  'only spaces': ' \n\t\r\n ',
  'one very long line': `${lede} `.repeat(400),
};

for (const [name, text] of Object.entries(messy)) {
  test(`messy input (${name}): returns, and every span slices the JS string`, () => {
    let result;
    assert.doesNotThrow(() => { result = analyze(text); }, `${name}: analyze threw`);
    assert.equal(result.schema, '1');
    assertSpansSlice(text, result, name);
    // Valid UTF-16 text can also go through the CLI: the JSON must be the same.
    if (text.isWellFormed?.() ?? !/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
      assertSameAsNative(text, result, ['-'], name);
    }
  });
}

test('CRLF seed: same JSON as the CLI on the same bytes, spans slice', () => {
  const text = readFileSync(join(examples, seeds[3]), 'utf8').replace(/\n/g, '\r\n');
  const dir = mkdtempSync(join(tmpdir(), 'depeche-'));
  try {
    const file = join(dir, 'crlf.txt');
    writeFileSync(file, text);
    const result = analyze(text);
    assertSpansSlice(text, result, `${seeds[3]} with CRLF`);
    assertSameAsNative(text, result, [file], `${seeds[3]} with CRLF`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
