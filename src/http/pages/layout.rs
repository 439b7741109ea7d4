//! The page shell: language and direction, navigation, language picker, footer; and the
//! request context every page is drawn with.

use maud::{html, Markup, DOCTYPE};

use super::i18n::{self, Texts};
use super::selections_texts::selections_texts;
use crate::model::Language;

/// What a page needs to know about its request: the language, its path and query (for
/// the language picker), and who is signed in to the secretariat pages.
pub struct Ctx {
    /// The interface language.
    pub lang: Language,
    /// Its texts.
    pub t: &'static Texts,
    path: String,
    query: Vec<(String, String)>,
}

impl Ctx {
    /// A context for `path` with its decoded query pairs.
    pub fn new(lang: Language, path: &str, query: Vec<(String, String)>) -> Ctx {
        Ctx {
            lang,
            t: i18n::texts(lang),
            // The path may hold what the client sent (an id): no control character of it
            // reaches the page's links.
            path: crate::model::text::strip_unsafe(path).into_owned(),
            query,
        }
    }

    /// The context of a request: the language comes from its `lang` parameter.
    pub fn from_query(path: &str, query: Vec<(String, String)>) -> Ctx {
        let lang = lang_of(&query);
        Ctx::new(lang, path, query)
    }

    /// A link to `path` with `pairs`, keeping the interface language.
    pub fn href(&self, path: &str, pairs: &[(&str, &str)]) -> String {
        url(path, pairs.iter().copied(), self.lang)
    }

    /// This page in another language.
    fn in_language(&self, lang: Language) -> String {
        let pairs = self
            .query
            .iter()
            .filter(|(k, _)| k != "lang")
            .map(|(k, v)| (k.as_str(), v.as_str()));
        url(&self.path, pairs, lang)
    }
}

/// `path` with the query `pairs`, plus `lang` unless it is English.
pub fn url<'a>(
    path: &str,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    lang: Language,
) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(pairs);
    if lang != Language::En {
        query.append_pair("lang", lang.code());
    }
    let query = query.finish();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// The hidden `lang` field that keeps the interface language across a form.
pub fn hidden_lang(ctx: &Ctx) -> Markup {
    html! {
        @if ctx.lang != Language::En {
            input type="hidden" name="lang" value=(ctx.lang.code());
        }
    }
}

/// The `lang` parameter's language, English when absent or unknown.
pub fn lang_of(query: &[(String, String)]) -> Language {
    query_value(query, "lang")
        .and_then(Language::parse)
        .unwrap_or(Language::En)
}

/// The first value of a query parameter.
pub fn query_value<'a>(query: &'a [(String, String)], key: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// A whole HTML document around `main`.
pub fn document(ctx: &Ctx, title: &str, main: Markup) -> Markup {
    let t = ctx.t;
    let dir = if i18n::is_rtl(ctx.lang) { "rtl" } else { "ltr" };
    let nav = [
        ("/", t.nav_search),
        ("/covid19", t.nav_covid),
        ("/stats", t.nav_stats),
        ("/selections", selections_texts(ctx.lang).selections),
        ("/submit", t.nav_submit),
        ("/account", t.nav_account),
        ("/secretariat", t.nav_secretariat),
    ];
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) dir=(dir) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (t.site_name) }
                link rel="stylesheet" href="/static/style.css";
                script src="/static/app.js" defer {}
            }
            body {
                a.skip href="#main" { (t.skip_to_content) }
                header.site {
                    a.brand href=(ctx.href("/", &[])) { (t.site_name) }
                    // One line on a phone until opened; wide screens always show it.
                    details.menu #site-menu {
                        summary { (t.menu) }
                        (menu(ctx, &nav))
                    }
                }
                main #main tabindex="-1" { (main) }
                footer.site { p { (t.footer) } }
            }
        }
    }
}

/// The site's navigation and the language picker.
fn menu(ctx: &Ctx, nav: &[(&str, &str)]) -> Markup {
    let t = ctx.t;
    html! {
        div.menu-items {
            nav aria-label=(t.main_nav) {
                ul {
                    @for (path, label) in nav {
                        li {
                            a href=(ctx.href(path, &[]))
                                aria-current=[(ctx.path == *path).then_some("page")] { (label) }
                        }
                    }
                }
            }
            nav.languages aria-label=(t.language) {
                ul {
                    @for lang in Language::ALL {
                        li {
                            a href=(ctx.in_language(*lang)) lang=(lang.code()) hreflang=(lang.code())
                                aria-current=[(*lang == ctx.lang).then_some("true")] { (i18n::endonym(*lang)) }
                        }
                    }
                }
            }
        }
    }
}
