//! What a stored text may hold. Control characters (C0 other than tab and line breaks,
//! DEL, C1) are refused everywhere; line breaks only where a text may span lines; and
//! bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) must be
//! closed on the line that opens them, so no text can reorder what a page, a CSV or a
//! terminal shows after it. Marks (LRM, RLM, ALM) are harmless and kept.
//!
//! Input is refused with the problem named ([`check`]); outputs of records stored before
//! the rule strip the same characters ([`strip_unsafe`]).

use std::borrow::Cow;

/// Whether a text may span lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// One line (titles, names, codes): a tab becomes a space, a line break is refused.
    One,
    /// Several lines (descriptions, messages, notes): tabs and line breaks are kept,
    /// `\r\n`, `\r` and U+2028/U+2029 become `\n`.
    Many,
}

/// What is wrong with a text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    /// A control character (C0 but tab and line breaks, DEL, C1).
    #[error("contains the control character U+{code:04X} at character {at}; remove it", code = u32::from(*.ch))]
    ControlCharacter {
        /// The character.
        ch: char,
        /// Its 1-based position.
        at: usize,
    },
    /// A line break in a one-line text.
    #[error("must be on one line, but has a line break at character {at}")]
    LineBreak {
        /// Its 1-based position.
        at: usize,
    },
    /// A bidirectional formatting character that is not closed (or closes nothing).
    #[error("has a bidirectional formatting character U+{code:04X} at character {at} that is not closed on its line (or closes nothing); remove it", code = u32::from(*.ch))]
    UnbalancedBidi {
        /// The character.
        ch: char,
        /// Its 1-based position.
        at: usize,
    },
}

impl TextProblem {
    /// The API code of the problem.
    pub fn code(&self) -> &'static str {
        match self {
            TextProblem::ControlCharacter { .. } => "control_character",
            TextProblem::LineBreak { .. } => "line_break",
            TextProblem::UnbalancedBidi { .. } => "unbalanced_bidi",
        }
    }
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// C0 but tab and line breaks, DEL, and C1 (NEL included): Unicode's `Cc`.
fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opened {
    Embedding,
    Isolate,
}

fn opens(c: char) -> Option<Opened> {
    match c {
        '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => Some(Opened::Embedding),
        '\u{2066}' | '\u{2067}' | '\u{2068}' => Some(Opened::Isolate),
        _ => None,
    }
}

/// The first problem of a text, if any.
///
/// # Errors
/// The problem, with the character's position.
pub fn check(text: &str, lines: Lines) -> Result<(), TextProblem> {
    // Each line's open embeddings and isolates, with where they opened.
    let mut open: Vec<(Opened, char, usize)> = Vec::new();
    let unclosed = |open: &[(Opened, char, usize)]| {
        open.first()
            .map(|&(_, ch, at)| Err(TextProblem::UnbalancedBidi { ch, at }))
            .unwrap_or(Ok(()))
    };
    for (i, c) in text.chars().enumerate() {
        let at = i + 1;
        if is_forbidden_control(c) {
            return Err(TextProblem::ControlCharacter { ch: c, at });
        }
        if is_line_break(c) {
            if lines == Lines::One {
                return Err(TextProblem::LineBreak { at });
            }
            unclosed(&open)?;
            continue;
        }
        if let Some(kind) = opens(c) {
            open.push((kind, c, at));
        } else if c == '\u{202C}' {
            // PDF closes the innermost embedding (never across an isolate).
            match open.last() {
                Some((Opened::Embedding, ..)) => {
                    open.pop();
                }
                _ => return Err(TextProblem::UnbalancedBidi { ch: c, at }),
            }
        } else if c == '\u{2069}' {
            // PDI closes the innermost isolate and every embedding opened inside it.
            match open.iter().rposition(|(kind, ..)| *kind == Opened::Isolate) {
                Some(k) => open.truncate(k),
                None => return Err(TextProblem::UnbalancedBidi { ch: c, at }),
            }
        }
    }
    unclosed(&open)
}

/// The text as it is stored: for one-line texts, tabs become spaces; for several lines,
/// every line break becomes `\n`. Call after [`check`] accepted it.
pub fn normalize(text: &str, lines: Lines) -> Cow<'_, str> {
    let changes = |c: char| match lines {
        Lines::One => c == '\t',
        Lines::Many => c == '\r' || c == '\u{2028}' || c == '\u{2029}',
    };
    if !text.chars().any(changes) {
        return Cow::Borrowed(text);
    }
    match lines {
        Lines::One => Cow::Owned(text.replace('\t', " ")),
        Lines::Many => Cow::Owned(
            text.replace("\r\n", "\n")
                .replace(['\r', '\u{2028}', '\u{2029}'], "\n"),
        ),
    }
}

/// The text as it may be shown: itself when [`check`] accepts it, otherwise (a record
/// stored before the rules) without what [`strip_unsafe`] removes.
pub fn cleaned(text: &str, lines: Lines) -> Cow<'_, str> {
    match check(text, lines) {
        Ok(()) => Cow::Borrowed(text),
        Err(_) => strip_unsafe(text),
    }
}

/// The text without what [`check`] refuses: control characters and every bidirectional
/// embedding, override and isolate (for writing out records that predate the rule).
pub fn strip_unsafe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        is_forbidden_control(c) || opens(c).is_some() || c == '\u{202C}' || c == '\u{2069}'
    };
    if text.chars().any(unsafe_char) {
        Cow::Owned(text.chars().filter(|c| !unsafe_char(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str, lines: Lines) -> Option<&'static str> {
        check(text, lines).err().map(|p| p.code())
    }

    #[test]
    fn control_characters_are_refused_everywhere() {
        for c in ['\0', '\u{1}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}'] {
            let text = format!("ab{c}cd");
            assert_eq!(problem(&text, Lines::One), Some("control_character"));
            assert_eq!(problem(&text, Lines::Many), Some("control_character"));
        }
        assert_eq!(
            check("ab\u{1b}[2J", Lines::Many),
            Err(TextProblem::ControlCharacter {
                ch: '\u{1b}',
                at: 3
            })
        );
    }

    #[test]
    fn line_breaks_are_refused_on_one_line_and_normalised_on_several() {
        assert_eq!(problem("a\nb", Lines::One), Some("line_break"));
        assert_eq!(problem("a\rb", Lines::One), Some("line_break"));
        assert_eq!(problem("a\u{2028}b", Lines::One), Some("line_break"));
        assert_eq!(problem("a\r\nb\tc", Lines::Many), None);
        assert_eq!(normalize("a\r\nb\rc\u{2029}d", Lines::Many), "a\nb\nc\nd");
        assert_eq!(normalize("a\tb", Lines::One), "a b");
        assert!(matches!(normalize("plain", Lines::Many), Cow::Borrowed(_)));
    }

    #[test]
    fn bidirectional_controls_must_be_closed_on_their_line() {
        let ok = [
            "\u{202B}مرحبا\u{202C} world",
            "\u{2067}שלום\u{2069} and \u{2066}a\u{202E}b\u{2069}",
            "mark \u{200F} only",
        ];
        for text in ok {
            assert_eq!(problem(text, Lines::One), None, "{text:?}");
        }
        let bad = [
            "evil \u{202E}txt.exe",
            "stray \u{202C}",
            "stray \u{2069}",
            "\u{2066}a\u{202C}",
            "\u{202B}open\nclosed\u{202C}",
        ];
        for text in bad {
            assert_eq!(
                problem(text, Lines::Many),
                Some("unbalanced_bidi"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn outputs_strip_what_input_refuses() {
        assert_eq!(
            strip_unsafe("a\u{1b}[31mb\u{202E}c\u{9b}d\te\nf"),
            "a[31mbcd\te\nf"
        );
        assert!(matches!(strip_unsafe("plain ünïcode"), Cow::Borrowed(_)));
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn stripped_text_always_passes_and_accepted_text_is_kept(text in "\\PC{0,40}|[\\x00-\\x20\u{202A}-\u{202E}\u{2066}-\u{2069}a]{0,20}") {
                let stripped = strip_unsafe(&text);
                prop_assert!(check(&stripped, Lines::Many).is_ok());
                if check(&text, Lines::Many).is_ok() && !text.chars().any(|c| opens(c).is_some()) {
                    prop_assert_eq!(stripped.as_ref(), text.as_str());
                }
            }
        }
    }
}
