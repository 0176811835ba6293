//! What the export tests share: each language's grammar check and reader (ARM expressions,
//! tree-sitter Bicep and PowerShell, hcl-rs, bash -n and shellcheck), the stateful stub `az`
//! with simulated time, and readers of the calls it recorded.

#![allow(dead_code)]

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use ise_planner::export::{arm, quote, Format};

// ---------------------------------------------------------------------------------------
// ARM: JSON with checked expressions
// ---------------------------------------------------------------------------------------

/// Parses one ARM expression (without its brackets): function calls of [`arm::FUNCTIONS`]
/// with string and number arguments. Returns the string literals, decoded.
pub fn arm_expression(text: &str, functions: &[&str]) -> Result<Vec<String>, String> {
    struct P<'a> {
        chars: Vec<char>,
        at: usize,
        text: &'a str,
        strings: Vec<String>,
        functions: &'a [&'a str],
    }

    impl P<'_> {
        fn skip_space(&mut self) {
            while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
                self.at += 1;
            }
        }
        /// What may follow a call's result: `.property` and `[index]`, any number of times.
        fn accessors(&mut self) -> Result<(), String> {
            loop {
                match self.chars.get(self.at) {
                    Some('.') => {
                        self.at += 1;
                        let start = self.at;
                        while self
                            .chars
                            .get(self.at)
                            .is_some_and(|c| c.is_ascii_alphanumeric())
                        {
                            self.at += 1;
                        }
                        if start == self.at {
                            return self.fail("expected a property name after .");
                        }
                    }
                    Some('[') => {
                        self.at += 1;
                        let start = self.at;
                        while self.chars.get(self.at).is_some_and(|c| c.is_ascii_digit()) {
                            self.at += 1;
                        }
                        if start == self.at || self.chars.get(self.at) != Some(&']') {
                            return self.fail("expected [index]");
                        }
                        self.at += 1;
                    }
                    _ => return Ok(()),
                }
            }
        }
        fn fail<T>(&self, what: &str) -> Result<T, String> {
            Err(format!("{what} at {} in [{}]", self.at, self.text))
        }
        fn value(&mut self) -> Result<(), String> {
            self.skip_space();
            match self.chars.get(self.at) {
                Some('\'') => {
                    self.at += 1;
                    let mut s = String::new();
                    loop {
                        match self.chars.get(self.at) {
                            None => return self.fail("unterminated string"),
                            Some('\'') if self.chars.get(self.at + 1) == Some(&'\'') => {
                                s.push('\'');
                                self.at += 2;
                            }
                            Some('\'') => {
                                self.at += 1;
                                break;
                            }
                            Some(c) => {
                                s.push(*c);
                                self.at += 1;
                            }
                        }
                    }
                    self.strings.push(s);
                    Ok(())
                }
                Some(c) if c.is_ascii_digit() => {
                    while self.chars.get(self.at).is_some_and(|c| c.is_ascii_digit()) {
                        self.at += 1;
                    }
                    Ok(())
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let start = self.at;
                    while self
                        .chars
                        .get(self.at)
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                    {
                        self.at += 1;
                    }
                    let name: String = self.chars[start..self.at].iter().collect();
                    if !self.functions.contains(&name.as_str()) {
                        return self.fail(&format!("function {name} is not one the export uses"));
                    }
                    self.skip_space();
                    if self.chars.get(self.at) != Some(&'(') {
                        return self.fail("expected (");
                    }
                    self.at += 1;
                    self.skip_space();
                    if self.chars.get(self.at) == Some(&')') {
                        self.at += 1;
                        return self.accessors();
                    }
                    loop {
                        self.value()?;
                        self.skip_space();
                        match self.chars.get(self.at) {
                            Some(',') => self.at += 1,
                            Some(')') => {
                                self.at += 1;
                                return self.accessors();
                            }
                            _ => return self.fail("expected , or )"),
                        }
                    }
                }
                _ => self.fail("expected a value"),
            }
        }
    }
    let mut p = P {
        chars: text.chars().collect(),
        at: 0,
        text,
        strings: Vec::new(),
        functions,
    };
    p.value()?;
    p.skip_space();
    if p.at != p.chars.len() {
        return p.fail("trailing text");
    }
    Ok(p.strings)
}

/// The template with every literal string unescaped and every expression checked; the
/// string literals inside expressions are collected. As ARM reads a string: one that starts
/// with `[` and ends with `]` is an expression, unless it starts with `[[` (a literal without
/// its first `[`); any other string is literal as it stands (Learn, "Syntax and expressions
/// in ARM templates", "Escape characters").
pub fn arm_text(
    s: &str,
    functions: &[&str],
    literals: &mut BTreeSet<String>,
    errors: &mut Vec<String>,
) -> String {
    let bracketed = s.len() >= 2 && s.starts_with('[') && s.ends_with(']');
    if bracketed && s.starts_with("[[") {
        let literal = s[1..].to_string();
        literals.insert(literal.clone());
        literal
    } else if bracketed {
        match arm_expression(&s[1..s.len() - 1], functions) {
            Ok(strings) => literals.extend(strings),
            Err(e) => errors.push(e),
        }
        s.to_string()
    } else {
        literals.insert(s.to_string());
        s.to_string()
    }
}

pub fn arm_decode(
    value: &Value,
    functions: &[&str],
    literals: &mut BTreeSet<String>,
    errors: &mut Vec<String>,
) -> Value {
    match value {
        Value::String(s) => Value::String(arm_text(s, functions, literals, errors)),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| arm_decode(v, functions, literals, errors))
                .collect(),
        ),
        Value::Object(entries) => {
            let mut out = Map::new();
            for (k, v) in entries {
                let key = arm_text(k, functions, literals, errors);
                out.insert(key, arm_decode(v, functions, literals, errors));
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

pub struct ArmFile {
    pub template: Value,
    pub strings: BTreeSet<String>,
}

pub fn parse_arm_with(text: &str, functions: &[&str]) -> ArmFile {
    let raw: Value = serde_json::from_str(text).expect("the ARM template is JSON");
    let mut strings = BTreeSet::new();
    let mut errors = Vec::new();
    let template = arm_decode(&raw, functions, &mut strings, &mut errors);
    assert!(errors.is_empty(), "ARM expressions: {errors:#?}");
    assert_eq!(raw["$schema"], arm::SCHEMA);
    assert_eq!(raw["contentVersion"], "1.0.0.0");
    ArmFile { template, strings }
}

/// Every resource of the template, nested deployments included.
pub fn arm_resources(template: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    for r in template["resources"].as_array().into_iter().flatten() {
        out.push(r);
        if r["type"] == "Microsoft.Resources/deployments" {
            out.extend(arm_resources(&r["properties"]["template"]));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Bicep and PowerShell: tree-sitter
// ---------------------------------------------------------------------------------------

pub fn tree_sitter_parse(language: tree_sitter::Language, text: &str) -> tree_sitter::Tree {
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&language).expect("grammar loads");
    parser.parse(text, None).expect("parse")
}

pub fn for_each_node(node: tree_sitter::Node<'_>, f: &mut impl FnMut(tree_sitter::Node<'_>)) {
    f(node);
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        for_each_node(child, f);
    }
}

/// The syntax errors of a tree: nodes that are errors or were inserted as missing.
pub fn syntax_errors(tree: &tree_sitter::Tree, text: &str) -> Vec<String> {
    let mut errors = Vec::new();
    for_each_node(tree.root_node(), &mut |n| {
        if n.is_error() || n.is_missing() {
            let start = n.start_byte().saturating_sub(40);
            let snippet = text.get(start..n.end_byte().min(start + 120)).unwrap_or("");
            errors.push(format!(
                "{} at line {}: {snippet:?}",
                if n.is_missing() { "missing" } else { "error" },
                n.start_position().row + 1
            ));
        }
    });
    errors
}

pub fn node_text<'a>(node: tree_sitter::Node<'_>, text: &'a str) -> &'a str {
    &text[node.byte_range()]
}

pub fn named_children(node: tree_sitter::Node<'_>) -> Vec<tree_sitter::Node<'_>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// Bicep escapes (`\n`, `\$`, `\u{7}`, …) and whitespace, decoded; panics on anything
/// else. (The grammar treats whitespace as "extras", so inside a string it can show up
/// between the visible parts, or inside the closing quote's token.)
pub fn bicep_escapes(mut raw: &str, out: &mut String) {
    while let Some(c) = raw.chars().next() {
        if c != '\\' {
            assert!(
                c.is_whitespace(),
                "unexpected text between Bicep string parts: {raw:?}"
            );
            out.push(c);
            raw = &raw[c.len_utf8()..];
            continue;
        }
        let rest = &raw[1..];
        let (decoded, used) = match rest.chars().next() {
            Some('n') => ('\n', 1),
            Some('r') => ('\r', 1),
            Some('t') => ('\t', 1),
            Some('\\') => ('\\', 1),
            Some('\'') => ('\'', 1),
            Some('$') => ('$', 1),
            Some('u') => {
                let close = rest.find('}').expect("closed \\u{…}");
                let hex = rest[1..close].strip_prefix('{').expect("\\u{…}");
                (
                    char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap(),
                    close + 1,
                )
            }
            other => panic!("unexpected Bicep escape {other:?}"),
        };
        out.push(decoded);
        raw = &rest[used..];
    }
}

/// A Bicep string node, decoded. Some escapes (`\$`) are hidden tokens of the grammar:
/// they are the text between the visible parts.
pub fn bicep_string(node: tree_sitter::Node<'_>, text: &str) -> String {
    let mut out = String::new();
    let mut cursor = node.walk();
    let children: Vec<_> = node.children(&mut cursor).collect();
    assert!(children.len() >= 2, "{:?}", node_text(node, text));
    let mut at = children[0].end_byte();
    for part in &children[1..] {
        bicep_escapes(&text[at..part.start_byte()], &mut out);
        at = part.end_byte();
        let raw = node_text(*part, text);
        if part.end_byte() == node.end_byte() {
            // The closing quote, with any whitespace before it.
            let before = raw.strip_suffix('\'').expect("a closing quote");
            bicep_escapes(before, &mut out);
            break;
        }
        match part.kind() {
            "string_content" => out.push_str(raw),
            "escape_sequence" => bicep_escapes(raw, &mut out),
            other => panic!("unexpected {other} in a Bicep string: {raw:?}"),
        }
    }
    out
}

/// A Bicep value as JSON (references become `"<ref:…>"`).
pub fn bicep_value(node: tree_sitter::Node<'_>, text: &str) -> Value {
    match node.kind() {
        "string" => Value::String(bicep_string(node, text)),
        "number" => json!(node_text(node, text).parse::<i64>().unwrap()),
        "boolean" => json!(node_text(node, text) == "true"),
        "null" => Value::Null,
        "array" => Value::Array(
            named_children(node)
                .into_iter()
                .map(|n| bicep_value(n, text))
                .collect(),
        ),
        "object" => {
            let mut map = Map::new();
            for property in named_children(node) {
                assert_eq!(property.kind(), "object_property");
                let parts = named_children(property);
                let key = match parts[0].kind() {
                    "string" => bicep_string(parts[0], text),
                    _ => node_text(parts[0], text).to_string(),
                };
                map.insert(key, bicep_value(*parts.last().unwrap(), text));
            }
            Value::Object(map)
        }
        _ => Value::String(format!("<ref:{}>", node_text(node, text))),
    }
}

pub struct BicepFile {
    /// Symbolic name → (type string, existing, body as JSON).
    pub resources: Vec<(String, String, bool, Value)>,
    pub strings: BTreeSet<String>,
}

pub fn parse_bicep(text: &str) -> BicepFile {
    let tree = tree_sitter_parse(tree_sitter_bicep::LANGUAGE.into(), text);
    let errors = syntax_errors(&tree, text);
    assert!(errors.is_empty(), "Bicep syntax errors: {errors:#?}");
    let mut strings = BTreeSet::new();
    for_each_node(tree.root_node(), &mut |n| {
        assert_ne!(
            n.kind(),
            "interpolation",
            "an interpolation in the Bicep file"
        );
        if n.kind() == "string" {
            strings.insert(bicep_string(n, text));
        }
    });
    let mut resources = Vec::new();
    for declaration in named_children(tree.root_node()) {
        if declaration.kind() != "resource_declaration" {
            continue;
        }
        let parts = named_children(declaration);
        let symbol = node_text(parts[0], text).to_string();
        let kind = bicep_string(parts[1], text);
        let existing = node_text(declaration, text).contains("' existing = {");
        let body = bicep_value(*parts.last().unwrap(), text);
        resources.push((symbol, kind, existing, body));
    }
    BicepFile { resources, strings }
}

/// A PowerShell verbatim string, decoded: every quote character comes doubled inside.
pub fn powershell_string(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    assert!(
        chars.len() >= 2 && chars[0] == '\'' && chars[chars.len() - 1] == '\'',
        "{raw:?}"
    );
    let inner = &chars[1..chars.len() - 1];
    let mut out = String::new();
    let mut i = 0;
    while i < inner.len() {
        let c = inner[i];
        if quote::POWERSHELL_SINGLE_QUOTES.contains(&c) {
            assert!(
                inner
                    .get(i + 1)
                    .is_some_and(|d| quote::POWERSHELL_SINGLE_QUOTES.contains(d)),
                "a lone quote character ends this PowerShell string early: {raw:?}"
            );
            i += 1;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A PowerShell argument: strings (alone or in `@(…)`), numbers, variables.
pub fn powershell_argument(node: tree_sitter::Node<'_>, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_node(node, &mut |n| match n.kind() {
        "verbatim_string_characters" => out.push(powershell_string(node_text(n, text))),
        "decimal_integer_literal" | "variable" => out.push(node_text(n, text).to_string()),
        _ => {}
    });
    out
}

/// A cmdlet call's `(parameter, values)`, in order.
pub type Parameters = Vec<(String, Vec<String>)>;

pub struct PowerShellFile {
    /// Each cmdlet call: name and `(parameter, values)` in order.
    pub calls: Vec<(String, Parameters)>,
    pub strings: BTreeSet<String>,
}

pub fn parse_powershell_with(text: &str, variables: &[&str]) -> PowerShellFile {
    let tree = tree_sitter_parse(tree_sitter_powershell::LANGUAGE.into(), text);
    let errors = syntax_errors(&tree, text);
    assert!(errors.is_empty(), "PowerShell syntax errors: {errors:#?}");
    let mut strings = BTreeSet::new();
    let mut calls = Vec::new();
    for_each_node(tree.root_node(), &mut |n| match n.kind() {
        "expandable_string_literal"
        | "expandable_here_string_literal"
        | "verbatim_here_string_characters"
        | "sub_expression" => panic!(
            "unexpected {} in the PowerShell script: {:?}",
            n.kind(),
            node_text(n, text)
        ),
        "variable" => assert!(
            variables.contains(&node_text(n, text)),
            "unexpected variable {}",
            node_text(n, text)
        ),
        "verbatim_string_characters" => {
            strings.insert(powershell_string(node_text(n, text)));
        }
        "command" => {
            let name = n
                .child_by_field_name("command_name")
                .map(|c| node_text(c, text).to_string())
                .unwrap_or_default();
            let mut parameters: Vec<(String, Vec<String>)> = Vec::new();
            if let Some(elements) = n.child_by_field_name("command_elements") {
                for element in named_children(elements) {
                    match element.kind() {
                        "command_argument_sep" => {}
                        "command_parameter" => {
                            parameters.push((node_text(element, text).to_string(), Vec::new()))
                        }
                        _ => {
                            let values = powershell_argument(element, text);
                            match parameters.last_mut() {
                                Some((_, v)) if v.is_empty() => v.extend(values),
                                _ => panic!(
                                    "positional argument to {name}: {:?}",
                                    node_text(element, text)
                                ),
                            }
                        }
                    }
                }
            }
            calls.push((name, parameters));
        }
        _ => {}
    });
    PowerShellFile { calls, strings }
}

// ---------------------------------------------------------------------------------------
// HCL
// ---------------------------------------------------------------------------------------

pub struct HclFile {
    /// The configuration as JSON (`resource.<type>.<label>`, references as `${…}`).
    pub json: Value,
    pub strings: BTreeSet<String>,
}

pub fn hcl_strings(expr: &hcl::Expression, out: &mut BTreeSet<String>) {
    use hcl::Expression as E;
    match expr {
        E::String(s) => {
            out.insert(s.clone());
        }
        E::TemplateExpr(t) => panic!("a template in the Terraform file: {t:?}"),
        E::Array(items) => items.iter().for_each(|i| hcl_strings(i, out)),
        E::Object(entries) => {
            for (k, v) in entries {
                if let hcl::ObjectKey::Expression(k) = k {
                    hcl_strings(k, out);
                }
                hcl_strings(v, out);
            }
        }
        _ => {}
    }
}

pub fn hcl_body_strings(body: &hcl::Body, out: &mut BTreeSet<String>) {
    for structure in body.iter() {
        match structure {
            hcl::Structure::Attribute(a) => hcl_strings(&a.expr, out),
            hcl::Structure::Block(b) => {
                for label in &b.labels {
                    out.insert(label.as_str().to_string());
                }
                hcl_body_strings(&b.body, out);
            }
        }
    }
}

pub fn parse_hcl(text: &str) -> HclFile {
    let body = hcl::parse(text).unwrap_or_else(|e| panic!("HCL: {e}"));
    let mut strings = BTreeSet::new();
    hcl_body_strings(&body, &mut strings);
    let json: Value = hcl::from_str(text).expect("HCL as data");
    HclFile { json, strings }
}

/// A block that may appear once (an object) or several times (an array), as a list.
pub fn blocks(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

// ---------------------------------------------------------------------------------------
// bash: bash -n, shellcheck, and a run against a stub az
// ---------------------------------------------------------------------------------------

pub static TEMP: AtomicUsize = AtomicUsize::new(0);

pub fn temp_dir(what: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "exports-{what}-{}-{}",
        std::process::id(),
        TEMP.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub fn check_bash_syntax(script: &Path) {
    let out = Command::new("bash")
        .arg("-n")
        .arg(script)
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shellcheck = Command::new("shellcheck")
        .args(["--shell=bash", "--severity=style"])
        .arg(script)
        .output();
    match shellcheck {
        Err(e) => panic!(
            "shellcheck is needed to check the Azure CLI export ({e}); install it with `bash scripts/setup.sh` or `apt-get install shellcheck`"
        ),
        Ok(out) => assert!(
            out.status.success(),
            "shellcheck {}:\n{}",
            script.display(),
            String::from_utf8_lossy(&out.stdout)
        ),
    }
}

/// Where the stubs live: `az` (Python, keeps state), `sleep` and `date` (simulated time).
pub fn stubs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stubs")
}

/// One run of `deploy.sh` against the stubs.
pub struct ScriptRun {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// The `az` calls of this run, each as its arguments.
    pub calls: Vec<Vec<String>>,
    /// The writes the stub logged in this run (`op`, `resource`, `existed`, `changed`,
    /// `dropped`).
    pub events: Vec<Value>,
    /// How many times the script slept (polls of the ISE).
    pub sleeps: usize,
    /// What the script left in its working directory.
    pub left: Vec<String>,
}

/// A stateful stub `az` in its own directory: the resources made by one run are there for
/// the next.
pub struct Stub {
    pub dir: PathBuf,
    pub env: Vec<(String, String)>,
}

impl Stub {
    pub fn with_initial(initial: Value) -> Stub {
        let dir = temp_dir("stub");
        std::fs::create_dir_all(dir.join("work")).unwrap();
        Stub {
            dir,
            env: vec![("AZ_STUB_INITIAL".into(), initial.to_string())],
        }
    }

    /// Sets a variable the stub reads (`AZ_STUB_ISE_STATES`, `AZ_STUB_FAILURE_MESSAGE`).
    pub fn set(mut self, name: &str, value: &str) -> Stub {
        self.env.push((name.into(), value.into()));
        self
    }

    /// The stub's state (its resources) as JSON.
    pub fn state(&self) -> Value {
        std::fs::read_to_string(self.dir.join("state.json"))
            .map(|t| serde_json::from_str(&t).unwrap())
            .unwrap_or(Value::Null)
    }

    pub fn count(&self, file: &str) -> usize {
        std::fs::read_to_string(self.dir.join(file))
            .map(|c| {
                if file == "count" {
                    c.trim().parse().unwrap()
                } else {
                    c.lines().count()
                }
            })
            .unwrap_or(0)
    }

    /// Runs the script with `args`, the stubs first on PATH.
    pub fn run(&self, script_text: &str, args: &[&str]) -> ScriptRun {
        let script = self.dir.join("deploy.sh");
        std::fs::write(&script, script_text).unwrap();
        let work = self.dir.join("work");
        let path = format!(
            "{}:{}",
            stubs_dir().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let (calls_before, events_before, sleeps_before) = (
            self.count("count"),
            self.count("events.jsonl"),
            self.count("sleeps"),
        );
        let out = Command::new("bash")
            .arg(&script)
            .args(args)
            .current_dir(&work)
            .env("PATH", path)
            .env("AZ_STUB_DIR", &self.dir)
            .env("HOME", &work)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("run bash");
        let calls = (calls_before + 1..=self.count("count"))
            .map(|n| {
                let bytes = std::fs::read(self.dir.join(format!("call-{n}"))).unwrap();
                let mut args: Vec<String> = bytes
                    .split(|b| *b == 0)
                    .map(|a| String::from_utf8(a.to_vec()).expect("UTF-8 argument"))
                    .collect();
                assert_eq!(args.pop().as_deref(), Some(""), "each argument ends in NUL");
                args
            })
            .collect();
        let events = std::fs::read_to_string(self.dir.join("events.jsonl"))
            .unwrap_or_default()
            .lines()
            .skip(events_before)
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let left = std::fs::read_dir(&work)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        ScriptRun {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            calls,
            events,
            sleeps: self.count("sleeps") - sleeps_before,
            left,
        }
    }
}

impl Drop for Stub {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl ScriptRun {
    /// Exit 0 and nothing on stderr.
    pub fn assert_clean(&self, what: &str) {
        assert_eq!(
            self.code,
            Some(0),
            "{what}: deploy.sh failed: {}",
            self.stderr
        );
        assert!(
            self.stderr.is_empty(),
            "{what}: deploy.sh wrote to stderr: {}",
            self.stderr
        );
    }
}

/// The options of one recorded call: `--name=value` and `--name v1 v2`.
pub fn options(call: &[String]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for arg in call.iter().skip_while(|a| !a.starts_with("--")) {
        if let Some(option) = arg.strip_prefix("--") {
            match option.split_once('=') {
                Some((name, value)) => out.push((name.to_string(), vec![value.to_string()])),
                None => out.push((option.to_string(), Vec::new())),
            }
        } else {
            out.last_mut()
                .expect("a value after an option")
                .1
                .push(arg.clone());
        }
    }
    out
}

pub fn option<'a>(options: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
    options
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_slice())
        .unwrap_or_else(|| panic!("no --{name} in {options:?}"))
}

pub fn subcommand(call: &[String]) -> String {
    call.iter()
        .take_while(|a| !a.starts_with("--"))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a script argument holds for a value (NUL cannot be passed).
pub fn as_argument(value: &str) -> String {
    value.replace('\0', &quote::NUL_REPLACEMENT.to_string())
}

/// The nearest `if` around a node: its condition's text, and whether the node is in its
/// `else` branch.
pub fn enclosing_if<'a>(node: tree_sitter::Node<'_>, text: &'a str) -> Option<(&'a str, bool)> {
    let mut child = node;
    let mut parent = node.parent();
    while let Some(p) = parent {
        if p.kind() == "elseif_clause" {
            let condition = p.child_by_field_name("condition")?;
            return Some((node_text(condition, text), false));
        }
        if p.kind() == "if_statement" {
            let condition = p.child_by_field_name("condition")?;
            let in_else = (0..p.child_count()).filter_map(|i| p.child(i)).any(|c| {
                (c.kind() == "else_clause" || c.kind() == "elseif_clause")
                    && c.start_byte() <= child.start_byte()
                    && child.end_byte() <= c.end_byte()
            });
            return Some((node_text(condition, text), in_else));
        }
        child = p;
        parent = p.parent();
    }
    None
}

/// Every command of a PowerShell file with its node.
pub fn ps_commands<'t>(
    tree: &'t tree_sitter::Tree,
    text: &str,
) -> Vec<(String, tree_sitter::Node<'t>)> {
    let mut out = Vec::new();
    fn walk<'t>(
        n: tree_sitter::Node<'t>,
        text: &str,
        out: &mut Vec<(String, tree_sitter::Node<'t>)>,
    ) {
        if n.kind() == "command" {
            if let Some(name) = n.child_by_field_name("command_name") {
                out.push((node_text(name, text).to_string(), n));
            }
        }
        let mut cursor = n.walk();
        for c in n.children(&mut cursor) {
            walk(c, text, out);
        }
    }
    walk(tree.root_node(), text, &mut out);
    out
}

// ---------------------------------------------------------------------------------------
// Golden files
// ---------------------------------------------------------------------------------------

/// Whether the goldens are being written (`UPDATE_GOLDEN=1`) rather than compared.
pub fn updating() -> bool {
    std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1")
}

/// The CLI's `--emit` name of a format.
pub fn emit_name(format: Format) -> &'static str {
    match format {
        Format::Arm => "arm",
        Format::Bicep => "bicep",
        Format::Terraform => "terraform",
        Format::AzCli => "azcli",
        Format::PowerShell => "powershell",
    }
}

pub fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let at = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    format!(
        "first difference at line {}:\n  expected: {:?}\n  actual:   {:?}",
        at + 1,
        e.get(at),
        a.get(at)
    )
}

/// Writes `files` into `dir` (when updating), or compares them with what is there; each
/// difference is a failure naming the first different line, the actual file kept under the
/// target directory's `what/case` for `diff -u`.
pub fn compare_with_goldens(
    dir: &Path,
    what: &str,
    case: &str,
    files: Vec<(String, String)>,
    failures: &mut Vec<String>,
) {
    for (file, actual) in files {
        let path = dir.join(&file);
        if updating() {
            std::fs::create_dir_all(dir).expect("create the golden directory");
            std::fs::write(&path, &actual).expect("write a golden file");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Err(e) => failures.push(format!("{}: {e}", path.display())),
            Ok(expected) if expected != actual => {
                let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(what).join(case);
                let _ = std::fs::create_dir_all(&out);
                let _ = std::fs::write(out.join(&file), &actual);
                failures.push(format!(
                    "{} differs: {}\n  compare: diff -u {} {}",
                    path.display(),
                    first_difference(&expected, &actual),
                    path.display(),
                    out.join(&file).display()
                ));
            }
            Ok(_) => {}
        }
    }
}
