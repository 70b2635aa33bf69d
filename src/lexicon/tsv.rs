//! Reading one lexicon file into rows, borrowing its text. Self-contained (no other
//! module of the crate) because `build.rs` reads `data/*.tsv` with this same code to
//! precompute the matcher's tables: the rows it numbers are the rows the library loads.
//!
//! ```text
//! canonical <TAB> alias | alias | =ALIAS | stem* <TAB> key=value; key=value
//! ```

use std::fmt;

/// One row as written: a canonical name, its aliases, its attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    pub canonical: &'a str,
    pub aliases: Vec<RawAlias<'a>>,
    pub attrs: Vec<(&'a str, &'a str)>,
}

/// An alias without its markers: `=EI` is exact-case `EI`, `bombard*` the stem `bombard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawAlias<'a> {
    pub text: &'a str,
    pub exact_case: bool,
    pub stem: bool,
}

/// A lexicon file that could not be read, with the line that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}: {}", self.origin, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// Every row of `source`, in order; the first bad line is an error naming it.
pub fn rows<'a>(origin: &str, source: &'a str) -> Result<Vec<Row<'a>>, LexiconError> {
    let mut rows = Vec::new();
    for (i, raw) in source.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let row = row(line, i + 1).map_err(|message| LexiconError { origin: origin.to_string(), line: i + 1, message })?;
        rows.push(row);
    }
    Ok(rows)
}

fn row(line: &str, line_no: usize) -> Result<Row<'_>, String> {
    let mut cols = line.split('\t');
    let (canonical, aliases_col, attrs_col) = (cols.next().unwrap_or(""), cols.next(), cols.next());
    let Some(aliases_col) = aliases_col.filter(|_| cols.next().is_none()) else {
        return Err(format!(
            "expected 2 or 3 tab-separated columns (canonical, aliases, attributes), found {}",
            line.split('\t').count()
        ));
    };
    let canonical = canonical.trim();
    if canonical.is_empty() {
        return Err("empty canonical name".into());
    }
    let mut aliases = Vec::new();
    for a in aliases_col.split('|') {
        let a = a.trim();
        if a.is_empty() {
            continue;
        }
        let (exact_case, a) = match a.strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (false, a),
        };
        let (stem, a) = match a.strip_suffix('*') {
            Some(rest) => (true, rest),
            None => (false, a),
        };
        if a.trim().is_empty() || !a.chars().any(|c| c.is_alphanumeric()) {
            return Err(format!("alias {a:?} has no letter or digit"));
        }
        aliases.push(RawAlias { text: a.trim(), exact_case, stem });
    }
    if aliases.is_empty() {
        return Err(format!("{canonical:?} has no alias"));
    }
    let mut attrs = Vec::new();
    for kv in attrs_col.unwrap_or("").split(';') {
        let kv = kv.trim();
        if kv.is_empty() {
            continue;
        }
        let Some((k, v)) = kv.split_once('=') else {
            return Err(format!("attribute {kv:?} is not key=value"));
        };
        attrs.push((k.trim(), v.trim()));
    }
    Ok(Row { line: line_no, canonical, aliases, attrs })
}
