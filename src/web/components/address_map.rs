//! How the address map is drawn: one SVG bar per VNet prefix, segments proportional to
//! their size but never thinner than a visible sliver, numbered, with a legend table.

use std::rc::Rc;

use ise_planner::address_map::{MapPrefix, SegmentKind};
use ise_planner::Plan;
use yew::prelude::*;

const WIDTH: f64 = 1000.0;
/// The narrowest a used segment is drawn, so a /27 shows in a /16.
const MIN_WIDTH: f64 = 10.0;

/// Display widths: used segments at least `MIN_WIDTH`, free space shrunk to make room.
fn widths(map: &MapPrefix) -> Vec<f64> {
    let total = map.addresses.max(1) as f64;
    let raw: Vec<f64> = map
        .segments
        .iter()
        .map(|s| s.addresses as f64 / total * WIDTH)
        .collect();
    let used: f64 = map
        .segments
        .iter()
        .zip(&raw)
        .filter(|(s, _)| s.kind != SegmentKind::Free)
        .map(|(_, w)| w.max(MIN_WIDTH))
        .sum();
    let free: f64 = map
        .segments
        .iter()
        .zip(&raw)
        .filter(|(s, _)| s.kind == SegmentKind::Free)
        .map(|(_, w)| *w)
        .sum();
    if used >= WIDTH || free <= 0.0 {
        return raw;
    }
    let scale = (WIDTH - used) / free;
    map.segments
        .iter()
        .zip(raw)
        .map(|(s, w)| {
            if s.kind == SegmentKind::Free {
                w * scale
            } else {
                w.max(MIN_WIDTH)
            }
        })
        .collect()
}

fn kind_name(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Ise => "ISE subnet",
        SegmentKind::Existing => "existing",
        SegmentKind::Reserved => "reserved",
        SegmentKind::Free => "free",
        SegmentKind::Mixed => "mixed",
    }
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub plan: Rc<Plan>,
}

#[function_component]
pub fn AddressMap(props: &MapProps) -> Html {
    let maps = &props.plan.address_map;
    html! {
        <section class="card" aria-labelledby="map-title">
            <h2 id="map-title">{ "Address map" }</h2>
            if maps.is_empty() { <p class="help">{ "Enter a valid VNet address space to see the map." }</p> }
            { for maps.iter().map(|m| {
                let w = widths(m);
                let mut x = 0.0;
                let mut ise_n = 0;
                let summary = format!("{}: {}", m.prefix, m.segments.iter().map(|s| format!("{} {} ({} addresses)", kind_name(s.kind), s.label, s.addresses)).collect::<Vec<_>>().join("; "));
                html! {
                    <figure class="map">
                        <figcaption><strong>{ &m.prefix }</strong>{ format!(" — {} addresses", m.addresses) }</figcaption>
                        <svg viewBox={format!("0 0 {WIDTH} 44")} class="map-bar" role="img" aria-label={summary} preserveAspectRatio="none">
                            { for m.segments.iter().zip(w).map(|(s, width)| {
                                let at = x;
                                x += width;
                                let number = (s.kind == SegmentKind::Ise).then(|| { ise_n += 1; ise_n });
                                html! {
                                    <g class={classes!("seg", kind_name(s.kind).replace(' ', "-"))}>
                                        <rect x={format!("{at:.2}")} y="0" width={format!("{width:.2}")} height="44">
                                            <title>{ format!("{} {}: {} – {} ({} addresses)", kind_name(s.kind), s.label, s.first, s.last, s.addresses) }</title>
                                        </rect>
                                        if let Some(n) = number { if width >= 9.0 {
                                            <text x={format!("{:.2}", at + width / 2.0)} y="28" text-anchor="middle">{ n }</text>
                                        } }
                                    </g>
                                }
                            }) }
                        </svg>
                        <div class="map-scale"><span>{ m.segments.first().map(|s| s.first.clone()).unwrap_or_default() }</span><span>{ m.segments.last().map(|s| s.last.clone()).unwrap_or_default() }</span></div>
                    </figure>
                }
            }) }
            if !maps.is_empty() {
                <table class="legend">
                    <caption>{ "Segments" }</caption>
                    <thead><tr><th scope="col">{ "Kind" }</th><th scope="col">{ "What" }</th><th scope="col">{ "From" }</th><th scope="col">{ "To" }</th><th scope="col">{ "Addresses" }</th></tr></thead>
                    <tbody>
                    { for maps.iter().flat_map(|m| m.segments.iter()).take(400).scan(0, |n, s| { if s.kind == SegmentKind::Ise { *n += 1; } Some((*n, s)) }).map(|(n, s)| html! {
                        <tr>
                            <td><span class={classes!("swatch", kind_name(s.kind).replace(' ', "-"))} aria-hidden="true"></span>{ " " }{ if s.kind == SegmentKind::Ise { format!("{} {n}", kind_name(s.kind)) } else { kind_name(s.kind).to_string() } }</td>
                            <td>{ &s.label }</td><td class="mono">{ &s.first }</td><td class="mono">{ &s.last }</td><td>{ s.addresses }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
