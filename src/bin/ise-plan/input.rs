//! Files in: the design, an existing VNet, Azure's Service Tags file, a certificate — each
//! read within a bound, as UTF-8 where it is text, with a message naming it when it cannot be.

use ise_planner::design::Design;
use ise_planner::import::service_tags::ServiceTags;
use ise_planner::import::vnet::{self as vnet_import, MAX_IMPORT_BYTES};
use std::io::Read;

use crate::output::say;

/// Fails with a usage message and exit status 2.
pub struct Usage(pub String);

/// The most `--design` reads: 64 MiB. A larger file, or an endless stream on stdin,
/// stops there with an error.
const MAX_DESIGN_BYTES: usize = Design::MAX_FILE_BYTES;

fn too_large(what: &str) -> Usage {
    Usage(format!(
        "{what} is larger than 64 MiB ({MAX_DESIGN_BYTES} bytes), the most ise-plan reads; a design is far smaller, so check that this is the right file"
    ))
}

/// Reads at most [`MAX_DESIGN_BYTES`] of UTF-8 text, checking the encoding as it reads.
/// `what` names the source in messages.
pub fn read_text(mut input: impl Read, what: &str) -> Result<String, Usage> {
    let not_utf8 = |offset: usize| {
        Usage(format!(
            "{what} is not UTF-8 text (invalid byte at offset {offset}); save the design as UTF-8"
        ))
    };
    let mut text: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    // `text[..valid]` is known to be UTF-8; the rest is at most an unfinished character.
    let mut valid = 0;
    loop {
        let n = match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Usage(format!("cannot read {what}: {e}"))),
        };
        if text.len() + n > MAX_DESIGN_BYTES {
            return Err(too_large(what));
        }
        text.extend_from_slice(&chunk[..n]);
        match std::str::from_utf8(&text[valid..]) {
            Ok(_) => valid = text.len(),
            Err(e) if e.error_len().is_some() => return Err(not_utf8(valid + e.valid_up_to())),
            Err(e) => valid += e.valid_up_to(),
        }
    }
    if valid < text.len() {
        return Err(not_utf8(valid));
    }
    String::from_utf8(text).map_err(|e| not_utf8(e.utf8_error().valid_up_to()))
}

/// Reads the design at `path` (`-`: stdin); fields of the wrong type are reported as
/// warnings on stderr and take their defaults.
pub fn read_design(path: &str) -> Result<Design, Usage> {
    let text = if path == "-" {
        read_text(std::io::stdin().lock(), "the design on stdin")?
    } else {
        let what = format!("design file {path:?}");
        let file =
            std::fs::File::open(path).map_err(|e| Usage(format!("cannot read {what}: {e}")))?;
        // A regular file's size is known before reading it.
        if file
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() > MAX_DESIGN_BYTES as u64)
        {
            return Err(too_large(&what));
        }
        read_text(file, &what)?
    };
    let loaded =
        Design::load(&text).map_err(|e| Usage(format!("cannot use design file {path:?}: {e}")))?;
    let mut warnings = String::new();
    for field in &loaded.dropped {
        warnings.push_str(&format!(
            "ise-plan: warning: design file {path:?}: {field} has the wrong type; it was ignored and its default used\n"
        ));
    }
    say(&warnings);
    Ok(loaded.design)
}

/// Reads the file of `--import-vnet` (at most [`MAX_IMPORT_BYTES`]) and applies it.
pub fn import_vnet(path: &str, design: &mut Design) -> Result<(), Usage> {
    let what = if path == "-" {
        "stdin".to_string()
    } else {
        format!("{path:?}")
    };
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin()
            .take(MAX_IMPORT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_IMPORT_BYTES as u64 + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| Usage(format!("cannot read the VNet from {what}: {e}")))?;
    let summary = vnet_import::import_bytes(&bytes, design)
        .map_err(|e| Usage(format!("cannot import the VNet from {what}: {e}")))?;
    say(&format!(
        "ise-plan: {summary} — read as {}.\n",
        summary.source.describe()
    ));
    for note in &summary.notes {
        say(&format!("ise-plan: note: {note}\n"));
    }
    Ok(())
}

/// Reads Azure's Service Tags file (`-`: stdin) and fills the design's dependency (and
/// Azure Government) addresses for its region.
pub fn import_service_tags(path: &str, design: &mut Design) -> Result<(), Usage> {
    let what = if path == "-" {
        "the Service Tags file on stdin".to_string()
    } else {
        format!("Service Tags file {path:?}")
    };
    let text = if path == "-" {
        read_text(std::io::stdin().lock(), &what)?
    } else {
        let file =
            std::fs::File::open(path).map_err(|e| Usage(format!("cannot read {what}: {e}")))?;
        read_text(file, &what)?
    };
    let tags = ServiceTags::parse(&text).map_err(|e| Usage(format!("{what}: {e}")))?;
    let summary = tags.import_into(design);
    say(&format!("ise-plan: {summary} from {what}.\n"));
    Ok(())
}

/// The most a certificate file may hold: far more than any certificate.
const MAX_CERTIFICATE_BYTES: u64 = 1024 * 1024;

/// Reads a small binary file (a certificate), at most 1 MiB.
pub fn read_file_bytes(path: &str, what: &str) -> Result<Vec<u8>, Usage> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_CERTIFICATE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Usage(format!("cannot read {what} {path:?}: {e}")))?;
    if bytes.len() as u64 > MAX_CERTIFICATE_BYTES {
        return Err(Usage(format!(
            "{what} {path:?} is larger than 1 MiB; a certificate is far smaller, so check that this is the right file"
        )));
    }
    Ok(bytes)
}
