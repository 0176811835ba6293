//! What keeps the user's work from being lost without asking: the notice about a replaced
//! design (with Undo), the message about what must be settled before the autosave may write
//! (another tab saved a different design; a saved design that could not be read) with its
//! choices, the copies of unreadable designs kept until discarded — and the listeners that
//! bring these about: share links pasted into the open tab and other tabs' saves.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::state::recent::RecentDesign;
use crate::state::recent::RECENT_KEY;
use crate::state::{self, Action, Attention, DamagedCopy, Notice};

#[derive(Properties, PartialEq)]
pub struct SafeguardsProps {
    pub notice: Option<Notice>,
    /// A replaced design is one click away (the notice may offer Undo).
    pub can_undo: bool,
    pub attention: Option<Rc<Attention>>,
    pub damaged: Rc<Vec<DamagedCopy>>,
    pub dispatch: Callback<Action>,
}

/// The file name of a downloaded unreadable design.
const UNREADABLE_FILE: &str = "unreadable-saved-design.json";

#[function_component]
pub fn Safeguards(props: &SafeguardsProps) -> Html {
    use_listeners(props.dispatch.clone());
    let attention = props.attention.as_deref().map(|a| match a {
        Attention::OtherTab { theirs, when } => other_tab(props, theirs, when),
        Attention::Unreadable { reason, text, copy } => unreadable(props, reason, text, copy),
    });
    let notice = props.notice.as_ref().map(|n| {
        html! {
            <div class={classes!("notice", n.is_problem.then_some("problem"))} role={if n.is_problem { "alert" } else { "status" }}>
                <span id="notice-text">{ &n.text }</span>
                <span class="notice-actions">
                    if n.undo && props.can_undo {
                        <button type="button" id="undo" onclick={send(props, || Action::Undo)}>{ "Undo" }</button>
                    }
                    <button type="button" class="small" onclick={send(props, || Action::Notice(None))}>{ "Dismiss" }</button>
                </span>
            </div>
        }
    });
    html! {
        <>
            { for attention }
            { for notice }
            { damaged_copies(props) }
        </>
    }
}

/// A button's handler that sends `action`.
fn send(props: &SafeguardsProps, action: fn() -> Action) -> Callback<MouseEvent> {
    props.dispatch.reform(move |_| action())
}

/// Listens for share links pasted into this open tab and for other tabs' saves.
#[hook]
fn use_listeners(dispatch: Callback<Action>) {
    {
        // A share link pasted into this open tab changes only the fragment: open it too.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener =
                browser::on_hash_change(move || state::open_link_in_hash(dispatch.clone()));
            move || drop(listener)
        });
    }
    // Another tab saved: say so rather than write over it.
    use_effect_with((), move |_| {
        let listener = browser::on_other_tab_storage(move |key, value| {
            if key == state::STORAGE_KEY {
                if let Some(text) = value {
                    dispatch.emit(Action::OtherTabSaved(text));
                }
            } else if key == RECENT_KEY || key.starts_with(state::DAMAGED_KEY) {
                dispatch.emit(Action::StorageChanged);
            }
        });
        move || drop(listener)
    });
}

/// Another tab saved a different design: load it, or keep this one.
fn other_tab(props: &SafeguardsProps, theirs: &Rc<ise_planner::Design>, when: &str) -> Html {
    // Named as Recent designs names it, cut short should a name be very long.
    let title = RecentDesign {
        design: theirs.clone(),
        why: String::new(),
        when: String::new(),
    }
    .title();
    let title = match title.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &title[..cut]),
        None => title,
    };
    html! {
        <div class="notice problem attention" role="alert">
            <span id="attention-text">{ format!("Another tab saved a different design ({title}) at {when}. This tab will not save over it until you choose: load that design (this one stays in Recent designs), or keep this one and save it in its place.") }</span>
            <span class="notice-actions">
                <button type="button" id="load-theirs" onclick={send(props, || Action::LoadTheirs)}>{ "Load the other tab's design" }</button>
                <button type="button" id="keep-mine" onclick={send(props, || Action::KeepMine)}>{ "Keep this one and save it" }</button>
            </span>
        </div>
    }
}

/// A saved design that could not be read: download or discard it.
fn unreadable(
    props: &SafeguardsProps,
    reason: &str,
    text: &Rc<str>,
    copy: &Option<String>,
) -> Html {
    let kept = match copy {
        Some(key) => format!(" The original is kept in this browser (under \"{key}\") until you discard it."),
        None => " There is no room in this browser to keep a copy of it, so it stays where it is, and this tab will not save over it until you download or discard it; until then, use Save design to keep your work.".to_string(),
    };
    let download = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = browser::download(UNREADABLE_FILE, "application/json", &text);
        })
    };
    let discard = {
        let copy = copy.clone();
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::DiscardUnreadable(copy.clone()))
    };
    html! {
        <div class="notice problem attention" role="alert">
            <span id="attention-text">{ format!("{reason}{kept}") }</span>
            <span class="notice-actions">
                <button type="button" id="download-unreadable" onclick={download}>{ "Download it" }</button>
                <button type="button" id="discard-unreadable" onclick={discard}>{ if copy.is_some() { "Discard it" } else { "Discard it and save this design" } }</button>
                if copy.is_some() {
                    <button type="button" class="small" onclick={send(props, || Action::DismissAttention)}>{ "Dismiss" }</button>
                }
            </span>
        </div>
    }
}

/// Copies of unreadable designs stay listed until discarded (the message about one covers
/// the one it is about).
fn damaged_copies(props: &SafeguardsProps) -> Html {
    let shown = match props.attention.as_deref() {
        Some(Attention::Unreadable {
            copy: Some(key), ..
        }) => Some(key.as_str()),
        _ => None,
    };
    props
        .damaged
        .iter()
        .filter(|c| Some(c.key.as_str()) != shown)
        .map(|c| {
            let key = c.key.clone();
            let download = Callback::from(move |_: MouseEvent| {
                if let Some(text) = browser::storage_get(&key) {
                    let _ = browser::download(UNREADABLE_FILE, "application/json", &text);
                }
            });
            let key = c.key.clone();
            let discard = props
                .dispatch
                .reform(move |_: MouseEvent| Action::DiscardUnreadable(Some(key.clone())));
            html! {
                <div class="notice damaged-copy" role="status">
                    <span>{ format!("A saved design that could not be read is kept in this browser (\"{}\", {} characters) until you discard it.", c.key, c.chars) }</span>
                    <span class="notice-actions">
                        <button type="button" class="small" aria-label={format!("Download {}", c.key)} onclick={download}>{ "Download" }</button>
                        <button type="button" class="small" aria-label={format!("Discard {}", c.key)} onclick={discard}>{ "Discard" }</button>
                    </span>
                </div>
            }
        })
        .collect()
}
