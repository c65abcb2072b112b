//! The record set: a dataset's records, in the order of its file. The file format is its
//! serde form (see [`io`](crate::io)); the graph is built from it.

use serde::{Deserialize, Serialize};

use super::{Country, Grouping, Membership, Source, Stance, Treaty};

/// The format tag every file carries, so that a later format can be told apart.
pub const FORMAT: &str = "alliance-graph/1";

/// A dataset's records, in the order of the file; the serde form of the file format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always [`FORMAT`].
    #[serde(deserialize_with = "format_tag")]
    pub format: String,
    /// Short name of the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Sources cited by the records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// States.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Country>,
    /// Groupings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groupings: Vec<Grouping>,
    /// Memberships of states in groupings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub memberships: Vec<Membership>,
    /// Treaties between states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub treaties: Vec<Treaty>,
    /// Stated positions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stances: Vec<Stance>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            format: FORMAT.to_string(),
            name: None,
            title: None,
            description: None,
            sources: Vec::new(),
            countries: Vec::new(),
            groupings: Vec::new(),
            memberships: Vec::new(),
            treaties: Vec::new(),
            stances: Vec::new(),
        }
    }
}

fn format_tag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s == FORMAT {
        Ok(s)
    } else {
        Err(serde::de::Error::custom(format!(
            "unsupported format {s:?}; this version reads {FORMAT:?}"
        )))
    }
}
