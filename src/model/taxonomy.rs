//! The facts of the field: WSIS Action Lines, SDGs, ITU regions, countries and the
//! WSIS–SDG matrix, loaded from `seed/taxonomy/taxonomy.json` (embedded in the binary).
//!
//! Codes that the API fixes (action-line codes, region codes) are constants here; labels,
//! country names and the matrix come from the JSON file.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The embedded taxonomy file.
pub const TAXONOMY_JSON: &str = include_str!("../../seed/taxonomy/taxonomy.json");

/// Action-line codes: the 18 taggable leaf codes in official order, then `C7` (the group).
const ACTION_LINE_CODES: [&str; 19] = [
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "C6",
    "C7.e-government",
    "C7.e-business",
    "C7.e-learning",
    "C7.e-health",
    "C7.e-employment",
    "C7.e-environment",
    "C7.e-agriculture",
    "C7.e-science",
    "C8",
    "C9",
    "C10",
    "C11",
    "C7",
];

/// A WSIS Action Line code: one of the 18 taggable codes, or `C7` ("ICT applications", the
/// group of the eight C7 sub-lines).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ActionLine(u8);

impl ActionLine {
    /// Number of distinct codes (18 leaves plus the `C7` group).
    pub const COUNT: usize = ACTION_LINE_CODES.len();
    /// The `C7` group code.
    pub const C7: ActionLine = ActionLine(18);

    /// Parses a code such as `C2` or `C7.e-health` (exact spelling).
    pub fn parse(code: &str) -> Option<ActionLine> {
        ACTION_LINE_CODES
            .iter()
            .position(|c| *c == code)
            .map(|i| ActionLine(i as u8))
    }

    /// The code as written in the API.
    pub fn code(self) -> &'static str {
        ACTION_LINE_CODES[self.0 as usize]
    }

    /// A dense index in `0..COUNT`, for counting arrays and the index.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The code at a dense index, if any.
    pub fn from_index(index: usize) -> Option<ActionLine> {
        (index < Self::COUNT).then_some(ActionLine(index as u8))
    }

    /// The codes a project tagged `lines` is counted and found under: its own codes, plus
    /// `C7` when any of them is a C7 sub-line; sorted, each once.
    pub fn with_group(lines: &[ActionLine]) -> Vec<ActionLine> {
        let mut all = lines.to_vec();
        if lines.iter().any(|a| a.is_c7()) {
            all.push(ActionLine::C7);
        }
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Whether this is `C7` or one of its sub-lines.
    pub fn is_c7(self) -> bool {
        (6..=13).contains(&self.0) || self == Self::C7
    }

    /// The 18 taggable leaf codes, in official (WSIS Prizes category) order.
    pub fn leaves() -> impl Iterator<Item = ActionLine> {
        (0..18u8).map(ActionLine)
    }

    /// Every code: the leaves, then `C7`.
    pub fn all() -> impl Iterator<Item = ActionLine> {
        (0..Self::COUNT as u8).map(ActionLine)
    }

    /// Every code as people read them: `C7` just before its sub-lines (C6, C7,
    /// C7.e-government, …, C8).
    pub fn in_reading_order() -> impl Iterator<Item = ActionLine> {
        let c7 = Self::leaves().position(ActionLine::is_c7).unwrap_or(0);
        (Self::leaves().take(c7))
            .chain(std::iter::once(Self::C7))
            .chain(Self::leaves().skip(c7))
    }
}

impl fmt::Display for ActionLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A UN Sustainable Development Goal, 1 to 17.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Sdg(u8);

impl Sdg {
    /// Parses a goal number; `None` outside 1–17.
    pub fn new(number: i64) -> Option<Sdg> {
        (1..=17).contains(&number).then_some(Sdg(number as u8))
    }

    /// The goal number.
    pub fn number(self) -> u8 {
        self.0
    }

    /// All 17 goals.
    pub fn all() -> impl Iterator<Item = Sdg> {
        (1..=17u8).map(Sdg)
    }
}

/// An ITU region, or `international` for projects with no country.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Region {
    /// Africa.
    Africa,
    /// Americas.
    Americas,
    /// Arab States.
    ArabStates,
    /// Asia & Pacific.
    AsiaPacific,
    /// Commonwealth of Independent States.
    Cis,
    /// Europe.
    Europe,
    /// No country, or no ITU region (international organizations, global projects).
    International,
}

impl Region {
    /// Every region, in display order.
    pub const ALL: [Region; 7] = [
        Region::Africa,
        Region::Americas,
        Region::ArabStates,
        Region::AsiaPacific,
        Region::Cis,
        Region::Europe,
        Region::International,
    ];

    /// The API code (`africa`, `arab_states`, …).
    pub fn code(self) -> &'static str {
        match self {
            Region::Africa => "africa",
            Region::Americas => "americas",
            Region::ArabStates => "arab_states",
            Region::AsiaPacific => "asia_pacific",
            Region::Cis => "cis",
            Region::Europe => "europe",
            Region::International => "international",
        }
    }

    /// Parses an API code.
    pub fn parse(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    /// A dense index in `0..7`.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// An ISO 3166-1 alpha-2 country known to the taxonomy.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Country(u16);

impl Country {
    /// Parses an upper-case alpha-2 code (`NA` is Namibia).
    pub fn parse(code: &str) -> Option<Country> {
        taxonomy().country_by_code.get(code).copied()
    }

    /// The alpha-2 code.
    pub fn code(self) -> &'static str {
        &taxonomy().countries[self.0 as usize].code
    }

    /// The English short name.
    pub fn name(self) -> &'static str {
        &taxonomy().countries[self.0 as usize].name
    }

    /// The short name in a UN language (the Unicode CLDR's; English from the taxonomy).
    pub fn name_in(self, lang: Language) -> &'static str {
        if lang == Language::En {
            return self.name();
        }
        localized_country_names()
            .get(self.index())
            .and_then(|names| names[lang.index()].as_deref())
            .unwrap_or_else(|| self.name())
    }

    /// The ITU region the country belongs to.
    pub fn region(self) -> Region {
        taxonomy().country_regions[self.0 as usize]
    }

    /// A dense index in `0..count()`.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The country at a dense index, if any.
    pub fn from_index(index: usize) -> Option<Country> {
        (index < Self::count()).then_some(Country(index as u16))
    }

    /// How many countries the taxonomy knows.
    pub fn count() -> usize {
        taxonomy().countries.len()
    }
}

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize)]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $code)] $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The API code.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses an API code.
            pub fn parse(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            /// A dense index into `ALL`.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The accepted codes, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.code()).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum!(
    /// The kind of entity that carries out a project.
    StakeholderType {
        /// Government.
        Government = "government",
        /// Private sector / business.
        PrivateSector = "private_sector",
        /// Civil society.
        CivilSociety = "civil_society",
        /// International organization.
        InternationalOrganization = "international_organization",
        /// Academia.
        Academia = "academia",
        /// Other entity.
        Other = "other",
    }
);

code_enum!(
    /// The part of ITU that submitted a project, for ITU's own input.
    ItuEntity {
        /// The Radiocommunication Sector.
        ItuR = "ITU-R",
        /// The Standardization Sector.
        ItuT = "ITU-T",
        /// The Development Sector.
        ItuD = "ITU-D",
        /// The General Secretariat.
        Gs = "GS",
    }
);

code_enum!(
    /// The level the activity works at.
    Scope {
        /// Local.
        Local = "local",
        /// National.
        National = "national",
        /// Regional.
        Regional = "regional",
        /// International.
        International = "international",
    }
);

code_enum!(
    /// Where the project stands.
    Status {
        /// Not started yet.
        Planned = "planned",
        /// Running.
        Ongoing = "ongoing",
        /// Finished.
        Completed = "completed",
    }
);

code_enum!(
    /// One of the six UN languages, the language of a project's text.
    Language {
        /// Arabic.
        Ar = "ar",
        /// Chinese.
        Zh = "zh",
        /// English.
        En = "en",
        /// French.
        Fr = "fr",
        /// Russian.
        Ru = "ru",
        /// Spanish.
        Es = "es",
    }
);

macro_rules! serde_as_code {
    ($name:ident, $parse:expr, $what:literal) => {
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = String::deserialize(d)?;
                $parse(&code).ok_or_else(|| {
                    serde::de::Error::custom(format!(concat!("unknown ", $what, " '{}'"), code))
                })
            }
        }
    };
}
serde_as_code!(ActionLine, ActionLine::parse, "WSIS Action Line");
serde_as_code!(Country, Country::parse, "country code");
serde_as_code!(Region, Region::parse, "region");

impl Serialize for Sdg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}
impl<'de> Deserialize<'de> for Sdg {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        Sdg::new(n).ok_or_else(|| serde::de::Error::custom(format!("unknown SDG {n}")))
    }
}

/// One country record of the taxonomy file.
#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Deserialize)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// English short name.
    pub name: String,
    /// ITU region code.
    pub region: String,
}

/// The taxonomy as loaded: the raw JSON document plus lookup tables.
#[derive(Debug)]
pub struct Taxonomy {
    /// The whole document, served by `GET /api/v1/taxonomy`.
    pub document: serde_json::Value,
    countries: Vec<CountryInfo>,
    country_by_code: HashMap<String, Country>,
    country_regions: Vec<Region>,
}

/// Errors in the embedded taxonomy file (caught by the unit tests, never at run time).
#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    /// The file is not the expected JSON.
    #[error("taxonomy JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A country names a region that does not exist.
    #[error("country {0} has unknown region {1}")]
    UnknownRegion(String, String),
}

impl Taxonomy {
    /// Parses a taxonomy document.
    ///
    /// # Errors
    /// When the JSON does not have the expected shape.
    pub fn parse(json: &str) -> Result<Taxonomy, TaxonomyError> {
        let document: serde_json::Value = serde_json::from_str(json)?;
        let countries: Vec<CountryInfo> =
            serde_json::from_value(document.get("countries").cloned().unwrap_or_default())?;
        let mut country_by_code = HashMap::new();
        let mut country_regions = Vec::with_capacity(countries.len());
        for (i, c) in countries.iter().enumerate() {
            country_by_code.insert(c.code.clone(), Country(i as u16));
            let region = Region::parse(&c.region)
                .ok_or_else(|| TaxonomyError::UnknownRegion(c.code.clone(), c.region.clone()))?;
            country_regions.push(region);
        }
        Ok(Taxonomy {
            document,
            countries,
            country_by_code,
            country_regions,
        })
    }

    /// Every country, sorted by code.
    pub fn countries(&self) -> &[CountryInfo] {
        &self.countries
    }
}

/// Country names in ar, zh, fr, ru and es (CLDR), by alpha-2 code.
const COUNTRY_NAMES_JSON: &str = include_str!("../../seed/taxonomy/country_names.json");

/// Per country (by dense index), its names by language index.
fn localized_country_names() -> &'static [[Option<String>; 6]] {
    static NAMES: OnceLock<Vec<[Option<String>; 6]>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let doc: serde_json::Value = serde_json::from_str(COUNTRY_NAMES_JSON).unwrap_or_default();
        taxonomy()
            .countries
            .iter()
            .map(|c| {
                let names = doc.get("names").and_then(|n| n.get(&c.code));
                let name = |lang: Language| {
                    names
                        .and_then(|n| n.get(lang.code()))
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                };
                [
                    name(Language::Ar),
                    name(Language::Zh),
                    None,
                    name(Language::Fr),
                    name(Language::Ru),
                    name(Language::Es),
                ]
            })
            .collect()
    })
}

/// The embedded taxonomy, parsed once.
pub fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| {
        // The file is compiled in and checked by `embedded_taxonomy_parses`; failing here
        // would be a build defect, not a run-time condition.
        #[allow(clippy::expect_used)]
        Taxonomy::parse(TAXONOMY_JSON).expect("embedded taxonomy is valid")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_taxonomy_parses() {
        let t = Taxonomy::parse(TAXONOMY_JSON).unwrap();
        assert_eq!(t.countries().len(), 249);
    }

    #[test]
    fn taxonomy_file_lists_exactly_the_taggable_action_lines() {
        let doc = &taxonomy().document;
        let mut codes = Vec::new();
        for line in doc["action_lines"].as_array().unwrap() {
            let subs = line["sublines"].as_array().unwrap();
            if subs.is_empty() {
                codes.push(line["code"].as_str().unwrap().to_string());
            }
            for s in subs {
                codes.push(s["code"].as_str().unwrap().to_string());
            }
        }
        let leaves: Vec<String> = ActionLine::leaves().map(|a| a.code().to_string()).collect();
        assert_eq!(codes, leaves);
    }

    #[test]
    fn namibia_is_a_country_not_a_missing_value() {
        let na = Country::parse("NA").unwrap();
        assert_eq!(na.region(), Region::Africa);
        assert_eq!(Country::parse("XX"), None);
        assert_eq!(Country::parse("ke"), None);
    }

    #[test]
    fn c7_group_covers_exactly_its_sub_lines() {
        let read: Vec<&str> = ActionLine::in_reading_order()
            .map(ActionLine::code)
            .collect();
        assert_eq!(read[5..8], ["C6", "C7", "C7.e-government"]);
        assert_eq!(read.len(), ActionLine::COUNT);
        assert_eq!(read[18], "C11");
        let c7: Vec<&str> = ActionLine::all()
            .filter(|a| a.is_c7())
            .map(|a| a.code())
            .collect();
        assert_eq!(c7.len(), 9);
        assert!(c7.iter().all(|c| c.starts_with("C7")));
        assert!(!ActionLine::parse("C10").unwrap().is_c7());
    }

    #[test]
    fn sdg_numbers_outside_one_to_seventeen_are_rejected() {
        assert!(Sdg::new(0).is_none());
        assert!(Sdg::new(18).is_none());
        assert_eq!(Sdg::new(17).unwrap().number(), 17);
    }

    #[test]
    fn every_region_but_international_has_countries() {
        for r in Region::ALL {
            let n = (0..Country::count())
                .filter(|i| Country::from_index(*i).unwrap().region() == r)
                .count();
            assert!(n > 0, "{r:?}");
        }
    }
}
