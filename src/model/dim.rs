//! The facets a search counts and filters by.

/// The facets, in the order the API lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    /// Action lines (with the `C7` group).
    ActionLine,
    /// SDGs.
    Sdg,
    /// Regions.
    Region,
    /// Countries.
    Country,
    /// Stakeholder types.
    StakeholderType,
    /// The part of ITU that submitted a project (ITU's own input).
    ItuEntity,
    /// Scopes.
    Scope,
    /// Statuses.
    Status,
    /// COVID-19 flag.
    Covid19,
    /// Start year.
    Year,
    /// The call for submissions a project answered, by the call's number.
    Call,
}

impl Dim {
    /// Every facet.
    pub const ALL: [Dim; 11] = [
        Dim::ActionLine,
        Dim::Sdg,
        Dim::Region,
        Dim::Country,
        Dim::StakeholderType,
        Dim::ItuEntity,
        Dim::Scope,
        Dim::Status,
        Dim::Covid19,
        Dim::Year,
        Dim::Call,
    ];

    /// The facet of an API name.
    pub fn parse(name: &str) -> Option<Dim> {
        Dim::ALL.into_iter().find(|d| d.name() == name)
    }

    /// The facet's name in the API.
    pub fn name(self) -> &'static str {
        match self {
            Dim::ActionLine => "action_line",
            Dim::Sdg => "sdg",
            Dim::Region => "region",
            Dim::Country => "country",
            Dim::StakeholderType => "stakeholder_type",
            Dim::ItuEntity => "itu_entity",
            Dim::Scope => "scope",
            Dim::Status => "status",
            Dim::Covid19 => "covid19",
            Dim::Year => "year",
            Dim::Call => "call",
        }
    }
}
