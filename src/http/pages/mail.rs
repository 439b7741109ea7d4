//! The words of e-mail messages, in the notice's language, from the pages' Fluent
//! resources (`mail-` messages): a plain-text body and the same as HTML, each with a link
//! to the project and one to "My projects".

use maud::{html, Markup, DOCTYPE};

use super::edit::{edit_link, Notice as PageNotice};
use super::i18n;
use super::layout::url;
use super::messages;
use crate::model::{Language, Notice, NoticeKind};
use crate::service::mail::{Compose, Outgoing};

/// Writes messages with links to the site at `base` (such as `https://stocktaking.example`).
pub struct MailTexts {
    base: String,
}

impl MailTexts {
    /// Messages linking to `base` (a trailing `/` is dropped).
    pub fn new(base: &str) -> MailTexts {
        MailTexts {
            base: base.trim_end_matches('/').to_string(),
        }
    }
}

/// What a message says: subject, paragraphs, the secretariat's words, and its links.
struct Words {
    subject: String,
    body: String,
    quoted: Option<(String, String)>,
    links: Vec<(String, String)>,
}

impl Compose for MailTexts {
    fn compose(&self, notice: &Notice) -> Outgoing {
        let words = self.words(notice);
        Outgoing {
            id: notice.id,
            to: notice.to.clone(),
            subject: words.subject.clone(),
            text: plain(notice.lang, &words),
            html: rich(notice.lang, &words).into_string(),
        }
    }
}

impl MailTexts {
    fn words(&self, notice: &Notice) -> Words {
        let lang = notice.lang;
        let title = notice.project.as_ref().map_or("", |p| p.title.as_str());
        let say = |id: &str| messages::with(lang, id, &[("title", title)]);
        let (stem, quoted) = match &notice.kind {
            NoticeKind::Submitted { .. } => ("submitted", None),
            NoticeKind::Published => ("published", None),
            NoticeKind::ChangesRequested { message } => ("changes", Some(message)),
            NoticeKind::Rejected { reason } => ("rejected", Some(reason)),
            NoticeKind::RevisionPublished => ("revision-published", None),
            NoticeKind::RevisionRejected { reason } => ("revision-rejected", Some(reason)),
            NoticeKind::Unpublished { reason } => ("unpublished", Some(reason)),
            NoticeKind::UpdateRequested { reminder: false } => ("update", None),
            NoticeKind::UpdateRequested { reminder: true } => ("update-reminder", None),
            NoticeKind::SignIn { .. } => ("sign-in", None),
        };
        Words {
            subject: say(&format!("mail-{stem}-subject")),
            body: say(&format!("mail-{stem}-body")),
            quoted: quoted.map(|q| {
                (
                    messages::text(lang, "mail-their-message").to_string(),
                    q.clone(),
                )
            }),
            links: self.links(notice),
        }
    }

    /// The message's links, each with its label: the project (the private link for a new
    /// submission, the public page once published) and "My projects".
    fn links(&self, notice: &Notice) -> Vec<(String, String)> {
        let lang = notice.lang;
        let label = |id: &str| messages::text(lang, id).to_string();
        let at = |path: String| format!("{}{path}", self.base);
        let account = (label("mail-my-projects"), at(url("/account", [], lang)));
        if let NoticeKind::SignIn { token } = &notice.kind {
            let link = url("/account/sign-in", [("token", token.as_str())], lang);
            return vec![(label("mail-sign-in-link"), at(link))];
        }
        let Some(project) = &notice.project else {
            return vec![account];
        };
        let id = project.id.to_string();
        let project_link = match &notice.kind {
            NoticeKind::Submitted { edit_token } => (
                label("mail-private-link"),
                at(edit_link(&id, edit_token, lang, PageNotice::None)),
            ),
            NoticeKind::Published | NoticeKind::RevisionPublished => (
                label("mail-project-link"),
                at(url(&format!("/projects/{id}"), [], lang)),
            ),
            _ => (
                label("mail-project-link"),
                at(url(&format!("/submissions/{id}"), [], lang)),
            ),
        };
        vec![project_link, account]
    }
}

/// Every message id the mail uses.
#[cfg(test)]
pub(super) fn ids() -> Vec<String> {
    let stems = [
        "submitted",
        "published",
        "changes",
        "rejected",
        "revision-published",
        "revision-rejected",
        "unpublished",
        "update",
        "update-reminder",
        "sign-in",
    ];
    let words = [
        "greeting",
        "signature",
        "project-link",
        "my-projects",
        "private-link",
        "their-message",
        "sign-in-link",
    ];
    (stems.iter())
        .flat_map(|s| [format!("mail-{s}-subject"), format!("mail-{s}-body")])
        .chain(words.iter().map(|w| format!("mail-{w}")))
        .collect()
}

/// The plain-text body.
fn plain(lang: Language, words: &Words) -> String {
    let mut out = format!(
        "{}\n\n{}\n\n",
        messages::text(lang, "mail-greeting"),
        words.body
    );
    if let Some((label, quoted)) = &words.quoted {
        out.push_str(label);
        out.push('\n');
        for line in quoted.lines() {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    for (label, link) in &words.links {
        out.push_str(&format!("{label}{}{link}\n", i18n::colon(lang)));
    }
    out.push_str(&format!("\n{}\n", messages::text(lang, "mail-signature")));
    out
}

/// The HTML body.
fn rich(lang: Language, words: &Words) -> Markup {
    let dir = if i18n::is_rtl(lang) { "rtl" } else { "ltr" };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(dir) {
            head { meta charset="utf-8"; title { (words.subject) } }
            body {
                p { (messages::text(lang, "mail-greeting")) }
                p { (words.body) }
                @if let Some((label, quoted)) = &words.quoted {
                    p { (label) }
                    blockquote { @for line in quoted.lines() { (line) br; } }
                }
                @for (label, link) in &words.links {
                    p { a href=(link) { (label) } }
                }
                p { (messages::text(lang, "mail-signature")) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NoticeProject, ProjectId};

    fn notice(lang: Language, kind: NoticeKind) -> Notice {
        let project = NoticeProject {
            id: ProjectId::generate(),
            title: "Telecentres <rural>".into(),
        };
        Notice::new(
            "a@example.org",
            lang,
            kind,
            Some(project),
            chrono::Utc::now(),
        )
    }

    #[test]
    fn every_notice_has_its_words_in_every_language_and_both_links() {
        let texts = MailTexts::new("https://stocktaking.example/");
        let kinds = [
            NoticeKind::Submitted {
                edit_token: "t0k".into(),
            },
            NoticeKind::Published,
            NoticeKind::ChangesRequested {
                message: "Add the dates.\nAnd a website.".into(),
            },
            NoticeKind::Rejected {
                reason: "Out of scope.".into(),
            },
            NoticeKind::RevisionPublished,
            NoticeKind::RevisionRejected {
                reason: "Unclear.".into(),
            },
            NoticeKind::Unpublished {
                reason: "Dead link.".into(),
            },
        ];
        for kind in kinds {
            let english = texts.compose(&notice(Language::En, kind.clone()));
            for lang in Language::ALL {
                let m = texts.compose(&notice(*lang, kind.clone()));
                assert!(m.subject.contains("Telecentres <rural>"), "{lang:?} {m:?}");
                if *lang != Language::En {
                    assert_ne!(m.subject, english.subject, "{lang:?} {kind:?}");
                }
                assert!(
                    m.text.contains("https://stocktaking.example/account"),
                    "{m:?}"
                );
                assert!(m.text.contains("https://stocktaking.example/"), "{m:?}");
                // Submitters' words are escaped in the HTML.
                assert!(m.html.contains("Telecentres &lt;rural&gt;"), "{m:?}");
                assert!(!m.html.contains("<rural>"));
            }
            let m = texts.compose(&notice(Language::Fr, kind.clone()));
            match &kind {
                NoticeKind::Submitted { .. } => assert!(m.text.contains("token=t0k&lang=fr")),
                NoticeKind::ChangesRequested { .. } => assert!(m.text.contains("> And a website.")),
                NoticeKind::Published | NoticeKind::RevisionPublished => {
                    assert!(m.text.contains("/projects/"))
                }
                _ => assert!(m.text.contains("/submissions/")),
            }
        }
    }

    #[test]
    fn every_message_exists_in_all_six_languages() {
        assert_eq!(messages::missing(&ids()), Vec::<String>::new());
    }

    #[test]
    fn a_sign_in_message_carries_its_link_and_arabic_reads_right_to_left() {
        let texts = MailTexts::new("http://127.0.0.1:8080");
        let kind = NoticeKind::SignIn {
            token: "abc".into(),
        };
        let m = texts.compose(&Notice::new(
            "a@example.org",
            Language::Ar,
            kind,
            None,
            chrono::Utc::now(),
        ));
        assert!(m
            .text
            .contains("http://127.0.0.1:8080/account/sign-in?token=abc&lang=ar"));
        assert!(m.html.contains("dir=\"rtl\""));
    }
}
