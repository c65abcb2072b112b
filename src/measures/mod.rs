//! Research measures on the alliance graph: the similarity of alliance portfolios
//! ([`similarity`]: S, Scott's pi, Cohen's kappa, Kendall's tau-b, each formula written once
//! there), portfolios on a date ([`View::portfolios`](crate::View::portfolios),
//! [`View::similarity`](crate::View::similarity)) and the dyad-year similarity table in the
//! published FPSIM alliance table's columns ([`write_similarity_table`]); with the
//! `network-measures` feature, network measures per state (`network`: centralities,
//! clustering, cores, blocs) on a date and as a state-year table (`write_network_table`);
//! the structural balance of allies and recorded hostility ([`balance`]).
//!
//! ```
//! let world = alliance_graph::datasets::world();
//! let view = world.as_of("1914".parse()?);
//! let allies = view.similarity("Germany", "Austria-Hungary")?;
//! let foes = view.similarity("Germany", "Russia")?;
//! // Allied states' portfolios are more alike than rivals'.
//! assert!(allies.similarity.s_valued_squared > foes.similarity.s_valued_squared);
//! # Ok::<(), alliance_graph::Error>(())
//! ```

pub mod balance;
#[cfg(feature = "network-measures")]
pub mod network;
pub mod similarity;

mod portfolio;
mod system;
mod table;

#[cfg(feature = "network-measures")]
pub use network::{write_network_table, NETWORK_COLUMNS};
#[cfg(feature = "network-measures")]
pub use network::{AlliesByObligation, Centrality, StateNetwork};
pub use portfolio::{Difference, PortfolioSimilarity, Portfolios};
pub use similarity::{
    level_of, Agreement, Distance, Level, Similarity, WeightedAgreement, WeightedS, MAX_LEVEL,
};
pub use system::{PortfolioRule, StateSystem};
pub use table::{write_similarity_table, TableSummary, Weights};
