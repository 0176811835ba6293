//! A value tree for the template languages (ARM, Bicep, HCL): literal data apart from the
//! target language's own code (expressions, references), so that every renderer quotes
//! all data and nothing else.

use serde_json::Value;

/// One value of a template.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// Literal text: always quoted for the target language.
    Str(String),
    /// Code of the target language (an ARM expression without brackets, a Bicep or HCL
    /// reference). Never built from unquoted user data.
    Code(String),
    /// A JSON number, as serde_json writes it.
    Num(String),
    Bool(bool),
    Null,
    List(Vec<Node>),
    /// Keys are data too: each renderer quotes a key that is not a plain identifier.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// Literal text.
    pub fn str(text: impl Into<String>) -> Node {
        Node::Str(text.into())
    }

    /// Target-language code.
    pub fn code(code: impl Into<String>) -> Node {
        Node::Code(code.into())
    }

    /// A whole number.
    pub fn int(n: impl Into<i64>) -> Node {
        Node::Num(n.into().to_string())
    }

    /// An object from `(key, value)` pairs, in order.
    pub fn map<K: Into<String>>(entries: impl IntoIterator<Item = (K, Node)>) -> Node {
        Node::Map(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A list of literal strings.
    pub fn strs<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Node {
        Node::List(items.into_iter().map(|s| Node::str(s.as_ref())).collect())
    }

    /// The entry `key` of a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl From<&Value> for Node {
    /// JSON data: every string is literal.
    fn from(value: &Value) -> Node {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Num(n.to_string()),
            Value::String(s) => Node::Str(s.clone()),
            Value::Array(items) => Node::List(items.iter().map(Node::from).collect()),
            Value::Object(entries) => Node::Map(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), Node::from(v)))
                    .collect(),
            ),
        }
    }
}

/// The tree as plain JSON, every string literal as it is (for REST bodies); code, which has
/// no meaning there, becomes `null`.
pub fn to_plain_json(node: &Node) -> Value {
    match node {
        Node::Str(s) => Value::String(s.clone()),
        Node::Code(_) | Node::Null => Value::Null,
        Node::Num(n) => serde_json::from_str(n).unwrap_or(Value::Null),
        Node::Bool(b) => Value::Bool(*b),
        Node::List(items) => Value::Array(items.iter().map(to_plain_json).collect()),
        Node::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), to_plain_json(v)))
                .collect(),
        ),
    }
}

/// Whether `key` can stand unquoted as an object key in Bicep and HCL.
pub fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Renders a tree as an indented block language (Bicep, HCL): `key SEP value` lines in
/// maps, one item per line in lists.
pub struct BlockStyle {
    /// Between a key and its value: `": "` (Bicep) or `" = "` (HCL).
    pub separator: &'static str,
    /// Between list items, after each item: `""` (Bicep) or `","` (HCL).
    pub item_end: &'static str,
    /// Quotes a string for the language.
    pub quote: fn(&str) -> String,
    /// Writes a map key.
    pub key: fn(&str) -> String,
    /// Pad the keys of consecutive one-line entries to one width, as `terraform fmt` does.
    pub align: bool,
}

/// `(key, value)` lines, with the keys of each run of one-line values padded to one width
/// when `align` is set; each line ends in a newline.
pub fn key_value_lines(
    pairs: &[(String, String)],
    separator: &str,
    pad: &str,
    align: bool,
) -> String {
    let one_line = |value: &str| !value.contains('\n');
    let mut widths = vec![0; pairs.len()];
    if align {
        let mut start = 0;
        while start < pairs.len() {
            if !one_line(&pairs[start].1) {
                start += 1;
                continue;
            }
            let end = (start..pairs.len())
                .find(|&i| !one_line(&pairs[i].1))
                .unwrap_or(pairs.len());
            let width = pairs[start..end]
                .iter()
                .map(|(k, _)| k.chars().count())
                .max()
                .unwrap_or(0);
            for w in &mut widths[start..end] {
                *w = width;
            }
            start = end;
        }
    }
    pairs
        .iter()
        .zip(widths)
        .map(|((key, value), width)| {
            let fill = " ".repeat(width.saturating_sub(key.chars().count()));
            format!("{pad}{key}{fill}{separator}{value}\n")
        })
        .collect()
}

impl BlockStyle {
    /// The value at indentation `depth` (two spaces per level); the first line is not
    /// indented (it follows a key).
    pub fn render(&self, node: &Node, depth: usize) -> String {
        let pad = "  ".repeat(depth + 1);
        let end = "  ".repeat(depth);
        match node {
            Node::Str(s) => (self.quote)(s),
            Node::Code(c) | Node::Num(c) => c.clone(),
            Node::Bool(b) => b.to_string(),
            Node::Null => "null".into(),
            Node::List(items) if items.is_empty() => "[]".into(),
            Node::List(items) => {
                let mut out = "[\n".to_string();
                for item in items {
                    out.push_str(&pad);
                    out.push_str(&self.render(item, depth + 1));
                    out.push_str(self.item_end);
                    out.push('\n');
                }
                out.push_str(&end);
                out.push(']');
                out
            }
            Node::Map(entries) if entries.is_empty() => "{}".into(),
            Node::Map(entries) => {
                let mut out = "{\n".to_string();
                out.push_str(&self.entries(entries, depth + 1));
                out.push_str(&end);
                out.push('}');
                out
            }
        }
    }

    /// The `key SEP value` lines of a map at indentation `depth`, each ending in a newline.
    pub fn entries(&self, entries: &[(String, Node)], depth: usize) -> String {
        let pairs: Vec<(String, String)> = entries
            .iter()
            .map(|(k, v)| ((self.key)(k), self.render(v, depth)))
            .collect();
        key_value_lines(&pairs, self.separator, &"  ".repeat(depth), self.align)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert!(is_identifier("addressPrefix") && is_identifier("_x1"));
        for key in ["", "1a", "a-b", "a b", "ü", "a.b"] {
            assert!(!is_identifier(key), "{key}");
        }
    }

    #[test]
    fn json_strings_stay_literal() {
        let node = Node::from(&serde_json::json!({"a": ["[x]", 1, true, null]}));
        assert_eq!(
            node.get("a"),
            Some(&Node::List(vec![
                Node::str("[x]"),
                Node::Num("1".into()),
                Node::Bool(true),
                Node::Null
            ]))
        );
    }
}
