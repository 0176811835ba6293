//! The saved design in local storage: the autosave (written aside while this tab must not
//! write it), reading it leniently, keeping a saved design that cannot be read (a copy aside
//! that is never written over, or the original left in place when no copy fits), the design a
//! paused tab kept aside, and the latest design for the panic hook.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ise_planner::design::{Design, LoadError, Loaded};
use ise_planner::findings::field_labels;

use crate::browser;
use crate::state::recent::{self, RecentDesign};

/// Where the autosave lives in local storage.
pub const STORAGE_KEY: &str = "ise-planner.design";
/// Where a saved design that could not be read is copied, so nothing is thrown away: this
/// key, then `….2`, `….3`… — a copy is never written over, only discarded by the user.
pub const DAMAGED_KEY: &str = "ise-planner.design.damaged";
/// Where a tab that must not write the autosave (see [`Attention::pauses_autosave`]) saves
/// its design instead; the next page to start moves it into the recent designs.
pub const HELD_KEY: &str = "ise-planner.design.held";

/// Something about the saved design that the user must settle; it stays on the page until
/// they do, whatever else happens.
#[derive(Clone, Debug, PartialEq)]
pub enum Attention {
    /// Another tab saved a different design. This tab writes nothing over it (it keeps its
    /// own design aside under [`HELD_KEY`]) until the user loads theirs or keeps this one.
    OtherTab { theirs: Rc<Design>, when: String },
    /// The saved design could not be read, or only with fields reset (`reason` says which).
    /// Its text is kept: copied aside under `copy` (the autosave may then replace the
    /// original), or — when no copy fits in storage — left in place, and this tab writes
    /// nothing over it until the user downloads or discards it.
    Unreadable {
        reason: String,
        text: Rc<str>,
        copy: Option<String>,
    },
}

impl Attention {
    /// Whether this tab must not write the autosave now.
    pub fn pauses_autosave(&self) -> bool {
        match self {
            Attention::OtherTab { .. } => true,
            Attention::Unreadable { copy, .. } => copy.is_none(),
        }
    }
}

/// A copy of a saved design that could not be read, under its own key.
#[derive(Clone, Debug, PartialEq)]
pub struct DamagedCopy {
    pub key: String,
    /// Its length in characters.
    pub chars: usize,
}

thread_local! {
    /// The latest design and whether the autosave is paused, for code outside Yew's
    /// state: the autosave and the panic hook.
    static LATEST: RefCell<Option<Rc<Design>>> = const { RefCell::new(None) };
    static PAUSED: Cell<bool> = const { Cell::new(false) };
}

/// Remembers the design being edited and whether the autosave is paused (the reducer calls
/// this after each change).
pub fn remember_latest(design: &Rc<Design>, paused: bool) {
    LATEST.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = Some(design.clone());
        }
    });
    PAUSED.with(|p| p.set(paused));
}

/// " These fields had the wrong type and were reset to their defaults: …" (empty when none),
/// naming each field as the page labels it.
pub fn reset_fields(dropped: &[String]) -> String {
    const SHOWN: usize = 10;
    let names: Vec<String> = dropped
        .iter()
        .take(SHOWN)
        .map(|p| field_labels::label_or_path(p))
        .collect();
    let more = match dropped.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    match dropped.len() {
        0 => String::new(),
        1 => format!(
            " One field had the wrong type and was reset to its default: {}.",
            names[0]
        ),
        n => format!(
            " {n} fields had the wrong type and were reset to their defaults: {}{more}.",
            names.join(", ")
        ),
    }
}

/// A design a tab kept aside because it could not save it (see [`HELD_KEY`]) joins the
/// recent designs; it leaves storage only once the list holds it.
pub fn adopt_held(recent: Vec<RecentDesign>, current: &Design) -> Vec<RecentDesign> {
    let Some(text) = browser::storage_get(HELD_KEY) else {
        return recent;
    };
    let Ok(held) = Design::from_json(&text) else {
        browser::storage_remove(HELD_KEY);
        return recent;
    };
    if held == *current {
        browser::storage_remove(HELD_KEY);
        return recent;
    }
    let held = Rc::new(held);
    let list = recent::remember(recent, &held, "by a tab that could not save it");
    if recent::load().iter().any(|r| r.design == held) {
        browser::storage_remove(HELD_KEY);
    }
    list
}

/// The autosave, read leniently. A saved design that cannot be read — or only with fields
/// reset — is kept: copied aside, or left where it is when no copy fits.
pub fn from_storage() -> (Design, Option<Attention>) {
    let Some(text) = browser::storage_get(STORAGE_KEY) else {
        return (Design::default(), None);
    };
    let (design, reason) = match Design::load(&text) {
        Ok(Loaded { design, dropped }) if dropped.is_empty() => return (design, None),
        Ok(Loaded { design, dropped }) => (
            design,
            format!(
                "Your saved design was read, but not all of it.{}",
                reset_fields(&dropped)
            ),
        ),
        Err(e) => (Design::default(), unreadable_reason(&e)),
    };
    let copy = keep_aside(&text);
    let attention = Attention::Unreadable {
        reason,
        text: Rc::from(text),
        copy,
    };
    (design, Some(attention))
}

fn unreadable_reason(e: &LoadError) -> String {
    format!(
        "Your saved design could not be read ({e}), so the page starts from the default design."
    )
}

/// Copies `text` to the first free key of [`DAMAGED_KEY`] (or finds it already kept there)
/// and reads it back; the key, or `None` when no copy could be confirmed.
fn keep_aside(text: &str) -> Option<String> {
    for n in 1..=100 {
        let key = if n == 1 {
            DAMAGED_KEY.to_string()
        } else {
            format!("{DAMAGED_KEY}.{n}")
        };
        match browser::storage_get(&key) {
            Some(kept) if kept == text => return Some(key),
            Some(_) => continue,
            None => {
                if browser::storage_set_confirmed(&key, text) {
                    return Some(key);
                }
                browser::storage_remove(&key);
                return None;
            }
        }
    }
    None
}

/// The copies of unreadable saved designs kept in this browser, oldest first.
pub fn damaged_copies() -> Vec<DamagedCopy> {
    let mut keys: Vec<(usize, String)> = browser::storage_keys()
        .into_iter()
        .filter_map(|key| {
            let n = match key.strip_prefix(DAMAGED_KEY)? {
                "" => 1,
                rest => rest.strip_prefix('.')?.parse().ok()?,
            };
            Some((n, key))
        })
        .collect();
    keys.sort();
    keys.into_iter()
        .filter_map(|(_, key)| {
            let chars = browser::storage_get(&key)?.chars().count();
            Some(DamagedCopy { key, chars })
        })
        .collect()
}

/// Saves the design in the browser — as the autosave, or, while this tab must not write
/// the autosave, aside under [`HELD_KEY`]. False when storage refused.
pub fn autosave(design: &Design) -> bool {
    let key = if PAUSED.with(Cell::get) {
        HELD_KEY
    } else {
        STORAGE_KEY
    };
    browser::storage_set(key, &design.to_json())
}

/// Saves the latest design at once, for the panic hook; `None` when there is none or it
/// cannot be reached now. Never panics.
pub fn save_latest() -> Option<bool> {
    let design = LATEST.with(|l| l.try_borrow().ok().and_then(|d| d.clone()))?;
    Some(autosave(&design))
}
