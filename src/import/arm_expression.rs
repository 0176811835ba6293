//! Resolves the few ARM template expressions that name a virtual network's values in
//! templates exported from the portal — `[parameters('x')]`, `[variables('x')]` and
//! `[concat(…)]` of those and quoted strings — to the parameters' default values. Nothing
//! else is evaluated; any other expression is reported as unresolved.

/// A resolved value: a string or a list of strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
}

/// Template parameters (their default values) and variables, by name (ARM names are
/// case-insensitive).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    pub parameters: Vec<(String, Value)>,
    pub variables: Vec<(String, Value)>,
}

/// Longest expression looked at, and deepest nesting of calls.
const MAX_EXPRESSION: usize = 2_000;
const MAX_DEPTH: usize = 16;

/// What a template string stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A literal (an escaped `[[` opening reduced to `[`), or an expression's value.
    Value(Value),
    /// An expression the planner does not evaluate (`[resourceGroup().location]`…).
    Unresolved,
}

impl Scope {
    /// Resolves one template string: a literal stays as it is, `[[…` is the literal `[…`,
    /// and `[…]` is an expression.
    pub fn resolve(&self, text: &str) -> Resolved {
        let trimmed = text.trim();
        if let Some(rest) = trimmed.strip_prefix("[[") {
            return Resolved::Value(Value::Text(format!("[{rest}")));
        }
        match trimmed
            .strip_prefix('[')
            .and_then(|inner| inner.strip_suffix(']'))
        {
            None => Resolved::Value(Value::Text(text.to_string())),
            Some(_) if trimmed.len() > MAX_EXPRESSION => Resolved::Unresolved,
            Some(inner) => {
                let mut parser = Parser {
                    text: inner,
                    at: 0,
                    scope: self,
                };
                match parser.expression(0) {
                    Some(value) if parser.rest().trim().is_empty() => Resolved::Value(value),
                    _ => Resolved::Unresolved,
                }
            }
        }
    }
}

fn lookup<'s>(list: &'s [(String, Value)], name: &str) -> Option<&'s Value> {
    list.iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    scope: &'a Scope,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_spaces();
        if self.rest().starts_with(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// `'text'` with `''` for a quote.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        let mut chars = self.rest().char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().map(|(_, c)| *c) == Some('\'') {
                    chars.next();
                    out.push('\'');
                } else {
                    self.at += i + 1;
                    return Some(out);
                }
            } else {
                out.push(c);
            }
        }
        None
    }

    fn identifier(&mut self) -> &str {
        self.skip_spaces();
        let start = self.at;
        let len = self
            .rest()
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(self.rest().len());
        self.at += len;
        &self.text[start..start + len]
    }

    fn expression(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_spaces();
        if self.rest().starts_with('\'') {
            return self.string().map(Value::Text);
        }
        let function = self.identifier().to_ascii_lowercase();
        if function.is_empty() || !self.eat('(') {
            return None;
        }
        let mut args = Vec::new();
        if !self.eat(')') {
            loop {
                args.push(self.expression(depth + 1)?);
                if self.eat(')') {
                    break;
                }
                if !self.eat(',') {
                    return None;
                }
            }
        }
        match (function.as_str(), args.as_slice()) {
            ("parameters", [Value::Text(name)]) => lookup(&self.scope.parameters, name).cloned(),
            ("variables", [Value::Text(name)]) => lookup(&self.scope.variables, name).cloned(),
            ("concat", [first, ..]) => match first {
                Value::Text(_) => args
                    .iter()
                    .map(|a| match a {
                        Value::Text(t) => Some(t.as_str()),
                        Value::List(_) => None,
                    })
                    .collect::<Option<String>>()
                    .map(Value::Text),
                Value::List(_) => args
                    .iter()
                    .map(|a| match a {
                        Value::List(l) => Some(l.clone()),
                        Value::Text(_) => None,
                    })
                    .collect::<Option<Vec<Vec<String>>>>()
                    .map(|lists| Value::List(lists.concat())),
            },
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope() -> Scope {
        Scope {
            parameters: vec![
                (
                    "virtualNetworks_contoso_vnet_name".into(),
                    Value::Text("contoso-vnet".into()),
                ),
                (
                    "prefixes".into(),
                    Value::List(vec!["10.0.0.0/16".into(), "10.1.0.0/16".into()]),
                ),
            ],
            variables: vec![("subnetName".into(), Value::Text("app".into()))],
        }
    }

    fn text(s: &str) -> Resolved {
        Resolved::Value(Value::Text(s.into()))
    }

    #[test]
    fn literals_stay_and_escapes_unescape() {
        let s = scope();
        assert_eq!(s.resolve("10.0.0.0/24"), text("10.0.0.0/24"));
        assert_eq!(
            s.resolve("[[not an expression]"),
            text("[not an expression]")
        );
        // ARM reads a string as an expression only when it also ends with `]`.
        assert_eq!(s.resolve("[concat('a'"), text("[concat('a'"));
    }

    #[test]
    fn parameters_variables_and_concat() {
        let s = scope();
        assert_eq!(
            s.resolve("[parameters('virtualNetworks_contoso_vnet_name')]"),
            text("contoso-vnet")
        );
        assert_eq!(
            s.resolve("[ Parameters( 'VIRTUALNETWORKS_CONTOSO_VNET_NAME' ) ]"),
            text("contoso-vnet")
        );
        assert_eq!(
            s.resolve("[concat(parameters('virtualNetworks_contoso_vnet_name'), '/', variables('subnetName'))]"),
            text("contoso-vnet/app")
        );
        assert_eq!(s.resolve("[concat('it''s', '')]"), text("it's"));
        assert_eq!(
            s.resolve("[parameters('prefixes')]"),
            Resolved::Value(Value::List(vec![
                "10.0.0.0/16".into(),
                "10.1.0.0/16".into()
            ]))
        );
    }

    #[test]
    fn anything_else_is_unresolved() {
        let s = scope();
        for e in [
            "[resourceGroup().location]",
            "[parameters('missing')]",
            "[parameters('prefixes')[0]]",
            "[concat(parameters('prefixes'), 'x')]",
            "[concat('a']",
            "[parameters('a') parameters('b')]",
            "[]",
            "['unterminated]",
        ] {
            assert_eq!(s.resolve(e), Resolved::Unresolved, "{e}");
        }
        let deep = format!("[{}'x'{}]", "concat(".repeat(40), ")".repeat(40));
        assert_eq!(s.resolve(&deep), Resolved::Unresolved);
        let long = format!("['{}']", "x".repeat(MAX_EXPRESSION));
        assert_eq!(s.resolve(&long), Resolved::Unresolved);
    }
}
