//! Quoting of user values for each export language: the only way a name, address or
//! certificate reaches an ARM template, a Bicep file, Terraform, bash or PowerShell.
//!
//! ```
//! use ise_planner::export::quote;
//! assert_eq!(quote::sh("it's"), r"'it'\''s'");
//! assert_eq!(quote::powershell("it’s"), "'it’’s'");
//! assert_eq!(quote::bicep("${x}"), r"'\${x}'");
//! assert_eq!(quote::hcl("${x} %{y}"), r#""$${x} %%{y}""#);
//! assert_eq!(quote::arm_literal("[x]"), "[[x]");
//! assert_eq!(quote::arm_literal("[x] y"), "[x] y");
//! assert_eq!(quote::arm_string("it's"), "'it''s'");
//! ```

/// What a NUL character becomes in a script: no program argument can hold one (C strings end
/// there) and no Azure name contains one, so it is shown, not passed.
pub const NUL_REPLACEMENT: char = '\u{FFFD}';

/// A literal JSON string in an ARM template. ARM evaluates a string that starts with `[` and
/// ends with `]` as an expression; such a literal is written with an extra `[` (`[[x]` stands
/// for `[x]`). Any other string is literal as it is — an extra `[` there would stay in the
/// value (Learn, "Syntax and expressions in ARM templates", "Escape characters").
pub fn arm_literal(value: &str) -> String {
    if value.starts_with('[') && value.ends_with(']') {
        format!("[{value}")
    } else {
        value.to_string()
    }
}

/// A string literal inside an ARM template expression: single quotes, `'` doubled.
pub fn arm_string(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// A Bicep string literal: single quotes with Bicep's escapes (`\'`, `\\`, `\$`, `\n`,
/// `\r`, `\t`, other control characters as `\u{…}`). `$` is always escaped, so no `${` can
/// start an interpolation. A `/` that would start `//` or `/*` is written `\u{2F}`: the same
/// string to Bicep, and no comment opener to tools (tree-sitter's Bicep grammar) that look
/// for comments inside strings.
pub fn bicep(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if matches!(chars.peek(), Some('/' | '*')) => out.push_str("\\u{2F}"),
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// An HCL (Terraform) quoted string: `\"`, `\\`, `\n`, `\r`, `\t`, other control characters
/// as `\uNNNN`, and the template openers `${` and `%{` doubled to `$${` and `%%{`.
pub fn hcl(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A bash word that is exactly the value: single quotes, each `'` written `'\''`. Nothing
/// is special inside single quotes (not `$`, backticks, `\` or line breaks). NUL becomes
/// [`NUL_REPLACEMENT`].
pub fn sh(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            '\'' => out.push_str("'\\''"),
            '\0' => out.push(NUL_REPLACEMENT),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// The characters PowerShell takes as a single quote: `'` and the typographic
/// U+2018 ‘ U+2019 ’ U+201A ‚ U+201B ‛.
pub const POWERSHELL_SINGLE_QUOTES: [char; 5] =
    ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// A PowerShell verbatim string: single quotes, every single-quote character (ASCII and
/// typographic) doubled. Nothing else is special inside (not `$`, backticks or line
/// breaks). NUL becomes [`NUL_REPLACEMENT`].
pub fn powershell(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            c if POWERSHELL_SINGLE_QUOTES.contains(&c) => {
                out.push(c);
                out.push(c);
            }
            '\0' => out.push(NUL_REPLACEMENT),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads back a bash single-quoted word as bash does (concatenated `'…'` and `\'`).
    fn unsh(word: &str) -> String {
        let mut out = String::new();
        let mut chars = word.chars();
        while let Some(c) = chars.next() {
            match c {
                '\'' => {
                    for c in chars.by_ref() {
                        if c == '\'' {
                            break;
                        }
                        out.push(c);
                    }
                }
                '\\' => out.extend(chars.next()),
                other => panic!("unquoted {other:?} in {word:?}"),
            }
        }
        out
    }

    /// Reads back a PowerShell verbatim string: quote characters come in pairs inside.
    fn unpowershell(word: &str) -> String {
        let inner: Vec<char> = word.chars().collect();
        assert_eq!(inner.first(), Some(&'\''));
        assert_eq!(inner.last(), Some(&'\''));
        let inner = &inner[1..inner.len() - 1];
        let mut out = String::new();
        let mut i = 0;
        while i < inner.len() {
            let c = inner[i];
            if POWERSHELL_SINGLE_QUOTES.contains(&c) {
                assert!(
                    i + 1 < inner.len() && POWERSHELL_SINGLE_QUOTES.contains(&inner[i + 1]),
                    "lone quote in {word:?}"
                );
                i += 1;
            }
            out.push(c);
            i += 1;
        }
        out
    }

    #[test]
    fn examples() {
        assert_eq!(sh(""), "''");
        assert_eq!(sh("a'b"), r"'a'\''b'");
        assert_eq!(sh("$(touch x)`y`"), "'$(touch x)`y`'");
        assert_eq!(sh("a\0b"), "'a\u{FFFD}b'");
        assert_eq!(powershell("‘a’‚b‛'"), "'‘‘a’’‚‚b‛‛'''");
        assert_eq!(powershell("$x `n"), "'$x `n'");
        assert_eq!(bicep("a'b\\c${d}\n\r\t\u{1}"), r"'a\'b\\c\${d}\n\r\t\u{1}'");
        assert_eq!(bicep("https://x/*/y"), r"'https:\u{2F}/x\u{2F}*/y'");
        assert_eq!(hcl("a\"b\\c\n\u{7}"), r#""a\"b\\c\n\u0007""#);
        assert_eq!(hcl("$$${x}"), r#""$$$${x}""#);
        assert_eq!(hcl("$x %y"), r#""$x %y""#);
        assert_eq!(arm_literal("[[x]"), "[[[x]");
        assert_eq!(arm_literal("[x"), "[x");
        assert_eq!(arm_literal("[test] value"), "[test] value");
        assert_eq!(arm_literal("[]"), "[[]");
        assert_eq!(arm_literal("["), "[");
        assert_eq!(arm_literal("x["), "x[");
        assert_eq!(arm_string("'"), "''''");
    }

    proptest! {
        #[test]
        fn sh_reads_back(value in "\\PC*|[\\x01-\\x7f']*") {
            prop_assert_eq!(unsh(&sh(&value)), value);
        }

        #[test]
        fn powershell_reads_back(value in "[a-z'‘’‚‛\"$`\\n]*|\\PC*") {
            prop_assert_eq!(unpowershell(&powershell(&value)), value);
        }

        #[test]
        fn quoted_values_hold_no_raw_control_character(value in "\\PC*|[\\x00-\\x1f]*") {
            for quoted in [bicep(&value), hcl(&value)] {
                prop_assert!(!quoted.chars().any(|c| c.is_control()), "{:?}", quoted);
            }
        }
    }
}
