//! The code's layout, checked from the code itself: the core's layers import only downwards
//! (ARCHITECTURE.md, "Layers"), and no function is longer than a reader can take in without
//! scrolling — unless it is a table of data, listed below with why.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::spanned::Spanned;
use syn::visit::Visit;

/// The core's top-level modules, by layer: a module may use its own layer and those below.
const LAYERS: &[(&str, u8)] = &[
    ("order", 0),
    ("findings", 0),
    ("network", 1),
    ("azure", 1),
    ("design", 2),
    ("ise", 3),
    ("standard", 3),
    ("export", 4),
    ("import", 4),
    ("migrate", 4),
    ("tools", 5),
];

/// Modules of one layer that must not use each other (the planners stand side by side).
const APART: &[(&str, &str)] = &[("ise", "standard")];

/// The longest function a reader should meet, in lines from signature to closing brace.
const MAX_FN_LINES: usize = 80;

/// Functions allowed past [`MAX_FN_LINES`]: each is a table of data, not logic.
const TABLES: &[(&str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a core file belongs to (`src/ise/nsg.rs` → `ise`); `None` for the
/// shells (the CLI, the page, the first-paint module, the worker) and the crate root.
fn top_module(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let name = first.trim_end_matches(".rs").to_string();
    match name.as_str() {
        "bin" | "web" | "worker" | "first_paint" | "lib" => None,
        _ => Some(name),
    }
}

fn layer(module: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(m, _)| *m == module)
        .unwrap_or_else(|| {
            panic!("module `{module}` has no layer: add it to LAYERS (and ARCHITECTURE.md)")
        })
        .1
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let text = quote_attr(a);
        text.starts_with("cfg(test") || text == "test"
    })
}

fn quote_attr(a: &syn::Attribute) -> String {
    let tokens = match &a.meta {
        syn::Meta::Path(p) => quote_path(p),
        syn::Meta::List(l) => format!("{}({})", quote_path(&l.path), l.tokens),
        syn::Meta::NameValue(nv) => quote_path(&nv.path),
    };
    tokens.replace(' ', "")
}

fn quote_path(p: &syn::Path) -> String {
    p.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// Walks a file's non-test code: the top-level modules it names after `crate::`, and its
/// functions' lengths.
#[derive(Default)]
struct Walk {
    used: BTreeSet<String>,
    long: Vec<(String, usize, usize)>,
}

impl Walk {
    fn function(&mut self, name: String, sig: proc_macro2::Span, body: proc_macro2::Span) {
        let (start, end) = (sig.start().line, body.end().line);
        let lines = end + 1 - start;
        if lines > MAX_FN_LINES {
            self.long.push((name, start, lines));
        }
    }
}

impl<'ast> Visit<'ast> for Walk {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if !is_test_only(&m.attrs) {
            syn::visit::visit_item_mod(self, m);
        }
    }
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if is_test_only(&f.attrs) {
            return;
        }
        self.function(f.sig.ident.to_string(), f.sig.span(), f.block.span());
        syn::visit::visit_item_fn(self, f);
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if is_test_only(&f.attrs) {
            return;
        }
        self.function(f.sig.ident.to_string(), f.sig.span(), f.block.span());
        syn::visit::visit_impl_item_fn(self, f);
    }
    fn visit_use_tree(&mut self, tree: &'ast syn::UseTree) {
        if let syn::UseTree::Path(p) = tree {
            if p.ident == "crate" {
                collect_use(&p.tree, &mut self.used);
                return;
            }
        }
        syn::visit::visit_use_tree(self, tree);
    }
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let mut segments = path.segments.iter();
        if segments.next().is_some_and(|s| s.ident == "crate") {
            if let Some(next) = segments.next() {
                self.used.insert(next.ident.to_string());
            }
        }
        syn::visit::visit_path(self, path);
    }
}

/// The first names of a `use crate::…` tree: `crate::{a::x, b}` names `a` and `b`.
fn collect_use(tree: &syn::UseTree, out: &mut BTreeSet<String>) {
    match tree {
        syn::UseTree::Path(p) => {
            out.insert(p.ident.to_string());
        }
        syn::UseTree::Name(n) => {
            out.insert(n.ident.to_string());
        }
        syn::UseTree::Rename(r) => {
            out.insert(r.ident.to_string());
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| collect_use(t, out)),
        syn::UseTree::Glob(_) => {}
    }
}

fn walk(path: &Path) -> Walk {
    let text = std::fs::read_to_string(path).unwrap();
    let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut walk = Walk::default();
    walk.visit_file(&file);
    walk
}

fn all_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    files
}

#[test]
fn lower_layers_never_import_higher_ones() {
    let mut wrong = Vec::new();
    for path in all_files() {
        let Some(module) = top_module(&path) else {
            continue;
        };
        let own = layer(&module);
        // Names the crate root re-exports (`crate::plan`, `crate::Design`…) count as theirs.
        for used in walk(&path).used {
            let target = match used.as_str() {
                "plan" | "Plan" => "ise".to_string(),
                "Design" => "design".to_string(),
                "Finding" | "Severity" => "findings".to_string(),
                _ => used,
            };
            if target == module {
                continue;
            }
            let apart = APART
                .iter()
                .any(|&(a, b)| (a == module && b == target) || (b == module && a == target));
            if layer(&target) > own || apart {
                wrong.push(format!(
                    "{} (layer {own}, `{module}`) uses `crate::{target}` (layer {})",
                    path.strip_prefix(src()).unwrap().display(),
                    layer(&target)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_module_of_the_core_has_a_layer() {
    for path in all_files() {
        if let Some(module) = top_module(&path) {
            layer(&module);
        }
    }
}

#[test]
fn no_function_a_reader_must_scroll() {
    let mut long = Vec::new();
    for path in all_files() {
        let rel = path.strip_prefix(src()).unwrap().display().to_string();
        for (name, line, lines) in walk(&path).long {
            if !TABLES.iter().any(|(f, _)| *f == format!("{rel}::{name}")) {
                long.push(format!("{rel}:{line} `{name}` is {lines} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines (split them by what each part decides, or list a table of data in TABLES):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_checks_can_fail() {
    // A lower layer naming a higher one is caught, through a group import too.
    let file: syn::File =
        syn::parse_str("use crate::{order, ise::plan::Plan}; fn f() { crate::tools::handle(); }")
            .unwrap();
    let mut w = Walk::default();
    w.visit_file(&file);
    assert_eq!(
        w.used.into_iter().collect::<Vec<_>>(),
        ["ise", "order", "tools"]
    );
    // Test modules are not walked; long functions are measured.
    let body = "let x = 1;\n".repeat(MAX_FN_LINES);
    let text = format!("#[cfg(test)] mod tests {{ use crate::tools; }}\nfn long() {{\n{body}}}");
    let file: syn::File = syn::parse_str(&text).unwrap();
    let mut w = Walk::default();
    w.visit_file(&file);
    assert!(w.used.is_empty());
    assert_eq!(w.long.len(), 1);
    assert_eq!(w.long[0].0, "long");
}
