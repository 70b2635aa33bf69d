// The bundled example articles (www/examples/*.txt). Listed here rather than
// discovered, so the page works from any static server (no directory listings).

export const EXAMPLE_FILES = [
  '000_e1295d0083729764.txt',
  '001_60bf5cf06030d9e3.txt',
  '002_4673444aa9081ff5.txt',
  '003_ef9561be654d17d8.txt',
  '004_e2362acd604f0922.txt',
];

const DATELINE = /^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b/;

/**
 * A readable name for an article: its title, the first non-empty line after the
 * dateline line (or the first non-empty line when there is no dateline).
 */
export function articleTitle(text) {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return '';
  const title = DATELINE.test(lines[0]) ? lines[1] ?? lines[0] : lines[0];
  return title.length > 90 ? `${title.slice(0, 87).trimEnd()}…` : title;
}

/** The article's dateline day as YYYY-MM-DD, when its first line is a DD-MM-YYYY dateline. */
export function datelineDay(text) {
  const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(text);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

/** Fetch every example: [{file, title, day, text}], in list order; failures are skipped. */
export async function loadExamples(base = 'examples/') {
  const loaded = await Promise.all(EXAMPLE_FILES.map(async (file) => {
    try {
      const res = await fetch(base + file);
      if (!res.ok) return null;
      const text = await res.text();
      return { file, title: articleTitle(text) || file, day: datelineDay(text), text };
    } catch {
      return null;
    }
  }));
  return loaded.filter(Boolean);
}
