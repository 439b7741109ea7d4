//! Every interface message of the pages, from Project Fluent resources: `locales/<lang>.ftl`,
//! one file per language, compiled into the binary. Every message exists in all six (a test
//! checks). [`fluent_texts!`] declares the structs of plain labels the pages read.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::Entry;
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

/// A language's bundle, and the ids of its messages in the resource's order.
struct Loaded {
    bundle: FluentBundle<FluentResource>,
    ids: Vec<String>,
}

/// One bundle per language, in [`Language::ALL`] order; each resource is parsed once.
fn loaded() -> &'static [Loaded] {
    static LOADED: OnceLock<Vec<Loaded>> = OnceLock::new();
    LOADED.get_or_init(|| {
        Language::ALL
            .iter()
            .zip(SOURCES)
            .map(|(lang, source)| load(*lang, source))
            .collect()
    })
}

fn load(lang: Language, source: &str) -> Loaded {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The pages isolate what people wrote themselves (`<bdi>`); numbers need no marks.
    bundle.set_use_isolating(false);
    // A resource with a syntax error keeps its good messages (the tests refuse any error).
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let ids = (resource.entries())
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    let _ = bundle.add_resource(resource);
    Loaded { bundle, ids }
}

/// The message `id` in `lang` with the given arguments; `None` when it is missing.
fn format(lang: Language, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = &loaded()[lang.index()].bundle;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The message `id` in `lang` with the given arguments; the English message when it is
/// missing, and the id itself when English lacks it too.
pub fn with(lang: Language, id: &str, args: &[(&str, &str)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, *value);
    }
    format(lang, id, Some(&fluent))
        .or_else(|| format(Language::En, id, Some(&fluent)))
        .unwrap_or_else(|| id.to_string())
}

/// The message `id` in `lang` with numbers for its variables; `None` when it is missing.
/// Each number `x` comes with `x-form`, a number of its plural category to select on.
pub fn numbered(lang: Language, id: &str, numbers: &[(&str, usize)]) -> Option<String> {
    let mut args = FluentArgs::new();
    for (name, value) in numbers {
        args.set(*name, *value);
        args.set(format!("{name}-form"), plural_form(lang, *value as u64));
    }
    format(lang, id, Some(&args))
}

/// The message `id` in `lang` for the number `count`; the id itself when it is missing.
pub fn counted(lang: Language, id: &str, count: u64) -> String {
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    numbered(lang, id, &[("count", count)]).unwrap_or_else(|| id.to_string())
}

/// A number of the same plural category as `n` in `lang`. Arabic's few and many depend on
/// the last two digits (CLDR: `n % 100` in 3..10 and 11..99), which intl_pluralrules 7.0.2
/// reads from the whole number; the Arabic messages select on this one instead.
fn plural_form(lang: Language, n: u64) -> u64 {
    match (lang, n % 100) {
        (Language::Ar, rest @ 3..=99) if n >= 100 => rest,
        (Language::Ar, _) if n >= 100 => 100,
        _ => n,
    }
}

/// The message `id` in `lang`, formatted once for the life of the process; English when it
/// is missing, and the empty text when English lacks it too.
pub fn text(lang: Language, id: &str) -> &'static str {
    static PLAIN: OnceLock<Vec<HashMap<String, String>>> = OnceLock::new();
    let plain = PLAIN.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|lang| {
                (loaded()[lang.index()].ids.iter())
                    .filter_map(|id| Some((id.clone(), format(*lang, id, None)?)))
                    .collect()
            })
            .collect()
    });
    (plain[lang.index()].get(id))
        .or_else(|| plain[Language::En.index()].get(id))
        .map_or("", String::as_str)
}

/// The message `id`, which selects on `$name`, formatted once per language for each of the
/// `values` into `cache`; in `lang`, for the value at `at`.
pub fn variant<V: FnOnce() -> Vec<&'static str>>(
    cache: &'static OnceLock<Vec<Vec<String>>>,
    (id, name, values): (&str, &str, V),
    lang: Language,
    at: usize,
) -> &'static str {
    let names = cache.get_or_init(|| {
        let values = values();
        (Language::ALL.iter())
            .map(|lang| {
                (values.iter())
                    .map(|v| with(*lang, id, &[(name, v)]))
                    .collect()
            })
            .collect()
    });
    &names[lang.index()][at]
}

/// The ids among `ids` that some language lacks.
#[cfg(test)]
pub fn missing(ids: &[String]) -> Vec<String> {
    (ids.iter())
        .filter(|id| !loaded().iter().all(|l| l.bundle.has_message(id)))
        .cloned()
        .collect()
}

/// Declares a struct of plain labels, each field the message named after it with `_` as
/// `-` after a prefix (`desk-`, `site_name` is `desk-site-name`), and `$fn(lang)` giving
/// a language's labels, read from the resources once.
macro_rules! fluent_texts {
    ($(#[$meta:meta])* $vis:vis struct $name:ident, prefix $prefix:literal, fn $get:ident { $($field:ident),* $(,)? }) => {
        $(#[$meta])*
        #[allow(missing_docs)]
        $vis struct $name { $(pub $field: &'static str,)* }

        impl $name {
            /// Each field's message id.
            #[cfg(test)]
            pub fn ids() -> Vec<String> {
                vec![$(format!("{}{}", $prefix, stringify!($field).replace('_', "-")),)*]
            }

            fn load(lang: $crate::model::Language) -> Self {
                let text = |field: &str| {
                    let id = format!("{}{}", $prefix, field.replace('_', "-"));
                    $crate::http::pages::messages::text(lang, &id)
                };
                Self { $($field: text(stringify!($field)),)* }
            }
        }

        /// The labels of a language.
        $vis fn $get(lang: $crate::model::Language) -> &'static $name {
            static LOADED: std::sync::OnceLock<Vec<$name>> = std::sync::OnceLock::new();
            &LOADED.get_or_init(|| {
                $crate::model::Language::ALL.iter().map(|lang| $name::load(*lang)).collect()
            })[lang.index()]
        }
    };
}
pub(crate) use fluent_texts;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_parses_without_an_error() {
        for (lang, source) in Language::ALL.iter().zip(SOURCES) {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{lang}: {errors:?}");
            }
        }
    }

    #[test]
    fn every_message_exists_in_all_six_languages() {
        let english = &loaded()[Language::En.index()].ids;
        assert!(!english.is_empty());
        for (lang, loaded) in Language::ALL.iter().zip(loaded()) {
            assert_eq!(&loaded.ids, english, "{lang}: the same messages as English");
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
        // CLDR reads Arabic's last two digits: 129 as 29, 103 as 3, 101 as other.
        assert_eq!(found(Language::Ar, 129), "مشروعًا");
        assert_eq!(found(Language::Ar, 103), "مشاريع");
        assert_eq!(found(Language::Ar, 101), "مشروع");
        assert_eq!(found(Language::Ar, 1_000_011), "مشروعًا");
        assert_eq!(found(Language::Zh, 7), "个项目");
        assert_eq!(counted(Language::En, "projects", 1), "project");
    }
}
