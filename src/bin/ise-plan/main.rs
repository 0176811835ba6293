//! `ise-plan`: the planning library on the command line, for pipelines. Reads a design (a
//! file saved from the page, or flags), prints JSON on stdout and findings on stderr.
//!
//! Exit status: 0 no error findings; 1 the design has errors (stdout still carries the
//! output); 2 bad usage or an unreadable design file.
//!
//! `args.rs` is the command line (clap), `flags.rs` turns it into a design, `input.rs`
//! reads the files it names, `output.rs` prints the plan and chooses the exit status.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod flags;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod output;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    use std::process::ExitCode;

    let args = match args::Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let design = match output::check_table(&args).and_then(|()| flags::effective_design(&args)) {
        Ok(d) => d,
        Err(input::Usage(message)) => {
            output::say(&format!("ise-plan: {message}\n"));
            return ExitCode::from(2);
        }
    };
    output::plan_and_finish(&args, &design)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
