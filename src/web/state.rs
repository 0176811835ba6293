//! The page's state, lifted to one place: the design being edited, how it was loaded, and
//! saving it (autosave, file, link). Planning itself is `ise_planner::plan`.

use std::rc::Rc;

use ise_planner::design::{Design, LoadError};
use ise_planner::share_link;
use yew::Reducible;

use crate::browser;

/// Where the autosave lives in local storage.
pub const STORAGE_KEY: &str = "ise-planner.design";
/// Where a saved design that could not be read is kept, so nothing is thrown away.
pub const DAMAGED_KEY: &str = "ise-planner.design.damaged";

/// An edit of the design, applied to the latest state (never to a stale copy).
#[derive(Clone)]
pub struct Edit(pub Rc<dyn Fn(&mut Design)>);

impl Edit {
    pub fn new(f: impl Fn(&mut Design) + 'static) -> Edit {
        Edit(Rc::new(f))
    }
}

/// What the page shows and edits.
#[derive(Clone, PartialEq)]
pub struct PageState {
    pub design: Rc<Design>,
    /// A sentence about how the design was loaded, when the user should know.
    pub notice: Option<Notice>,
}

/// A message at the top of the page.
#[derive(Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_problem: bool,
}

pub enum Action {
    Edit(Edit),
    Replace(Design, Option<Notice>),
    Notice(Option<Notice>),
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(edit) => {
                let mut design = (*self.design).clone();
                (edit.0)(&mut design);
                Rc::new(PageState {
                    design: Rc::new(design),
                    notice: self.notice.clone(),
                })
            }
            Action::Replace(design, notice) => Rc::new(PageState {
                design: Rc::new(design),
                notice,
            }),
            Action::Notice(notice) => Rc::new(PageState {
                design: self.design.clone(),
                notice,
            }),
        }
    }
}

/// The design to start with: a share link in the URL wins, then the autosave, then the
/// default. A link or autosave that cannot be read is reported, never fatal.
pub fn initial() -> PageState {
    let mut state = from_storage();
    match from_hash() {
        Some(Action::Replace(design, notice)) => PageState {
            design: Rc::new(design),
            notice,
        },
        Some(Action::Notice(notice)) => {
            state.notice = notice;
            state
        }
        _ => state,
    }
}

/// What a share link in the URL fragment asks for, if there is one; the fragment is then
/// cleared, so a later reload shows the autosave (with the user's edits), not the link.
pub fn from_hash() -> Option<Action> {
    let hash = browser::hash();
    // A fragment that is not a share link (`#top`) belongs to the page: leave it alone.
    if !share_link::is_share_link(&hash) {
        return None;
    }
    let result = share_link::decode(&hash);
    browser::clear_hash();
    Some(match result {
        Ok(None) => return None,
        Ok(Some(loaded)) => Action::Replace(
            loaded.design,
            Some(Notice {
                text: "Opened the design from the shared link.".into(),
                is_problem: false,
            }),
        ),
        Err(e) => Action::Notice(Some(Notice {
            text: format!("The shared link could not be opened: {e}."),
            is_problem: true,
        })),
    })
}

fn from_storage() -> PageState {
    match browser::storage_get(STORAGE_KEY) {
        None => PageState {
            design: Rc::new(Design::default()),
            notice: None,
        },
        Some(text) => match Design::from_json(&text) {
            Ok(design) => PageState {
                design: Rc::new(design),
                notice: None,
            },
            Err(e) => {
                browser::storage_set(DAMAGED_KEY, &text);
                PageState {
                    design: Rc::new(Design::default()),
                    notice: Some(damaged_notice(&e)),
                }
            }
        },
    }
}

fn damaged_notice(e: &LoadError) -> Notice {
    Notice {
        text: format!("Your saved design could not be read ({e}), so the page starts from the default design. The damaged copy is kept in this browser under \"{DAMAGED_KEY}\"."),
        is_problem: true,
    }
}

/// Saves the design in the browser.
pub fn autosave(design: &Design) -> bool {
    browser::storage_set(STORAGE_KEY, &design.to_json())
}

/// A file name for the design, from the ISE name (only safe characters).
pub fn file_stem(design: &Design) -> String {
    let name: String = design
        .name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    if name.is_empty() {
        "ise".into()
    } else {
        name
    }
}
