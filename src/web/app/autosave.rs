//! The autosave: the design is written to local storage half a second after typing stops,
//! and at once whenever the page is hidden or closed; a design storage already holds is not
//! written again.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use ise_planner::Design;
use yew::prelude::*;

use super::placements::Refreshed;
use crate::browser;
use crate::state::{self, Shared};

/// How long typing must pause before the design is saved in the browser.
const AUTOSAVE_MS: u32 = 500;

/// The design to save, and whether it differs from what storage holds.
type Latest = Rc<RefCell<(Rc<Design>, bool)>>;

/// Saves `design` as it changes; `false` once the browser refused a write. `displaced`: the
/// design opened with the page replaced another (a link), so it differs from storage.
#[hook]
pub fn use_autosave(design: &Shared<Design>, displaced: bool, refreshed: Refreshed) -> bool {
    let saved = use_state_eq(|| true);
    let latest: Latest = use_mut_ref(|| (design.0.clone(), displaced));
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let (latest, timer, saved) = (latest.clone(), timer.clone(), saved.setter());
        use_effect_with(design.clone(), move |d: &Shared<Design>| {
            if !Rc::ptr_eq(&latest.borrow().0, &d.0) {
                let from = refreshed.borrow_mut().take();
                let (before, dirty) = latest.borrow().clone();
                let clean_refresh = !dirty && from.is_some_and(|f| Rc::ptr_eq(&f.0, &before));
                *latest.borrow_mut() = (d.0.clone(), !clean_refresh);
            }
            if !latest.borrow().1 {
                return;
            }
            let latest = latest.clone();
            *timer.borrow_mut() = Some(Timeout::new(AUTOSAVE_MS, move || {
                if let Some(ok) = flush(&latest) {
                    saved.set(ok);
                }
            }));
        });
    }
    use_effect_with((), move |_| {
        let listeners = browser::on_page_hidden(move || {
            flush(&latest);
        });
        move || drop(listeners)
    });
    *saved
}

/// Writes the latest design to local storage if it changed since the last write; the result
/// of the write, or `None` when there was nothing to write.
fn flush(latest: &Latest) -> Option<bool> {
    let (design, dirty) = latest.borrow().clone();
    if !dirty {
        return None;
    }
    latest.borrow_mut().1 = false;
    Some(state::autosave(&design))
}
