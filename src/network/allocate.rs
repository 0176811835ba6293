//! Allocation: picks aligned blocks of one size for the subnets a planner places, inside the
//! VNet's prefixes and clear of every blocked range.
//!
//! The rule (PRODUCT.md, "Allocation"): blocks lie inside one VNet prefix, avoid the blocked
//! ranges (existing subnets, pinned subnets, the ranges the planner reserves), are aligned to
//! their size, and are chosen deterministically — one contiguous run inside a single aligned
//! prefix of the [`Shape`]'s run size when one is free (the blocks then summarise to that
//! prefix), else the lowest free blocks.
//!
//! It works on the free *intervals* between blocked ranges, so its cost grows with the
//! number of existing subnets (n log n for sorting), not with the size of the VNet: a /8
//! with 100,000 existing subnets is planned in milliseconds.

use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

use crate::network::cidr;

/// The size of the blocks asked for, and the aligned prefix a run of them should share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// The blocks' prefix length (27 for /27 blocks of 32 addresses).
    pub block_len: u8,
    /// The prefix length of the aligned prefix a contiguous run stays inside (25: four /27s).
    pub run_len: u8,
}

impl Shape {
    /// Blocks of `/block_len`, a run staying inside one aligned `/run_len`.
    pub const fn new(block_len: u8, run_len: u8) -> Shape {
        Shape { block_len, run_len }
    }
    fn block(self) -> u64 {
        cidr::addresses_in(self.block_len)
    }
    fn run_span(self) -> u64 {
        cidr::addresses_in(self.run_len.min(self.block_len))
    }
}

/// At most this many skipped blocks are listed in [`Allocation::skipped`]; the rest are counted.
pub const SKIPPED_LISTED: usize = 4;

/// What the allocator was able to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocation {
    /// The blocks chosen, lowest first; fewer than asked when space ran out.
    pub blocks: Vec<Ipv4Net>,
    /// Whether the blocks form one run inside one aligned prefix of the shape's run size.
    pub contiguous: bool,
    /// How many free, aligned blocks of the shape's size the VNet had before this allocation.
    pub free_blocks: u64,
    /// The aligned prefix that holds the run, when the blocks form one (and there are some).
    pub run: Option<Ipv4Net>,
    /// Free blocks lower than the run that were passed over so that the run stays together,
    /// lowest first, at most [`SKIPPED_LISTED`] of them.
    pub skipped: Vec<Ipv4Net>,
    /// How many free blocks lie lower than the run (listed in `skipped` or not).
    pub skipped_count: u64,
}

/// Chooses `count` blocks of `shape` inside `vnet` prefixes, avoiding every prefix in `blocked`.
///
/// Deterministic: the same inputs, in any order, give the same blocks.
///
/// ```
/// use ise_planner::network::allocate::{allocate, Shape};
/// let vnet = ["10.0.0.0/24".parse().unwrap()];
/// let used = ["10.0.0.0/26".parse().unwrap()];
/// let a = allocate(&vnet, &used, 4, Shape::new(27, 25));
/// assert_eq!(a.blocks.iter().map(|b| b.to_string()).collect::<Vec<_>>(),
///            ["10.0.0.128/27", "10.0.0.160/27", "10.0.0.192/27", "10.0.0.224/27"]);
/// assert!(a.contiguous);
/// assert_eq!(a.run.unwrap().to_string(), "10.0.0.128/25");
/// ```
pub fn allocate(vnet: &[Ipv4Net], blocked: &[Ipv4Net], count: usize, shape: Shape) -> Allocation {
    allocate_in(&free_intervals(vnet, blocked), count, shape)
}

/// Chooses `count` blocks of `shape` from `free` intervals (as [`free_intervals`] gives them:
/// in address order, disjoint): one run inside one aligned prefix of the run size when there
/// is one, else the lowest free blocks.
pub fn allocate_in(free: &[(u64, u64)], count: usize, shape: Shape) -> Allocation {
    let block = shape.block();
    let free_blocks: u64 = free
        .iter()
        .map(|&(start, end)| aligned_blocks(start, end, block).1)
        .sum();
    let mut allocation = Allocation {
        blocks: Vec::new(),
        contiguous: true,
        free_blocks,
        run: None,
        skipped: Vec::new(),
        skipped_count: 0,
    };
    if count == 0 {
        return allocation;
    }
    if let Some(start) = first_run(free, count as u64, shape) {
        allocation.blocks = (0..count as u64)
            .filter_map(|i| block_at(start + i * block, shape.block_len))
            .collect();
        allocation.run = block_at(start, shape.run_len).map(|n| n.trunc());
        (allocation.skipped, allocation.skipped_count) = blocks_below(free, start, shape);
        return allocation;
    }
    allocation.contiguous = false;
    allocation.blocks = lowest_blocks(free, count, shape);
    allocation
}

/// The lowest `count` free blocks of `shape`, wherever they lie.
fn lowest_blocks(free: &[(u64, u64)], count: usize, shape: Shape) -> Vec<Ipv4Net> {
    let block = shape.block();
    let mut blocks = Vec::with_capacity(count.min(4096));
    for &(start, end) in free {
        let (first, n) = aligned_blocks(start, end, block);
        for i in 0..n {
            if blocks.len() == count {
                return blocks;
            }
            blocks.extend(block_at(first + i * block, shape.block_len));
        }
    }
    blocks
}

/// Whether `block` lies wholly inside one of the `free` intervals.
pub fn is_free(free: &[(u64, u64)], block: Ipv4Net) -> bool {
    let (start, end) = cidr::range(block);
    let (start, end) = (u64::from(start), u64::from(end));
    let i = free.partition_point(|&(_, e)| e < start);
    free.get(i).is_some_and(|&(s, e)| s <= start && end <= e)
}

/// The `free` intervals with `taken` prefixes (each inside one interval) cut out.
pub fn without(free: &[(u64, u64)], taken: &[Ipv4Net]) -> Vec<(u64, u64)> {
    let mut cuts: Vec<(u64, u64)> = taken
        .iter()
        .map(|n| {
            let (s, e) = cidr::range(*n);
            (u64::from(s), u64::from(e))
        })
        .collect();
    crate::order::sort_pairs(&mut cuts);
    let mut out = Vec::with_capacity(free.len() + cuts.len());
    let mut c = 0;
    for &(start, end) in free {
        let mut cursor = start;
        // Cuts that end before this interval cannot touch it (or any later one).
        while c < cuts.len() && cuts[c].1 < start {
            c += 1;
        }
        let mut k = c;
        while k < cuts.len() && cuts[k].0 <= end {
            let (cs, ce) = cuts[k];
            if cs > cursor {
                out.push((cursor, cs - 1));
            }
            cursor = cursor.max(ce + 1);
            k += 1;
        }
        if cursor <= end {
            out.push((cursor, end));
        }
    }
    out
}

/// Chooses one aligned block for each prefix length of `lengths`, one after another: the
/// largest first (the smaller ones then fill in around it), each the lowest free block of
/// its size — inside `prefer` when one is free there (space the caller would rather fill
/// first, such as a retired service's), else anywhere in `free`. Each block chosen is cut out
/// of the free space before the next is chosen, so the blocks never overlap.
///
/// The answer is in the order of `lengths`; `None` where no free block of that size was
/// left (or the length is over 32). Deterministic: equal lengths are placed in their order.
///
/// ```
/// use ise_planner::network::allocate::{allocate_sizes, free_intervals};
/// let free = free_intervals(&["10.0.0.0/24".parse().unwrap()], &["10.0.0.0/27".parse().unwrap()]);
/// let blocks = allocate_sizes(&free, &[28, 26], &[]);
/// let text: Vec<String> = blocks.iter().flatten().map(|b| b.to_string()).collect();
/// assert_eq!(text, ["10.0.0.32/28", "10.0.0.64/26"]);
/// ```
pub fn allocate_sizes(
    free: &[(u64, u64)],
    lengths: &[u8],
    prefer: &[(u64, u64)],
) -> Vec<Option<Ipv4Net>> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| u64::from(lengths[i]));
    let mut free = free.to_vec();
    let mut prefer = intersect(&free, &joined(prefer));
    let mut out = vec![None; lengths.len()];
    for i in order {
        let len = lengths[i];
        let Some(block) = lowest_block(&prefer, len).or_else(|| lowest_block(&free, len)) else {
            continue;
        };
        free = without(&free, &[block]);
        prefer = without(&prefer, &[block]);
        out[i] = Some(block);
    }
    out
}

/// The lowest aligned block of `/len` wholly inside one of the `free` intervals.
pub fn lowest_block(free: &[(u64, u64)], len: u8) -> Option<Ipv4Net> {
    if len > 32 {
        return None;
    }
    let block = cidr::addresses_in(len);
    free.iter().find_map(|&(start, end)| {
        let (first, n) = aligned_blocks(start, end, block);
        (n > 0).then(|| block_at(first, len)).flatten()
    })
}

/// Intervals (in address order, disjoint) with those that touch joined into one: space that
/// spans two adjacent prefixes, where a larger aligned block may straddle them.
pub fn joined(intervals: &[(u64, u64)]) -> Vec<(u64, u64)> {
    let mut out: Vec<(u64, u64)> = Vec::with_capacity(intervals.len());
    for &(start, end) in intervals {
        match out.last_mut() {
            Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// The addresses two lists of free intervals (each in address order, disjoint) share.
pub fn intersect(a: &[(u64, u64)], b: &[(u64, u64)]) -> Vec<(u64, u64)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let (start, end) = (a[i].0.max(b[j].0), a[i].1.min(b[j].1));
        if start <= end {
            out.push((start, end));
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The free address intervals (inclusive, as integers) of the VNet, in address order: its
/// outermost prefixes with every `blocked` range cut out.
pub fn free_intervals(vnet: &[Ipv4Net], blocked: &[Ipv4Net]) -> Vec<(u64, u64)> {
    let blocked = cidr::merge(blocked.iter().copied().map(cidr::range).collect());
    let mut free = Vec::new();
    for net in cidr::outermost(vnet.to_vec()) {
        let (lo, hi) = cidr::range(net);
        let (lo, hi) = (u64::from(lo), u64::from(hi));
        // The first blocked interval that ends at or after the VNet prefix's start.
        let mut i = blocked.partition_point(|&(_, end)| u64::from(end) < lo);
        let mut cursor = lo;
        while cursor <= hi {
            match blocked.get(i) {
                Some(&(b_start, b_end)) if u64::from(b_start) <= hi => {
                    let (b_start, b_end) = (u64::from(b_start), u64::from(b_end));
                    if b_start > cursor {
                        free.push((cursor, b_start - 1));
                    }
                    cursor = cursor.max(b_end + 1);
                    i += 1;
                }
                _ => {
                    free.push((cursor, hi));
                    break;
                }
            }
        }
    }
    free
}

/// The first aligned block start inside `[start, end]` and how many aligned blocks of `block`
/// addresses fit.
fn aligned_blocks(start: u64, end: u64, block: u64) -> (u64, u64) {
    let first = start.div_ceil(block) * block;
    if first > end {
        return (first, 0);
    }
    (first, (end + 1 - first) / block)
}

/// The lowest start of `count` consecutive free blocks that stay inside one aligned run prefix.
fn first_run(free: &[(u64, u64)], count: u64, shape: Shape) -> Option<u64> {
    let (block, span) = (shape.block(), shape.run_span());
    let per_run = span / block;
    if count > per_run {
        return None;
    }
    free.iter().find_map(|&(start, end)| {
        let mut s = start.div_ceil(block) * block;
        // A run starting at block offset k in its run prefix needs k + count <= per_run.
        if (s % span) / block + count > per_run {
            s = s.div_ceil(span) * span;
        }
        (s + count * block - 1 <= end).then_some(s)
    })
}

/// The free aligned blocks lower than `limit`: the first [`SKIPPED_LISTED`], and how many.
fn blocks_below(free: &[(u64, u64)], limit: u64, shape: Shape) -> (Vec<Ipv4Net>, u64) {
    let block = shape.block();
    let mut listed = Vec::new();
    let mut count = 0;
    for &(start, end) in free.iter().take_while(|&&(s, _)| s < limit) {
        let (first, n) = aligned_blocks(start, end.min(limit.saturating_sub(1)), block);
        for i in 0..n.min((SKIPPED_LISTED - listed.len()) as u64) {
            listed.extend(block_at(first + i * block, shape.block_len));
        }
        count += n;
    }
    (listed, count)
}

/// The prefix of length `len` starting at address `start`.
fn block_at(start: u64, len: u8) -> Option<Ipv4Net> {
    let addr = Ipv4Addr::from(u32::try_from(start).ok()?);
    Ipv4Net::new(addr, len).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn nets(list: &[&str]) -> Vec<Ipv4Net> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }
    fn strings(blocks: &[Ipv4Net]) -> Vec<String> {
        blocks.iter().map(|b| b.to_string()).collect()
    }
    /// /27 blocks, runs inside one /25 (the ISE's shape).
    const SHAPE: Shape = Shape::new(27, 25);
    fn alloc(vnet: &[Ipv4Net], blocked: &[Ipv4Net], count: usize) -> Allocation {
        allocate(vnet, blocked, count, SHAPE)
    }

    #[test]
    fn empty_vnet_takes_the_first_25() {
        let a = alloc(&nets(&["10.0.0.0/22"]), &[], 4);
        assert_eq!(
            strings(&a.blocks),
            [
                "10.0.0.0/27",
                "10.0.0.32/27",
                "10.0.0.64/27",
                "10.0.0.96/27"
            ]
        );
        assert!(a.contiguous);
        assert_eq!(a.free_blocks, 32);
    }

    #[test]
    fn prefers_a_free_25_over_lower_scattered_blocks() {
        // 10.0.0.32/27 used: the first /25 is broken, the second is whole.
        let a = alloc(&nets(&["10.0.0.0/24"]), &nets(&["10.0.0.32/27"]), 4);
        assert_eq!(
            strings(&a.blocks),
            [
                "10.0.0.128/27",
                "10.0.0.160/27",
                "10.0.0.192/27",
                "10.0.0.224/27"
            ]
        );
        assert_eq!(a.run, Some("10.0.0.128/25".parse().unwrap()));
        // The three free blocks below the run were passed over to keep the four together.
        assert_eq!(
            strings(&a.skipped),
            ["10.0.0.0/27", "10.0.0.64/27", "10.0.0.96/27"]
        );
        assert_eq!(a.skipped_count, 3);
    }

    #[test]
    fn skipped_blocks_are_listed_up_to_a_limit_and_counted() {
        // Every /25 of a /22 has one used block at offset 1: no run of four anywhere but the
        // last /25, which is whole.
        let used = nets(&[
            "10.0.0.32/27",
            "10.0.0.160/27",
            "10.0.1.32/27",
            "10.0.1.160/27",
            "10.0.2.32/27",
            "10.0.2.160/27",
            "10.0.3.32/27",
        ]);
        let a = alloc(&nets(&["10.0.0.0/22"]), &used, 4);
        assert_eq!(a.run, Some("10.0.3.128/25".parse().unwrap()));
        assert_eq!(a.skipped.len(), SKIPPED_LISTED);
        assert_eq!(strings(&a.skipped)[..2], ["10.0.0.0/27", "10.0.0.64/27"]);
        assert_eq!(a.skipped_count, 7 * 3);
        // A single block is the lowest free one: nothing is skipped.
        let a = alloc(&nets(&["10.0.0.0/22"]), &used, 1);
        assert_eq!(strings(&a.blocks), ["10.0.0.0/27"]);
        assert_eq!((a.skipped_count, a.skipped.len()), (0, 0));
    }

    #[test]
    fn free_blocks_and_cutting_blocks_out() {
        let free = free_intervals(&nets(&["10.0.0.0/24"]), &nets(&["10.0.0.64/27"]));
        assert!(is_free(&free, "10.0.0.32/27".parse().unwrap()));
        assert!(!is_free(&free, "10.0.0.64/27".parse().unwrap()));
        assert!(!is_free(&free, "10.0.1.0/27".parse().unwrap()));
        assert!(!is_free(&free, "10.0.0.0/25".parse().unwrap()));
        let cut = without(&free, &nets(&["10.0.0.224/27", "10.0.0.0/27"]));
        let ip = |s: &str| u64::from(u32::from(s.parse::<Ipv4Addr>().unwrap()));
        assert_eq!(
            cut,
            [
                (ip("10.0.0.32"), ip("10.0.0.63")),
                (ip("10.0.0.96"), ip("10.0.0.223"))
            ]
        );
        assert_eq!(allocate_in(&cut, 0, SHAPE).free_blocks, 5);
        assert_eq!(without(&free, &[]), free);
    }

    #[test]
    fn falls_back_to_lowest_blocks() {
        let a = alloc(
            &nets(&["10.0.0.0/24"]),
            &nets(&["10.0.0.32/27", "10.0.0.160/27"]),
            4,
        );
        assert_eq!(
            strings(&a.blocks),
            [
                "10.0.0.0/27",
                "10.0.0.64/27",
                "10.0.0.96/27",
                "10.0.0.128/27"
            ]
        );
        assert!(!a.contiguous);
        assert_eq!((a.run, a.skipped_count), (None, 0));
    }

    #[test]
    fn reports_shortage() {
        let a = alloc(&nets(&["10.0.0.0/26"]), &[], 4);
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.free_blocks, 2);
        let a = alloc(&nets(&["10.0.0.0/28"]), &[], 4);
        assert_eq!((a.blocks.len(), a.free_blocks), (0, 0));
    }

    #[test]
    fn avoids_blocked_ranges_that_only_overlap() {
        // Ranges a planner reserves are blocked like any other: here two the ISE reserves.
        let reserved = nets(&["100.64.0.0/10", "168.63.129.16/32"]);
        let a = alloc(&nets(&["100.0.0.0/9"]), &reserved, 4);
        assert_eq!(strings(&a.blocks)[0], "100.0.0.0/27");
        let a = alloc(&nets(&["168.63.129.0/24"]), &reserved, 4);
        assert_eq!(
            strings(&a.blocks),
            [
                "168.63.129.128/27",
                "168.63.129.160/27",
                "168.63.129.192/27",
                "168.63.129.224/27"
            ]
        );
    }

    #[test]
    fn partial_runs_for_fewer_subnets() {
        // Two wanted; the lowest pair inside one /25 after a used block.
        let a = alloc(
            &nets(&["10.0.0.0/24"]),
            &nets(&["10.0.0.0/27", "10.0.0.96/27"]),
            2,
        );
        assert_eq!(strings(&a.blocks), ["10.0.0.32/27", "10.0.0.64/27"]);
        let a = alloc(&nets(&["10.0.0.0/24"]), &nets(&["10.0.0.0/26"]), 3);
        assert_eq!(
            strings(&a.blocks),
            ["10.0.0.128/27", "10.0.0.160/27", "10.0.0.192/27"]
        );
    }

    #[test]
    fn top_of_the_address_space() {
        let a = alloc(&nets(&["223.255.255.0/24"]), &[], 4);
        assert_eq!(strings(&a.blocks)[3], "223.255.255.96/27");
        let a = alloc(&nets(&["0.0.0.0/0"]), &nets(&["0.0.0.0/8"]), 4);
        assert_eq!(strings(&a.blocks)[0], "1.0.0.0/27");
    }

    #[test]
    fn many_existing_subnets() {
        // A /16 filled with /28s except one /25 near the top.
        let mut used = Vec::new();
        for i in 0..4096u32 {
            let addr = Ipv4Addr::from(u32::from(Ipv4Addr::new(10, 0, 0, 0)) + i * 16);
            if !(addr >= Ipv4Addr::new(10, 0, 200, 0) && addr < Ipv4Addr::new(10, 0, 200, 128)) {
                used.push(Ipv4Net::new(addr, 28).unwrap());
            }
        }
        let a = alloc(&nets(&["10.0.0.0/16"]), &used, 4);
        assert_eq!(strings(&a.blocks)[0], "10.0.200.0/27");
        assert_eq!(a.free_blocks, 4);
    }

    #[test]
    fn blocks_of_several_sizes_largest_first() {
        let free = free_intervals(&nets(&["10.0.0.0/24"]), &nets(&["10.0.0.0/28"]));
        // The /26 goes first, to the lowest free /26; the /28 and the /27 fill in below it.
        let blocks = allocate_sizes(&free, &[28, 26, 27], &[]);
        let text: Vec<String> = blocks.iter().flatten().map(|b| b.to_string()).collect();
        assert_eq!(text, ["10.0.0.16/28", "10.0.0.64/26", "10.0.0.32/27"]);
        // No room for a second /25: that one is `None`, the others still placed.
        let blocks = allocate_sizes(&free, &[25, 25, 28], &[]);
        assert_eq!(blocks[0], Some("10.0.0.128/25".parse().unwrap()));
        assert_eq!(blocks[1], None);
        assert_eq!(blocks[2], Some("10.0.0.16/28".parse().unwrap()));
        assert_eq!(allocate_sizes(&free, &[33], &[]), [None]);
        assert!(allocate_sizes(&free, &[], &[]).is_empty());
    }

    #[test]
    fn preferred_space_is_filled_first() {
        let free = free_intervals(&nets(&["10.0.0.0/22"]), &[]);
        let prefer = free_intervals(&nets(&["10.0.2.0/25"]), &[]);
        let blocks = allocate_sizes(&free, &[26, 28, 24], &prefer);
        let text: Vec<String> = blocks.iter().flatten().map(|b| b.to_string()).collect();
        // The /24 cannot fit in the preferred /25, so it goes to the lowest free /24; the
        // /26 and /28 go into the preferred space.
        assert_eq!(text, ["10.0.2.0/26", "10.0.2.64/28", "10.0.0.0/24"]);
        let ip = |s: &str| u64::from(u32::from(s.parse::<Ipv4Addr>().unwrap()));
        assert_eq!(
            intersect(&free, &prefer),
            [(ip("10.0.2.0"), ip("10.0.2.127"))]
        );
        assert_eq!(lowest_block(&prefer, 24), None);
        // Preferred space in two adjacent prefixes holds a block that spans both.
        let prefer = free_intervals(&nets(&["10.0.1.0/27", "10.0.1.32/27"]), &[]);
        assert_eq!(prefer.len(), 2);
        assert_eq!(joined(&prefer).len(), 1);
        let blocks = allocate_sizes(&free, &[26], &prefer);
        assert_eq!(blocks, [Some("10.0.1.0/26".parse().unwrap())]);
    }

    /// Lengths the sized allocation is asked for: any, with the usual subnet sizes often.
    fn arb_len() -> impl Strategy<Value = u8> {
        prop_oneof![3 => 24u8..=29, 1 => 8u8..=32]
    }

    proptest! {
        #[test]
        fn sized_blocks_are_free_aligned_and_apart(
            vnet in proptest::collection::vec(arb_net(8), 1..4),
            used in proptest::collection::vec(arb_net(12), 0..40),
            lengths in proptest::collection::vec(arb_len(), 0..6),
            prefer in proptest::collection::vec((any::<usize>(), any::<u32>(), 0u8..=8), 0..3),
        ) {
            // Preferred space inside the VNet (as the ISE's space is), so that it is often free.
            let prefer: Vec<Ipv4Net> = prefer
                .into_iter()
                .map(|(which, a, deeper)| {
                    let v = vnet[which % vnet.len()];
                    let inside = u32::from(v.network()) | (a & u32::from(v.hostmask()));
                    let len = (v.prefix_len() + deeper).min(32);
                    Ipv4Net::new(Ipv4Addr::from(inside), len).unwrap().trunc()
                })
                .collect();
            let free = free_intervals(&vnet, &used);
            let preferred = free_intervals(&prefer, &[]);
            let blocks = allocate_sizes(&free, &lengths, &preferred);
            prop_assert_eq!(blocks.len(), lengths.len());
            // Replayed in the order the allocator takes them: largest first, ties by index.
            let mut order: Vec<usize> = (0..lengths.len()).collect();
            order.sort_by_key(|&i| lengths[i]);
            let mut taken: Vec<Ipv4Net> = Vec::new();
            for i in order {
                let left = without(&free, &taken);
                let shape = Shape::new(lengths[i], lengths[i]);
                match blocks[i] {
                    None => prop_assert_eq!(allocate_in(&left, 0, shape).free_blocks, 0, "a free /{} was left", lengths[i]),
                    Some(b) => {
                        prop_assert_eq!(b.prefix_len(), lengths[i]);
                        prop_assert_eq!(b.trunc(), b, "aligned");
                        prop_assert!(vnet.iter().any(|v| v.contains(&b)), "inside the VNet");
                        prop_assert!(!used.iter().any(|u| cidr::overlaps(*u, b)), "avoids blocked ranges");
                        prop_assert!(!taken.iter().any(|t| cidr::overlaps(*t, b)), "no overlap");
                        prop_assert!(is_free(&left, b));
                        // Inside the preferred space whenever a block of its size was free there.
                        let preferred_left = intersect(&left, &joined(&preferred));
                        if allocate_in(&preferred_left, 0, shape).free_blocks > 0 {
                            prop_assert!(is_free(&preferred_left, b), "{} not in the preferred space", b);
                        }
                        taken.push(b);
                    }
                }
            }
            // Deterministic, whatever the order the VNet and blocked ranges come in.
            let mut vnet_rev = vnet.clone(); vnet_rev.reverse();
            let mut used_rev = used.clone(); used_rev.reverse();
            let again = allocate_sizes(&free_intervals(&vnet_rev, &used_rev), &lengths, &preferred);
            prop_assert_eq!(again, blocks);
        }
    }

    fn arb_net(min_len: u8) -> impl Strategy<Value = Ipv4Net> {
        (any::<u32>(), min_len..=32u8)
            .prop_map(|(a, len)| Ipv4Net::new(Ipv4Addr::from(a), len).unwrap().trunc())
    }

    proptest! {
        #[test]
        fn invariants(vnet in proptest::collection::vec(arb_net(8), 1..4),
                      used in proptest::collection::vec(arb_net(12), 0..40),
                      count in 0usize..6) {
            let a = alloc(&vnet, &used, count);
            prop_assert!(a.blocks.len() <= count);
            if let (Some(run), Some(first)) = (a.run, a.blocks.first()) {
                prop_assert!(a.blocks.iter().all(|b| run.contains(b)), "the run holds the blocks");
                // Every skipped block is free and lower than the run.
                let free = free_intervals(&vnet, &used);
                for s in &a.skipped {
                    prop_assert!(is_free(&free, *s) && s < first);
                }
                prop_assert!(a.skipped_count >= a.skipped.len() as u64);
            }
            // Cutting the chosen blocks out leaves exactly that many fewer free blocks.
            let free = free_intervals(&vnet, &used);
            prop_assert_eq!(
                allocate_in(&without(&free, &a.blocks), 0, SHAPE).free_blocks,
                a.free_blocks - a.blocks.len() as u64
            );
            prop_assert!(a.blocks.len() == count || a.free_blocks < count as u64);
            for (i, b) in a.blocks.iter().enumerate() {
                prop_assert_eq!(b.prefix_len(), SHAPE.block_len);
                prop_assert_eq!(b.trunc(), *b, "aligned");
                prop_assert!(vnet.iter().any(|v| v.contains(b)), "inside the VNet");
                prop_assert!(!used.iter().any(|u| cidr::overlaps(*u, *b)), "avoids existing");
                for other in &a.blocks[i + 1..] {
                    prop_assert!(!cidr::overlaps(*b, *other), "no overlap");
                }
            }
            // Deterministic, whatever the input order.
            let mut vnet_rev = vnet.clone(); vnet_rev.reverse();
            let mut used_rev = used.clone(); used_rev.reverse();
            prop_assert_eq!(alloc(&vnet_rev, &used_rev, count), a);
        }
    }
}
