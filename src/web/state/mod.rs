//! The page's state, lifted to one place: the design being edited, the design a replacement
//! displaced (one click away: Undo), what the user must decide before the autosave may write
//! (another tab saved a different design; a saved design that could not be read), how the
//! design was loaded (share link › autosave › default), and the reducer over all of it. Its
//! parts: `saved` (the design in local storage: autosave, unreadable designs kept, the latest
//! design for the panic hook) and `link` (share links, deflated by the browser). Planning
//! itself is `ise_planner::plan`.

use std::ops::Deref;
use std::rc::Rc;

use ise_planner::design::{Design, Loaded};
use yew::Reducible;

use crate::browser;
use recent::RecentDesign;

mod link;
pub mod recent;
mod saved;

pub use link::{make as make_link, open_link_in_hash, read_link_at_start, MakeError};
use saved::{adopt_held, from_storage, reset_fields};
pub use saved::{
    autosave, damaged_copies, save_latest, Attention, DamagedCopy, DAMAGED_KEY, HELD_KEY,
    STORAGE_KEY,
};

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
    /// What the user must decide or know about the saved design, shown until settled.
    pub attention: Option<Rc<Attention>>,
    /// Copies of saved designs that could not be read, kept in this browser until discarded.
    pub damaged: Rc<Vec<DamagedCopy>>,
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
    /// The design another tab saved.
    OtherTab,
}

impl Why {
    /// What the notice says happened.
    fn notice(&self) -> String {
        match self {
            Why::StartOver => "Design cleared.".into(),
            Why::OpenedFile(name) => format!("Opened {name}."),
            Why::SharedLink => "Opened the design from the shared link.".into(),
            Why::Restored => "Restored a recent design.".into(),
            Why::OtherTab => "Loaded the design the other tab saved.".into(),
        }
    }

    /// What replaced the design, for the recent list.
    fn replaced_by(&self) -> String {
        match self {
            Why::StartOver => "before Start over".into(),
            Why::OpenedFile(name) => format!("before opening {name}"),
            Why::SharedLink => "before opening a shared link".into(),
            Why::Restored => "before restoring another design".into(),
            Why::OtherTab => "before loading another tab's design".into(),
        }
    }
}

pub enum Action {
    Edit(Edit),
    /// Replaces the whole design; the current one stays one click away (Undo, recent list).
    Replace(Box<Design>, Why),
    /// Like `Replace`, for a design read leniently: the notice names the fields it reset.
    ReplaceLoaded(Box<Loaded>, Why),
    /// Brings back the design the last replacement displaced.
    Undo,
    /// Opens entry `n` of the recent designs.
    Restore(usize),
    Notice(Option<Notice>),
    /// Another tab wrote this text as the autosave.
    OtherTabSaved(String),
    /// Loads the design another tab saved; this tab's design stays one click away.
    LoadTheirs,
    /// Keeps this tab's design and saves it over the other tab's.
    KeepMine,
    /// Discards an unreadable saved design: the copy under this key, or (`None`) the
    /// original kept in place, after which the autosave writes again.
    DiscardUnreadable(Option<String>),
    /// Closes the message about an unreadable design whose copy is kept (it stays listed).
    DismissAttention,
    /// Another tab changed the recent designs or the kept copies: read them again.
    StorageChanged,
}

impl PageState {
    /// This state with `design` in place of the current one, which is kept for Undo and in
    /// the recent list (unless it is the default: nothing to lose).
    fn replaced(&self, design: Rc<Design>, why: &Why, recent: Vec<RecentDesign>) -> PageState {
        self.replaced_saying(design, why.notice(), why, recent)
    }

    fn replaced_saying(
        &self,
        design: Rc<Design>,
        text: String,
        why: &Why,
        recent: Vec<RecentDesign>,
    ) -> PageState {
        if *design == *self.design {
            return PageState {
                notice: Some(Notice::info(text)),
                typing: false,
                recent: Rc::new(recent),
                ..self.clone()
            };
        }
        let recent = recent::remember(recent, &self.design, &why.replaced_by());
        PageState {
            design,
            notice: Some(Notice {
                text,
                is_problem: false,
                undo: true,
            }),
            previous: Some(self.design.clone()),
            typing: false,
            recent: Rc::new(recent),
            generation: self.generation.wrapping_add(1),
            ..self.clone()
        }
    }

    /// The state after `action` (the reducer's work, before the mirror is updated).
    fn next(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(edit) => self.edited(&edit),
            Action::Replace(design, why) => {
                Rc::new(self.replaced(Rc::new(*design), &why, (*self.recent).clone()))
            }
            Action::ReplaceLoaded(loaded, why) => {
                let Loaded { design, dropped } = *loaded;
                let text = format!("{}{}", why.notice(), reset_fields(&dropped));
                Rc::new(self.replaced_saying(Rc::new(design), text, &why, (*self.recent).clone()))
            }
            Action::Restore(n) => self.restored(n),
            Action::Undo => self.undone(),
            Action::Notice(notice) => Rc::new(PageState {
                notice,
                ..(*self).clone()
            }),
            Action::OtherTabSaved(text) => self.other_tab_saved(&text),
            Action::LoadTheirs => self.theirs_loaded(),
            Action::KeepMine => self.mine_kept(),
            Action::DiscardUnreadable(key) => self.unreadable_discarded(key),
            Action::DismissAttention => match self.attention.as_deref() {
                Some(a) if !a.pauses_autosave() => Rc::new(PageState {
                    attention: None,
                    ..(*self).clone()
                }),
                _ => self,
            },
            Action::StorageChanged => Rc::new(PageState {
                recent: Rc::new(recent::load()),
                damaged: Rc::new(damaged_copies()),
                ..(*self).clone()
            }),
        }
    }

    /// After an edit: the same state when the design did not change.
    fn edited(self: Rc<Self>, edit: &Edit) -> Rc<Self> {
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

    /// Entry `n` of the recent designs opened.
    fn restored(self: Rc<Self>, n: usize) -> Rc<Self> {
        let mut list = (*self.recent).clone();
        if n >= list.len() {
            return self;
        }
        let entry = list.remove(n);
        Rc::new(self.replaced(entry.design, &Why::Restored, list))
    }

    /// The design the last replacement displaced, brought back.
    fn undone(self: Rc<Self>) -> Rc<Self> {
        let Some(previous) = &self.previous else {
            return self;
        };
        let recent = recent::remember((*self.recent).clone(), &self.design, "before Undo");
        Rc::new(PageState {
            design: previous.clone(),
            notice: Some(Notice::info("Restored the previous design.")),
            previous: None,
            typing: false,
            recent: Rc::new(recent),
            generation: self.generation.wrapping_add(1),
            ..(*self).clone()
        })
    }

    /// Another tab wrote `text` as the autosave: a different design needs the user's choice.
    fn other_tab_saved(self: Rc<Self>, text: &str) -> Rc<Self> {
        match Design::from_json(text) {
            // Theirs is this tab's design, or not a design at all (nothing to offer).
            Ok(theirs) if theirs != *self.design => Rc::new(PageState {
                attention: Some(Rc::new(Attention::OtherTab {
                    theirs: Rc::new(theirs),
                    when: browser::local_time(),
                })),
                ..(*self).clone()
            }),
            Ok(_)
                if self
                    .attention
                    .as_deref()
                    .is_some_and(|a| matches!(a, Attention::OtherTab { .. })) =>
            {
                // The other tab saved this tab's design after all: nothing to choose.
                browser::storage_remove(HELD_KEY);
                Rc::new(PageState {
                    attention: None,
                    ..(*self).clone()
                })
            }
            _ => self,
        }
    }

    /// The design another tab saved, loaded; this tab's stays one click away.
    fn theirs_loaded(self: Rc<Self>) -> Rc<Self> {
        let Some(Attention::OtherTab { theirs, .. }) = self.attention.as_deref() else {
            return self;
        };
        let theirs = theirs.clone();
        browser::storage_remove(HELD_KEY);
        let cleared = PageState {
            attention: None,
            ..(*self).clone()
        };
        Rc::new(cleared.replaced(theirs, &Why::OtherTab, (*self.recent).clone()))
    }

    /// This tab's design saved over the other tab's.
    fn mine_kept(self: Rc<Self>) -> Rc<Self> {
        let saved = browser::storage_set(STORAGE_KEY, &self.design.to_json());
        browser::storage_remove(HELD_KEY);
        Rc::new(PageState {
            attention: None,
            notice: Some(if saved {
                Notice::info("Saved this tab's design in place of the other tab's.")
            } else {
                Notice::problem(NOT_SAVED)
            }),
            ..(*self).clone()
        })
    }

    /// An unreadable saved design discarded: the copy under `key`, or (`None`) the original
    /// kept in place, after which the autosave writes again.
    fn unreadable_discarded(self: Rc<Self>, key: Option<String>) -> Rc<Self> {
        let mut notice = self.notice.clone();
        match &key {
            Some(key) if key.starts_with(DAMAGED_KEY) => browser::storage_remove(key),
            Some(_) => {}
            None => {
                // The original was kept in place: saving resumes over it, now.
                if !browser::storage_set(STORAGE_KEY, &self.design.to_json()) {
                    browser::storage_remove(STORAGE_KEY);
                    notice = Some(Notice::problem(NOT_SAVED));
                }
            }
        }
        let settled = match self.attention.as_deref() {
            Some(Attention::Unreadable { copy, .. }) => *copy == key,
            _ => false,
        };
        Rc::new(PageState {
            attention: if settled {
                None
            } else {
                self.attention.clone()
            },
            notice,
            damaged: Rc::new(damaged_copies()),
            ..(*self).clone()
        })
    }
}

/// What the page says when the browser refused to save the design.
pub const NOT_SAVED: &str =
    "This browser did not let the page save the design; use Save design to keep it.";

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.next(action);
        mirror(&next);
        next
    }
}

/// Tells the autosave and the panic hook the design and whether the autosave is paused.
fn mirror(state: &PageState) {
    let paused = state
        .attention
        .as_deref()
        .is_some_and(Attention::pauses_autosave);
    saved::remember_latest(&state.design, paused);
}

/// The design to start with: a share link in the URL wins (read by [`read_link_at_start`];
/// the autosave it displaces stays one click away), then the autosave, then the default. A
/// link or saved design that cannot be read is reported (and the saved one kept), never
/// fatal.
pub fn initial() -> PageState {
    let (design, attention) = from_storage();
    let design = Rc::new(design);
    let recent = adopt_held(recent::load(), &design);
    let state = PageState {
        design,
        notice: None,
        previous: None,
        typing: false,
        recent: Rc::new(recent),
        generation: 0,
        attention: attention.map(Rc::new),
        damaged: Rc::new(damaged_copies()),
    };
    let state = match link::take_start_link() {
        None => state,
        Some(Ok(loaded)) => {
            let text = format!(
                "{}{}",
                Why::SharedLink.notice(),
                reset_fields(&loaded.dropped)
            );
            let recent = (*state.recent).clone();
            state.replaced_saying(Rc::new(loaded.design), text, &Why::SharedLink, recent)
        }
        Some(Err(e)) => PageState {
            notice: Some(link::link_problem(&e)),
            ..state
        },
    };
    mirror(&state);
    state
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
