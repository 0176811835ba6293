//! Plans the Logic Apps Standard network that replaces a design's ISE and prints it as JSON,
//! or both plans side by side (`ise-plan --target standard` prints the Standard plan, its
//! tables and files).
//!
//! ```sh
//! cargo run --example standard_plan < design.json        # the Standard plan
//! cargo run --example standard_plan -- both < design.json # the ISE plan and the Standard plan
//! ```

use std::io::Read;
use std::process::ExitCode;

use ise_planner::design::Design;
use ise_planner::migrate;

fn main() -> ExitCode {
    let both = std::env::args().nth(1).as_deref() == Some("both");
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("standard_plan: cannot read stdin: {e}");
        return ExitCode::from(2);
    }
    let design = match Design::from_json(&input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("standard_plan: {e}");
            return ExitCode::from(2);
        }
    };
    let plans = migrate::plan(&design);
    for f in &plans.standard.findings {
        eprintln!(
            "{}[{}] {}: {}",
            f.severity.as_str(),
            f.code,
            f.field,
            f.message
        );
    }
    let json = if both {
        serde_json::to_string_pretty(&plans)
    } else {
        serde_json::to_string_pretty(&plans.standard)
    };
    println!("{}", json.unwrap_or_default());
    ExitCode::from(u8::from(plans.standard.has_errors()))
}
