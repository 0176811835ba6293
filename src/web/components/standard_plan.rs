//! The Standard view's results, from the plan the tools worker sends: the new subnets as text
//! beside the ISE's (which stay until it is deleted), then every other table of the plan —
//! private endpoints, DNS zones, settings, rules, routes, what the ISE's choices become, where
//! the articles are silent, the checklist — each row linked to the article sections it follows.

use std::rc::Rc;

use ise_planner::tools::{StandardView, ViewTable};
use ise_planner::Plan;
use yew::prelude::*;

use super::buttons::CopyButton;
use crate::app::standard::Standard;
use crate::state::Shared;

/// The two columns every view table ends with.
const ARTICLE: &str = "Article";
const ARTICLE_URL: &str = "Article URL";

/// The Standard subnets beside the ISE's, or why they are not there yet.
pub fn standard_subnets(
    standard: &Standard,
    ise: &Shared<Plan>,
    on_retry: Callback<MouseEvent>,
) -> Html {
    let body = match standard {
        Standard::Preparing => {
            html! { <p class="preparing" role="status">{ "Planning the Standard network…" }</p> }
        }
        Standard::Failed(why) => html! {
            <p class="finding error" role="alert">{ format!("The Standard network could not be planned: {why}. ") }
                <button type="button" class="small" onclick={on_retry}>{ "Try again" }</button></p>
        },
        Standard::Ready { view, .. } => match view.tables.first() {
            Some(t) => subnets_view(t),
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
                { for ise.subnets.iter().map(|s| html! {
                    <li><span class="name">{ &s.name }</span>{ " " }<span class="prefix-text">{ s.prefix.clone().unwrap_or_else(|| "not placed".into()) }</span></li>
                }) }
            </ul>
        </section>
    }
}

/// Every table of the Standard plan but the subnets, each in its own card.
pub fn standard_sections(view: &Rc<StandardView>) -> Html {
    view.tables
        .iter()
        .skip(1)
        .map(|t| {
            html! {
                <section class="card standard-section" id={format!("standard-{}", t.name)} aria-labelledby={format!("standard-{}-title", t.name)}>
                    <h2 id={format!("standard-{}-title", t.name)}>{ &t.title }</h2>
                    { table_view(t, &format!("standard-{}-table", t.name)) }
                </section>
            }
        })
        .collect()
}

/// The columns of the Standard subnets the page shows first (the rest are in the copy); the
/// usable range and count share one.
const SUBNET_COLUMNS: [&str; 5] = ["Role", "Name", "Prefix", "Delegation", "Chosen"];

/// The Standard subnets: the answer, its prefixes as text, with the articles the subnets
/// follow in a disclosure below.
fn subnets_view(t: &ViewTable) -> Html {
    let at = |name: &str| t.headers.iter().position(|h| h == name);
    let columns: Vec<usize> = SUBNET_COLUMNS.iter().filter_map(|c| at(c)).collect();
    let usable = |row: &Vec<String>| -> String {
        let cell = |name: &str| {
            at(name)
                .and_then(|i| row.get(i))
                .cloned()
                .unwrap_or_default()
        };
        match cell("First usable").as_str() {
            "" => "—".into(),
            first => format!(
                "{first} – {}\n{} usable",
                cell("Last usable"),
                cell("Usable addresses")
            ),
        }
    };
    let (article, url) = (at(ARTICLE), at(ARTICLE_URL));
    let prefix = at("Prefix");
    let copy = {
        let t = t.clone();
        Callback::from(move |_| Ok((t.to_tsv(), Some(t.to_html()))))
    };
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
                                    html! { <td class="prefix"><span class="prefix-value">{ &row[i] }</span></td> }
                                } else {
                                    html! { <td>{ &row[i] }</td> }
                                }) }
                                <td class="usable">{ usable(row) }</td>
                                { for columns.iter().skip(3).map(|&i| html! { <td>{ &row[i] }</td> }) }
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
                        <li>{ format!("{}: ", row.get(at("Name").unwrap_or(0)).cloned().unwrap_or_default()) }
                            { article.and_then(|a| row.get(a)).map(|labels| cited(labels, url.and_then(|u| row.get(u)))).unwrap_or_default() }</li>
                    }) }
                </ul>
            </details>
        </>
    }
}

/// A table of the view: its columns, the article columns as links, and *Copy table*.
fn table_view(t: &ViewTable, id: &str) -> Html {
    let url_at = t.headers.iter().position(|h| h == ARTICLE_URL);
    let article_at = t.headers.iter().position(|h| h == ARTICLE);
    let copy = {
        let t = t.clone();
        Callback::from(move |_| Ok((t.to_tsv(), Some(t.to_html()))))
    };
    html! {
        <>
            <div class="scroll" tabindex="0" role="region" aria-labelledby={format!("{id}-caption")}>
                <table class="plan-table" id={id.to_string()}>
                    <caption id={format!("{id}-caption")}>{ &t.title }</caption>
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
