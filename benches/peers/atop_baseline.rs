//! The "limit" of the ATOP table comparison: a single-purpose program that reads ATOP's member
//! file with the csv crate and derives each table by sorting flat vectors, with no graph, no
//! validation beyond parsing numbers, no model types. What a skilled Rust user would write to get the two
//! tables and nothing else; the rules are those of `atop_tables_pandas.py` (state-year: rules
//! 1-7; directed dyad-year: D1-D3).
//!
//!     cargo build --release --features atop --example atop_baseline
//!     target/release/examples/atop_baseline state-year atop5_1m.csv OUT.csv
//!     target/release/examples/atop_baseline dyad-year atop5_1m.csv OUT.csv
//!
//! `run.sh` times it as a whole process beside ours and checks that both write the same bytes.

use std::io::Write;

/// The year `yrexit == 0` ("still in force") runs to.
const LAST_YEAR: i32 = 2018;

struct Row {
    atopid: u32,
    member: u32,
    phase: u32,
    yrent: i32,
    yrexit: i32,
    /// Day-level spell as YYYYMMDD (unknown day: 1 on entry, 31 on exit).
    start: i32,
    end: i32,
    obligations: [u8; 5],
}

fn read(path: &str) -> (Vec<Row>, String) {
    let mut reader = csv::Reader::from_path(path).expect("the member file opens");
    let headers = reader.headers().expect("a header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let [atopid, member, phase, yrent, moent, dayent, yrexit, moexit, dayexit, version] = [
        "atopid", "member", "phase", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit",
        "version",
    ]
    .map(col);
    let obligations = ["defense", "offense", "neutral", "nonagg", "consul"].map(col);
    let mut rows = Vec::new();
    let mut version_text = String::new();
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).expect("a row") {
        let int = |i: usize| -> i32 {
            let cell = std::str::from_utf8(&record[i]).expect("UTF-8").trim();
            if cell.is_empty() {
                0
            } else {
                cell.parse().expect("an integer")
            }
        };
        if int(member) >= 1000 {
            continue;
        }
        if version_text.is_empty() {
            version_text = String::from_utf8_lossy(&record[version]).into_owned();
        }
        let day_or = |i: usize, unknown: i32| {
            if record[i].is_empty() {
                unknown
            } else {
                int(i)
            }
        };
        let (ye, yx) = (int(yrent), int(yrexit));
        let start = ye * 10000 + int(moent) * 100 + day_or(dayent, 1);
        let end = if yx == 0 {
            LAST_YEAR * 10000 + 1231
        } else {
            yx * 10000 + int(moexit) * 100 + day_or(dayexit, 31)
        };
        rows.push(Row {
            atopid: int(atopid) as u32,
            member: int(member) as u32,
            phase: int(phase) as u32,
            yrent: ye,
            yrexit: yx,
            start,
            end,
            obligations: obligations.map(|i| int(i) as u8),
        });
    }
    (rows, version_text)
}

/// One row of the state-year table: (state, year), the obligations, the atopids.
type StateYear = ((u32, i32), [u8; 5], Vec<u32>);

fn state_year(rows: &[Row], version: &str, out: &mut impl Write) -> std::io::Result<()> {
    // Every (state, year, atopid, phase) a row covers, sorted: the latest phase of each
    // alliance-year last, then one pass groups the state-years. No hashing, no tree.
    let mut cells: Vec<(u32, i32, u32, u32, [u8; 5])> = Vec::new();
    let mut transitions: Vec<(u32, i32)> = Vec::new();
    for r in rows {
        let last = if r.yrexit == 0 { LAST_YEAR } else { r.yrexit };
        for year in r.yrent..=last {
            cells.push((r.member, year, r.atopid, r.phase, r.obligations));
        }
        transitions.push((r.member, r.yrent));
        if r.yrexit != 0 {
            transitions.push((r.member, r.yrexit));
        }
    }
    cells.sort_unstable_by_key(|c| (c.0, c.1, c.2, c.3));
    transitions.sort_unstable();
    transitions.dedup();
    // One (state, year): its obligations (of each alliance's latest phase) and its atopids.
    let mut table: Vec<StateYear> = Vec::new();
    for (i, c) in cells.iter().enumerate() {
        let latest_phase = cells
            .get(i + 1)
            .is_none_or(|n| (n.0, n.1, n.2) != (c.0, c.1, c.2));
        if !latest_phase {
            continue;
        }
        if table.last().is_none_or(|t| t.0 != (c.0, c.1)) {
            table.push(((c.0, c.1), [0; 5], Vec::new()));
        }
        let t = table.last_mut().expect("pushed");
        for (have, o) in t.1.iter_mut().zip(c.4) {
            *have = (*have).max(o);
        }
        t.2.push(c.2);
    }
    let width = table.iter().map(|t| t.2.len()).max().unwrap_or(0);
    let mut line =
        String::from("state,year,atopally,defense,offense,neutral,nonagg,consul,number,transyr");
    for k in 1..=width {
        line.push_str(&format!(",atopid{k}"));
    }
    line.push_str(",version\r\n");
    out.write_all(line.as_bytes())?;
    for ((state, year), obligations, ids) in &table {
        line.clear();
        use std::fmt::Write as _;
        let _ = write!(line, "{state},{year},1");
        for o in obligations {
            let _ = write!(line, ",{o}");
        }
        let transyr = u8::from(transitions.binary_search(&(*state, *year)).is_ok());
        let _ = write!(line, ",{},{transyr}", ids.len());
        for id in ids {
            let _ = write!(line, ",{id}");
        }
        for _ in ids.len()..width {
            line.push(',');
        }
        let _ = write!(line, ",{version}\r\n");
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn dyad_year(rows: &[Row], out: &mut impl Write) -> std::io::Result<()> {
    let mut by_alliance: Vec<&Row> = rows.iter().collect();
    by_alliance.sort_unstable_by_key(|r| r.atopid);
    // Every (A, B, year, atopid, A's phase) of two overlapping member rows, sorted: A's latest
    // phase of each alliance-year last, then one pass groups the dyad-years. (A, B, year) are
    // packed in one key and (atopid, phase) in another, so that the sort compares two words.
    let mut cells: Vec<(u64, u64, [u8; 5])> = Vec::new();
    for members in by_alliance.chunk_by(|a, b| a.atopid == b.atopid) {
        for a in members {
            for b in members {
                let (lo, hi) = (a.start.max(b.start), a.end.min(b.end));
                if a.member == b.member || lo >= hi {
                    continue;
                }
                let dyad = (u64::from(a.member) << 48) | (u64::from(b.member) << 32);
                let alliance = (u64::from(a.atopid) << 32) | u64::from(a.phase);
                for year in lo / 10000..=hi / 10000 {
                    cells.push((dyad | year as u64, alliance, a.obligations));
                }
            }
        }
    }
    cells.sort_unstable_by_key(|c| (c.0, c.1));
    out.write_all(b"stateA,stateB,year,defense,offense,neutral,nonagg,consul,number,atopids\r\n")?;
    let mut line: Vec<u8> = Vec::new();
    let mut ids: Vec<u8> = Vec::new();
    let mut digits = itoa::Buffer::new();
    let (mut obligations, mut number) = ([0u8; 5], 0u32);
    for (i, c) in cells.iter().enumerate() {
        let next = cells.get(i + 1);
        if next.is_some_and(|n| n.0 == c.0 && n.1 >> 32 == c.1 >> 32) {
            continue; // an earlier phase of the same alliance-year
        }
        for (have, o) in obligations.iter_mut().zip(c.2) {
            *have = (*have).max(o);
        }
        if number > 0 {
            ids.push(b';');
        }
        ids.extend_from_slice(digits.format(c.1 >> 32).as_bytes());
        number += 1;
        if next.is_none_or(|n| n.0 != c.0) {
            line.clear();
            for (k, part) in [c.0 >> 48, (c.0 >> 32) & 0xffff, c.0 & 0xffff_ffff]
                .into_iter()
                .enumerate()
            {
                if k > 0 {
                    line.push(b',');
                }
                line.extend_from_slice(digits.format(part).as_bytes());
            }
            for o in obligations {
                line.extend_from_slice(if o > 0 { b",1" } else { b",0" });
            }
            line.push(b',');
            line.extend_from_slice(digits.format(number).as_bytes());
            line.push(b',');
            line.extend_from_slice(&ids);
            line.extend_from_slice(b"\r\n");
            out.write_all(&line)?;
            (obligations, number) = ([0; 5], 0);
            ids.clear();
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, table, member_file, out_file] = args.as_slice() else {
        eprintln!("usage: atop_baseline state-year|dyad-year MEMBER_FILE OUT_CSV");
        std::process::exit(2);
    };
    let (rows, version) = read(member_file);
    let mut out = std::io::BufWriter::new(std::fs::File::create(out_file)?);
    match table.as_str() {
        "state-year" => state_year(&rows, &version, &mut out)?,
        "dyad-year" => dyad_year(&rows, &mut out)?,
        other => {
            eprintln!("unknown table {other}: state-year or dyad-year");
            std::process::exit(2);
        }
    }
    out.flush()
}
