//! How the address map is computed: each VNet prefix cut into segments — ISE subnets,
//! existing subnets, reserved space and free space — in address order, ready to draw.

use ipnet::Ipv4Net;
use serde::Serialize;
use std::net::Ipv4Addr;

use crate::cidr;
use crate::reserved;

/// What a stretch of addresses is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Ise,
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
    /// A short label: the ISE subnet's name, "3 existing subnets", the reserved range…
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
pub fn build(vnet: &[Ipv4Net], ise: &[(String, Ipv4Net)], existing: &[Ipv4Net]) -> Vec<MapPrefix> {
    cidr::outermost(vnet.to_vec())
        .into_iter()
        .map(|net| map_prefix(net, ise, existing))
        .collect()
}

fn map_prefix(net: Ipv4Net, ise: &[(String, Ipv4Net)], existing: &[Ipv4Net]) -> MapPrefix {
    let (lo, hi) = cidr::range(net);
    let (lo, hi) = (u64::from(lo), u64::from(hi));
    // (start, end, kind, label), clipped to the prefix.
    let mut items: Vec<(u64, u64, SegmentKind, String)> = Vec::new();
    let clip = |n: Ipv4Net| -> Option<(u64, u64)> {
        let (s, e) = cidr::range(n);
        let (s, e) = (u64::from(s).max(lo), u64::from(e).min(hi));
        (s <= e).then_some((s, e))
    };
    for (name, n) in ise {
        if let Some((s, e)) = clip(*n) {
            items.push((s, e, SegmentKind::Ise, name.clone()));
        }
    }
    for n in cidr::outermost(
        existing
            .iter()
            .copied()
            .filter(|e| cidr::overlaps(*e, net))
            .collect(),
    ) {
        if let Some((s, e)) = clip(n) {
            items.push((s, e, SegmentKind::Existing, n.to_string()));
        }
    }
    for r in reserved::overlapping(net) {
        if let Some((s, e)) = clip(r.net) {
            items.push((s, e, SegmentKind::Reserved, r.what.to_string()));
        }
    }
    items.sort_by(|a, b| (a.0, a.2).cmp(&(b.0, b.2)));

    let mut segments: Vec<Segment> = Vec::new();
    let mut merged_existing = 0usize;
    let mut cursor = lo;
    for (start, end, kind, label) in items {
        if end < cursor {
            continue;
        }
        if start > cursor {
            push(
                &mut segments,
                SegmentKind::Free,
                cursor,
                start - 1,
                "free".into(),
                &mut merged_existing,
            );
        }
        push(
            &mut segments,
            kind,
            start.max(cursor),
            end,
            label,
            &mut merged_existing,
        );
        cursor = end + 1;
    }
    if cursor <= hi {
        push(
            &mut segments,
            SegmentKind::Free,
            cursor,
            hi,
            "free".into(),
            &mut merged_existing,
        );
    }
    if segments.len() > MAX_SEGMENTS {
        segments = coarsen(segments);
    }
    MapPrefix {
        prefix: net.to_string(),
        addresses: cidr::size(net),
        segments,
    }
}

/// Past this many segments in one prefix, runs of existing subnets and free space between
/// ISE subnets and reserved ranges are drawn as one mixed stretch each.
pub const MAX_SEGMENTS: usize = 400;

/// How many existing subnets a segment stands for ("7 existing subnets" or one prefix).
fn subnet_count(s: &Segment) -> usize {
    s.label
        .strip_suffix(" existing subnets")
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

fn coarsen(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut run: Vec<Segment> = Vec::new();
    let flush = |run: &mut Vec<Segment>, out: &mut Vec<Segment>| {
        if run.len() <= 2 {
            out.append(run);
            return;
        }
        let existing: usize = run
            .iter()
            .filter(|s| s.kind == SegmentKind::Existing)
            .map(subnet_count)
            .sum();
        let free: u64 = run
            .iter()
            .filter(|s| s.kind == SegmentKind::Free)
            .map(|s| s.addresses)
            .sum();
        let first = run.first().map(|s| s.first.clone()).unwrap_or_default();
        let last = run.last().map(|s| s.last.clone()).unwrap_or_default();
        let addresses = run.iter().map(|s| s.addresses).sum();
        let label = format!("{existing} existing subnets with {free} free addresses between them");
        out.push(Segment {
            kind: SegmentKind::Mixed,
            first,
            last,
            addresses,
            label,
        });
        run.clear();
    };
    for s in segments {
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

fn push(
    segments: &mut Vec<Segment>,
    kind: SegmentKind,
    start: u64,
    end: u64,
    label: String,
    merged: &mut usize,
) {
    if kind == SegmentKind::Existing {
        if let Some(last) = segments
            .last_mut()
            .filter(|l| l.kind == SegmentKind::Existing)
        {
            *merged += 1;
            last.last = addr(end);
            last.addresses += end - start + 1;
            last.label = format!("{} existing subnets", *merged + 1);
            return;
        }
        *merged = 0;
    }
    segments.push(Segment {
        kind,
        first: addr(start),
        last: addr(end),
        addresses: end - start + 1,
        label,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Ipv4Net {
        s.parse().unwrap()
    }

    #[test]
    fn segments_cover_the_prefix_in_order() {
        let map = build(
            &[n("10.0.0.0/24")],
            &[("a".into(), n("10.0.0.128/27"))],
            &[n("10.0.0.0/26"), n("10.0.0.64/28")],
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
                (SegmentKind::Ise, "10.0.0.128", 32, "a"),
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
        let map = build(&[n("10.0.0.0/8")], &ise, &existing);
        let segs = &map[0].segments;
        assert!(segs.len() <= 5, "{}", segs.len());
        assert_eq!(segs[0].kind, SegmentKind::Mixed);
        assert!(
            segs[0].label.starts_with("5000 existing subnets"),
            "{}",
            segs[0].label
        );
        assert_eq!(segs.iter().map(|s| s.addresses).sum::<u64>(), 1 << 24);
        assert!(segs.iter().any(|s| s.kind == SegmentKind::Ise));
    }

    #[test]
    fn reserved_space_shows() {
        let map = build(&[n("168.63.129.0/24")], &[], &[]);
        assert!(map[0]
            .segments
            .iter()
            .any(|s| s.kind == SegmentKind::Reserved && s.first == "168.63.129.16"));
    }
}
