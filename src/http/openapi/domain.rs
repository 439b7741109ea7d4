//! OpenAPI schemas of the domain types whose JSON form is written by hand (codes as
//! strings, goals as numbers): each lists the values the taxonomy accepts.

use std::borrow::Cow;

use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::model::{
    taxonomy, ActionLine, Country, Dim, FacetCounts, ItuEntity, Language, ProjectId, Region, Scope,
    Sdg, StakeholderType, Status,
};

/// A string schema that takes one of `values`.
fn codes(description: &str, values: Vec<String>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .description(Some(description))
        .enum_values(Some(values))
        .into()
}

macro_rules! named_schema {
    ($ty:ty, $name:literal, $schema:expr) => {
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                $schema
            }
        }
        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
        }
    };
}

/// The schema of a taxonomy code enum: its codes, named after the type.
macro_rules! code_enum_schema {
    ($($name:ident),+) => {
        $(
            impl PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    codes(
                        concat!("One of the ", stringify!($name), " codes."),
                        $name::ALL.iter().map(|v| v.code().to_string()).collect(),
                    )
                }
            }
            impl ToSchema for $name {}
        )+
    };
}

code_enum_schema!(StakeholderType, ItuEntity, Scope, Status, Language);

named_schema!(
    ActionLine,
    "ActionLine",
    codes(
        "A WSIS Action Line code: C1 to C11, a C7 sub-line such as C7.e-health, or C7 (the group).",
        ActionLine::all().map(|a| a.code().to_string()).collect()
    )
);
named_schema!(
    Region,
    "Region",
    codes(
        "An ITU region, or international for projects with no country.",
        Region::ALL.iter().map(|r| r.code().to_string()).collect()
    )
);
named_schema!(
    Country,
    "Country",
    codes(
        "An ISO 3166-1 alpha-2 country code, upper case.",
        taxonomy()
            .countries()
            .iter()
            .map(|c| c.code.clone())
            .collect()
    )
);
named_schema!(
    Sdg,
    "Sdg",
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::Integer))
        .description(Some("A UN Sustainable Development Goal, 1 to 17."))
        .minimum(Some(1))
        .maximum(Some(17))
        .into()
);
named_schema!(
    ProjectId,
    "Id",
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .description(Some(
            "A ULID: 26 Crockford base-32 characters, sorting by creation time."
        ))
        .min_length(Some(26))
        .max_length(Some(26))
        .into()
);

/// The facet counts of a search: per facet, projects per value.
impl PartialSchema for FacetCounts {
    fn schema() -> RefOr<Schema> {
        use utoipa::openapi::schema::AdditionalProperties;
        let counts = || {
            ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::Object))
                .description(Some(
                    "Projects per value (code, goal number, year or `unknown`, true/false).",
                ))
                .additional_properties(Some(AdditionalProperties::RefOr(
                    ObjectBuilder::new()
                        .schema_type(SchemaType::new(Type::Integer))
                        .minimum(Some(0))
                        .into(),
                )))
                .build()
        };
        let mut facets = ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::Object))
            .description(Some(
                "Disjunctive counts per facet: each facet counted with every filter but its own.",
            ));
        for dim in Dim::ALL {
            facets = facets.property(dim.name(), counts()).required(dim.name());
        }
        facets.into()
    }
}

impl ToSchema for FacetCounts {}
