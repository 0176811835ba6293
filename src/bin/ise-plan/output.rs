//! The plan out: findings on stderr, the output `--emit` chose on stdout, the exit status.

use ise_planner::design::{Design, View};
use ise_planner::export::standard::tables::StandardTable;
use ise_planner::export::tables::PlanTable;
use ise_planner::export::Format;
use ise_planner::ise::placement::with_placements;
use ise_planner::migrate::Migration;
use ise_planner::{export, Finding, Plan};
use std::io::Write;
use std::process::ExitCode;

use crate::args::{Args, Emit, TargetArg};
use crate::input::Usage;

/// Plans the design for `--target` and finishes: the ISE's plan, or the Standard plan beside it.
pub fn plan_and_finish(args: &Args, design: &Design) -> ExitCode {
    match args.target {
        TargetArg::Ise => finish(args, design, &ise_planner::plan(design)),
        TargetArg::Standard => finish_standard(args, design, &ise_planner::migrate::plan(design)),
    }
}

/// Prints the findings and the output; the exit status: 0 no errors, 1 the design has
/// errors, 2 the output could not be written.
pub fn finish(args: &Args, design: &Design, plan: &Plan) -> ExitCode {
    conclude(
        &plan.findings,
        plan.has_errors(),
        &output(args, design, plan),
    )
}

/// As [`finish`], for the Standard plan: its findings, its output.
fn finish_standard(args: &Args, design: &Design, both: &Migration) -> ExitCode {
    let plan = &both.standard;
    conclude(
        &plan.findings,
        plan.has_errors(),
        &standard_output(args, design, both),
    )
}

/// The findings on stderr, the output on stdout, the exit status.
fn conclude(findings: &[Finding], has_errors: bool, output: &str) -> ExitCode {
    let mut lines = String::new();
    for f in findings {
        lines.push_str(&format!(
            "{}[{}] {}: {}\n",
            f.severity.as_str(),
            f.code,
            f.field,
            f.message
        ));
    }
    say(&lines);
    let status = if has_errors { 1 } else { 0 };
    match print(output) {
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

/// The `--table` names of a target.
fn table_names(target: TargetArg) -> String {
    match target {
        TargetArg::Ise => PlanTable::ALL.map(|t| t.name()).join("|"),
        TargetArg::Standard => StandardTable::ALL.map(|t| t.name()).join("|"),
    }
}

/// `--table` goes with `--emit csv`, and `--emit csv` needs it, named for the target; the
/// ISE's own outputs (the request, NSG and routes JSON) have no Standard form.
pub fn check_table(args: &Args) -> Result<(), Usage> {
    let names = table_names(args.target);
    match (args.emit, &args.table) {
        (Emit::Csv, None) => {
            return Err(Usage(format!(
                "--emit csv prints one table: add --table {names}"
            )))
        }
        (Emit::Csv, Some(name)) if !names.split('|').any(|n| n == name) => {
            return Err(Usage(format!(
                "--table {name:?} is not a table of --target {}: choose one of {names}",
                target_name(args.target)
            )))
        }
        (Emit::Csv, Some(_)) | (_, None) => {}
        (_, Some(_)) => {
            return Err(Usage(
                "--table chooses the table of --emit csv; add --emit csv".into(),
            ))
        }
    }
    let ise_only = matches!(
        args.emit,
        Emit::RestBody | Emit::RestRequest | Emit::Nsg | Emit::Routes
    );
    if args.target == TargetArg::Standard && ise_only {
        return Err(Usage("--emit rest-body, rest-request, nsg and routes are the ISE's; with --target standard choose plan, design, csv (--table nsg-rules, routes, …) or a deployment file".into()));
    }
    Ok(())
}

fn target_name(target: TargetArg) -> &'static str {
    match target {
        TargetArg::Ise => "ise",
        TargetArg::Standard => "standard",
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
            let table = args
                .table
                .as_deref()
                .and_then(|name| PlanTable::ALL.into_iter().find(|t| t.name() == name))
                .unwrap_or(PlanTable::Subnets);
            return export::csv::plan_table(plan, table);
        }
        _ => serde_json::to_value(plan),
    };
    value
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
        + "\n"
}

/// What goes to stdout for `--target standard`, ending in a line break.
fn standard_output(args: &Args, design: &Design, both: &Migration) -> String {
    let plan = &both.standard;
    if let Some(format) = export_format(args.emit) {
        return with_newline(export::standard::render(format, design, plan));
    }
    match args.emit {
        Emit::Csv => {
            let table = args
                .table
                .as_deref()
                .and_then(StandardTable::named)
                .unwrap_or(StandardTable::Subnets);
            export::standard::csv::plan_table(plan, table)
        }
        // The design opens on the Standard view, with the ISE plan's placements.
        Emit::Design => {
            let mut saved = with_placements(design, &both.ise).unwrap_or_else(|| design.clone());
            saved.view = View::Standard;
            saved.to_json() + "\n"
        }
        _ => {
            serde_json::to_string_pretty(plan)
                .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
                + "\n"
        }
    }
}

/// Text files end with one line break, whatever the generator wrote.
fn with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
