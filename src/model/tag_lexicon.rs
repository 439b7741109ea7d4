//! Keywords that signal each Action Line and SDG in a project's text, in the six UN
//! languages (`seed/taxonomy/tag_keywords.json`, plus the Action Lines' keywords of the
//! taxonomy file). Authored search aids, not official vocabulary.

use serde_json::Value;

use super::{taxonomy, ActionLine, Language, Sdg};

const LEXICON_JSON: &str = include_str!("../../seed/taxonomy/tag_keywords.json");

/// A tag's keywords per language, in [`Language::ALL`] order.
pub type Keywords = [Vec<String>; 6];

/// Every tag's keywords.
#[derive(Clone, Debug, Default)]
pub struct TagLexicon {
    /// Per Action Line (leaves only).
    pub action_lines: Vec<(ActionLine, Keywords)>,
    /// Per SDG.
    pub sdgs: Vec<(Sdg, Keywords)>,
}

fn keywords_of(entry: Option<&Value>) -> Keywords {
    let mut out: Keywords = Default::default();
    for &lang in Language::ALL {
        out[lang.index()] = entry
            .and_then(|e| e.get(lang.code()))
            .and_then(Value::as_array)
            .map(|words| {
                words
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_lowercase)
                    .collect()
            })
            .unwrap_or_default();
    }
    out
}

impl TagLexicon {
    /// The shipped lexicon.
    pub fn shipped() -> &'static TagLexicon {
        use std::sync::OnceLock;
        static LEXICON: OnceLock<TagLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let doc: Value = serde_json::from_str(LEXICON_JSON).unwrap_or(Value::Null);
            let taxonomy_lines = taxonomy().document.get("action_lines");
            let mut action_lines = Vec::new();
            for line in ActionLine::leaves() {
                let mut words =
                    keywords_of(doc.get("action_lines").and_then(|m| m.get(line.code())));
                // The taxonomy file's English keywords of the line (or of its sub-line).
                let extra = taxonomy_lines
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .flat_map(|l| {
                        let own = l.get("code").and_then(Value::as_str) == Some(line.code());
                        let subs = l
                            .get("sublines")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten();
                        let sub = subs
                            .filter(|s| s.get("code").and_then(Value::as_str) == Some(line.code()));
                        own.then_some(l).into_iter().chain(sub)
                    })
                    .flat_map(|l| {
                        l.get("keywords")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                    })
                    .filter_map(Value::as_str)
                    .map(str::to_lowercase);
                let en = &mut words[Language::En.index()];
                for word in extra {
                    if !en.contains(&word) {
                        en.push(word);
                    }
                }
                action_lines.push((line, words));
            }
            let sdgs = Sdg::all()
                .map(|goal| {
                    let key = goal.number().to_string();
                    (goal, keywords_of(doc.get("sdgs").and_then(|m| m.get(&key))))
                })
                .collect();
            TagLexicon { action_lines, sdgs }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_has_english_keywords_and_most_have_other_languages() {
        let lexicon = TagLexicon::shipped();
        assert_eq!(lexicon.action_lines.len(), 18);
        assert_eq!(lexicon.sdgs.len(), 17);
        for (line, words) in &lexicon.action_lines {
            assert!(words[Language::En.index()].len() >= 5, "{line}");
        }
        for (goal, words) in &lexicon.sdgs {
            assert!(
                words[Language::En.index()].len() >= 5,
                "SDG {}",
                goal.number()
            );
            assert!(
                !words[Language::Fr.index()].is_empty(),
                "SDG {}",
                goal.number()
            );
        }
    }
}
