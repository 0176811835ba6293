//! Share links on the page: the core's steps (`share_link`: JSON and limits, fragment and
//! base64url) around the browser's own raw DEFLATE (`CompressionStream`), so the page carries
//! no deflate code. Making a link, reading the link the page was opened with (before the app
//! starts: the browser inflates asynchronously) and links pasted into the open tab later.

use std::cell::RefCell;

use ise_planner::design::share_link::{self, LinkError};
use ise_planner::design::{Design, Loaded};
use yew::Callback;

use super::{Action, Notice, Why};
use crate::browser;

thread_local! {
    /// The share link the page was opened with, read before the app starts.
    static START_LINK: RefCell<Option<Result<Loaded, LinkError>>> = const { RefCell::new(None) };
}

/// Reads the share link in the URL fragment, if there is one, for [`super::initial`]: the browser
/// inflates asynchronously, so the app starts once this is done (at once without a link).
pub async fn read_link_at_start() {
    let Some(packed) = take_link_in_hash() else {
        return;
    };
    let result = match packed {
        Ok(packed) => read_link(packed).await,
        Err(e) => Err(e),
    };
    START_LINK.with(|l| *l.borrow_mut() = Some(result));
}

/// Opens a share link pasted into this open tab (the fragment changed): `dispatch` gets
/// the design's replacement, or why the link cannot be opened.
pub fn open_link_in_hash(dispatch: Callback<Action>) {
    match take_link_in_hash() {
        None => {}
        Some(Err(e)) => dispatch.emit(Action::Notice(Some(link_problem(&e)))),
        Some(Ok(packed)) => wasm_bindgen_futures::spawn_local(async move {
            dispatch.emit(match read_link(packed).await {
                Ok(loaded) => Action::ReplaceLoaded(Box::new(loaded), Why::SharedLink),
                Err(e) => Action::Notice(Some(link_problem(&e))),
            });
        }),
    }
}

/// The packed design of the share link in the URL fragment, if the fragment is one; the
/// fragment is then cleared, so a later reload shows the autosave (with the user's edits),
/// not the link. A fragment that is not a share link (`#top`) belongs to the page: it is
/// left alone.
fn take_link_in_hash() -> Option<Result<Vec<u8>, LinkError>> {
    let hash = browser::hash();
    if !share_link::is_share_link(&hash) {
        return None;
    }
    browser::clear_hash();
    share_link::packed_of(&hash).transpose()
}

/// A share link's design: the browser inflates, the core reads (both within the core's
/// limits).
async fn read_link(packed: Vec<u8>) -> Result<Loaded, LinkError> {
    let json = browser::inflate_raw(&packed, share_link::MAX_JSON)
        .await
        .map_err(|_| LinkError::NOT_UNPACKED)?;
    share_link::design_of(&json)
}

/// The link the page was opened with, read by [`read_link_at_start`]: once.
pub fn take_start_link() -> Option<Result<Loaded, LinkError>> {
    START_LINK.with(|l| l.borrow_mut().take())
}

/// What the notice says about a link that cannot be opened.
pub fn link_problem(e: &LinkError) -> Notice {
    Notice::problem(format!("The shared link could not be opened: {e}."))
}

/// Why no share link was made.
#[derive(Clone, Debug, PartialEq)]
pub enum MakeError {
    /// The design is too large for a link: the core's reason (it suggests Save design).
    TooLarge(LinkError),
    /// The browser could not compress.
    Browser(String),
}

/// The share link of `design`: this page's address with the design in its fragment.
pub async fn make(design: &Design) -> Result<String, MakeError> {
    let json = share_link::json_of(design).map_err(MakeError::TooLarge)?;
    let packed = browser::deflate_raw(&json)
        .await
        .map_err(MakeError::Browser)?;
    let fragment = share_link::fragment_of(&packed).map_err(MakeError::TooLarge)?;
    Ok(format!("{}#{fragment}", browser::url_without_hash()))
}
