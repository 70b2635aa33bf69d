//! The pipeline, stage by stage: normalise → structure → lexicon pass → entities
//! (with dates) → events → output. Lexicons compile once per [`Extractor`] and are
//! shared by every article it analyses.

use crate::entities::{self, NameRules};
use crate::error::Error;
use crate::events::{self, Context};
use crate::lexicon::{self, Entry, Matcher};
use crate::model::{Analysis, SCHEMA};
use crate::output;
use crate::structure;
use crate::temporal::{self, Date};
use crate::text::Doc;

/// Options for one analysis.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The article's publication date; overrides the dateline.
    pub reference_date: Option<Date>,
}

/// Compiled lexicons and rules, reusable across articles.
pub struct Extractor {
    matcher: Matcher,
    names: NameRules,
    reference_date: Option<Date>,
}

/// Builds an [`Extractor`]: `Extractor::builder().reference_date(d).build()`.
#[derive(Default)]
pub struct ExtractorBuilder {
    reference_date: Option<Date>,
    extra: Vec<Entry>,
}

impl ExtractorBuilder {
    /// A default reference date for every article this extractor analyses.
    pub fn reference_date(mut self, date: Date) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Add a user lexicon (format in [`lexicon::user`]); `origin` names it in errors
    /// and in the entities' `rule`. A bad row is an error naming its line (every bad
    /// row, one a line), and nothing of that lexicon is added.
    pub fn user_lexicon(mut self, origin: &str, tsv: &str) -> Result<Self, Error> {
        self.extra.extend(lexicon::user::parse(origin, tsv).map_err(Error::new)?);
        Ok(self)
    }

    /// How many user lexicon entries this builder holds.
    pub fn user_entries(&self) -> usize {
        self.extra.len()
    }

    pub fn build(self) -> Extractor {
        Extractor { matcher: Matcher::with_builtin(self.extra), names: NameRules::builtin(), reference_date: self.reference_date }
    }
}

impl Extractor {
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    pub fn new() -> Extractor {
        Extractor::builder().build()
    }

    /// The compiled lexicons (for tests and tools).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Analyse one article, the reference date given as `YYYY-MM-DD` (else the
    /// dateline's).
    pub fn analyze_with(&self, text: &str, reference_date: Option<&str>) -> Result<Analysis, Error> {
        let reference_date = match reference_date {
            Some(s) => Some(temporal::parse_reference_date(s).map_err(Error::new)?),
            None => None,
        };
        Ok(self.analyze(text, &Options { reference_date }))
    }

    /// Analyse one article.
    pub fn analyze(&self, text: &str, options: &Options) -> Analysis {
        let doc = Doc::new(text);
        let structure = structure::analyze(&doc);
        let dateline = structure.dateline.as_ref().map(|(_, v)| v);
        let (reference_text, reference) = match options.reference_date.or(self.reference_date) {
            Some(d) => (Some(temporal::iso(d)), Some(d)),
            None => (dateline.map(|v| v.reference.clone()), dateline.and_then(|v| v.date)),
        };
        let hits = self.matcher.find(&doc);
        let dates = temporal::find_dates(&doc, reference);
        let mut mentions = entities::find(&doc, &self.matcher, &hits, &self.names, &dates);
        // The dateline is the page's metadata (`Jerusalem Timing` is a time zone, its
        // date is the reference date, not a mention).
        mentions.retain(|m| !in_dateline(&structure, m.start));
        let cx = Context::new(&doc, &structure, &self.matcher, &hits, &mentions);
        let drafts = events::find(&cx);
        Analysis {
            schema: SCHEMA,
            reference_date: reference_text,
            dateline: output::dateline(&doc, &structure),
            title: output::title(&doc, &structure),
            entities: output::entities(&doc, &self.matcher, &mentions),
            events: output::events(&doc, &structure, &drafts),
        }
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

fn in_dateline(s: &structure::Structure, ch: usize) -> bool {
    s.dateline.as_ref().is_some_and(|(b, _)| ch >= b.start && ch < b.end)
}
