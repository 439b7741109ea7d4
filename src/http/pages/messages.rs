//! The pages' messages that change with a number (plurals), from Project Fluent resources:
//! `locales/<lang>.ftl`, one file per language, compiled into the binary. Every message
//! exists in all six (a test checks). The plain labels are still the tables of `i18n.rs`.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::model::Language;

/// The resources, in [`Language::ALL`] order.
const SOURCES: [&str; 6] = [
    include_str!("locales/ar.ftl"),
    include_str!("locales/zh.ftl"),
    include_str!("locales/en.ftl"),
    include_str!("locales/fr.ftl"),
    include_str!("locales/ru.ftl"),
    include_str!("locales/es.ftl"),
];

/// One bundle per language, in [`Language::ALL`] order.
fn bundles() -> &'static [FluentBundle<FluentResource>] {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Language::ALL
            .iter()
            .zip(SOURCES)
            .map(|(lang, source)| bundle(*lang, source))
            .collect()
    })
}

fn bundle(lang: Language, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The pages isolate what people wrote themselves (`<bdi>`); numbers need no marks.
    bundle.set_use_isolating(false);
    // A resource with a syntax error keeps its good messages (the tests refuse any error).
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The message `id` in `lang` for the number `count`; the id itself when it is missing.
pub fn counted(lang: Language, id: &str, count: u64) -> String {
    let bundle = &bundles()[lang.index()];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut args = FluentArgs::new();
    args.set("count", count);
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::Entry;

    fn ids(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("syntax errors: {errors:?}"));
        resource
            .entries()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_message_exists_in_all_six_languages() {
        let english = ids(SOURCES[Language::En.index()]);
        assert!(!english.is_empty());
        for (lang, source) in Language::ALL.iter().zip(SOURCES) {
            assert_eq!(ids(source), english, "{lang}: the same messages as English");
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let found = |lang, n| counted(lang, "projects-found", n);
        assert_eq!(found(Language::En, 1), "project found");
        assert_eq!(found(Language::En, 0), "projects found");
        assert_eq!(found(Language::Fr, 1), "projet trouvé");
        assert_eq!(found(Language::Fr, 2), "projets trouvés");
        assert_eq!(found(Language::Ru, 1), "проект найден");
        assert_eq!(found(Language::Ru, 3), "проекта найдено");
        assert_eq!(found(Language::Ru, 5), "проектов найдено");
        assert_eq!(found(Language::Ru, 21), "проект найден");
        assert_eq!(found(Language::Ar, 2), "مشروعان");
        assert_eq!(found(Language::Ar, 5), "مشاريع");
        assert_eq!(found(Language::Ar, 11), "مشروعًا");
        assert_eq!(found(Language::Zh, 7), "个项目");
        assert_eq!(counted(Language::En, "projects", 1), "project");
    }
}
