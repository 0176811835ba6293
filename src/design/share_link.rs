//! Share links: a design packed into a URL fragment — JSON, deflated (raw DEFLATE, RFC 1951),
//! base64url — and read back with the same limits, so a hostile link yields an error, never a
//! hang or a crash.
//!
//! One set of limits, [`MAX_FRAGMENT`] and [`MAX_JSON`], is checked when a link is made and
//! when one is read: the reader accepts every link the writer can make, and a design too large
//! for a link is told so when the link is made.
//!
//! The compression is pluggable: making a link is [`json_of`] → deflate → [`fragment_of`], and
//! reading one is [`packed_of`] → inflate (at most [`MAX_JSON`] bytes, else
//! [`LinkError::NOT_UNPACKED`]) → [`design_of`]. Natively, [`encode`] and [`decode`] do the
//! deflate step with `miniz_oxide`; the page does it with the browser's own
//! `CompressionStream("deflate-raw")`, so the deflate code never reaches its WebAssembly. Both
//! write and read the same links.

use base64::Engine;

use crate::design::{Design, LoadError, Loaded};

/// Marks the payload format, so later formats can be told apart.
pub const PREFIX: &str = "d1.";
/// The longest fragment (after `#`, prefix included) a share link may have, in characters.
/// Far below what browsers accept, and still enough for designs with hundreds of entries.
pub const MAX_FRAGMENT: usize = 32 * 1024;
/// The most JSON a link may carry (bytes, before deflate).
pub const MAX_JSON: usize = 1 << 20;

/// Why a link could not be made or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The design is too large for a link (making it), or the link is longer than any share
    /// link (reading it). The text says how large.
    TooLarge(String),
    /// The link is cut short or altered: what is wrong with it.
    Damaged(&'static str),
    /// The link carries a design this planner cannot read (a newer format version).
    Design(LoadError),
}

impl LinkError {
    /// The packed design does not inflate, or inflates to more than [`MAX_JSON`] bytes.
    pub const NOT_UNPACKED: LinkError = LinkError::Damaged("its design does not unpack");
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::TooLarge(what) => write!(f, "this design is too large for a share link ({what}); use Save design and send the file instead"),
            LinkError::Damaged(why) => write!(f, "the link is damaged ({why}); copy the whole link again"),
            LinkError::Design(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The fragment without `#` and surrounding spaces.
fn body(fragment: &str) -> &str {
    let trimmed = fragment.trim();
    trimmed.strip_prefix('#').unwrap_or(trimmed)
}

/// Whether a URL fragment (with or without `#`) is a share link at all. A fragment such as
/// `#top` or `#section-2` is not, and a page should leave it alone.
pub fn is_share_link(fragment: &str) -> bool {
    body(fragment).starts_with(PREFIX)
}

/// Making a link, step 1: the design's JSON, or why it is too large for a link.
pub fn json_of(design: &Design) -> Result<Vec<u8>, LinkError> {
    let json = serde_json::to_vec(design).unwrap_or_default();
    if json.len() > MAX_JSON {
        return Err(LinkError::TooLarge(format!(
            "{} KB of JSON; a link carries at most {} KB",
            json.len().div_ceil(1024),
            MAX_JSON / 1024
        )));
    }
    Ok(json)
}

/// Making a link, step 3: the fragment (without `#`) for the raw-deflated JSON, or why it
/// would be longer than a share link may be.
pub fn fragment_of(packed: &[u8]) -> Result<String, LinkError> {
    let fragment = format!(
        "{PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    );
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLarge(format!(
            "the link would be {} characters long; a share link holds at most {}",
            fragment.len(),
            MAX_FRAGMENT
        )));
    }
    Ok(fragment)
}

/// Reading a link, step 1: the raw-deflated JSON a fragment carries (a leading `#` is
/// allowed). `Ok(None)`: the fragment is not a share link (see [`is_share_link`]).
pub fn packed_of(fragment: &str) -> Result<Option<Vec<u8>>, LinkError> {
    let Some(payload) = body(fragment).strip_prefix(PREFIX) else {
        return Ok(None);
    };
    if payload.len() + PREFIX.len() > MAX_FRAGMENT {
        return Err(LinkError::Damaged("it is longer than any share link"));
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map(Some)
        .map_err(|_| LinkError::Damaged("its design is not base64url"))
}

/// Reading a link, step 3: the design in the inflated JSON, with the fields reset because
/// they had the wrong type, as for a file ([`Design::load`]). More than [`MAX_JSON`] bytes is
/// refused as [`LinkError::NOT_UNPACKED`], as the inflating step should already have.
pub fn design_of(json: &[u8]) -> Result<Loaded, LinkError> {
    if json.len() > MAX_JSON {
        return Err(LinkError::NOT_UNPACKED);
    }
    let text =
        std::str::from_utf8(json).map_err(|_| LinkError::Damaged("its design is not text"))?;
    match Design::load(text) {
        Ok(loaded) => Ok(loaded),
        Err(e @ (LoadError::TooNew(_) | LoadError::UnknownVersion(_))) => Err(LinkError::Design(e)),
        Err(_) => Err(LinkError::Damaged("it does not carry a design")),
    }
}

/// The fragment (without `#`) that carries `design`, or why the design is too large for one.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(design: &Design) -> Result<String, LinkError> {
    fragment_of(&miniz_oxide::deflate::compress_to_vec(&json_of(design)?, 9))
}

/// Reads a fragment made by [`encode`] or by the page (a leading `#` is allowed). `Ok(None)`:
/// the fragment is not a share link (see [`is_share_link`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(fragment: &str) -> Result<Option<Loaded>, LinkError> {
    let Some(packed) = packed_of(fragment)? else {
        return Ok(None);
    };
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON)
        .map_err(|_| LinkError::NOT_UNPACKED)?;
    design_of(&json).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link_of(json: &[u8]) -> String {
        let packed = miniz_oxide::deflate::compress_to_vec(json, 9);
        format!(
            "{PREFIX}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        )
    }

    #[test]
    fn round_trip_and_compact() {
        let d = Design {
            name: "ise <script>alert(1)</script>".into(),
            ..Design::default()
        };
        let link = encode(&d).unwrap();
        assert!(link.len() < 700, "{}", link.len());
        assert!(link
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        assert!(is_share_link(&link) && is_share_link(&format!(" #{link}")));
        let loaded = decode(&format!("#{link}")).unwrap().unwrap();
        assert_eq!(loaded.design, d);
        assert!(loaded.dropped.is_empty());
    }

    #[test]
    fn other_fragments_are_not_share_links() {
        for fragment in ["", "#", "#top", "section-2", "#d1", "#main-content"] {
            assert!(!is_share_link(fragment), "{fragment}");
            assert_eq!(decode(fragment), Ok(None), "{fragment}");
        }
    }

    #[test]
    fn damaged_links_say_so() {
        for bad in [
            "d1.",
            "d1.!!!",
            "d1.AAAA",
            "#d1.eJzLSM3JyQcABiwCFQ",
            &link_of(b"[1,2]"),
            &link_of(b"{\"name\":\"no version\"}"),
            &link_of(b"{\"version\":2"),
            &link_of(&[0xff, 0xfe]),
        ] {
            let e = decode(bad).unwrap_err();
            assert!(matches!(e, LinkError::Damaged(_)), "{bad}: {e:?}");
            assert!(e.to_string().contains("damaged"), "{e}");
            assert!(!e.to_string().contains("JSON object"), "{e}");
        }
        // A design from a newer planner says that instead.
        let e = decode(&link_of(b"{\"version\":9}")).unwrap_err();
        assert!(e.to_string().contains("newer"), "{e}");
        // A deflate bomb: 4 MiB of spaces is refused, not inflated.
        let bomb = link_of(&vec![b' '; 4 << 20]);
        assert!(bomb.len() < MAX_FRAGMENT);
        assert!(matches!(decode(&bomb), Err(LinkError::Damaged(_))));
        // Longer than any link.
        let long = format!("{PREFIX}{}", "A".repeat(MAX_FRAGMENT));
        assert!(matches!(decode(&long), Err(LinkError::Damaged(_))));
    }

    #[test]
    fn too_large_a_design_is_refused_when_the_link_is_made() {
        let mut d = Design::default();
        // Incompressible enough to pass the fragment limit long before the JSON limit.
        d.vnet.existing_subnets = (0..20_000u32)
            .map(|i| format!("10.{}.{}.{}/32", i % 251, i * 7 % 253, i * 13 % 255).into())
            .collect();
        let e = encode(&d).unwrap_err();
        assert!(matches!(e, LinkError::TooLarge(_)), "{e:?}");
        assert!(e.to_string().contains("Save design"), "{e}");
        // Compressible but huge: the JSON limit.
        let d = Design {
            name: "a".repeat(MAX_JSON),
            ..Design::default()
        };
        let e = encode(&d).unwrap_err();
        assert!(e.to_string().contains("KB of JSON"), "{e}");
    }

    #[test]
    fn every_link_encode_makes_is_read_back() {
        // Close to both limits: a design just under the JSON limit that compresses well.
        let d = Design {
            location: "x".repeat(MAX_JSON - 2_000),
            ..Design::default()
        };
        let link = encode(&d).unwrap();
        assert_eq!(decode(&link).unwrap().unwrap().design, d);
    }

    #[test]
    fn the_steps_make_and_read_the_same_links_as_encode_and_decode() {
        let d = Design {
            name: "steps".into(),
            ..Design::default()
        };
        let json = json_of(&d).unwrap();
        let link = fragment_of(&miniz_oxide::deflate::compress_to_vec(&json, 9)).unwrap();
        assert_eq!(link, encode(&d).unwrap());
        let packed = packed_of(&format!("#{link}")).unwrap().unwrap();
        let unpacked = miniz_oxide::inflate::decompress_to_vec(&packed).unwrap();
        assert_eq!(unpacked, json);
        assert_eq!(design_of(&unpacked).unwrap().design, d);
        assert_eq!(packed_of("#top"), Ok(None));
        // The limits hold at each step, whoever inflates.
        assert_eq!(
            design_of(&vec![b' '; MAX_JSON + 1]),
            Err(LinkError::NOT_UNPACKED)
        );
        assert!(matches!(
            fragment_of(&vec![7u8; MAX_FRAGMENT]),
            Err(LinkError::TooLarge(_))
        ));
    }
}
