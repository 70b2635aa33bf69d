//! Sentence boundaries that survive abbreviations (`M. Abdel Rahmane`), initials and
//! thousands separators (`5.000`).

use crate::text::Doc;

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "Gén", "Gal", "Col", "Cdt", "Lt", "Cpt",
    "av", "apr", "J.-C", "etc", "cf", "p", "n°", "No", "art", "vol", "env", "min", "max", "éd", "réf",
];

/// Sentences of `[start, end)` as character ranges, trimmed.
pub fn split_sentences(doc: &Doc, start: usize, end: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = doc.norm_slice(start, end).chars().collect();
    let mut out = Vec::new();
    let mut s = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '.' | '!' | '?' | '…' | '"' | '»' | ')' | '\'') {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].is_whitespace() {
                k += 1;
            }
            let spaced = k > j;
            let next = chars.get(k).copied();
            let ends = k >= chars.len()
                || (spaced && !next.is_some_and(|n| n.is_lowercase()) && !(c == '.' && is_abbreviation(&chars[s..i])));
            if ends && k < chars.len() {
                push(&chars, start, s, j, &mut out);
                s = k;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push(&chars, start, s, chars.len(), &mut out);
    out
}

fn push(chars: &[char], base: usize, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let mut e = e;
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push((base + s, base + e));
    }
}

/// Is the word before this period an abbreviation or an initial?
fn is_abbreviation(before: &[char]) -> bool {
    let w: String = before.iter().rev().take_while(|c| !c.is_whitespace() && **c != '(').collect::<Vec<_>>().into_iter().rev().collect();
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<String> {
        let d = Doc::new(t);
        split_sentences(&d, 0, d.len()).into_iter().map(|(s, e)| d.orig_slice(s, e).to_string()).collect()
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(split("a précisé M. Abdel Rahmane. Quelques 5.000 miliciens ont pris part."), vec![
            "a précisé M. Abdel Rahmane.",
            "Quelques 5.000 miliciens ont pris part."
        ]);
        assert_eq!(split("Il a dit « non ». Puis il est parti ! Fin"), vec!["Il a dit « non ».", "Puis il est parti !", "Fin"]);
        assert_eq!(split("J. Dupont est là... et reste."), vec!["J. Dupont est là... et reste."]);
    }
}
