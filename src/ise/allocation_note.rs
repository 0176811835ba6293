//! Why the unpinned subnets sit where they do: the allocation explained as data (which rule
//! chose which block, what was skipped, what was kept or moved) and as a few plain sentences.

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::network::allocate::Allocation;
use crate::network::placement::MovedSubnet;

/// How the allocation rule chose blocks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Strategy {
    /// There was no subnet to place.
    Nothing,
    /// One run of free /27 blocks inside one aligned /25 (`run`): the preferred choice, so that
    /// the subnets stay together (four of them summarise to that /25).
    OneAlignedRun { run: String },
    /// No aligned /25 held a run of them, so the lowest free /27 blocks.
    LowestFree,
    /// Fewer free /27 blocks than subnets: every free block is taken, some subnets get none.
    NotEnoughSpace,
    /// The VNet has no usable address prefix.
    NoAddressSpace,
}

/// A subnet and the block it got.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacedBlock {
    /// The subnet's index in the design.
    pub subnet: usize,
    pub prefix: String,
}

/// One run of the allocation rule over some subnets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// The subnets placed, lowest block to the lowest index.
    pub placed: Vec<PlacedBlock>,
    /// Subnets left without a block.
    pub unplaced: Vec<usize>,
    pub strategy: Strategy,
    /// Free blocks lower than the run that were passed over so that the run stays together
    /// (the first few; `skipped_count` counts them all).
    pub skipped: Vec<String>,
    pub skipped_count: u64,
    /// Free aligned /27 blocks in the space the rule chose from.
    pub free_blocks: u64,
}

impl Choice {
    /// Describes `allocation`, made for `subnets` (indices, ascending), which take its blocks
    /// in order. `has_space`: the VNet has at least one usable prefix.
    pub fn new(subnets: &[usize], allocation: &Allocation, has_space: bool) -> Choice {
        let placed: Vec<PlacedBlock> = subnets
            .iter()
            .zip(&allocation.blocks)
            .map(|(&subnet, block)| PlacedBlock {
                subnet,
                prefix: block.to_string(),
            })
            .collect();
        let unplaced = subnets[placed.len().min(subnets.len())..].to_vec();
        let strategy = if subnets.is_empty() {
            Strategy::Nothing
        } else if !has_space {
            Strategy::NoAddressSpace
        } else if !unplaced.is_empty() {
            Strategy::NotEnoughSpace
        } else {
            match allocation.run {
                Some(run) if allocation.contiguous => Strategy::OneAlignedRun {
                    run: run.to_string(),
                },
                _ => Strategy::LowestFree,
            }
        };
        Choice {
            placed,
            unplaced,
            strategy,
            skipped: allocation.skipped.iter().map(Ipv4Net::to_string).collect(),
            skipped_count: allocation.skipped_count,
            free_blocks: allocation.free_blocks,
        }
    }

    fn subnets(&self) -> Vec<usize> {
        self.placed.iter().map(|p| p.subnet).collect()
    }

    fn prefixes(&self) -> Vec<String> {
        self.placed.iter().map(|p| p.prefix.clone()).collect()
    }
}

/// Why the unpinned ISE subnets sit where they do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AllocationNote {
    /// What the allocation rule chooses for every unpinned subnet from the space the existing
    /// and pinned subnets leave: where *Re-allocate all* puts them.
    pub rule: Choice,
    /// The unpinned subnets sit in exactly the blocks `rule` chose (in any order), so `rule`
    /// explains them — always so for a design without hints.
    pub follows_rule: bool,
    /// When they do not: the subnets kept where an earlier plan placed them.
    pub kept: Vec<usize>,
    /// When they do not: the rule's choice for the other unpinned subnets, from the space the
    /// kept ones leave.
    pub fresh: Option<Choice>,
    /// Subnets whose earlier place could not be kept, and why.
    pub moved: Vec<MovedSubnet>,
    /// A VNet prefix cannot be used (unreadable, or overlapping a reserved range): a shortage
    /// of space may only be its consequence.
    pub vnet_unusable: bool,
    /// The note in plain sentences ([`AllocationNote::sentences`] joined); empty when every
    /// subnet is pinned.
    pub summary: String,
}

/// Whether two lists hold the same blocks, in any order (each as often): a handful at most.
fn same_blocks(a: &[String], b: &[String]) -> bool {
    let count = |list: &[String], x: &String| list.iter().filter(|y| *y == x).count();
    a.len() == b.len() && a.iter().all(|x| count(a, x) == count(b, x))
}

impl AllocationNote {
    /// Assembles the note and its summary. `kept`: the subnets kept at their hints, with their
    /// blocks; `fresh`: the rule's choice for the other unpinned subnets.
    pub fn new(
        rule: Choice,
        kept: &[(usize, Ipv4Net)],
        fresh: Choice,
        moved: Vec<MovedSubnet>,
        vnet_unusable: bool,
    ) -> AllocationNote {
        let mut now: Vec<String> = kept.iter().map(|(_, b)| b.to_string()).collect();
        now.extend(fresh.prefixes());
        let follows_rule = same_blocks(&now, &rule.prefixes());
        let mut note = AllocationNote {
            follows_rule,
            kept: if follows_rule {
                Vec::new()
            } else {
                kept.iter().map(|(i, _)| *i).collect()
            },
            fresh: (!follows_rule).then_some(fresh),
            rule,
            moved,
            vnet_unusable,
            summary: String::new(),
        };
        note.summary = note.sentences().join(" ");
        note
    }

    /// The free space in one line (for beside the subnets table): how many /27 blocks were
    /// free before the unpinned subnets were placed, or why there is no figure to give.
    pub fn free_space(&self) -> String {
        let free = self.rule.free_blocks;
        if self.rule.strategy == Strategy::NoAddressSpace {
            "No VNet address space yet: enter the VNet's address prefixes.".into()
        } else if self.vnet_unusable && free == 0 {
            "No usable /27 block: fix the VNet's address prefixes first (see their errors).".into()
        } else {
            format!(
                "{free} free{} /27 block{} in the VNet before placing the unpinned subnets.",
                if self.vnet_unusable { " usable" } else { "" },
                if free == 1 { "" } else { "s" }
            )
        }
    }

    /// The note as short sentences: moves first, then why the subnets sit where they do.
    pub fn sentences(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .moved
            .iter()
            .map(|m| {
                format!(
                    "Subnet {} could not stay at {}: {}.",
                    m.subnet + 1,
                    m.from,
                    m.problem.explain(crate::ise::ISE_PREFIX_LEN)
                )
            })
            .collect();
        match (&self.fresh, self.follows_rule) {
            (Some(fresh), false) => {
                let kept = subnets_phrase(&self.kept);
                let one = self.kept.len() == 1;
                out.push(format!(
                    "{kept} {} where {} placed before, so that other edits do not move {}.",
                    if one { "stays" } else { "stay" },
                    if one { "it was" } else { "they were" },
                    if one { "it" } else { "them" },
                ));
                out.extend(choice_sentences(fresh, self.vnet_unusable));
                out.push(reallocation_sentence(&self.rule));
            }
            _ => out.extend(choice_sentences(&self.rule, self.vnet_unusable)),
        }
        out
    }
}

/// The sentences that explain one choice of the rule.
fn choice_sentences(c: &Choice, vnet_unusable: bool) -> Vec<String> {
    let subnets = c.subnets();
    let who = subnets_phrase(&subnets);
    let n = subnets.len();
    let take = if n == 1 { "takes" } else { "take" };
    let blocks = c.prefixes();
    match &c.strategy {
        Strategy::Nothing => Vec::new(),
        Strategy::OneAlignedRun { run } => {
            let mut out = vec![match n {
                1 => format!("{who} {take} {}: the lowest free /27 block.", blocks[0]),
                4 => format!("{who} {take} {run}: the first aligned /25 with four free /27 blocks."),
                _ => format!(
                    "{who} {take} {}: the lowest {} free /27 blocks in a row within one aligned /25 ({run}).",
                    and_list(&blocks),
                    number(n as u64)
                ),
            }];
            if c.skipped_count > 0 {
                let listed = c.skipped.len() as u64;
                let together = format!("so that the {} stay together", number(n as u64));
                out.push(if c.skipped_count > listed {
                    format!(
                        "{} and {} more free /27 blocks lower down were skipped {together}.",
                        c.skipped.join(", "),
                        c.skipped_count - listed
                    )
                } else {
                    format!(
                        "{} {} free but skipped {together}.",
                        and_list(&c.skipped),
                        if c.skipped_count == 1 { "was" } else { "were" }
                    )
                });
            }
            out
        }
        Strategy::LowestFree if n <= 4 => vec![format!(
            "No aligned /25 has {} free /27 blocks in a row, so {} {take} the lowest free blocks: {}.",
            number(n as u64),
            lowercase_first(&who),
            and_list(&blocks)
        )],
        Strategy::LowestFree => vec![format!("{who} {take} the lowest free /27 blocks.")],
        Strategy::NotEnoughSpace => {
            let mut out = Vec::new();
            if n > 0 {
                out.push(if n <= 4 {
                    format!(
                        "{who} {take} {}: the only free /27 {}.",
                        and_list(&blocks),
                        if n == 1 { "block" } else { "blocks" }
                    )
                } else {
                    format!("{who} {take} the only free /27 blocks.")
                });
            }
            let left = subnets_phrase(&c.unplaced);
            let is = if c.unplaced.len() == 1 { "is" } else { "are" };
            out.push(if vnet_unusable {
                format!("{left} {is} not placed until the VNet's address prefixes are fixed (see their errors).")
            } else if c.free_blocks == 0 {
                format!("{left} {is} not placed: the VNet has no free /27 block; add an address prefix (a free /25 holds all four) or free some space.")
            } else {
                format!("{left} {is} not placed: the VNet has only {} free /27 {}; add an address prefix (a free /25 holds all four) or free some space.", c.free_blocks, if c.free_blocks == 1 { "block" } else { "blocks" })
            });
            out
        }
        Strategy::NoAddressSpace => {
            let left = subnets_phrase(&c.unplaced);
            let is = if c.unplaced.len() == 1 { "is" } else { "are" };
            vec![format!(
                "{left} {is} not placed: the VNet has no usable address prefix yet."
            )]
        }
    }
}

/// Where *Re-allocate all* would put the unpinned subnets.
fn reallocation_sentence(rule: &Choice) -> String {
    let subnets = rule.subnets();
    let who = lowercase_first(&subnets_phrase(&subnets));
    match &rule.strategy {
        Strategy::OneAlignedRun { run } if subnets.len() == 4 => {
            format!("Re-allocate all would place {who} in {run}.")
        }
        _ if subnets.len() <= 4 => format!(
            "Re-allocate all would place {who} at {}.",
            and_list(&rule.prefixes())
        ),
        _ => format!("Re-allocate all would place {who} in the lowest free blocks."),
    }
}

/// "Subnet 3", "Subnets 1 and 2", "Subnets 1, 3 and 4", "Subnets 1–4"; "12 subnets" for long
/// lists that are not one run.
pub fn subnets_phrase(indices: &[usize]) -> String {
    match indices {
        [] => "No subnet".into(),
        [one] => format!("Subnet {}", one + 1),
        _ => {
            let first = indices[0];
            let consecutive = indices.iter().enumerate().all(|(k, &i)| i == first + k);
            if consecutive && indices.len() >= 3 {
                format!("Subnets {}–{}", first + 1, first + indices.len())
            } else if indices.len() > 6 {
                format!("{} subnets", indices.len())
            } else {
                let numbers: Vec<String> = indices.iter().map(|i| (i + 1).to_string()).collect();
                format!("Subnets {}", and_list(&numbers))
            }
        }
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn number(n: u64) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        _ => n.to_string(),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Design;
    use crate::findings::code;
    use crate::ise::plan::{plan, Plan};

    fn with_vnet(prefixes: &[&str], existing: &[&str]) -> Design {
        let mut d = Design::default();
        d.vnet.address_prefixes = prefixes.iter().map(|s| s.to_string()).collect();
        d.vnet.existing_subnets = existing.iter().map(|s| (*s).into()).collect();
        d
    }

    fn codes(p: &Plan) -> Vec<&'static str> {
        p.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn one_aligned_run() {
        let p = plan(&Design::default());
        let note = &p.allocation;
        assert!(note.follows_rule && note.kept.is_empty() && note.fresh.is_none());
        assert_eq!(
            note.rule.strategy,
            Strategy::OneAlignedRun {
                run: "10.0.0.0/25".into()
            }
        );
        assert_eq!(
            note.summary,
            "Subnets 1–4 take 10.0.0.0/25: the first aligned /25 with four free /27 blocks."
        );
        assert_eq!(
            note.free_space(),
            "32 free /27 blocks in the VNet before placing the unpinned subnets."
        );
    }

    #[test]
    fn skipped_free_blocks_are_named() {
        let p = plan(&with_vnet(&["10.0.1.0/24"], &["10.0.1.32/27"]));
        assert_eq!(
            p.allocation.rule.skipped,
            ["10.0.1.0/27", "10.0.1.64/27", "10.0.1.96/27"]
        );
        assert_eq!(
            p.allocation.summary,
            "Subnets 1–4 take 10.0.1.128/25: the first aligned /25 with four free /27 blocks. \
             10.0.1.0/27, 10.0.1.64/27 and 10.0.1.96/27 were free but skipped so that the four \
             stay together."
        );
        let p = plan(&with_vnet(
            &["10.0.1.0/24"],
            &["10.0.1.0/27", "10.0.1.64/26"],
        ));
        assert_eq!(
            p.allocation.summary,
            "Subnets 1–4 take 10.0.1.128/25: the first aligned /25 with four free /27 blocks. \
             10.0.1.32/27 was free but skipped so that the four stay together."
        );
        // The README's example.
        let p = plan(&with_vnet(
            &["10.0.0.0/23"],
            &["10.0.0.0/26", "10.0.0.128/25"],
        ));
        assert_eq!(
            p.allocation.summary,
            "Subnets 1–4 take 10.0.1.0/25: the first aligned /25 with four free /27 blocks. \
             10.0.0.64/27 and 10.0.0.96/27 were free but skipped so that the four stay together."
        );
        // Many: the first few are named, the rest counted.
        let existing: Vec<String> = (0..6)
            .map(|i| format!("10.0.{}.{}/27", i / 2, 32 + (i % 2) * 128))
            .collect();
        let existing: Vec<&str> = existing.iter().map(String::as_str).collect();
        let p = plan(&with_vnet(&["10.0.0.0/22"], &existing));
        assert_eq!(p.allocation.rule.skipped_count, 18);
        assert_eq!(
            p.allocation.summary,
            "Subnets 1–4 take 10.0.3.0/25: the first aligned /25 with four free /27 blocks. \
             10.0.0.0/27, 10.0.0.64/27, 10.0.0.96/27, 10.0.0.128/27 and 14 more free /27 blocks \
             lower down were skipped so that the four stay together."
        );
    }

    #[test]
    fn runs_of_fewer_than_four() {
        let mut d = with_vnet(&["10.0.1.0/24"], &["10.0.1.0/27"]);
        d.subnets[0].prefix = "10.0.1.96/27".into();
        let p = plan(&d);
        assert_eq!(
            p.allocation.summary,
            "Subnets 2–4 take 10.0.1.128/27, 10.0.1.160/27 and 10.0.1.192/27: the lowest three \
             free /27 blocks in a row within one aligned /25 (10.0.1.128/25). 10.0.1.32/27 and \
             10.0.1.64/27 were free but skipped so that the three stay together."
        );
        let mut d = Design::default();
        for i in 0..3 {
            d.subnets[i].prefix = format!("10.0.2.{}/27", i * 32);
        }
        assert_eq!(
            plan(&d).allocation.summary,
            "Subnet 4 takes 10.0.0.0/27: the lowest free /27 block."
        );
        for i in 0..4 {
            d.subnets[i].prefix = format!("10.0.2.{}/27", i * 32);
        }
        let p = plan(&d);
        assert_eq!(p.allocation.rule.strategy, Strategy::Nothing);
        assert_eq!(p.allocation.summary, "");
    }

    #[test]
    fn lowest_free_blocks() {
        let p = plan(&with_vnet(
            &["10.0.0.0/24"],
            &["10.0.0.32/27", "10.0.0.160/27"],
        ));
        assert_eq!(p.allocation.rule.strategy, Strategy::LowestFree);
        assert_eq!(
            p.allocation.summary,
            "No aligned /25 has four free /27 blocks in a row, so subnets 1–4 take the lowest \
             free blocks: 10.0.0.0/27, 10.0.0.64/27, 10.0.0.96/27 and 10.0.0.128/27."
        );
    }

    #[test]
    fn not_enough_space() {
        let p = plan(&with_vnet(&["10.0.0.0/26"], &[]));
        assert_eq!(p.allocation.rule.strategy, Strategy::NotEnoughSpace);
        assert_eq!(p.allocation.rule.unplaced, [2, 3]);
        assert_eq!(
            p.allocation.summary,
            "Subnets 1 and 2 take 10.0.0.0/27 and 10.0.0.32/27: the only free /27 blocks. \
             Subnets 3 and 4 are not placed: the VNet has only 2 free /27 blocks; add an address \
             prefix (a free /25 holds all four) or free some space."
        );
        let p = plan(&with_vnet(&["10.0.0.0/24"], &["10.0.0.0/24"]));
        assert!(codes(&p).contains(&code::ALLOCATION_NO_SPACE));
        assert!(
            p.allocation
                .summary
                .starts_with("Subnets 1–4 are not placed: the VNet has no free /27 block;"),
            "{}",
            p.allocation.summary
        );
    }

    #[test]
    fn an_unusable_vnet_prefix_is_not_reported_twice() {
        // Issue item 13: the reserved-range error is the cause; "0 free /27 blocks" is only
        // its consequence.
        for (prefixes, cause) in [
            (vec!["100.64.0.0/22"], code::ADDRESS_UNRESOLVABLE),
            (vec!["168.63.129.0/27"], code::ADDRESS_UNRESOLVABLE),
            (vec!["224.0.0.0/22"], code::ADDRESS_NOT_ALLOWED),
            (vec!["10.0.0/22", "10.1.0.0/26"], code::CIDR_SYNTAX),
        ] {
            let p = plan(&with_vnet(&prefixes, &[]));
            let codes = codes(&p);
            assert!(codes.contains(&cause), "{prefixes:?}: {codes:?}");
            assert!(
                !codes.contains(&code::ALLOCATION_NO_SPACE),
                "{prefixes:?}: {codes:?}"
            );
            assert!(
                !codes.contains(&code::ALLOCATION_NOT_CONTIGUOUS),
                "{prefixes:?}: {codes:?}"
            );
            assert!(p.allocation.vnet_unusable);
            assert!(
                p.allocation.summary.ends_with(
                    "not placed until the VNet's address prefixes are fixed (see their errors)."
                ),
                "{prefixes:?}: {}",
                p.allocation.summary
            );
        }
        // An IPv6 prefix of a dual-stack VNet is only a note: the IPv4 space that is left is
        // simply too small, which is the error to report.
        let p = plan(&with_vnet(&["fd00::/48", "10.1.0.0/28"], &[]));
        assert!(codes(&p).contains(&code::ALLOCATION_NO_SPACE));
        assert!(!p.allocation.vnet_unusable);
        let p = plan(&with_vnet(&["100.64.0.0/22"], &[]));
        assert_eq!(p.free_blocks, 0);
        assert_eq!(
            p.allocation.free_space(),
            "No usable /27 block: fix the VNet's address prefixes first (see their errors)."
        );
        let partly = plan(&with_vnet(&["168.63.128.0/23"], &[]));
        assert!(partly.allocation.vnet_unusable && partly.has_errors());
        assert_eq!(
            partly.allocation.free_space(),
            "15 free usable /27 blocks in the VNet before placing the unpinned subnets."
        );
        assert_eq!(p.allocation.summary, "Subnets 1–4 are not placed until the VNet's address prefixes are fixed (see their errors).");
        // A prefix with host bits is used as the network meant: a real shortage is reported.
        let p = plan(&with_vnet(&["10.0.0.1/26"], &[]));
        assert!(codes(&p).contains(&code::ALLOCATION_NO_SPACE));
        // No VNet prefix at all: its own error, and no note about contiguity.
        let p = plan(&with_vnet(&[], &[]));
        assert_eq!(codes(&p)[0], code::VNET_PREFIX_MISSING);
        assert!(!codes(&p).contains(&code::ALLOCATION_NOT_CONTIGUOUS));
        assert_eq!(p.allocation.rule.strategy, Strategy::NoAddressSpace);
        assert_eq!(
            p.allocation.summary,
            "Subnets 1–4 are not placed: the VNet has no usable address prefix yet."
        );
        assert_eq!(
            p.allocation.free_space(),
            "No VNet address space yet: enter the VNet's address prefixes."
        );
    }

    #[test]
    fn kept_subnets_and_moves_are_explained() {
        let mut d = Design::default();
        for (i, s) in d.subnets.iter_mut().enumerate() {
            s.placed = format!("10.0.0.{}/27", i * 32);
        }
        // Placed exactly as the rule would: the rule explains them.
        let p = plan(&d);
        assert!(p.allocation.follows_rule);
        assert_eq!(p.allocation, plan(&Design::default()).allocation);
        // An existing subnet lands on subnets 3 and 4: they move, 1 and 2 stay.
        d.vnet.existing_subnets = vec!["10.0.0.64/26".into()];
        let p = plan(&d);
        assert!(!p.allocation.follows_rule);
        assert_eq!(p.allocation.kept, [0, 1]);
        assert_eq!(
            p.allocation.summary,
            "Subnet 3 could not stay at 10.0.0.64/27: it overlaps existing subnet 10.0.0.64/26. \
             Subnet 4 could not stay at 10.0.0.96/27: it overlaps existing subnet 10.0.0.64/26. \
             Subnets 1 and 2 stay where they were placed before, so that other edits do not \
             move them. Subnets 3 and 4 take 10.0.0.128/27 and 10.0.0.160/27: the lowest two \
             free /27 blocks in a row within one aligned /25 (10.0.0.128/25). Re-allocate all \
             would place subnets 1–4 in 10.0.0.128/25."
        );
        // One kept subnet.
        let mut d = Design::default();
        d.subnets[2].placed = "10.0.3.0/27".into();
        assert!(plan(&d).allocation.summary.starts_with(
            "Subnet 3 stays where it was placed before, so that other edits do not move it. \
             Subnets 1, 2 and 4 take 10.0.0.0/27, 10.0.0.32/27 and 10.0.0.64/27:"
        ));
    }

    #[test]
    fn phrases() {
        assert_eq!(subnets_phrase(&[2]), "Subnet 3");
        assert_eq!(subnets_phrase(&[0, 1]), "Subnets 1 and 2");
        assert_eq!(subnets_phrase(&[0, 2, 3]), "Subnets 1, 3 and 4");
        assert_eq!(subnets_phrase(&[0, 1, 2, 3]), "Subnets 1–4");
        assert_eq!(
            subnets_phrase(&(0..9).map(|i| i * 2).collect::<Vec<_>>()),
            "9 subnets"
        );
        assert_eq!(
            subnets_phrase(&(0..20_000).collect::<Vec<_>>()),
            "Subnets 1–20000"
        );
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(lowercase_first("Subnets 1–4"), "subnets 1–4");
    }
}
