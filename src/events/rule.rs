//! The names of the rules that find and shape an event (its `rules` list), one byte
//! each: a 10 MB text has 60,000 drafts carrying five to ten rules, and a heap string
//! per rule was a third of their memory. The texts are written only by the output.

/// Every rule name a draft can carry. The first is a place holder for the draft's
/// own trigger rule (`trigger:` and the lexicon entry that found it), which the draft
/// holds as text ([`Draft::trigger_rule`](super::Draft::trigger_rule)).
const NAMES: &[&str] = &[
    "trigger:",
    "trigger:instrument",
    "trigger:consequence",
    "typing:abattu-aircraft",
    "typing:air",
    "typing:attaque-air",
    "typing:attaque-chemical",
    "typing:attaque-civilians",
    "typing:attaque-clash",
    "typing:bomb",
    "typing:bombard-air",
    "typing:bombard-ground",
    "typing:death",
    "typing:execution",
    "typing:formed",
    "typing:lexicon",
    "typing:named-operation",
    "typing:place-object",
    "modality:generic",
    "modality:reaction",
    "modality:background",
    "modality:planned",
    "modality:negated",
    "modality:alleged",
    "actors:entre-x-et-y",
    "actors:agent-or-complement",
    "actors:subject",
    "actors:contre",
    "actors:object",
    "actors:loser-is-subject",
    "actors:other-camp-in-paragraph",
    "actors:carried-from-previous-sentence",
    "location:sentence",
    "location:heading",
    "location:earlier",
    "location:country",
    "date:sentence",
    "toll:civilian-victims",
    "source:sentence",
    "source:paragraph",
    "merge:headline",
    "merge:restatement",
    "merge:modality:background",
    "merge:modality:reaction",
    "merge:trigger:instrument",
    "merge:trigger:consequence",
    "merge:typing:death",
];

/// One rule name, by its place in [`NAMES`]; written `rule!("actors:subject")`,
/// checked when compiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule(u8);

impl Rule {
    /// The draft's trigger rule (its text is the draft's).
    pub const TRIGGER: Rule = Rule(0);

    /// The rule of this name; a name not in [`NAMES`] does not compile where it is
    /// used through `rule!`.
    pub const fn named(name: &str) -> Rule {
        let mut i = 0;
        while i < NAMES.len() {
            if same(NAMES[i], name) {
                return Rule(i as u8);
            }
            i += 1;
        }
        panic!("not a rule name (events/rule.rs)")
    }

    /// The rule's name (for [`Rule::TRIGGER`], only `trigger:`).
    pub fn name(self) -> &'static str {
        NAMES[self.0 as usize]
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `rule!("actors:subject")`: the [`Rule`] of that name, found when compiling.
macro_rules! rule {
    ($name:literal) => {
        const { $crate::events::Rule::named($name) }
    };
}
pub(crate) use rule;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_fit_a_byte() {
        assert!(NAMES.len() <= 256);
        for (i, a) in NAMES.iter().enumerate() {
            assert_eq!(Rule::named(a), Rule(i as u8));
            assert_eq!(Rule(i as u8).name(), *a);
        }
        assert_eq!(rule!("typing:death").name(), "typing:death");
    }
}
