//! Imports from files Azure's tools produce: an existing virtual network (`vnet`) and the
//! Service Tags file (`service_tags`). Text in, design changes and a summary out.

mod arm_expression;
mod azure_json;
pub mod service_tags;
pub mod vnet;

/// The text of a file saved as UTF-8 (with or without a byte-order mark, which stays for the
/// reader to skip) or as UTF-16 with a byte-order mark — what Windows PowerShell 5.1's `>`
/// and `Out-File` write. `None` for anything else.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    fn utf16(units: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
        if units.len() % 2 != 0 {
            return None;
        }
        char::decode_utf16(units.chunks_exact(2).map(|c| unit([c[0], c[1]])))
            .collect::<Result<String, _>>()
            .ok()
    }
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => std::str::from_utf8(bytes).ok().map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::decode_text;

    #[test]
    fn utf8_and_utf16_with_a_byte_order_mark() {
        assert_eq!(decode_text(b"{\"a\":1}").as_deref(), Some("{\"a\":1}"));
        assert_eq!(
            decode_text(b"\xEF\xBB\xBF{}").as_deref(),
            Some("\u{feff}{}")
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{\"é\":1}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&le).as_deref(), Some("{\"é\":1}"));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("[]".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(&be).as_deref(), Some("[]"));
        assert_eq!(decode_text(b"\xFF\xFE{"), None, "odd length");
        assert_eq!(decode_text(b"\xC3\x28"), None, "invalid UTF-8");
        assert_eq!(decode_text(b"\xFF\xFE\x00\xD8"), None, "lone surrogate");
    }
}
