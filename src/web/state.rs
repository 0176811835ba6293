//! The page's state, lifted to one place: the design being edited, the design a replacement
//! displaced (one click away: Undo), how the design was loaded, and the autosave. Planning
//! itself is `ise_planner::plan`.

use std::ops::Deref;
use std::rc::Rc;

use ise_planner::design::{Design, LoadError};
use ise_planner::share_link;
use ise_planner::share_link::LinkError;
use yew::Reducible;

use crate::browser;
use crate::recent::{self, RecentDesign};

/// Where the autosave lives in local storage.
pub const STORAGE_KEY: &str = "ise-planner.design";
/// Where a saved design that could not be read is kept, so nothing is thrown away.
pub const DAMAGED_KEY: &str = "ise-planner.design.damaged";

/// A shared value compared by identity, not content: props that hold one re-render only
/// when the value was recomputed, without walking a large plan to compare it.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// An edit of the design, applied to the latest state (never to a stale copy).
#[derive(Clone)]
pub struct Edit {
    pub apply: Rc<dyn Fn(&mut Design)>,
    /// The edit is a keystroke in a text field: findings wait until the user pauses.
    pub typing: bool,
}

impl Edit {
    /// An edit by a choice, a checkbox or a button: findings follow at once.
    pub fn new(f: impl Fn(&mut Design) + 'static) -> Edit {
        Edit {
            apply: Rc::new(f),
            typing: false,
        }
    }

    /// An edit by typing: the plan follows at once, findings after a pause.
    pub fn typed(f: impl Fn(&mut Design) + 'static) -> Edit {
        Edit {
            apply: Rc::new(f),
            typing: true,
        }
    }
}

/// What the page shows and edits.
#[derive(Clone, PartialEq)]
pub struct PageState {
    pub design: Rc<Design>,
    /// A sentence about what just happened to the design, when the user should know.
    pub notice: Option<Notice>,
    /// The design the last replacement displaced; Undo brings it back.
    pub previous: Option<Rc<Design>>,
    /// The last change was typing (findings wait for a pause).
    pub typing: bool,
    /// Designs replaced earlier, newest first (also kept in local storage).
    pub recent: Rc<Vec<RecentDesign>>,
    /// Counts whole-design replacements, so that views holding local state (an open prefix
    /// editor) start afresh with a new design.
    pub generation: u32,
}

/// A message at the top of the page.
#[derive(Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_problem: bool,
    /// Offer Undo (the notice is about a replaced design).
    pub undo: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_problem: false,
            undo: false,
        }
    }

    pub fn problem(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_problem: true,
            undo: false,
        }
    }
}

/// Why a design replaces the one being edited (said in the notice and the recent list).
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    StartOver,
    OpenedFile(String),
    SharedLink,
    Restored,
}

impl Why {
    /// What the notice says happened.
    fn notice(&self) -> String {
        match self {
            Why::StartOver => "Design cleared.".into(),
            Why::OpenedFile(name) => format!("Opened {name}."),
            Why::SharedLink => "Opened the design from the shared link.".into(),
            Why::Restored => "Restored a recent design.".into(),
        }
    }

    /// What replaced the design, for the recent list.
    fn replaced_by(&self) -> String {
        match self {
            Why::StartOver => "before Start over".into(),
            Why::OpenedFile(name) => format!("before opening {name}"),
            Why::SharedLink => "before opening a shared link".into(),
            Why::Restored => "before restoring another design".into(),
        }
    }
}

pub enum Action {
    Edit(Edit),
    /// Replaces the whole design; the current one stays one click away (Undo, recent list).
    Replace(Box<Design>, Why),
    /// Brings back the design the last replacement displaced.
    Undo,
    /// Opens entry `n` of the recent designs.
    Restore(usize),
    Notice(Option<Notice>),
}

impl PageState {
    /// This state with `design` in place of the current one, which is kept for Undo and in
    /// the recent list (unless it is the default: nothing to lose).
    fn replaced(&self, design: Rc<Design>, why: &Why, recent: Vec<RecentDesign>) -> PageState {
        if *design == *self.design {
            return PageState {
                notice: Some(Notice::info(why.notice())),
                typing: false,
                recent: Rc::new(recent),
                ..self.clone()
            };
        }
        let recent = recent::remember(recent, &self.design, &why.replaced_by());
        PageState {
            design,
            notice: Some(Notice {
                text: why.notice(),
                is_problem: false,
                undo: true,
            }),
            previous: Some(self.design.clone()),
            typing: false,
            recent: Rc::new(recent),
            generation: self.generation.wrapping_add(1),
        }
    }
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(edit) => {
                let mut design = (*self.design).clone();
                (edit.apply)(&mut design);
                if design == *self.design {
                    return self;
                }
                Rc::new(PageState {
                    design: Rc::new(design),
                    typing: edit.typing,
                    ..(*self).clone()
                })
            }
            Action::Replace(design, why) => {
                Rc::new(self.replaced(Rc::new(*design), &why, (*self.recent).clone()))
            }
            Action::Restore(n) => {
                let mut list = (*self.recent).clone();
                if n >= list.len() {
                    return self;
                }
                let entry = list.remove(n);
                Rc::new(self.replaced(entry.design, &Why::Restored, list))
            }
            Action::Undo => match &self.previous {
                None => self,
                Some(previous) => {
                    let recent =
                        recent::remember((*self.recent).clone(), &self.design, "before Undo");
                    Rc::new(PageState {
                        design: previous.clone(),
                        notice: Some(Notice::info("Restored the previous design.")),
                        previous: None,
                        typing: false,
                        recent: Rc::new(recent),
                        generation: self.generation.wrapping_add(1),
                    })
                }
            },
            Action::Notice(notice) => Rc::new(PageState {
                notice,
                ..(*self).clone()
            }),
        }
    }
}

/// The design to start with: a share link in the URL wins (the autosave it displaces stays
/// one click away), then the autosave, then the default. A link or autosave that cannot be
/// read is reported, never fatal.
pub fn initial() -> PageState {
    let (design, notice) = from_storage();
    let state = PageState {
        design: Rc::new(design),
        notice,
        previous: None,
        typing: false,
        recent: Rc::new(recent::load()),
        generation: 0,
    };
    match link_in_hash() {
        None => state,
        Some(Ok(design)) => {
            state.replaced(Rc::new(design), &Why::SharedLink, (*state.recent).clone())
        }
        Some(Err(e)) => PageState {
            notice: Some(link_problem(&e)),
            ..state
        },
    }
}

/// What a share link in the URL fragment holds, if there is one; the fragment is then
/// cleared, so a later reload shows the autosave (with the user's edits), not the link.
pub fn link_in_hash() -> Option<Result<Design, LinkError>> {
    let hash = browser::hash();
    // A fragment that is not a share link (`#top`) belongs to the page: leave it alone.
    if !share_link::is_share_link(&hash) {
        return None;
    }
    let result = share_link::decode(&hash);
    browser::clear_hash();
    match result {
        Ok(None) => None,
        Ok(Some(loaded)) => Some(Ok(loaded.design)),
        Err(e) => Some(Err(e)),
    }
}

/// The action for a share link pasted into an open tab.
pub fn from_hash() -> Option<Action> {
    Some(match link_in_hash()? {
        Ok(design) => Action::Replace(Box::new(design), Why::SharedLink),
        Err(e) => Action::Notice(Some(link_problem(&e))),
    })
}

fn link_problem(e: &LinkError) -> Notice {
    Notice::problem(format!("The shared link could not be opened: {e}."))
}

fn from_storage() -> (Design, Option<Notice>) {
    match browser::storage_get(STORAGE_KEY) {
        None => (Design::default(), None),
        Some(text) => match Design::from_json(&text) {
            Ok(design) => (design, None),
            Err(e) => {
                browser::storage_set(DAMAGED_KEY, &text);
                (Design::default(), Some(damaged_notice(&e)))
            }
        },
    }
}

fn damaged_notice(e: &LoadError) -> Notice {
    Notice::problem(format!("Your saved design could not be read ({e}), so the page starts from the default design. The damaged copy is kept in this browser under \"{DAMAGED_KEY}\"."))
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
