//! CSV export and formula safety: the output parses as RFC 4180 (checked with the `csv`
//! crate) back to exactly the page's tables, hostile cells come back neutralised, and
//! `ise-plan --emit csv --table …` works as a process.

use std::io::Write;
use std::process::{Command, Stdio};

use ise_planner::design::{Design, SubnetSpec};
use ise_planner::export::csv::{plan_table, to_csv};
use ise_planner::export::tables::{neutralise_formula, PlanTable, Table};
use ise_planner::plan;
use proptest::prelude::*;

/// Parses RFC 4180 text strictly: every record has the header's number of fields.
fn records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("not CSV ({e}):\n{text}"))
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

/// The table as a spreadsheet should read it back: headers, then rows, every cell
/// neutralised.
fn expected(table: &Table) -> Vec<Vec<String>> {
    std::iter::once(table.headers.iter().map(|h| h.to_string()).collect())
        .chain(table.rows.iter().cloned())
        .map(|row: Vec<String>| {
            row.iter()
                .map(|c| neutralise_formula(c).into_owned())
                .collect()
        })
        .collect()
}

fn assert_crlf_only(text: &str) {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    // Outside quoted fields every line ends in CRLF; these tables have no line breaks in
    // cells, so every LF follows a CR.
    for (i, _) in text.match_indices('\n') {
        assert!(i > 0 && &text[i - 1..i] == "\r", "bare LF at byte {i}");
    }
}

#[test]
fn every_table_round_trips() {
    let p = plan(&Design::default());
    for which in PlanTable::ALL {
        let table = which.of(&p);
        let text = plan_table(&p, which);
        assert_crlf_only(&text);
        assert_eq!(records(&text), expected(&table), "{}", which.name());
    }
}

#[test]
fn the_inbound_table_has_every_column_the_page_shows() {
    let p = plan(&Design::default());
    let text = plan_table(&p, PlanTable::Inbound);
    let rows = records(&text);
    assert_eq!(
        rows[0],
        [
            "Priority",
            "Name",
            "Direction",
            "Source",
            "Source ports",
            "Destination",
            "Destination ports",
            "Protocol",
            "Access",
            "Purpose",
            "Article",
            "Article URL"
        ]
    );
    let first = p.nsg_rules.iter().find(|r| r.name == rows[1][1]).unwrap();
    assert_eq!(rows[1][9], first.purpose);
    assert_eq!(rows[1][10], first.source.label());
    assert_eq!(rows[1][11], first.source.url());
    assert!(rows[1..].iter().all(|r| r[2] == "Inbound"));
}

/// A design whose subnet names are spreadsheet formulas and CSV metacharacters.
fn hostile() -> Design {
    let names = [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1",
        "-1+2",
        "@SUM(1)",
    ];
    Design {
        subnets: names
            .iter()
            .map(|n| SubnetSpec {
                name: n.to_string(),
                ..SubnetSpec::default()
            })
            .collect(),
        ..Design::default()
    }
}

#[test]
fn hostile_cells_are_neutralised_and_survive_quoting() {
    let d = hostile();
    let p = plan(&d);
    let text = plan_table(&p, PlanTable::Subnets);
    let rows = records(&text);
    for (row, spec) in rows[1..].iter().zip(&d.subnets) {
        assert_eq!(row[0], format!("'{}", spec.name));
    }
    // The same neutralised text in the tab-separated copy.
    let tsv = PlanTable::Subnets.of(&p).to_tsv();
    assert!(
        tsv.contains("\n'=HYPERLINK(\"http://evil.example\",\"click\")\t"),
        "{tsv}"
    );
    assert!(tsv.contains("\n'+1\t") && tsv.contains("\n'-1+2\t") && tsv.contains("\n'@SUM(1)\t"));
    // A tab or CR first, and a CSV metacharacter in the middle.
    let t = Table {
        headers: vec!["A", "B"],
        rows: vec![vec!["\t=1".into(), "a,\"b\"\r\nc".into()]],
    };
    assert_eq!(
        records(&to_csv(&t)),
        [vec!["A", "B"], vec!["'\t=1", "a,\"b\"\r\nc"]]
    );
}

proptest! {
    /// Any cells: the CSV parses back to the neutralised cells, field for field.
    #[test]
    fn any_table_round_trips(
        rows in prop::collection::vec(prop::collection::vec("\\PC{0,12}|[=+@\t\r\n,\" -]{0,6}", 3), 0..6),
    ) {
        let table = Table { headers: vec!["a", "b", "c"], rows };
        let text = to_csv(&table);
        prop_assert!(text.ends_with("\r\n"));
        prop_assert_eq!(records(&text), expected(&table));
    }
}

// ---- ise-plan --emit csv, as a process ----

const BIN: &str = env!("CARGO_BIN_EXE_ise-plan");

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ise-plan");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        // A run refused for its arguments exits without reading stdin (broken pipe).
        let _ = pipe.write_all(text.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code().expect("exit status"),
        String::from_utf8(out.stdout).unwrap(),
        stderr,
    )
}

#[test]
fn cli_prints_each_table() {
    let p = plan(&Design::default());
    for which in PlanTable::ALL {
        let (code, stdout, stderr) = run(&["--emit", "csv", "--table", which.name()], None);
        assert_eq!(code, 0, "{stderr}");
        assert_crlf_only(&stdout);
        assert_eq!(stdout, plan_table(&p, which), "{}", which.name());
    }
    // The routes table of a design with forced tunneling.
    let (code, stdout, _) = run(
        &["--forced-tunneling", "--emit", "csv", "--table", "routes"],
        None,
    );
    assert_eq!(code, 0);
    let rows = records(&stdout);
    assert_eq!(
        rows[0][..4],
        ["Name", "Address prefix", "Next hop", "Next hop address"]
    );
    assert_eq!(rows[1][1], "0.0.0.0/0");
}

#[test]
fn cli_neutralises_a_hostile_design() {
    let (code, stdout, stderr) = run(
        &["--design", "-", "--emit", "csv", "--table", "subnets"],
        Some(&hostile().to_json()),
    );
    assert!(code == 0 || code == 1, "{stderr}");
    let rows = records(&stdout);
    assert_eq!(rows[1][0], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(rows[4][0], "'@SUM(1)");
}

#[test]
fn cli_table_and_csv_go_together() {
    let (code, stdout, stderr) = run(&["--emit", "csv"], None);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.contains("--table subnets|inbound|outbound|routes"),
        "{stderr}"
    );
    let (code, stdout, stderr) = run(&["--table", "routes"], None);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.contains("add --emit csv"), "{stderr}");
    let (code, _, stderr) = run(&["--emit", "csv", "--table", "everything"], None);
    assert_eq!(code, 2, "{stderr}");
    // JSON output still ends in one line break.
    let (code, stdout, _) = run(&["--emit", "rest-body"], None);
    assert_eq!(code, 0);
    assert!(stdout.ends_with("}\n") && !stdout.ends_with("\n\n"));
}
