//! The pages' words in the six UN languages: navigation and form labels ([`Texts`], read
//! from the Fluent resources of [`messages`]), the taxonomy's labels, and the punctuation
//! of lists and labels. Project texts are never translated.

use std::sync::OnceLock;

use super::messages;
pub use crate::model::labels::{
    action_line, action_line_label, country, itu_entity, region, scope, sdg, sdg_abbreviation,
    sdg_label, stakeholder_type, state, status,
};
use crate::model::Language;
pub use crate::presentation::colours::sdg_color;

/// Whether a language is written right to left.
pub fn is_rtl(lang: Language) -> bool {
    lang == Language::Ar
}

/// The colon after a label, as `lang` writes it: a no-break space before it in French,
/// the full-width colon in Chinese.
pub fn colon(lang: Language) -> &'static str {
    match lang {
        Language::Fr => "\u{a0}: ",
        Language::Zh => "：",
        _ => ": ",
    }
}

/// Items as a list in `lang`'s punctuation: the Arabic comma, the Chinese enumeration comma.
pub fn list<'a>(lang: Language, items: impl IntoIterator<Item = &'a str>) -> String {
    let separator = match lang {
        Language::Ar => "، ",
        Language::Zh => "、",
        _ => ", ",
    };
    items.into_iter().collect::<Vec<_>>().join(separator)
}

/// A name's key for alphabetical lists: lower case without accents, so "États-Unis"
/// sorts among the E.
pub fn alphabetical_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A language's name in the page's language (`anglais` on a French page).
pub fn language_name(page: Language, of: Language) -> &'static str {
    static NAMES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let codes = || Language::ALL.iter().map(|l| l.code()).collect();
    messages::variant(&NAMES, ("language-name", "code", codes), page, of.index())
}

/// The language's name in itself, for the language picker.
pub fn endonym(lang: Language) -> &'static str {
    match lang {
        Language::Ar => "العربية",
        Language::Zh => "中文",
        Language::En => "English",
        Language::Fr => "Français",
        Language::Ru => "Русский",
        Language::Es => "Español",
    }
}

messages::fluent_texts! {
    /// The interface's labels in one language (each field is named after its English text).
    pub struct Texts, prefix "", fn texts {
        site_name, skip_to_content, main_nav, nav_search, nav_covid, nav_stats, nav_submit,
        nav_secretariat, nav_account, language, search_heading, covid_heading, covid_intro, search_label,
        search_button, filters, skip_to_results, menu, suggestions, suggest_projects,
        suggest_organizations, download, download_without_words, beyond_last_page,
        last_page, without_quotes, bad_value, bad_year_range, bad_words, apply_filters,
        clear_filters, remove_filter, no_results, no_results_hint, sort_label,
        sort_relevance, sort_newest, sort_oldest, sort_title, sort_confirmed, confirmed_before,
        confirmed_since, previous, next, page,
        pagination, action_lines, sdgs, regions, countries, more_countries,
        stakeholder_type, itu_entity, itu_entity_hint, scope, status, start_year, year_from, year_to, covid19, covid_any,
        yes, no, organization, description, title, website, start_date, date_unknown,
        end_date, go_to_filter, project_language, published_on, related_projects, suggest_tags_button,
        suggested_tags, suggested_tags_hint, filter_suggestion, partial_match,
        reason_keywords, reason_similar, reason_matrix, search_same, not_found,
        not_found_text, bad_request, submit_heading, submit_intro, answering_call, call_field, submit_button, required,
        contact, contact_hint, contact_name, contact_email, choose, countries_hint,
        countries_filter, countries_pick_hint, countries_chosen, countries_none_match,
        form_has_errors, submitted_heading, submitted_text, edit_link, edit_link_hint,
        your_submission, state, version, messages, no_messages, revise_heading,
        revise_button, withdraw_heading, withdraw_button, current_heading, current_hint, current_button, waiting_revision, done,
        public_page, withdraw_hint, withdraw_confirm, withdraw_unconfirmed,
        withdrawn_notice, changed_heading, changed_intro, changed_apply, changed_none,
        saved_meanwhile, your_text, empty_value, stats_heading, stats_intro,
        by_action_line_region, total, table, footer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Country, Region};

    #[test]
    fn every_sdg_has_a_name_in_every_language_and_a_colour() {
        for goal in crate::model::Sdg::all() {
            assert!(sdg_color(goal).starts_with('#'), "SDG {goal:?}");
            for lang in Language::ALL {
                assert!(!sdg(*lang, goal).is_empty(), "SDG {goal:?} in {lang}");
            }
        }
    }

    #[test]
    fn every_country_has_a_name_in_every_language() {
        for index in 0..Country::count() {
            let Some(c) = Country::from_index(index) else {
                continue;
            };
            for lang in [
                Language::Ar,
                Language::Zh,
                Language::Fr,
                Language::Ru,
                Language::Es,
            ] {
                let name = country(lang, c);
                assert!(!name.is_empty(), "{} in {lang}", c.code());
                if lang != Language::Fr && lang != Language::Es {
                    assert_ne!(name, c.name(), "{} in {lang} is translated", c.code());
                }
            }
        }
        assert_eq!(
            country(
                Language::Fr,
                Country::parse("DE").unwrap_or_else(|| unreachable!())
            ),
            "Allemagne"
        );
    }

    #[test]
    fn every_label_exists_in_all_six_languages() {
        use crate::http::pages::secretariat_texts::{kind, SecretariatTexts};
        use crate::http::pages::selections_texts::{kinds, SelectionsTexts};
        use crate::model::SelectionKind;

        let named = [
            "countries-remove",
            "desk-kind-name",
            "selections-kind-names",
        ];
        let ids = [
            Texts::ids(),
            SecretariatTexts::ids(),
            SelectionsTexts::ids(),
        ]
        .concat();
        let all = [ids, named.map(String::from).to_vec()].concat();
        assert_eq!(messages::missing(&all), Vec::<String>::new());
        assert_eq!(texts(Language::Fr).search_button, "Rechercher");
        assert_eq!(language_name(Language::Fr, Language::En), "anglais");
        assert_eq!(language_name(Language::Ar, Language::Ar), "العربية");
        assert_eq!(
            kind(Language::Fr, SelectionKind::Report),
            "Chapitre du rapport d'inventaire"
        );
        assert_eq!(
            kinds(Language::Es, SelectionKind::Collection),
            "Colecciones"
        );
    }

    #[test]
    fn accented_names_sort_with_their_letter() {
        let mut names = vec!["Zambie", "États-Unis", "Espagne", "Éthiopie", "Estonie"];
        names.sort_by_cached_key(|n| alphabetical_key(n));
        assert_eq!(
            names,
            ["Espagne", "Estonie", "États-Unis", "Éthiopie", "Zambie"]
        );
    }

    #[test]
    fn labels_differ_by_language() {
        assert_eq!(
            action_line(Language::En, crate::model::ActionLine::C7),
            "ICT applications"
        );
        assert_eq!(region(Language::Fr, Region::Africa), "Afrique");
        assert_ne!(
            texts(Language::Ar).nav_search,
            texts(Language::En).nav_search
        );
        assert!(is_rtl(Language::Ar) && !is_rtl(Language::Zh));
    }
}
