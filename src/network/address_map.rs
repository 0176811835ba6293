//! How the address map is computed: each VNet prefix cut into segments — the planned
//! subnets, existing subnets, reserved space and free space — in address order, ready to draw.

use ipnet::Ipv4Net;
use serde::Serialize;
use std::net::Ipv4Addr;

use crate::network::cidr;
use crate::network::reserved::{self, ReservedRange};

/// What a stretch of addresses is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// A subnet the plan places (an ISE subnet, say).
    Planned,
    Existing,
    Reserved,
    Free,
    /// Many existing subnets with free space between them, drawn as one stretch.
    Mixed,
}

/// One stretch of addresses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub first: String,
    pub last: String,
    pub addresses: u64,
    /// A short label: the planned subnet's name, "3 existing subnets", the reserved range…
    pub label: String,
}

/// One VNet prefix and its segments, which cover it exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MapPrefix {
    pub prefix: String,
    pub addresses: u64,
    pub segments: Vec<Segment>,
}

/// Builds the map. Adjacent existing subnets merge into one segment, so a VNet with
/// thousands of subnets still draws as a readable number of segments.
pub fn build(
    vnet: &[Ipv4Net],
    planned: &[(String, Ipv4Net)],
    existing: &[Ipv4Net],
    reserved: &'static [ReservedRange],
) -> Vec<MapPrefix> {
    let existing = cidr::Cover::new(existing.to_vec());
    cidr::outermost(vnet.to_vec())
        .into_iter()
        .map(|net| map_prefix(net, planned, &existing, reserved))
        .collect()
}

/// A stretch of addresses before it is labelled: numbers only, so that a crowded map costs
/// no string formatting until it has been coarsened.
struct Stretch {
    kind: SegmentKind,
    start: u64,
    end: u64,
    /// Existing subnets it stands for.
    subnets: usize,
    /// Free addresses inside it (mixed stretches).
    free: u64,
    label: Label,
}

#[derive(Clone, Copy)]
enum Label {
    /// A planned subnet, by index into the `planned` list.
    Planned(usize),
    /// One existing subnet.
    Prefix(Ipv4Net),
    Reserved(&'static str),
    None,
}

fn map_prefix(
    net: Ipv4Net,
    planned: &[(String, Ipv4Net)],
    existing: &cidr::Cover,
    reserved: &'static [ReservedRange],
) -> MapPrefix {
    let (lo, hi) = cidr::range(net);
    let (lo, hi) = (u64::from(lo), u64::from(hi));
    let clip = |n: Ipv4Net| -> Option<(u64, u64)> {
        let (s, e) = cidr::range(n);
        let (s, e) = (u64::from(s).max(lo), u64::from(e).min(hi));
        (s <= e).then_some((s, e))
    };
    // (start, end, kind, label), clipped to the prefix.
    let mut items: Vec<(u64, u64, SegmentKind, Label)> = Vec::new();
    for (i, (_, n)) in planned.iter().enumerate() {
        if let Some((s, e)) = clip(*n) {
            items.push((s, e, SegmentKind::Planned, Label::Planned(i)));
        }
    }
    for &n in existing.overlapping(net) {
        if let Some((s, e)) = clip(n) {
            items.push((s, e, SegmentKind::Existing, Label::Prefix(n)));
        }
    }
    for r in reserved::overlapping(reserved, net) {
        if let Some((s, e)) = clip(r.net) {
            items.push((s, e, SegmentKind::Reserved, Label::Reserved(r.what)));
        }
    }
    crate::order::sort_by_key(&mut items, |a| (a.0 << 3) | a.2 as u64);

    let mut stretches: Vec<Stretch> = Vec::new();
    let mut cursor = lo;
    for (start, end, kind, label) in items {
        if end < cursor {
            continue;
        }
        if start > cursor {
            push(
                &mut stretches,
                SegmentKind::Free,
                cursor,
                start - 1,
                Label::None,
            );
        }
        push(&mut stretches, kind, start.max(cursor), end, label);
        cursor = end + 1;
    }
    if cursor <= hi {
        push(&mut stretches, SegmentKind::Free, cursor, hi, Label::None);
    }
    if stretches.len() > MAX_SEGMENTS {
        stretches = coarsen(stretches);
    }
    let segments = stretches.into_iter().map(|s| segment(s, planned)).collect();
    MapPrefix {
        prefix: net.to_string(),
        addresses: cidr::size(net),
        segments,
    }
}

/// Past this many segments in one prefix, runs of existing subnets and free space between
/// Planned subnets and reserved ranges are drawn as one mixed stretch each.
pub const MAX_SEGMENTS: usize = 400;

/// Appends a stretch, merging an existing subnet into an existing stretch just before it.
fn push(stretches: &mut Vec<Stretch>, kind: SegmentKind, start: u64, end: u64, label: Label) {
    if kind == SegmentKind::Existing {
        if let Some(last) = stretches
            .last_mut()
            .filter(|l| l.kind == SegmentKind::Existing && l.end + 1 == start)
        {
            last.end = end;
            last.subnets += 1;
            return;
        }
    }
    let subnets = usize::from(kind == SegmentKind::Existing);
    let free = if kind == SegmentKind::Free {
        end - start + 1
    } else {
        0
    };
    stretches.push(Stretch {
        kind,
        start,
        end,
        subnets,
        free,
        label,
    });
}

/// Folds every run of more than two existing/free stretches into one mixed stretch.
fn coarsen(stretches: Vec<Stretch>) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::new();
    let mut run: Vec<Stretch> = Vec::new();
    let flush = |run: &mut Vec<Stretch>, out: &mut Vec<Stretch>| {
        if run.len() <= 2 {
            out.append(run);
            return;
        }
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let mixed = Stretch {
            kind: SegmentKind::Mixed,
            start: first.start,
            end: last.end,
            subnets: run.iter().map(|s| s.subnets).sum(),
            free: run.iter().map(|s| s.free).sum(),
            label: Label::None,
        };
        out.push(mixed);
        run.clear();
    };
    for s in stretches {
        if matches!(s.kind, SegmentKind::Existing | SegmentKind::Free) {
            run.push(s);
        } else {
            flush(&mut run, &mut out);
            out.push(s);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn addr(n: u64) -> String {
    Ipv4Addr::from(u32::try_from(n).unwrap_or(u32::MAX)).to_string()
}

/// Labels a stretch for people.
fn segment(s: Stretch, planned: &[(String, Ipv4Net)]) -> Segment {
    let label = match (s.kind, s.label) {
        (_, Label::Planned(i)) => planned
            .get(i)
            .map(|(name, _)| name.clone())
            .unwrap_or_default(),
        (SegmentKind::Existing, Label::Prefix(n)) if s.subnets == 1 => n.to_string(),
        (SegmentKind::Existing, _) => format!("{} existing subnets", s.subnets),
        (_, Label::Reserved(what)) => what.to_string(),
        (SegmentKind::Mixed, _) => format!(
            "{} existing subnets with {} free addresses between them",
            s.subnets, s.free
        ),
        _ => "free".to_string(),
    };
    Segment {
        kind: s.kind,
        first: addr(s.start),
        last: addr(s.end),
        addresses: s.end - s.start + 1,
        label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::reserved::AZURE_VNET;

    fn n(s: &str) -> Ipv4Net {
        s.parse().unwrap()
    }

    #[test]
    fn segments_cover_the_prefix_in_order() {
        let map = build(
            &[n("10.0.0.0/24")],
            &[("a".into(), n("10.0.0.128/27"))],
            &[n("10.0.0.0/26"), n("10.0.0.64/28")],
            &AZURE_VNET,
        );
        let segs: Vec<_> = map[0]
            .segments
            .iter()
            .map(|s| (s.kind, s.first.as_str(), s.addresses, s.label.as_str()))
            .collect();
        assert_eq!(
            segs,
            [
                (SegmentKind::Existing, "10.0.0.0", 80, "2 existing subnets"),
                (SegmentKind::Free, "10.0.0.80", 48, "free"),
                (SegmentKind::Planned, "10.0.0.128", 32, "a"),
                (SegmentKind::Free, "10.0.0.160", 96, "free"),
            ]
        );
        assert_eq!(
            map[0].segments.iter().map(|s| s.addresses).sum::<u64>(),
            256
        );
    }

    #[test]
    fn thousands_of_scattered_subnets_stay_drawable() {
        let existing: Vec<Ipv4Net> = (0..5000u32)
            .map(|i| Ipv4Net::new(Ipv4Addr::from(0x0a00_0000 + i * 64), 27).unwrap())
            .collect();
        let ise = [("a".to_string(), n("10.200.0.0/27"))];
        let map = build(&[n("10.0.0.0/8")], &ise, &existing, &AZURE_VNET);
        let segs = &map[0].segments;
        assert!(segs.len() <= 5, "{}", segs.len());
        assert_eq!(segs[0].kind, SegmentKind::Mixed);
        assert!(
            segs[0].label.starts_with("5000 existing subnets"),
            "{}",
            segs[0].label
        );
        assert_eq!(segs.iter().map(|s| s.addresses).sum::<u64>(), 1 << 24);
        assert!(segs.iter().any(|s| s.kind == SegmentKind::Planned));
    }

    #[test]
    fn reserved_space_shows() {
        let map = build(&[n("169.254.0.0/15")], &[], &[], &AZURE_VNET);
        let segs: Vec<_> = map[0]
            .segments
            .iter()
            .map(|s| (s.kind, s.first.as_str()))
            .collect();
        assert_eq!(
            segs,
            [
                (SegmentKind::Reserved, "169.254.0.0"),
                (SegmentKind::Free, "169.255.0.0")
            ]
        );
    }
}
