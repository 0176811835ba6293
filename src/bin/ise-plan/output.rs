//! The plan out: findings on stderr, the output `--emit` chose on stdout, the exit status.

use ise_planner::design::Design;
use ise_planner::export::tables::PlanTable;
use ise_planner::export::Format;
use ise_planner::ise::placement::with_placements;
use ise_planner::{export, Plan};
use std::io::Write;
use std::process::ExitCode;

use crate::args::{Args, Emit, TableArg};
use crate::input::Usage;

/// Prints the findings and the output; the exit status: 0 no errors, 1 the design has
/// errors, 2 the output could not be written.
pub fn finish(args: &Args, design: &Design, plan: &Plan) -> ExitCode {
    let mut lines = String::new();
    for f in &plan.findings {
        lines.push_str(&format!(
            "{}[{}] {}: {}\n",
            f.severity.as_str(),
            f.code,
            f.field,
            f.message
        ));
    }
    say(&lines);
    let status = if plan.has_errors() { 1 } else { 0 };
    match print(&output(args, design, plan)) {
        Ok(()) => ExitCode::from(status),
        // The reader went away (`ise-plan | head`): nothing is left to tell it, and the
        // plan's own status still holds.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(status),
        Err(e) => {
            say(&format!("ise-plan: cannot write the output: {e}\n"));
            ExitCode::from(2)
        }
    }
}

/// Writes the output and a line break on stdout, and flushes it: an error (a closed
/// pipe, a full disk) is returned, never a panic.
fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes to stderr; when stderr itself is closed or full there is nobody left to tell.
pub fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// `--table` goes with `--emit csv`, and `--emit csv` needs it.
pub fn check_table(args: &Args) -> Result<(), Usage> {
    match (args.emit, args.table) {
        (Emit::Csv, None) => Err(Usage(
            "--emit csv prints one table: add --table subnets|inbound|outbound|routes".into(),
        )),
        (Emit::Csv, Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => Err(Usage(
            "--table chooses the table of --emit csv; add --emit csv".into(),
        )),
    }
}

/// The deployment file `--emit` names, if it names one.
fn export_format(emit: Emit) -> Option<Format> {
    Some(match emit {
        Emit::Arm => Format::Arm,
        Emit::Bicep => Format::Bicep,
        Emit::Terraform => Format::Terraform,
        Emit::Azcli => Format::AzCli,
        Emit::Powershell => Format::PowerShell,
        _ => return None,
    })
}

/// What goes to stdout, ending in a line break.
fn output(args: &Args, design: &Design, plan: &Plan) -> String {
    if let Some(format) = export_format(args.emit) {
        return with_newline(format.render(design, plan));
    }
    let value = match args.emit {
        Emit::RestBody => Ok(plan.rest.create.body.clone().unwrap_or_default()),
        Emit::RestRequest => serde_json::to_value(&plan.rest.create),
        Emit::Nsg => Ok(serde_json::Value::Array(
            plan.nsg_rules.iter().map(|r| r.to_arm()).collect(),
        )),
        Emit::Routes => Ok(serde_json::Value::Array(
            plan.routes.iter().map(|r| r.to_arm()).collect(),
        )),
        // With the plan's placements in `placed`, so that the file keeps its subnets where
        // they are when it is edited and planned again (in the page or here).
        Emit::Design => {
            return with_placements(design, plan)
                .as_ref()
                .unwrap_or(design)
                .to_json()
                + "\n"
        }
        Emit::Csv => {
            let table = match args.table.unwrap_or(TableArg::Subnets) {
                TableArg::Subnets => PlanTable::Subnets,
                TableArg::Inbound => PlanTable::Inbound,
                TableArg::Outbound => PlanTable::Outbound,
                TableArg::Routes => PlanTable::Routes,
            };
            return export::csv::plan_table(plan, table);
        }
        _ => serde_json::to_value(plan),
    };
    value
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
        + "\n"
}

/// Text files end with one line break, whatever the generator wrote.
fn with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
