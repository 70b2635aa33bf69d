//! Document structure: dateline, title (and its repeat), headings, paragraphs and
//! sentences, in character indices of [`Doc`].
//!
//! Pasted articles put the dateline on the first line, the title on the next (often
//! twice, as the seeds show), then paragraphs separated by blank lines, with short
//! unpunctuated lines as section headings.

mod sentences;

pub use sentences::split_sentences;

use crate::temporal::pattern::Pattern;
use crate::temporal::{parse_dateline, DatelineValue};
use crate::text::Doc;

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Dateline,
    Title,
    /// The title again, as pages often print it twice: same incidents, not new ones.
    TitleRepeat,
    Heading,
    /// A short paragraph right under the title that sums the article up (the
    /// "chapeau"): its incidents are the body's.
    Lede,
    Paragraph,
}

/// One non-empty line of the article (trimmed), with what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// A sentence, inside one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub block: usize,
}

/// The layout of one article.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub dateline: Option<(Block, DatelineValue)>,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
}

impl Structure {
    pub fn title(&self) -> Option<Block> {
        self.blocks.iter().copied().find(|b| b.kind == BlockKind::Title)
    }

    /// The sentence holding a character index.
    pub fn sentence_at(&self, ch: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= ch);
        (i > 0 && ch < self.sentences[i - 1].end.max(self.sentences[i - 1].start + 1)).then(|| i - 1)
    }

    pub fn block_of_sentence(&self, s: usize) -> Block {
        self.blocks[self.sentences[s].block]
    }
}

/// Longest paragraph under the title taken as its summary.
const LEDE_MAX_CHARS: usize = 300;

/// Longest line taken as a heading rather than a one-line paragraph.
const HEADING_MAX_CHARS: usize = 90;

pub fn analyze(doc: &Doc) -> Structure {
    let mut lines = Vec::new();
    let mut no_title = false;
    let mut pos = 0;
    for line in doc.norm.split('\n') {
        let n = line.chars().count();
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
        if lead < n {
            lines.push((pos + lead, pos + n - trail));
        }
        pos += n + 1;
    }
    let mut out = Structure::default();
    if let Some(&(s, e)) = lines.first() {
        if let Some(v) = parse_dateline(doc.norm_slice(s, e)) {
            let b = Block { kind: BlockKind::Dateline, start: s, end: e };
            out.dateline = Some((b, v));
            out.blocks.push(b);
            lines.remove(0);
        } else if let Some((len, v)) = dateline_prefix(doc.norm_slice(s, e)) {
            // `date 2024-11 Les jihadistes...`: a metadata prefix glued to the text.
            let b = Block { kind: BlockKind::Dateline, start: s, end: s + len };
            out.dateline = Some((b, v));
            out.blocks.push(b);
            let body = s + len + doc.norm_slice(s + len, e).chars().take_while(|c| c.is_whitespace()).count();
            lines[0] = (body, e);
            no_title = true;
        }
    }
    let rest = &lines[..];
    // The title: the first line, or (after a publisher's note) the first line that
    // the page prints twice.
    let squashed: Vec<String> = rest.iter().take(5).map(|&(s, e)| squash(doc.norm_slice(s, e))).collect();
    let repeated = (0..squashed.len().saturating_sub(1)).find(|&i| squashed[i] == squashed[i + 1]);
    let title = match repeated {
        Some(i) => Some(i),
        None if rest.len() > 1 && !no_title && looks_like_title(doc.norm_slice(rest[0].0, rest[0].1)) => Some(0),
        None => None,
    };
    let mut after_title = false;
    for (i, &(s, e)) in rest.iter().enumerate() {
        let text = doc.norm_slice(s, e);
        let kind = if Some(i) == title {
            BlockKind::Title
        } else if title.is_some_and(|t| i == t + 1) && repeated == title {
            BlockKind::TitleRepeat
        } else if after_title && is_heading(text) {
            // A subtitle under the title sums up, like a lede; it heads no section.
            BlockKind::Lede
        } else if title.is_some_and(|t| i < t) || is_heading(text) {
            BlockKind::Heading
        } else if after_title && text.chars().count() <= LEDE_MAX_CHARS && rest.len() > i + 3 {
            BlockKind::Lede
        } else {
            BlockKind::Paragraph
        };
        after_title = matches!(kind, BlockKind::Title | BlockKind::TitleRepeat);
        out.blocks.push(Block { kind, start: s, end: e });
    }
    for (bi, b) in out.blocks.iter().enumerate() {
        if b.kind == BlockKind::Dateline {
            continue;
        }
        for (s, e) in split_sentences(doc, b.start, b.end) {
            out.sentences.push(Sentence { start: s, end: e, block: bi });
        }
    }
    out
}

/// `date YYYY-MM[-DD]` at the start of the first line: its length in chars and value.
fn dateline_prefix(line: &str) -> Option<(usize, DatelineValue)> {
    static RE: std::sync::OnceLock<Pattern> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| Pattern::new(r"^(?:date|Date|DATE)\s*:?\s*\d{4}-\d{2}(?:-\d{2})?\b"));
    let m = re.captures_at_start(line)?.get(0)?;
    let v = parse_dateline(m.as_str())?;
    Some((m.as_str().chars().count(), v))
}

/// A title is one short line, not a paragraph of several sentences.
fn looks_like_title(text: &str) -> bool {
    text.chars().count() <= 200 && !text.trim_end_matches(['.', ' ']).contains(". ")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A short line that does not end like a sentence.
fn is_heading(text: &str) -> bool {
    let t = text.trim_end();
    t.chars().count() <= HEADING_MAX_CHARS && !t.ends_with(['.', '!', '?', '»', '"', '…', ';', ',']) && !t.contains(". ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_title_repeat_heading_paragraph() {
        let t = "22-11-2024 07:57 AM Jerusalem Timing\n\nRaids russes sur Idleb\n\nRaids russes sur Idleb\n\nLe nord sous les bombes\n\nLes raids ont repris. Ils visent Alep.\n\nIdleb : contre Jaïsh al-Fath\n\nSuite.\n";
        let d = Doc::new(t);
        let s = analyze(&d);
        let kinds: Vec<_> = s.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(kinds, vec![Dateline, Title, TitleRepeat, Lede, Paragraph, Heading, Paragraph]);
        assert_eq!(s.dateline.as_ref().unwrap().1.datetime, "2024-11-22T07:57");
        assert_eq!(d.orig_slice(s.title().unwrap().start, s.title().unwrap().end), "Raids russes sur Idleb");
        assert_eq!(s.sentences.len(), 7);
    }

    #[test]
    fn empty_and_blank() {
        assert!(analyze(&Doc::new("")).blocks.is_empty());
        assert!(analyze(&Doc::new(" \n\r\n ")).sentences.is_empty());
    }
}
