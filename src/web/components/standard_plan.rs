//! The Standard view's results, from the plan the tools worker sends: the new subnets as text
//! beside the ISE's (which stay until it is deleted), then every other table of the plan —
//! private endpoints, DNS zones, settings, rules, routes, what the ISE's choices become, where
//! the articles are silent, the checklist — each row linked to the article sections it follows.

use ise_planner::export::standard::tables::subnet_column as column;
use ise_planner::export::standard::tables::{StandardTable, ARTICLE, ARTICLE_URL};
use ise_planner::tools::{StandardView, ViewTable};
use ise_planner::Plan;
use yew::prelude::*;

use super::buttons::CopyButton;
use crate::app::standard::Standard;
use crate::state::Shared;

/// Whether `t` is the Standard subnets' table (the answer, shown on its own).
pub fn is_subnets(t: &ViewTable) -> bool {
    t.name == StandardTable::Subnets.name()
}

pub struct SubnetsProps {
    pub standard: Standard,
    pub ise: Shared<Plan>,
    pub on_retry: Callback<MouseEvent>,
}

/// The Standard subnets beside the ISE's, or why they are not there yet. A plain function,
/// not a component: the ISE's subnets beside them follow every keystroke anyway.
pub fn standard_subnets(props: &SubnetsProps) -> Html {
    let body = match &props.standard {
        Standard::Preparing => {
            html! { <p class="preparing" role="status">{ "Planning the Standard network…" }</p> }
        }
        Standard::Failed(why) => html! {
            <p class="finding error" role="alert">{ format!("The Standard network could not be planned: {why}. ") }
                <button type="button" class="small" onclick={props.on_retry.clone()}>{ "Try again" }</button></p>
        },
        Standard::Ready { view, .. } => match view.tables.iter().position(is_subnets) {
            Some(i) => subnets_view(view, i),
            None => html! {},
        },
    };
    html! {
        <section class="card results" id="results" aria-labelledby="standard-subnets-title">
            <h2 id="standard-subnets-title">{ "Logic Apps Standard subnets" }</h2>
            { body }
            <h3>{ "Beside the ISE's subnets" }</h3>
            <p class="help">{ "They stay until the ISE is deleted; the new subnets avoid them unless they are to take the ISE's space." }</p>
            <ul class="ise-beside" id="ise-beside">
                { for props.ise.subnets.iter().map(|s| html! {
                    <li><span class="name">{ &s.name }</span>{ " " }<span class="prefix-text">{ s.prefix.clone().unwrap_or_else(|| "not placed".into()) }</span></li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SectionsProps {
    pub view: Shared<StandardView>,
}

/// Every table of the Standard plan but the subnets, each in its own card; drawn again only
/// when a new plan arrives.
#[function_component]
pub fn StandardSections(props: &SectionsProps) -> Html {
    let view = &props.view;
    view.tables
        .iter()
        .enumerate()
        .filter(|(_, t)| !is_subnets(t))
        .map(|(i, t)| {
            html! {
                <section class="card standard-section" id={format!("standard-{}", t.name)} aria-labelledby={format!("standard-{}-title", t.name)}>
                    <h2 id={format!("standard-{}-title", t.name)}>{ &t.title }</h2>
                    { table_view(view, i, &format!("standard-{}-table", t.name)) }
                </section>
            }
        })
        .collect()
}

/// *Copy table* for table `i` of the view: its text made when the button is used.
fn copy_table(
    view: &Shared<StandardView>,
    i: usize,
) -> Callback<(), Result<(String, Option<String>), String>> {
    let view = view.clone();
    Callback::from(move |_| {
        let t = view.tables.get(i).ok_or("the table is gone")?;
        Ok((t.to_tsv(), Some(t.to_html())))
    })
}

/// The columns of the Standard subnets the page shows first (the rest are in the copy); the
/// usable range and count share one, after the first three.
const SUBNET_COLUMNS: [&str; 5] = [
    column::ROLE,
    column::NAME,
    column::PREFIX,
    column::DELEGATION,
    column::CHOSEN,
];

/// Cell `i` of `row`; empty if the row is short.
fn cell_at(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", String::as_str)
}

/// The Standard subnets (table `i` of the view): the answer, its prefixes as text, with the
/// articles the subnets follow in a disclosure below.
fn subnets_view(view: &Shared<StandardView>, i: usize) -> Html {
    let t = &view.tables[i];
    let columns: Vec<usize> = SUBNET_COLUMNS.iter().filter_map(|c| t.column(c)).collect();
    let usable = |row: &[String]| -> String {
        match t.cell(row, column::FIRST_USABLE) {
            "" => "—".into(),
            first => format!(
                "{first} – {}\n{} usable",
                t.cell(row, column::LAST_USABLE),
                t.cell(row, column::USABLE)
            ),
        }
    };
    let (article, url) = (t.column(ARTICLE), t.column(ARTICLE_URL));
    let prefix = t.column(column::PREFIX);
    let copy = copy_table(view, i);
    html! {
        <>
            <div class="scroll" tabindex="0" role="region" aria-labelledby="standard-subnets-caption">
                <table class="plan-table subnets" id="standard-subnets">
                    <caption id="standard-subnets-caption">{ "The new subnets, largest first" }</caption>
                    <thead><tr>
                        { for columns.iter().take(3).map(|&i| html! { <th scope="col">{ &t.headers[i] }</th> }) }
                        <th scope="col">{ "Usable addresses" }</th>
                        { for columns.iter().skip(3).map(|&i| html! { <th scope="col">{ &t.headers[i] }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for t.rows.iter().map(|row| html! {
                            <tr>
                                { for columns.iter().take(3).map(|&i| if Some(i) == prefix {
                                    html! { <td class="prefix"><span class="prefix-value">{ cell_at(row, i) }</span></td> }
                                } else {
                                    html! { <td>{ cell_at(row, i) }</td> }
                                }) }
                                <td class="usable">{ usable(row) }</td>
                                { for columns.iter().skip(3).map(|&i| html! { <td>{ cell_at(row, i) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="actions"><CopyButton label="Copy table" produce={copy} /></div>
            <details class="sources">
                <summary>{ "The articles these subnets follow" }</summary>
                <ul>
                    { for t.rows.iter().map(|row| html! {
                        <li>{ format!("{}: ", t.cell(row, column::NAME)) }
                            { article.and_then(|a| row.get(a)).map(|labels| cited(labels, url.and_then(|u| row.get(u)))).unwrap_or_default() }</li>
                    }) }
                </ul>
            </details>
        </>
    }
}

/// A table of the view: its columns, the article columns as links, and *Copy table*.
fn table_view(view: &Shared<StandardView>, i: usize, id: &str) -> Html {
    let t = &view.tables[i];
    let url_at = t.column(ARTICLE_URL);
    let article_at = t.column(ARTICLE);
    let copy = copy_table(view, i);
    html! {
        <>
            <div class="scroll" tabindex="0" role="region" aria-labelledby={format!("{id}-caption")}>
                <table class="plan-table" id={id.to_string()}>
                    // The section's heading says the same: the caption is for table navigation.
                    <caption id={format!("{id}-caption")} class="visually-hidden">{ &t.title }</caption>
                    <thead><tr>
                        { for t.headers.iter().enumerate().filter(|(i, _)| Some(*i) != url_at).map(|(_, h)| html! { <th scope="col">{ h }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for t.rows.iter().map(|row| html! {
                            <tr>{ for row.iter().enumerate().filter(|(i, _)| Some(*i) != url_at).map(|(i, cell)| {
                                if Some(i) == article_at {
                                    html! { <td class="cite-cell">{ cited(cell, url_at.and_then(|u| row.get(u))) }</td> }
                                } else {
                                    html! { <td>{ cell }</td> }
                                }
                            }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="actions"><CopyButton label="Copy table" produce={copy} /></div>
        </>
    }
}

/// The articles a row follows, each linked to its address: `labels` ("title › section ›
/// row") joined by `; `, `urls` by a space, in the same order. A link shows the section; the
/// whole label is its title.
fn cited(labels: &str, urls: Option<&String>) -> Html {
    let urls: Vec<&str> = urls.map(|u| u.split(' ').collect()).unwrap_or_default();
    labels
        .split("; ")
        .enumerate()
        .map(|(i, label)| {
            let section = label.split(" › ").nth(1).unwrap_or(label);
            match urls.get(i) {
                Some(url) => html! { <a class="cite" href={url.to_string()} title={label.to_string()} rel="noreferrer">{ section }</a> },
                None => html! { <span class="cite">{ label }</span> },
            }
        })
        .collect()
}
