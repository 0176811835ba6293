//! The checklist: what a person must still do, each item with the article section it comes from.

use std::rc::Rc;

use ise_planner::ise::checklist::ChecklistItem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub items: Rc<Vec<ChecklistItem>>,
}

pub fn checklist(props: &ChecklistProps) -> Html {
    html! {
        <section class="card checklist" aria-labelledby="checklist-title">
            <h2 id="checklist-title">{ "Checklist" }</h2>
            <ol>
                { for props.items.iter().map(|i| html! {
                    <li data-id={i.id}>{ &i.text }<span class="cite">{ i.source.label() }</span></li>
                }) }
            </ol>
        </section>
    }
}
