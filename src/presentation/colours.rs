//! Display colours: each SDG's official colour, from the taxonomy file.

use std::sync::OnceLock;

use crate::model::{taxonomy, Sdg};

/// The colours of SDG 1 to 17, in order (`#777` where the taxonomy gives none).
fn sdg_colours() -> &'static [String] {
    static COLOURS: OnceLock<Vec<String>> = OnceLock::new();
    COLOURS.get_or_init(|| {
        let sdgs = taxonomy().document.get("sdgs").and_then(|v| v.as_array());
        sdgs.map(|list| {
            list.iter()
                .map(|sdg| {
                    let colour = sdg.get("color").and_then(|v| v.as_str()).unwrap_or("#777");
                    colour.to_string()
                })
                .collect()
        })
        .unwrap_or_default()
    })
}

/// The SDG's official colour (`#RRGGBB`).
pub fn sdg_color(goal: Sdg) -> &'static str {
    sdg_colours()
        .get(usize::from(goal.number()) - 1)
        .map(String::as_str)
        .unwrap_or("#777777")
}

/// One class per SDG giving its official colour as background (`.sdg-3`), for chips,
/// swatches and chart bars.
pub fn sdg_classes() -> String {
    Sdg::all()
        .map(|goal| {
            format!(
                ".sdg-{} {{ background: {}; }}\n",
                goal.number(),
                sdg_color(goal)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sdg_has_a_colour() {
        for goal in Sdg::all() {
            assert!(sdg_color(goal).starts_with('#'), "SDG {goal:?}");
        }
    }
}
