//! The settled plan: findings and the one status region follow the plan only after a pause in
//! typing (or at once when the user leaves a field), so the page does not speak or jump with
//! every keystroke.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use ise_planner::{Design, Plan};
use yew::prelude::*;

use crate::browser;
use crate::state::Shared;

/// How long typing must pause before findings show and the status region speaks.
const SETTLE_MS: u32 = 1000;

/// A design and its plan.
pub type Planned = (Shared<Design>, Shared<Plan>);

/// The settled design and plan, and the handlers that settle at once.
pub struct Settled {
    pub pair: Planned,
    /// For the layout's `focusout`: leaving a field settles at once.
    pub settle_now: Callback<FocusEvent>,
    /// For the layout's `pointerdown`: a click in progress delays settling until release, so
    /// that findings appearing between press and release never move the control clicked.
    pub pointer_down: Callback<PointerEvent>,
}

/// Follows `live` (the plan of the design as it is now): at once after a choice, after
/// [`SETTLE_MS`] of quiet after typing, at once when a field is left.
#[hook]
pub fn use_settled(live: Planned, typing: bool) -> Settled {
    let settled = use_state_eq(|| live.clone());
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let (setter, timer) = (settled.setter(), timer.clone());
        use_effect_with(live.clone(), move |p: &Planned| {
            let p = p.clone();
            if typing {
                *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || setter.set(p)));
            } else {
                timer.borrow_mut().take();
                setter.set(p);
            }
        });
    }
    let pointer = use_mut_ref(|| (false, None::<Planned>));
    let settle_now = {
        let (setter, timer, pointer) = (settled.setter(), timer.clone(), pointer.clone());
        Callback::from(move |_: FocusEvent| {
            timer.borrow_mut().take();
            let mut p = pointer.borrow_mut();
            if p.0 {
                p.1 = Some(live.clone());
            } else {
                setter.set(live.clone());
            }
        })
    };
    let pointer_down = {
        let pointer = pointer.clone();
        Callback::from(move |_: PointerEvent| pointer.borrow_mut().0 = true)
    };
    use_settle_on_release(pointer, settled.setter(), timer);
    Settled {
        pair: (*settled).clone(),
        settle_now,
        pointer_down,
    }
}

/// When the pointer is released, the plan a focus change asked for during the click settles
/// (after the click that the release completes).
#[hook]
fn use_settle_on_release(
    pointer: Rc<std::cell::RefCell<(bool, Option<Planned>)>>,
    setter: UseStateSetter<Planned>,
    timer: Rc<std::cell::RefCell<Option<Timeout>>>,
) {
    use_effect_with((), move |_| {
        let listener = browser::on_window("pointerup", move || {
            let mut p = pointer.borrow_mut();
            p.0 = false;
            if let Some(plan) = p.1.take() {
                let setter = setter.clone();
                *timer.borrow_mut() = Some(Timeout::new(0, move || setter.set(plan)));
            }
        });
        move || drop(listener)
    });
}
