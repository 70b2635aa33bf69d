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
use crate::text::Original;

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
        Ok(self.analyze(text, &Options::with_reference_date(reference_date)?))
    }

    /// Analyse one article.
    pub fn analyze(&self, text: &str, options: &Options) -> Analysis {
        let Found { original, structure, reference_date, mentions, drafts } = self.stages(text, options);
        let entities = output::entities(&original, &self.matcher, &mentions);
        drop(mentions);
        Analysis {
            schema: SCHEMA,
            reference_date,
            dateline: output::dateline(&original, &structure),
            title: output::title(&original, &structure),
            entities,
            events: output::events(&original, &structure, &drafts),
        }
    }

    /// Analyse one article and write its JSON (compact or indented) to `out`, the
    /// bytes of `analyze(text, options).write_json(out, pretty)`, each entity and
    /// event written as it is built: a long text's output is never held whole (a
    /// 10 MB article: 160,000 entities and 40,000 events, 55 MB as an [`Analysis`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn write_json(&self, text: &str, options: &Options, out: impl std::io::Write, pretty: bool) -> std::io::Result<()> {
        let found = self.stages(text, options);
        output::write_json(out, pretty, &found.original, &found.structure, &self.matcher, found.reference_date.as_deref(), &found.mentions, &found.drafts)
    }

    /// Every stage up to the output. What only the stages use (the normalised and
    /// folded text, lexicon hits, date mentions, the events' context) is freed as
    /// soon as its last stage is done, before the output is built.
    fn stages<'t>(&self, text: &'t str, options: &Options) -> Found<'t> {
        let doc = Doc::new(text);
        let structure = structure::analyze(&doc);
        let dateline = structure.dateline.as_ref().map(|(_, v)| v);
        let (reference_date, reference) = match options.reference_date.or(self.reference_date) {
            Some(d) => (Some(temporal::iso(d)), Some(d)),
            None => (dateline.map(|v| v.reference.clone()), dateline.and_then(|v| v.date)),
        };
        let mut hits = self.matcher.find(&doc);
        // Half a million hits in a 10 MB text; what the doubling left over goes back
        // to the allocator for the stages to come.
        hits.shrink_to_fit();
        let mut mentions = {
            let dates = temporal::find_dates(&doc, reference);
            entities::find(&doc, &self.matcher, &hits, &self.names, &dates)
        };
        // The dateline is the page's metadata (`Jerusalem Timing` is a time zone, its
        // date is the reference date, not a mention).
        mentions.retain(|m| !in_dateline(&structure, m.start));
        let drafts = {
            let cx = Context::new(&doc, &structure, &self.matcher, &hits, &mentions);
            events::find(&cx)
        };
        drop(hits);
        Found { original: doc.into_original(), structure, reference_date, mentions, drafts }
    }
}

/// What the stages found, and what the output needs of the text: its original form
/// and offsets.
struct Found<'t> {
    original: Original<'t>,
    structure: structure::Structure,
    reference_date: Option<String>,
    mentions: Vec<entities::Mention>,
    drafts: Vec<events::Draft>,
}

impl Options {
    /// Options with the reference date given as `YYYY-MM-DD` (`None`: the dateline's).
    pub fn with_reference_date(reference_date: Option<&str>) -> Result<Options, Error> {
        let reference_date = match reference_date {
            Some(s) => Some(temporal::parse_reference_date(s).map_err(Error::new)?),
            None => None,
        };
        Ok(Options { reference_date })
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
