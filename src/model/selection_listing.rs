//! The public list of published selections: the filter a URL asks for (kind, year), the
//! order (newest first) and the counts per kind and per year.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::search_request::ParamError;
use super::selection::{SelectionFields, SelectionId, SelectionKind};
use super::taxonomy::Language;

/// The years a selection filter accepts (as the search's start years).
pub const LISTING_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A published selection as listed: its description and how many of its projects the
/// public sees.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectionSummary {
    /// Id.
    pub id: SelectionId,
    /// Description.
    pub fields: SelectionFields,
    /// Its members that are published now.
    pub projects: usize,
    /// Created.
    pub created_at: DateTime<Utc>,
}

impl SelectionFields {
    /// The year a selection belongs to: a Prizes shortlist's edition year, otherwise the
    /// year of its date; `None` when it has neither.
    pub fn listing_year(&self) -> Option<i32> {
        self.year.or(self.date.map(|d| d.year()))
    }
}

impl SelectionSummary {
    /// When it took place, for the order: its date, else January 1st of its year, else the
    /// day it was made.
    fn when(&self) -> NaiveDate {
        let year_start = || NaiveDate::from_ymd_opt(self.fields.year?, 1, 1);
        self.fields
            .date
            .or_else(year_start)
            .unwrap_or_else(|| self.created_at.date_naive())
    }
}

/// Sorts summaries newest first (by [`SelectionSummary::when`], then the newest made).
pub fn newest_first(summaries: &mut [SelectionSummary]) {
    summaries.sort_by_key(|s| std::cmp::Reverse((s.when(), s.created_at)));
}

/// The filter of the list of selections, read from its URL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SelectionFilter {
    /// Only this kind.
    pub kind: Option<SelectionKind>,
    /// Only selections of this year ([`SelectionFields::listing_year`]).
    pub year: Option<i32>,
}

impl SelectionFilter {
    /// Reads `kind`, `year` and `lang` (each at most once; blank values are skipped).
    ///
    /// # Errors
    /// The first unknown parameter, repeated parameter or bad value, named.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<SelectionFilter, ParamError> {
        let mut filter = SelectionFilter::default();
        let mut seen: Vec<&str> = Vec::new();
        for (key, raw) in pairs {
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            if seen.contains(&key) {
                let message = format!("parameter '{key}' may be given only once");
                return Err(bad(key, "duplicate_parameter", message));
            }
            seen.push(key);
            match key {
                "kind" => filter.kind = Some(read_kind(value)?),
                "year" => filter.year = Some(read_year(value)?),
                "lang" => {
                    Language::parse(value).ok_or_else(|| {
                        let message = format!("unknown language '{value}' in parameter 'lang'");
                        bad(key, "invalid_parameter", message)
                    })?;
                }
                _ => {
                    let message = format!("unknown parameter '{key}': use kind, year or lang");
                    return Err(bad(key, "unknown_parameter", message));
                }
            }
        }
        Ok(filter)
    }

    /// Whether a selection passes the filter.
    pub fn admits(&self, fields: &SelectionFields) -> bool {
        self.kind.is_none_or(|k| k == fields.kind)
            && self.year.is_none_or(|y| fields.listing_year() == Some(y))
    }
}

fn bad(param: &str, code: &'static str, message: String) -> ParamError {
    ParamError {
        param: param.to_string(),
        code,
        message,
    }
}

/// `kind`: one of the selection kinds' codes.
fn read_kind(value: &str) -> Result<SelectionKind, ParamError> {
    SelectionKind::ALL
        .into_iter()
        .find(|k| k.code() == value)
        .ok_or_else(|| {
            let message = format!(
                "unknown selection kind '{value}' in parameter 'kind': use talkx, prizes_shortlist, report or collection"
            );
            bad("kind", "invalid_parameter", message)
        })
}

/// `year`: a whole number in [`LISTING_YEARS`].
fn read_year(value: &str) -> Result<i32, ParamError> {
    value
        .parse::<i32>()
        .ok()
        .filter(|y| LISTING_YEARS.contains(y))
        .ok_or_else(|| {
            let (from, to) = (LISTING_YEARS.start(), LISTING_YEARS.end());
            let message =
                format!("'year' must be a whole number from {from} to {to}, not '{value}'");
            bad("year", "invalid_parameter", message)
        })
}

/// The published selections a filter shows, with the counts that let a reader change it.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectionListing {
    /// The filter.
    pub filter: SelectionFilter,
    /// The selections that pass it, newest first.
    pub selections: Vec<SelectionSummary>,
    /// Every published selection, whatever the filter.
    pub total: usize,
    /// Per kind (every kind, in [`SelectionKind::ALL`] order), the selections of the
    /// filter's year.
    pub kinds: Vec<(SelectionKind, usize)>,
    /// Per year (newest first: the years that have one, and the filter's year), the
    /// selections of the filter's kind.
    pub years: Vec<(i32, usize)>,
}

impl SelectionListing {
    /// The listing of `published` under `filter`. Each count leaves out its own part of
    /// the filter, so it says what choosing that value would show.
    pub fn new(mut published: Vec<SelectionSummary>, filter: SelectionFilter) -> SelectionListing {
        newest_first(&mut published);
        let same_year = SelectionFilter {
            kind: None,
            ..filter
        };
        let same_kind = SelectionFilter {
            year: None,
            ..filter
        };
        let kinds = SelectionKind::ALL
            .into_iter()
            .map(|kind| {
                let of_kind = |s: &&SelectionSummary| s.fields.kind == kind;
                let n = published
                    .iter()
                    .filter(of_kind)
                    .filter(|s| same_year.admits(&s.fields));
                (kind, n.count())
            })
            .collect();
        let mut years: Vec<(i32, usize)> = Vec::new();
        let listed = published.iter().filter(|s| same_kind.admits(&s.fields));
        for year in listed.filter_map(|s| s.fields.listing_year()) {
            match years.iter_mut().find(|(y, _)| *y == year) {
                Some((_, n)) => *n += 1,
                None => years.push((year, 1)),
            }
        }
        if let Some(year) = filter.year.filter(|y| !years.iter().any(|(x, _)| x == y)) {
            years.push((year, 0));
        }
        years.sort_by_key(|(y, _)| std::cmp::Reverse(*y));
        let total = published.len();
        let selections = published
            .into_iter()
            .filter(|s| filter.admits(&s.fields))
            .collect();
        SelectionListing {
            filter,
            selections,
            total,
            kinds,
            years,
        }
    }

    /// The selections of the filter's year, of every kind.
    pub fn of_year(&self) -> usize {
        self.kinds.iter().map(|(_, n)| n).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(kind: SelectionKind, date: Option<&str>, year: Option<i32>) -> SelectionSummary {
        SelectionSummary {
            id: SelectionId::generate(),
            fields: SelectionFields {
                kind,
                title: format!("{kind:?} {date:?} {year:?}"),
                theme: None,
                date: date.map(|d| d.parse().unwrap()),
                category: None,
                year,
                published: true,
            },
            projects: 1,
            created_at: "2020-01-01T00:00:00Z".parse().unwrap(),
        }
    }

    fn parse(pairs: &[(&str, &str)]) -> Result<SelectionFilter, ParamError> {
        SelectionFilter::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn the_filter_reads_kind_year_and_language_and_names_a_bad_parameter() {
        let filter = parse(&[("kind", "talkx"), ("year", " 2025 "), ("lang", "ar")]).unwrap();
        assert_eq!(filter.kind, Some(SelectionKind::Talkx));
        assert_eq!(filter.year, Some(2025));
        assert_eq!(
            parse(&[("kind", ""), ("year", " ")]).unwrap(),
            SelectionFilter::default()
        );
        for (pairs, param, code) in [
            (vec![("kind", "talk")], "kind", "invalid_parameter"),
            (vec![("year", "20x5")], "year", "invalid_parameter"),
            (vec![("year", "1800")], "year", "invalid_parameter"),
            (vec![("lang", "de")], "lang", "invalid_parameter"),
            (vec![("q", "health")], "q", "unknown_parameter"),
            (
                vec![("kind", "report"), ("kind", "talkx")],
                "kind",
                "duplicate_parameter",
            ),
        ] {
            let error = parse(&pairs).unwrap_err();
            assert_eq!(
                (error.param.as_str(), error.code),
                (param, code),
                "{pairs:?}"
            );
        }
    }

    #[test]
    fn a_listing_is_newest_first_and_each_count_leaves_out_its_own_filter() {
        use SelectionKind::*;
        let published = vec![
            summary(Talkx, Some("2024-05-12"), None),
            summary(PrizesShortlist, None, Some(2025)),
            summary(Talkx, Some("2025-07-01"), None),
            summary(Report, None, None),
        ];
        let all = SelectionListing::new(published.clone(), SelectionFilter::default());
        let order: Vec<Option<i32>> = all
            .selections
            .iter()
            .map(|s| s.fields.listing_year())
            .collect();
        assert_eq!(order, vec![Some(2025), Some(2025), Some(2024), None]);
        assert_eq!(all.selections[0].fields.kind, Talkx, "July after January");
        assert_eq!(all.years, vec![(2025, 2), (2024, 1)]);
        let talkx_2025 = SelectionFilter {
            kind: Some(Talkx),
            year: Some(2025),
        };
        let some = SelectionListing::new(published, talkx_2025);
        assert_eq!(some.selections.len(), 1);
        assert_eq!(some.total, 4);
        assert_eq!(
            some.kinds,
            vec![
                (Talkx, 1),
                (PrizesShortlist, 1),
                (Report, 0),
                (Collection, 0)
            ]
        );
        assert_eq!(some.years, vec![(2025, 1), (2024, 1)]);
        let none = SelectionFilter {
            kind: None,
            year: Some(2019),
        };
        let empty = SelectionListing::new(some.selections, none);
        assert!(empty.selections.is_empty());
        assert_eq!(
            empty.years,
            vec![(2025, 1), (2019, 0)],
            "the chosen year stays"
        );
    }
}
