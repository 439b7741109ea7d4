//! The selection's entries in the builder: each with its note, a handle to drag it (with
//! the script) and buttons to move or remove it; the notes of every entry are one form
//! with one "Save notes" button, whose entries in page order are also the new order that
//! dragging sends. An edit comes back to the builder at the entry it changed.

use maud::{html, Markup};
use serde_json::{json, Value};

use super::super::desk::Desk;
use super::super::forms::FormValues;
use super::super::layout::Ctx;
use super::super::secretariat_texts::secretariat_texts;
use super::finder::Back;
use super::refused::{Refused, Saved};
use crate::model::{Language, SelectionView};

/// One entry as the edit sees it: the project's id and the note.
type Row = (String, Option<String>);

/// The new item list after one edit, and the element the builder comes back to.
pub(super) struct Edit {
    /// The items for the service.
    pub items: Vec<Value>,
    /// The id of the element to scroll to.
    pub anchor: String,
    /// What the edit saves, for the notice beside its form.
    pub saved: Option<Saved>,
}

/// The selection's entries; for an editor, each with its note and buttons to move or
/// remove it, then the button that saves every note.
pub(super) fn item_list(
    ctx: &Ctx,
    desk: &Desk,
    (view, saved): (&SelectionView, Option<Saved>),
    back: &Back,
) -> Markup {
    let b = secretariat_texts(ctx.lang);
    let editor = desk.can_edit();
    html! {
        @if editor && view.items.len() > 1 {
            p.hint #order-hint { (b.order_hint) }
        }
        @if editor {
            p #order-status.visually-hidden role="status" data-saved=(b.order_saved) data-failed=(b.order_not_saved) {}
        }
        ol #items data-reorder[editor] {
            @for (i, item) in view.items.iter().enumerate() {
                li.card.entry id=(format!("entry-{}", item.project_id)) data-entry=(item.project_id) tabindex="-1" {
                    @if editor { span.handle aria-hidden="true" title=(b.drag_handle) { "⠿" } }
                    @match &item.project {
                        Some(p) => { a href=(ctx.href(&format!("/projects/{}", p.id), &[])) dir="auto" { (p.fields.title) } " · " bdi.org { (p.fields.organization) } }
                        None => { (item.project_id) " (" (secretariat_texts(ctx.lang).gone) ")" }
                    }
                    @if editor { (entry_actions(ctx, desk, view, i, back)) }
                }
            }
        }
        @if editor && !view.items.is_empty() {
            form #notes-form method="post" action=(format!("/secretariat/selections/{}/items", view.id)) {
                (desk.form_fields(ctx))
                (back.field())
                input type="hidden" name="op" value="save";
                button #save-notes type="submit" { (b.save_notes) }
            }
            (Saved::notice(saved, Saved::Notes, ctx.lang))
        }
    }
}

/// An entry's note (a field of the notes form) and its move and remove buttons.
fn entry_actions(ctx: &Ctx, desk: &Desk, view: &SelectionView, i: usize, back: &Back) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let item = &view.items[i];
    let last = view.items.len().saturating_sub(1);
    let item_form = |op: &str, label: &str| {
        html! {
            form.inline method="post" action=(format!("/secretariat/selections/{}/items", view.id)) {
                (desk.form_fields(ctx))
                (back.field())
                input type="hidden" name="op" value=(op);
                input type="hidden" name="index" value=(i);
                button.secondary type="submit" data-op=(op) { (label) }
            }
        }
    };
    let note_id = format!("note-{}", item.project_id);
    html! {
        div.actions {
            div.note {
                input type="hidden" name="entry" form="notes-form" value=(item.project_id);
                label for=(note_id) { (d.note) }
                input id=(note_id) type="text" name="note" form="notes-form" dir="auto" value=[item.note.as_deref()];
            }
            @if i > 0 { (item_form("up", d.move_up)) }
            @if i < last { (item_form("down", d.move_down)) }
            (item_form("remove", d.remove))
        }
    }
}

/// The new item list after one edit: add, remove, move up or down, set a note, or save
/// every note in the posted order.
pub(super) fn edited_items(
    view: &SelectionView,
    values: &FormValues,
    lang: Language,
) -> Result<Edit, Refused> {
    let mut rows: Vec<Row> = view
        .items
        .iter()
        .map(|i| (i.project_id.to_string(), i.note.clone()))
        .collect();
    let mut saved = None;
    let anchor = match values.get("op") {
        "add" => {
            let id = values.get("project_id").to_string();
            if !rows.iter().any(|(p, _)| *p == id) {
                rows.push((id.clone(), None));
            }
            // The focus goes to the new entry's row.
            format!("entry-{id}")
        }
        "save" => {
            let changed = || Refused::conflict(secretariat_texts(lang).changed_meanwhile);
            rows = saved_rows(&rows, values).ok_or_else(changed)?;
            saved = Some(Saved::Notes);
            "saved".into()
        }
        op => one_row_edit(&mut rows, op, values).map_err(Refused::bad_edit)?,
    };
    let items = rows
        .into_iter()
        .map(|(project_id, note)| json!({"project_id": project_id, "note": note}))
        .collect();
    Ok(Edit {
        items,
        anchor,
        saved,
    })
}

/// An edit of the row at the posted `index`; the anchor of the row (or of the list, when
/// it is removed).
fn one_row_edit(rows: &mut Vec<Row>, op: &str, values: &FormValues) -> Result<String, String> {
    let i = values
        .get("index")
        .parse::<usize>()
        .ok()
        .filter(|i| *i < rows.len())
        .ok_or_else(|| format!("unknown edit '{op}' or no such item"))?;
    let at = match op {
        "remove" => {
            rows.remove(i);
            return Ok("items".into());
        }
        "up" => {
            let to = i.saturating_sub(1);
            rows.swap(i, to);
            to
        }
        "down" => {
            let to = (i + 1).min(rows.len() - 1);
            rows.swap(i, to);
            to
        }
        "note" => {
            let note = values.get("note");
            rows[i].1 = (!note.is_empty()).then(|| note.to_string());
            i
        }
        other => return Err(format!("unknown edit '{other}'")),
    };
    Ok(format!("entry-{}", rows[at].0))
}

/// The rows in the posted order with the posted notes, or `None` when the posted entries
/// are not the selection's own (it changed since the page was drawn).
fn saved_rows(rows: &[Row], values: &FormValues) -> Option<Vec<Row>> {
    let entries: Vec<&str> = values.all("entry").collect();
    let notes: Vec<&str> = values.all("note").collect();
    if entries.len() != rows.len() || notes.len() != entries.len() {
        return None;
    }
    let mut saved: Vec<Row> = Vec::with_capacity(rows.len());
    for (entry, note) in entries.into_iter().zip(notes) {
        let known = rows.iter().any(|(p, _)| p == entry);
        if !known || saved.iter().any(|(p, _)| p == entry) {
            return None;
        }
        let note = note.trim();
        saved.push((
            entry.to_string(),
            (!note.is_empty()).then(|| note.to_string()),
        ));
    }
    Some(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Row> {
        vec![("a".into(), Some("first".into())), ("b".into(), None)]
    }

    fn posted(body: &str) -> FormValues {
        FormValues::parse(body.as_bytes())
    }

    #[test]
    fn a_selection_saves_every_note_in_the_posted_order() {
        let saved = saved_rows(&rows(), &posted("entry=b&note=two&entry=a&note="));
        let want: Vec<Row> = vec![("b".into(), Some("two".into())), ("a".into(), None)];
        assert_eq!(saved, Some(want));
    }

    #[test]
    fn a_selection_changed_meanwhile_saves_nothing() {
        for body in [
            "entry=a&note=",
            "entry=a&note=&entry=a&note=",
            "entry=a&note=&entry=c&note=",
            "entry=a&note=&entry=b",
        ] {
            assert_eq!(saved_rows(&rows(), &posted(body)), None, "{body}");
        }
    }

    #[test]
    fn a_selection_entry_moved_comes_back_at_its_row() {
        let mut r = rows();
        let anchor = one_row_edit(&mut r, "down", &posted("index=0"));
        assert_eq!(anchor.as_deref(), Ok("entry-a"));
        assert_eq!(r[1].0, "a");
        assert!(one_row_edit(&mut r, "up", &posted("index=9")).is_err());
    }
}
