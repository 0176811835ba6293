//! Share links: a design packed into a URL fragment — JSON, deflated, base64url — and read
//! back with limits, so a hostile link yields an error, never a hang or a crash.

use base64::Engine;

use crate::design::{Design, LoadError};

/// Marks the payload format, so later formats can be told apart.
pub const PREFIX: &str = "d1.";
/// The most a link may inflate to.
const MAX_JSON: usize = 1 << 20;

/// The fragment (without `#`) that carries `design`.
pub fn encode(design: &Design) -> String {
    let json = serde_json::to_vec(design).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!(
        "{PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    )
}

/// Reads a fragment made by [`encode`] (a leading `#` is allowed).
pub fn decode(fragment: &str) -> Result<Design, LoadError> {
    let body = fragment.trim().trim_start_matches('#');
    let body = body
        .strip_prefix(PREFIX)
        .ok_or_else(|| LoadError::NotJson("the link does not carry a design".into()))?;
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| {
            LoadError::NotJson(
                "the link's design is damaged (not base64url); copy the whole link".into(),
            )
        })?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON).map_err(|_| {
            LoadError::NotJson(
                "the link's design is damaged or too large; copy the whole link".into(),
            )
        })?;
    let text = String::from_utf8(json)
        .map_err(|_| LoadError::NotJson("the link's design is not text".into()))?;
    Design::from_json(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_compact() {
        let mut d = Design::default();
        d.name = "ise <script>alert(1)</script>".into();
        let link = encode(&d);
        assert!(link.len() < 700, "{}", link.len());
        assert!(link
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        assert_eq!(decode(&format!("#{link}")).unwrap(), d);
    }

    #[test]
    fn hostile_links_are_errors() {
        for bad in [
            "",
            "#",
            "d1.",
            "d1.!!!",
            "d1.AAAA",
            "x1.abc",
            "#d1.eJzLSM3JyQcABiwCFQ",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
        // A deflate bomb: 4 MiB of zeros is refused, not inflated.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 4 << 20], 9);
        let link = format!(
            "d1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb)
        );
        assert!(decode(&link).is_err());
    }
}
