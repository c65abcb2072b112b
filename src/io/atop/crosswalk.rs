//! The COW country code ↔ ISO 3166-1 alpha-3 ↔ name crosswalk.
//!
//! ATOP names states by Correlates of War (COW) country codes; hand-written datasets use ISO
//! 3166-1 alpha-3 codes ([`CountryId`]). The crosswalk (`src/io/atop/crosswalk.csv`, embedded in
//! the crate) maps every one of the 217 codes of the COW State System Membership List v2016
//! plus code 8152, the only ATOP member code outside that list, to exactly one id, so ATOP
//! states and hand-written data meet on the same nodes. **No two COW codes share an id: no
//! state is ever merged into another.**
//!
//! # Decisions for states that no longer exist
//!
//! - One COW code continuing to today gets the **current** ISO code of that state (kind
//!   [`CrosswalkKind::Current`]); the entry's note gives the former ISO codes:
//!   - 365 → `RUS` covers Russia 1816–2016 *including the USSR* (COW has no separate USSR code,
//!     so ISO 3166-3 `SUN` is not used);
//!   - 345 → `SRB` covers Serbia 1878–1918, Yugoslavia 1918–2003 (ISO 3166-3 `YUG`), Serbia and
//!     Montenegro (`SCG`) and Serbia; its COW name, "Yugoslavia", is the entry's name;
//!   - 255 → `DEU` covers Prussia/Germany 1816–1945 and unified Germany from 1990;
//!   - 816 → `VNM` (the DRV until 1976), 490 → `COD`, 775 → `MMR`, 434 → `BEN`, 439 → `BFA`,
//!     860 → `TLS`, 360 → `ROU`.
//! - States with an ISO 3166-3 former code keep it (kind [`CrosswalkKind::IsoFormer`]):
//!   265 German Democratic Republic → `DDR`, 315 Czechoslovakia → `CSK`, 680 South Yemen → `YMD`.
//! - States that ISO never coded separately get a user-assigned `X..` code (kind
//!   [`CrosswalkKind::UserAssigned`]): 260 German Federal Republic 1955–1990 → `XGF` (its ISO
//!   code `DEU` continued for unified Germany, which is COW 255, so the FRG is *not* merged into
//!   `DEU`), 678 North Yemen → `XYA`, 817 South Vietnam → `XRV`, 300 Austria-Hungary → `XAH`
//!   (separate from 305 Austria), the German and Italian states before unification (`XHN`
//!   Hanover, `XBV` Bavaria, `XBD` Baden, `XSX` Saxony, `XWT` Württemberg, `XHK`, `XHD`, `XMS`,
//!   `XPS` Papal States, `XTS`, `XMD`, `XPR`, `XTU`), 511 Zanzibar → `XZN`, 730 Korea 1887–1905
//!   → `XKR`.
//! - 347 Kosovo → `XKX`, the user-assigned code in common use (marked current; not an official
//!   ISO code).
//! - 8152 **Annam** → `XAN`. It is not a COW code but a Gleditsch–Ward one; ATOP 5.1 uses it
//!   for one alliance (1320, with France, 1874–1883). The importer keeps it as a real member;
//!   ATOP's published state-year table omits it (see [`TableOptions`](super::TableOptions)).
//!
//! ```
//! use alliance_graph::io::atop::crosswalk;
//!
//! let cw = crosswalk();
//! assert_eq!(cw.by_cow(365).unwrap().iso3.as_str(), "RUS");
//! assert_eq!(cw.by_cow(260).unwrap().iso3.as_str(), "XGF");
//! assert_eq!(cw.by_iso("DDR".parse()?).unwrap().ccode, 265);
//! assert_eq!(cw.by_cow(8152).unwrap().name, "Annam");
//! assert!(cw.by_cow(999).is_none());
//! # Ok::<(), alliance_graph::Error>(())
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::CountryId;

const CROSSWALK_CSV: &str = include_str!("crosswalk.csv");

/// How an entry's id was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CrosswalkKind {
    /// The current ISO 3166-1 alpha-3 code of the state (or `XKX` for Kosovo).
    Current,
    /// A former code from ISO 3166-3 (`DDR`, `CSK`, `YMD`).
    IsoFormer,
    /// A code from the user-assigned range `XAA`–`XZZ`, for states ISO never coded separately.
    UserAssigned,
}

impl CrosswalkKind {
    /// The word used in `crosswalk.csv`.
    pub fn as_str(&self) -> &'static str {
        match self {
            CrosswalkKind::Current => "current",
            CrosswalkKind::IsoFormer => "iso-3166-3-former",
            CrosswalkKind::UserAssigned => "historical-user-assigned",
        }
    }
}

/// One row of the crosswalk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrosswalkEntry {
    /// The COW country code (or 8152, the Gleditsch–Ward code for Annam).
    pub ccode: u16,
    /// The country id used in graphs.
    pub iso3: CountryId,
    /// The COW state abbreviation (`GMY`); `None` for 8152, which has none.
    pub stateabb: Option<String>,
    /// The COW state name ("Annam" for 8152).
    pub name: String,
    /// How the id was chosen.
    pub kind: CrosswalkKind,
    /// Why, for the entries that need a word of explanation.
    pub note: Option<String>,
}

impl CrosswalkEntry {
    /// Whether the code is in the COW State System Membership List (all codes but 8152;
    /// every COW code is below 1000).
    pub fn is_cow_code(&self) -> bool {
        self.ccode < 1000
    }
}

/// The crosswalk table with lookups both ways; see [`crosswalk`].
#[derive(Debug)]
pub struct Crosswalk {
    entries: Vec<CrosswalkEntry>,
    by_cow: HashMap<u16, usize>,
    by_iso: HashMap<CountryId, usize>,
}

impl Crosswalk {
    /// Every entry, in file order (by COW code).
    pub fn entries(&self) -> &[CrosswalkEntry] {
        &self.entries
    }

    /// The entry for a COW code.
    pub fn by_cow(&self, ccode: u16) -> Option<&CrosswalkEntry> {
        self.by_cow.get(&ccode).map(|&i| &self.entries[i])
    }

    /// The entry for a country id.
    pub fn by_iso(&self, id: CountryId) -> Option<&CrosswalkEntry> {
        self.by_iso.get(&id).map(|&i| &self.entries[i])
    }

    /// Number of entries (218 in this version).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table is empty (never, for the embedded one).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn parse(text: &str) -> Result<Crosswalk, String> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut entries = Vec::new();
        let mut by_cow = HashMap::new();
        let mut by_iso = HashMap::new();
        for (i, record) in reader.records().enumerate() {
            let r = record.map_err(|e| format!("row {}: {e}", i + 1))?;
            let field = |k: usize| r.get(k).unwrap_or("").trim();
            let ccode: u16 = field(0)
                .parse()
                .map_err(|_| format!("row {}: bad ccode {:?}", i + 1, field(0)))?;
            let iso3 = CountryId::new(field(1)).map_err(|e| format!("row {}: {e}", i + 1))?;
            let kind = match field(4) {
                "current" => CrosswalkKind::Current,
                "iso-3166-3-former" => CrosswalkKind::IsoFormer,
                "historical-user-assigned" => CrosswalkKind::UserAssigned,
                other => return Err(format!("row {}: unknown kind {other:?}", i + 1)),
            };
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            if by_cow.insert(ccode, entries.len()).is_some() {
                return Err(format!("row {}: duplicate ccode {ccode}", i + 1));
            }
            if by_iso.insert(iso3, entries.len()).is_some() {
                return Err(format!("row {}: duplicate iso3 {iso3}", i + 1));
            }
            entries.push(CrosswalkEntry {
                ccode,
                iso3,
                stateabb: opt(field(2)),
                name: field(3).to_string(),
                kind,
                note: opt(field(5)),
            });
        }
        Ok(Crosswalk {
            entries,
            by_cow,
            by_iso,
        })
    }
}

/// The embedded crosswalk, parsed once. See the [module docs](self) for its decisions.
pub fn crosswalk() -> &'static Crosswalk {
    static TABLE: OnceLock<Crosswalk> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The embedded file is checked by the crate's tests; failing here is a build defect.
        Crosswalk::parse(CROSSWALK_CSV)
            .unwrap_or_else(|e| panic!("the embedded COW crosswalk is invalid: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_complete_and_one_to_one() {
        let cw = crosswalk();
        assert_eq!(cw.len(), 218);
        assert_eq!(cw.by_iso.len(), 218);
        assert_eq!(cw.entries().iter().filter(|e| !e.is_cow_code()).count(), 1);
        assert_eq!(cw.by_cow(8152).map(|e| e.iso3.as_str()), Some("XAN"));
        assert_eq!(cw.by_cow(8152).and_then(|e| e.stateabb.clone()), None);
    }
}
