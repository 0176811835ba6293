//! How the address map is drawn: one SVG bar per VNet prefix, segments proportional to
//! their size but never thinner than a visible sliver, numbered, with a legend table.

use std::rc::Rc;

use ise_planner::network::address_map::{MapPrefix, Segment, SegmentKind};
use yew::prelude::*;

/// The bar's width in SVG units (integers: no float formatting needed in the page).
const WIDTH: u64 = 10_000;
/// The narrowest a used segment is drawn, so a /27 shows in a /16 (ISE subnets wider, to
/// fit their number).
const MIN_WIDTH: u64 = 100;
const MIN_ISE_WIDTH: u64 = 240;

fn min_width(kind: SegmentKind) -> u64 {
    if kind == SegmentKind::Planned {
        MIN_ISE_WIDTH
    } else {
        MIN_WIDTH
    }
}

/// Display widths: used segments at least `MIN_WIDTH`, free space shrunk to make room.
fn widths(map: &MapPrefix) -> Vec<u64> {
    let total = map.addresses.max(1);
    let raw: Vec<u64> = map
        .segments
        .iter()
        .map(|s| s.addresses.saturating_mul(WIDTH) / total)
        .collect();
    let is_free = |k: SegmentKind| k == SegmentKind::Free;
    let used: u64 = map
        .segments
        .iter()
        .zip(&raw)
        .filter(|(s, _)| !is_free(s.kind))
        .map(|(s, w)| (*w).max(min_width(s.kind)))
        .sum();
    let free: u64 = map
        .segments
        .iter()
        .zip(&raw)
        .filter(|(s, _)| is_free(s.kind))
        .map(|(_, w)| *w)
        .sum();
    if used >= WIDTH || free == 0 {
        return raw;
    }
    map.segments
        .iter()
        .zip(raw)
        .map(|(s, w)| {
            if is_free(s.kind) {
                w * (WIDTH - used) / free
            } else {
                w.max(min_width(s.kind))
            }
        })
        .collect()
}

fn kind_name(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Planned => "ISE subnet",
        SegmentKind::Existing => "existing",
        SegmentKind::Reserved => "reserved",
        SegmentKind::Free => "free",
        SegmentKind::Mixed => "mixed",
    }
}

/// "ISE subnet ise-subnet-1", "existing 10.0.0.0/24", "free" — the kind, then the label
/// unless it only repeats the kind.
fn describe(s: &Segment) -> String {
    let kind = kind_name(s.kind);
    if s.label.is_empty() || s.label == kind {
        kind.to_string()
    } else {
        format!("{kind} {}", s.label)
    }
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub maps: Rc<Vec<MapPrefix>>,
}

#[function_component]
pub fn AddressMap(props: &MapProps) -> Html {
    let maps = &props.maps;
    // The table's rows (up to 400 a prefix) are built only while it is open: a crowded map
    // then costs typing nothing beyond its bars.
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };
    html! {
        <section class="card" aria-labelledby="map-title">
            <h2 id="map-title">{ "Address map" }</h2>
            if maps.is_empty() { <p class="help">{ "Enter a valid VNet address space to see the map." }</p> }
            { for maps.iter().map(|m| {
                let w = widths(m);
                let mut x = 0u64;
                let mut ise_n = 0;
                let summary = format!("{}: {}", m.prefix, m.segments.iter().map(|s| format!("{} ({} addresses)", describe(s), s.addresses)).collect::<Vec<_>>().join("; "));
                html! {
                    <figure class="map">
                        <figcaption><strong>{ &m.prefix }</strong>{ format!(" — {} addresses", m.addresses) }</figcaption>
                        <svg viewBox={format!("0 0 {WIDTH} 440")} class="map-bar" role="img" aria-label={summary} preserveAspectRatio="none">
                            { for m.segments.iter().zip(w).map(|(s, width)| {
                                let at = x;
                                x += width;
                                let number = (s.kind == SegmentKind::Planned).then(|| { ise_n += 1; ise_n });
                                html! {
                                    <g class={classes!("seg", kind_name(s.kind).replace(' ', "-"))}>
                                        <rect x={at.to_string()} y="0" width={width.to_string()} height="440">
                                            <title>{ format!("{}: {} – {} ({} addresses)", describe(s), s.first, s.last, s.addresses) }</title>
                                        </rect>
                                        if let Some(n) = number { if width >= 200 {
                                            <text x={(at + width / 2).to_string()} y="290" text-anchor="middle">{ n }</text>
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
                <details class="segments" {ontoggle}>
                <summary>{ format!("The map as a table ({} segments)", maps.iter().map(|m| m.segments.len()).sum::<usize>()) }</summary>
                <div class="scroll" tabindex="0" role="region" aria-labelledby="map-caption">
                <table class="legend">
                    <caption id="map-caption">{ "Segments of the address space, in address order" }</caption>
                    <thead><tr><th scope="col">{ "Kind" }</th><th scope="col">{ "What" }</th><th scope="col">{ "From" }</th><th scope="col">{ "To" }</th><th scope="col">{ "Addresses" }</th></tr></thead>
                    <tbody>
                    if *open {
                    { for maps.iter().flat_map(|m| m.segments.iter()).take(400).scan(0, |n, s| { if s.kind == SegmentKind::Planned { *n += 1; } Some((*n, s)) }).map(|(n, s)| html! {
                        <tr>
                            <td><span class={classes!("swatch", kind_name(s.kind).replace(' ', "-"))} aria-hidden="true"></span>{ " " }{ if s.kind == SegmentKind::Planned { format!("{} {n}", kind_name(s.kind)) } else { kind_name(s.kind).to_string() } }</td>
                            <td>{ if s.label == kind_name(s.kind) { "" } else { s.label.as_str() } }</td><td class="mono">{ &s.first }</td><td class="mono">{ &s.last }</td><td>{ s.addresses }</td>
                        </tr>
                    }) }
                    }
                    </tbody>
                </table>
                </div>
                </details>
            }
        </section>
    }
}
