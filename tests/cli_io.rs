//! `ise-plan` against hostile input and output: a closed pipe, a full disk, closed stderr,
//! a design file too large or endless, text that is not UTF-8, and a design built to blow up
//! the output. The real binary, spawned as a process; sizes are asserted, never timings.

use std::fs::File;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_ise-plan");
/// What `--design` reads at most.
const CAP: usize = 64 * 1024 * 1024;

/// A fresh directory with one file in it, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "ise-plan-io-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("write temp file");
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args).env("RUST_BACKTRACE", "1");
    c
}

fn status(out: &Output) -> i32 {
    out.status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {:?}", out.status))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_no_panic(out: &Output) {
    let err = stderr(out);
    for text in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(!err.contains(text), "panic text {text:?} on stderr:\n{err}");
    }
}

/// Exit 2, a message on stderr containing `message`, nothing on stdout, no panic.
fn assert_refused(out: &Output, message: &str) {
    assert_no_panic(out);
    assert_eq!(status(out), 2, "{}", stderr(out));
    assert!(
        stderr(out).contains(message),
        "expected {message:?} in:\n{}",
        stderr(out)
    );
    assert!(out.stdout.is_empty(), "stdout: {} bytes", out.stdout.len());
}

/// A design whose plan is far larger than a pipe's buffer (64 KiB), so that writing it
/// must meet a closed reader: an External ISE with 5,000 connector outbound addresses.
fn large_output_design() -> TempFile {
    let addresses: Vec<String> = (0..5_000)
        .map(|i| format!("\"52.{}.{}.0/24\"", i / 256, i % 256))
        .collect();
    let text = format!(
        r#"{{"version": 2, "subscriptionId": "f34b22a3-2202-4fb1-b040-1332bd928c84",
            "accessEndpoint": "External", "connectorOutboundAddresses": [{}]}}"#,
        addresses.join(",")
    );
    TempFile::new("large.json", text.as_bytes())
}

// --- writing ---

#[test]
fn a_closed_pipe_ends_quietly_with_the_plans_status() {
    let design = large_output_design();
    let args = ["--design", design.path()];
    let full = command(&args).output().expect("run ise-plan");
    assert!(full.stdout.len() > 128 * 1024, "{}", full.stdout.len());
    let expected = status(&full);
    assert!(expected == 0 || expected == 1, "{}", stderr(&full));

    // `ise-plan | head -c1`: read one byte, close the pipe, let it finish.
    let mut child = command(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ise-plan");
    let mut stdout = child.stdout.take().expect("stdout pipe");
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("read the first byte");
    assert_eq!(&first, b"{");
    drop(stdout);
    let out = child.wait_with_output().expect("wait for ise-plan");
    assert_no_panic(&out);
    assert_eq!(status(&out), expected, "{}", stderr(&out));
    assert!(!stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

#[test]
fn a_closed_stderr_is_no_crash() {
    // Findings go to stderr; with stderr closed (`2>&-`) they are lost, nothing else.
    let out = Command::new("sh")
        .args(["-c", "exec \"$0\" --name 'bad name' 2>&-", BIN])
        .stdout(Stdio::piped())
        .output()
        .expect("run ise-plan through sh");
    assert_eq!(status(&out), 1, "the design has an error");
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the plan on stdout");
    assert!(plan["findings"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn a_full_disk_is_a_message_and_exit_2() {
    let Ok(full) = File::create("/dev/full") else {
        eprintln!("skipped: no /dev/full on this machine");
        return;
    };
    let out = command(&[])
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .expect("run ise-plan");
    assert_no_panic(&out);
    assert_eq!(status(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write the output"),
        "{}",
        stderr(&out)
    );
}

// --- reading ---

#[test]
fn a_design_file_over_64_mib_is_refused() {
    // Sparse: 65 MiB of zero bytes without writing them.
    let file = TempFile::new("huge.json", b"");
    File::options()
        .write(true)
        .open(&file.0)
        .and_then(|f| f.set_len(65 * 1024 * 1024))
        .expect("grow the file");
    let out = command(&["--design", file.path()]).output().expect("run");
    assert_refused(&out, "larger than 64 MiB");
}

#[test]
fn an_endless_design_file_stops_at_the_cap() {
    if !std::path::Path::new("/dev/zero").exists() {
        eprintln!("skipped: no /dev/zero on this machine");
        return;
    }
    let out = command(&["--design", "/dev/zero"]).output().expect("run");
    assert_refused(&out, "larger than 64 MiB");
}

#[test]
fn an_endless_stdin_stops_at_the_cap() {
    // `yes | ise-plan --design -`: keep writing until ise-plan stops reading.
    let mut child = command(&["--design", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin pipe");
    let writer = std::thread::spawn(move || {
        let line = b"y\n".repeat(32 * 1024);
        let mut written = 0usize;
        while stdin.write_all(&line).is_ok() {
            written += line.len();
        }
        written
    });
    let out = child.wait_with_output().expect("wait");
    let written = writer.join().expect("writer");
    assert_refused(&out, "the design on stdin is larger than 64 MiB");
    // It read up to the cap and no further (what the pipe buffered is all that is left).
    assert!((CAP..CAP + (4 << 20)).contains(&written), "{written}");
}

#[test]
fn a_large_stdin_that_ends_is_refused_too() {
    let mut child = command(&["--design", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin pipe");
    let writer = std::thread::spawn(move || {
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..65 {
            if stdin.write_all(&spaces).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    assert_refused(&out, "larger than 64 MiB");
}

#[test]
fn text_that_is_not_utf8_is_refused_with_its_offset() {
    let file = TempFile::new("latin1.json", b"{\"version\":2,\"name\":\"a\xff\"}");
    let out = command(&["--design", file.path()]).output().expect("run");
    assert_refused(&out, "invalid byte at offset 22");

    // Past the first read of 64 KiB, and on stdin.
    let mut text = format!("{{\"version\":2,\"name\":\"{}", "n".repeat(70_000)).into_bytes();
    let offset = text.len();
    text.extend_from_slice(b"\xc3\x28\"}");
    let out = run_with_stdin(&["--design", "-"], &text);
    assert_refused(&out, &format!("invalid byte at offset {offset}"));

    // A character cut short at the end of the file.
    let out = run_with_stdin(&["--design", "-"], b"{\"version\":2}\xe2\x82");
    assert_refused(&out, "invalid byte at offset 13");
}

#[test]
fn a_character_across_a_read_boundary_is_fine() {
    // "é" (two bytes) straddles byte 65,536, where reads are split.
    let head = "{\"version\":2,\"location\":\"";
    let pad = 65_535 - head.len();
    let text = format!("{head}{}é\"}}", "x".repeat(pad));
    assert_eq!(text.as_bytes()[65_535], 0xc3);
    let file = TempFile::new("boundary.json", text.as_bytes());
    let out = command(&["--design", file.path(), "--emit", "design"])
        .output()
        .expect("run");
    assert_no_panic(&out);
    // Read whole (an over-long location is a finding, exit 1), not refused as not UTF-8.
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("value-too-long"), "{}", stderr(&out));
    let design: serde_json::Value = serde_json::from_slice(&out.stdout).expect("design JSON");
    assert!(design["location"].as_str().unwrap().ends_with("xé"));
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin pipe");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    out
}

// --- bounded work ---

/// The independent probe's design: a 100,000-character VNet name and 2,000 ISE subnets
/// (the REST body would repeat the name in every subnet ID).
fn probe_design() -> String {
    let subnets: Vec<String> = (0..2_000)
        .map(|i| format!(r#"{{"name": "subnet-{i}", "prefix": ""}}"#))
        .collect();
    format!(
        r#"{{"version": 2, "vnet": {{"name": "{}", "addressPrefixes": ["10.0.0.0/16"]}}, "subnets": [{}]}}"#,
        "v".repeat(100_000),
        subnets.join(",")
    )
}

#[test]
fn the_probes_design_gives_bounded_output() {
    let text = probe_design();
    let file = TempFile::new("probe.json", text.as_bytes());
    for emit in ["plan", "rest-request", "rest-body", "nsg", "routes"] {
        let out = command(&["--design", file.path(), "--emit", emit])
            .output()
            .expect("run");
        assert_no_panic(&out);
        assert_eq!(status(&out), 1, "{emit}: the design has errors");
        let stdout = String::from_utf8(out.stdout.clone()).expect("UTF-8 output");
        // Far smaller than the input: the name is not copied into every subnet ID.
        assert!(stdout.len() < 64 * 1024, "{emit}: {} bytes", stdout.len());
        assert!(
            !stdout.contains(&"v".repeat(65)),
            "{emit}: the long name leaked"
        );
        let err = stderr(&out);
        assert!(
            err.len() < 16 * 1024,
            "{emit}: {} bytes of findings",
            err.len()
        );
        assert!(
            !err.contains(&"v".repeat(65)),
            "{emit}: the long name is echoed"
        );
        if emit == "plan" {
            let plan: serde_json::Value = serde_json::from_str(&stdout).expect("plan JSON");
            assert_eq!(plan["subnets"].as_array().map(Vec::len), Some(4));
            let codes: Vec<&str> = plan["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|f| f["code"].as_str())
                .collect();
            assert_eq!(
                codes.iter().filter(|c| **c == "subnet-count").count(),
                1,
                "{codes:?}"
            );
            assert!(codes.contains(&"vnet-name-invalid"), "{codes:?}");
        }
    }
}

#[test]
fn a_list_past_its_cap_is_read_no_further() {
    // 250,000 existing subnets: the plan says the list is too long, and its output stays
    // the size of a plan, not of the input.
    let subnets: Vec<String> = (0..250_000u32)
        .map(|i| format!("\"10.{}.{}.{}/30\"", i >> 14, (i >> 6) & 255, (i & 63) * 4))
        .collect();
    let text = format!(
        r#"{{"version": 2, "vnet": {{"addressPrefixes": ["10.0.0.0/8"], "existingSubnets": [{}]}}}}"#,
        subnets.join(",")
    );
    let file = TempFile::new("crowded.json", text.as_bytes());
    let out = command(&["--design", file.path()]).output().expect("run");
    assert_no_panic(&out);
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("list-too-long"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("vnet-subnet-limit"),
        "{}",
        stderr(&out)
    );
    assert!(
        out.stdout.len() < text.len() / 4,
        "{} bytes",
        out.stdout.len()
    );
}
