//! Placement hints kept in the design: once a plan settles, each unpinned subnet's block is
//! written into the design (`placed`), so that later edits move no subnet whose block is still
//! valid. The core (`placement::with_placements`) returns nothing when every hint already says
//! so: no render loop.

use std::cell::RefCell;
use std::rc::Rc;

use ise_planner::design::Design;
use ise_planner::ise::placement;
use yew::prelude::*;

use super::settled::Planned;
use crate::state::{Action, Edit, PageState, Shared};

/// The design whose hints were last refreshed: a refresh alone does not make a design that
/// storage already holds need saving (another tab's autosave stays as it was).
pub type Refreshed = Rc<RefCell<Option<Shared<Design>>>>;

/// The allocation note of a plan that moved subnets, kept across the refresh of its placement
/// hints: the refreshed design's plan places the subnets exactly where this one did but no
/// longer says why they moved ("Subnet 3 could not stay at …"), so the page goes on showing
/// this note until the next edit.
struct Carried {
    /// The design whose plan moved subnets.
    from: Shared<Design>,
    /// The refreshed design (known from the render after the refresh).
    to: Option<Shared<Design>>,
    note: AttrValue,
}

/// Refreshes the hints after each settled plan; the note to show for `design` in place of
/// its plan's own, if the refresh carried one over.
#[hook]
pub fn use_placements(
    state: UseReducerHandle<PageState>,
    settled: Planned,
    design: &Shared<Design>,
    refreshed: Refreshed,
) -> Option<AttrValue> {
    let carried = use_mut_ref(|| None::<Carried>);
    {
        let carried = carried.clone();
        use_effect_with(settled, move |(d, p): &Planned| {
            let Some(next) = placement::with_placements(d, p) else {
                return;
            };
            *refreshed.borrow_mut() = Some(d.clone());
            *carried.borrow_mut() = (!p.allocation.moved.is_empty()).then(|| Carried {
                from: d.clone(),
                to: None,
                note: AttrValue::from(p.allocation.summary.clone()),
            });
            let placed: Vec<String> = next.subnets.iter().map(|s| s.placed.clone()).collect();
            state.dispatch(Action::Edit(Edit::new(move |d| {
                for (spec, placed) in d.subnets.iter_mut().zip(&placed) {
                    if !spec.is_pinned() {
                        spec.placed.clone_from(placed);
                    }
                }
            })));
        });
    }
    carried_for(&carried, design)
}

/// The note carried over for the design shown, if it is the refreshed one.
fn carried_for(carried: &RefCell<Option<Carried>>, design: &Shared<Design>) -> Option<AttrValue> {
    let mut slot = carried.borrow_mut();
    let c = slot.as_mut()?;
    match &c.to {
        None if c.from == *design => None,
        None => {
            c.to = Some(design.clone());
            Some(c.note.clone())
        }
        Some(to) if to == design => Some(c.note.clone()),
        Some(_) => {
            *slot = None;
            None
        }
    }
}
