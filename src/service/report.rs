//! The figures of the WSIS Stocktaking Report: published projects counted by Action Line
//! (with the C7 sub-lines), SDG, ITU region, stakeholder type, part of ITU, scope and call
//! for submissions, for all projects and for the COVID-19 subset, and per Action Line the
//! projects of its report chapter (a `report` selection with that Action Line as its
//! category). A report may count the projects of one call only.

use serde::Serialize;
use serde_json::Value;

use super::{Service, ServiceError};
use crate::model::{taxonomy, ActionLine, Filters, ItuEntity, Language, SelectionKind, State};
use crate::model::{Dim, Groups};

/// The facets the report counts by, in its order.
pub const REPORT_FACETS: [Dim; 7] = [
    Dim::ActionLine,
    Dim::Sdg,
    Dim::Region,
    Dim::StakeholderType,
    Dim::ItuEntity,
    Dim::Scope,
    Dim::Call,
];

/// One line of a table: a value, its English label, its count and share.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The value's code.
    pub code: String,
    /// Its English label.
    pub label: String,
    /// Projects with it.
    pub count: u64,
    /// Their share of the projects counted.
    pub share: f64,
}

/// The tables of one facet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    /// The facet's API name.
    pub facet: &'static str,
    /// All projects, every value in the taxonomy's order.
    pub all: Vec<Row>,
    /// The COVID-19 projects.
    pub covid19: Vec<Row>,
}

/// One project listed in a chapter.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChapterItem {
    /// Title.
    pub title: String,
    /// Organization.
    pub organization: String,
    /// The curator's note.
    pub note: Option<String>,
}

/// A report chapter: an Action Line's selection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chapter {
    /// The Action Line's code.
    pub action_line: String,
    /// Its English title.
    pub label: String,
    /// The selection's title.
    pub title: String,
    /// Its projects, in order.
    pub projects: Vec<ChapterItem>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The start year the report covers (all years when absent).
    pub year: Option<i32>,
    /// The call whose projects it counts (number and English title; all when absent).
    pub call: Option<(u16, String)>,
    /// Published projects counted.
    pub total: u64,
    /// Of which respond to COVID-19.
    pub covid19_total: u64,
    /// One section per facet.
    pub sections: Vec<Section>,
    /// Chapters, in Action Line order.
    pub chapters: Vec<Chapter>,
}

/// The English label of a facet value, from the taxonomy file.
pub fn english_label(dim: Dim, code: &str) -> String {
    let doc = &taxonomy().document;
    let find = |list: &str, key: &str, label: &str| {
        doc.get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .flat_map(|v| {
                std::iter::once(v).chain(
                    v.get("sublines")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten(),
                )
            })
            .find(|v| {
                v.get(key)
                    .map(|k| k.to_string().trim_matches('"') == code)
                    .unwrap_or(false)
            })
            .and_then(|v| v.get(label))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let label = match dim {
        Dim::ActionLine => find("action_lines", "code", "title"),
        Dim::Sdg => find("sdgs", "number", "short"),
        Dim::Region => find("regions", "code", "name"),
        Dim::StakeholderType => find("stakeholder_types", "code", "label"),
        Dim::Scope => find("scopes", "code", "label"),
        Dim::ItuEntity => ItuEntity::parse(code).map(|e| entity_name(e).to_string()),
        _ => None,
    };
    label.unwrap_or_else(|| code.to_string())
}

/// The English name of a part of ITU.
pub fn entity_name(entity: ItuEntity) -> &'static str {
    match entity {
        ItuEntity::ItuR => "ITU Radiocommunication Sector (ITU-R)",
        ItuEntity::ItuT => "ITU Telecommunication Standardization Sector (ITU-T)",
        ItuEntity::ItuD => "ITU Telecommunication Development Sector (ITU-D)",
        ItuEntity::Gs => "ITU General Secretariat",
    }
}

/// The calls, as (number, English title), in number order.
type CallTitles = Vec<(u16, String)>;

/// Every value of a report facet, with its English label, in the taxonomy's order (calls
/// in number order).
fn all_values(dim: Dim, calls: &CallTitles) -> Vec<(String, String)> {
    if dim == Dim::Call {
        return calls
            .iter()
            .map(|(n, title)| (n.to_string(), format!("{n}. {title}")))
            .collect();
    }
    all_codes(dim)
        .into_iter()
        .map(|code| {
            let label = english_label(dim, &code);
            (code, label)
        })
        .collect()
}

/// Every value of a report facet, in the taxonomy's order.
fn all_codes(dim: Dim) -> Vec<String> {
    use crate::model::{Region, Scope, Sdg, StakeholderType};
    match dim {
        Dim::ActionLine => {
            // The C7 group before its sub-lines.
            let mut codes = Vec::new();
            for line in ActionLine::leaves() {
                if line.is_c7() && !codes.iter().any(|c| c == "C7") {
                    codes.push("C7".to_string());
                }
                codes.push(line.code().to_string());
            }
            codes
        }
        Dim::Sdg => Sdg::all().map(|g| g.number().to_string()).collect(),
        Dim::Region => Region::ALL.iter().map(|r| r.code().to_string()).collect(),
        Dim::StakeholderType => StakeholderType::ALL
            .iter()
            .map(|s| s.code().to_string())
            .collect(),
        Dim::Scope => Scope::ALL.iter().map(|s| s.code().to_string()).collect(),
        Dim::ItuEntity => ItuEntity::ALL
            .iter()
            .map(|e| e.code().to_string())
            .collect(),
        _ => Vec::new(),
    }
}

fn rows(dim: Dim, groups: &Groups, calls: &CallTitles) -> Vec<Row> {
    all_values(dim, calls)
        .into_iter()
        .map(|(code, label)| {
            let count = groups
                .groups
                .iter()
                .find(|g| g.values.get(dim.name()) == Some(&code))
                .map(|g| g.count)
                .unwrap_or(0);
            Row {
                label,
                share: if groups.total == 0 {
                    0.0
                } else {
                    count as f64 / groups.total as f64
                },
                code,
                count,
            }
        })
        .collect()
}

impl Service {
    /// The report's figures for projects started in `year` that answered the call numbered
    /// `call` (all when `None`).
    ///
    /// # Errors
    /// 404 for a call number no call has; index and storage errors.
    pub fn report(&self, year: Option<i32>, call: Option<u16>) -> Result<Report, ServiceError> {
        let mut calls: CallTitles = self
            .calls()?
            .into_iter()
            .map(|v| {
                let title = v.call.text(Language::En).map(|t| t.title.clone());
                (v.call.number, title.unwrap_or_default())
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        calls.sort();
        let called = match call {
            Some(n) => Some(
                calls
                    .iter()
                    .find(|(number, _)| *number == n)
                    .cloned()
                    .ok_or_else(|| ServiceError::NotFound(format!("no call has the number {n}")))?,
            ),
            None => None,
        };
        let filters = Filters {
            year_from: year,
            year_to: year,
            calls: call.into_iter().collect(),
            ..Filters::default()
        };
        let covid = Filters {
            covid19: Some(true),
            ..filters.clone()
        };
        let mut sections = Vec::new();
        let (mut total, mut covid19_total) = (0, 0);
        for dim in REPORT_FACETS {
            let all = self.stats(&filters, (dim, None))?;
            let subset = self.stats(&covid, (dim, None))?;
            total = all.total;
            covid19_total = subset.total;
            sections.push(Section {
                facet: dim.name(),
                all: rows(dim, &all, &calls),
                covid19: rows(dim, &subset, &calls),
            });
        }
        let chapters = self.chapters(year, call)?;
        Ok(Report {
            year,
            call: called,
            total,
            covid19_total,
            sections,
            chapters,
        })
    }

    /// The report chapters of `year` (every year when `None`), in Action Line order, with
    /// their published projects (those that answered the call numbered `call`, when given).
    fn chapters(&self, year: Option<i32>, call: Option<u16>) -> Result<Vec<Chapter>, ServiceError> {
        let mut chapters = Vec::new();
        for s in self.selections(true)? {
            let of_year = year.is_none() || s.fields.year.is_none() || s.fields.year == year;
            let (true, Some(line)) = (
                s.fields.kind == SelectionKind::Report && of_year,
                s.fields.category,
            ) else {
                continue;
            };
            let mut projects = Vec::new();
            for item in &s.items {
                let Some(p) = item
                    .project
                    .as_ref()
                    .filter(|p| p.state == State::Published)
                else {
                    continue;
                };
                if let Some(n) = call {
                    let answered = self.store.get(item.project_id)?.and_then(|p| p.call_number);
                    if answered != Some(n) {
                        continue;
                    }
                }
                projects.push(ChapterItem {
                    title: p.fields.title.clone(),
                    organization: p.fields.organization.clone(),
                    note: item.note.clone(),
                });
            }
            chapters.push(Chapter {
                action_line: line.code().to_string(),
                label: english_label(Dim::ActionLine, line.code()),
                title: s.fields.title.clone(),
                projects,
            });
        }
        chapters.sort_by_key(|c| ActionLine::parse(&c.action_line).map(ActionLine::index));
        Ok(chapters)
    }
}
