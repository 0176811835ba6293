//! The design edits that keep the ISE subnets' placement hints: refresh after each plan
//! ([`with_placements`]), re-allocate all, pin, unpin. Which hints hold, and why the others
//! do not, is the network layer's (`network::placement`).

use crate::design::Design;
use crate::ise::plan::Plan;
use crate::network::cidr;
pub use crate::network::placement::MAX_HINTS;

/// The design with each unpinned subnet's `placed` set to the prefix `plan` gave it (empty
/// when it got none); `None` when every hint already says so. Call it after each plan: planning
/// the returned design gives the same subnets, and refreshing again gives `None`.
pub fn with_placements(design: &Design, plan: &Plan) -> Option<Design> {
    let mut changed: Option<Design> = None;
    for (i, (spec, planned)) in design
        .subnets
        .iter()
        .zip(&plan.subnets)
        .enumerate()
        .take(MAX_HINTS)
    {
        if spec.is_pinned() || planned.pinned {
            continue;
        }
        let now = planned.prefix.as_deref().unwrap_or_default();
        if spec.placed != now {
            let d = changed.get_or_insert_with(|| design.clone());
            d.subnets[i].placed = now.to_string();
        }
    }
    changed
}

/// "Re-allocate all": forgets where the unpinned subnets were placed, so the next plan
/// chooses their blocks afresh. Pinned subnets keep their prefixes.
pub fn reallocate_all(design: &mut Design) {
    for spec in design.subnets.iter_mut().filter(|s| !s.is_pinned()) {
        spec.placed.clear();
    }
}

/// Pins subnet `index` to the prefix it has now (`planned_prefix`, from the plan), so that it
/// keeps it. Does nothing when the subnet is already pinned, does not exist, or has no prefix.
pub fn pin(design: &mut Design, index: usize, planned_prefix: &str) {
    let prefix = planned_prefix.trim();
    if let Some(spec) = design.subnets.get_mut(index) {
        if !spec.is_pinned() && !prefix.is_empty() {
            spec.prefix = prefix.to_string();
            spec.placed = prefix.to_string();
        }
    }
}

/// Unpins subnet `index` and keeps it where it is: its pinned prefix becomes its `placed`
/// hint, so the next plan leaves it there while that block is valid.
pub fn unpin(design: &mut Design, index: usize) {
    if let Some(spec) = design.subnets.get_mut(index) {
        if !spec.is_pinned() {
            return;
        }
        spec.placed = match cidr::parse_prefix(&spec.prefix) {
            Ok(net) | Err(cidr::PrefixProblem::HostBits { meant: net }) => net.to_string(),
            Err(_) => String::new(),
        };
        spec.prefix.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::SubnetSpec;
    use crate::ise::plan::plan;
    use crate::network::placement::{HintProblem, QUOTED_CHARS};

    fn prefixes(p: &Plan) -> Vec<String> {
        p.subnets
            .iter()
            .map(|s| s.prefix.clone().unwrap_or_default())
            .collect()
    }

    /// Plans, refreshes the hints the way the page does, and plans again.
    fn settled(d: &Design) -> (Design, Plan) {
        let p = plan(d);
        let d = with_placements(d, &p).unwrap_or_else(|| d.clone());
        let again = plan(&d);
        assert_eq!(
            prefixes(&again),
            prefixes(&p),
            "refreshing hints moved nothing"
        );
        assert_eq!(with_placements(&d, &again), None, "a fixed point");
        (d, again)
    }

    #[test]
    fn pinning_one_subnet_leaves_the_other_three_in_place() {
        // The reported case: four subnets allocated, then subnet 2 pinned; subnets 3 and 4
        // (and 1) moved. With hints they stay, whether it is pinned where it is (the Pin
        // button) or to a prefix typed elsewhere.
        let (settled_design, before) = settled(&Design::default());
        let four = [
            "10.0.0.0/27",
            "10.0.0.32/27",
            "10.0.0.64/27",
            "10.0.0.96/27",
        ];
        assert_eq!(prefixes(&before), four);

        let mut d = settled_design.clone();
        pin(&mut d, 1, before.subnets[1].prefix.as_deref().unwrap());
        let (_, after) = settled(&d);
        assert_eq!(prefixes(&after), four);
        assert!(after.subnets[1].pinned);
        // Without hints the rule would have moved subnets 1, 3 and 4 to the next whole /25.
        let mut fresh = Design::default();
        fresh.subnets[1].prefix = "10.0.0.32/27".into();
        assert_eq!(prefixes(&plan(&fresh))[2], "10.0.0.160/27");
        assert_eq!(
            after.allocation.summary,
            "Subnets 1, 3 and 4 stay where they were placed before, so that other edits do not \
             move them. Re-allocate all would place subnets 1, 3 and 4 at 10.0.0.128/27, \
             10.0.0.160/27 and 10.0.0.192/27."
        );

        let mut d = settled_design;
        d.subnets[1].prefix = "10.0.3.224/27".into();
        let (_, after) = settled(&d);
        assert_eq!(
            prefixes(&after),
            [
                "10.0.0.0/27",
                "10.0.3.224/27",
                "10.0.0.64/27",
                "10.0.0.96/27"
            ]
        );
        let mut fresh = Design::default();
        fresh.subnets[1].prefix = "10.0.3.224/27".into();
        assert_eq!(prefixes(&plan(&fresh))[2], "10.0.0.32/27");
    }

    #[test]
    fn pin_and_unpin_keep_the_subnet_in_place() {
        let (mut d, p) = settled(&Design::default());
        pin(&mut d, 1, p.subnets[1].prefix.as_deref().unwrap());
        assert_eq!(d.subnets[1].prefix, "10.0.0.32/27");
        let (mut d, p) = settled(&d);
        assert_eq!(
            prefixes(&p)[1..],
            ["10.0.0.32/27", "10.0.0.64/27", "10.0.0.96/27"]
        );
        assert!(p.subnets[1].pinned);
        // Pinning twice, or pinning nothing, changes nothing.
        let before = d.clone();
        pin(&mut d, 1, "10.0.1.0/27");
        pin(&mut d, 2, "");
        pin(&mut d, 9, "10.0.1.0/27");
        assert_eq!(d, before);
        // Unpinned, it stays.
        unpin(&mut d, 1);
        assert_eq!(
            (d.subnets[1].prefix.as_str(), d.subnets[1].placed.as_str()),
            ("", "10.0.0.32/27")
        );
        let (_, p) = settled(&d);
        assert_eq!(prefixes(&p)[1], "10.0.0.32/27");
        assert!(!p.subnets[1].pinned);
    }

    #[test]
    fn unpinning_a_typed_prefix_keeps_the_network_meant() {
        let mut d = Design::default();
        d.subnets[0].prefix = " 10.0.2.5/27 ".into();
        unpin(&mut d, 0);
        assert_eq!(d.subnets[0].placed, "10.0.2.0/27");
        assert_eq!(prefixes(&plan(&d))[0], "10.0.2.0/27");
        d.subnets[0].prefix = "nonsense".into();
        unpin(&mut d, 0);
        assert_eq!(
            (d.subnets[0].prefix.as_str(), d.subnets[0].placed.as_str()),
            ("", "")
        );
        // Unpinning a subnet that is not pinned keeps its hint.
        d.subnets[0].placed = "10.0.2.0/27".into();
        unpin(&mut d, 0);
        assert_eq!(d.subnets[0].placed, "10.0.2.0/27");
    }

    #[test]
    fn reallocate_all_forgets_the_hints_of_unpinned_subnets_only() {
        let mut d = Design::default();
        d.subnets[0].prefix = "10.0.3.0/27".into();
        d.subnets[0].placed = "10.0.3.0/27".into();
        d.subnets[1].placed = "10.0.2.0/27".into();
        d.subnets[2].placed = "10.0.2.32/27".into();
        assert_eq!(prefixes(&plan(&d))[1..3], ["10.0.2.0/27", "10.0.2.32/27"]);
        reallocate_all(&mut d);
        assert_eq!(d.subnets[0].placed, "10.0.3.0/27");
        assert!(d.subnets[1..].iter().all(|s| s.placed.is_empty()));
        assert_eq!(
            prefixes(&plan(&d)),
            ["10.0.3.0/27", "10.0.0.0/27", "10.0.0.32/27", "10.0.0.64/27"]
        );
    }

    #[test]
    fn invalid_hints_move_and_say_why() {
        let mut d = Design::default();
        d.vnet.existing_subnets = vec!["10.0.1.0/24".into()];
        d.subnets[3].prefix = "10.0.2.0/26".into();
        let hint = |d: &mut Design, i: usize, h: &str| d.subnets[i].placed = h.into();
        hint(&mut d, 0, "10.0.1.32/27");
        hint(&mut d, 1, "10.0.2.32/27");
        hint(&mut d, 2, "10.9.0.0/27");
        let p = plan(&d);
        let problems: Vec<_> = p
            .allocation
            .moved
            .iter()
            .map(|m| (m.subnet, m.from.as_str(), m.problem.clone()))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    0,
                    "10.0.1.32/27",
                    HintProblem::OverlapsExisting {
                        prefix: "10.0.1.0/24".into()
                    }
                ),
                (1, "10.0.2.32/27", HintProblem::OverlapsPinned { subnet: 3 }),
                (2, "10.9.0.0/27", HintProblem::OutsideVnet),
            ]
        );
        let more = [
            ("10.0.0.0/26", HintProblem::NotABlock),
            ("10.0.0.1/27", HintProblem::NotABlock),
            ("fd00::/27", HintProblem::NotABlock),
            ("here", HintProblem::NotABlock),
        ];
        for (typed, problem) in more {
            let mut d = Design::default();
            d.subnets[0].placed = typed.into();
            assert_eq!(plan(&d).allocation.moved[0].problem, problem, "{typed}");
        }
        let mut d = Design::default();
        d.vnet.address_prefixes = vec!["168.63.129.0/24".into()];
        d.subnets[0].placed = "168.63.129.0/27".into();
        assert_eq!(
            plan(&d).allocation.moved[0].problem,
            HintProblem::Reserved {
                range: "Azure's virtual public IP 168.63.129.16"
            }
        );
        // Two subnets with the same hint: the first keeps it.
        let mut d = Design::default();
        d.subnets[0].placed = "10.0.2.0/27".into();
        d.subnets[1].placed = "10.0.2.0/27".into();
        let p = plan(&d);
        assert_eq!(prefixes(&p)[0], "10.0.2.0/27");
        assert_ne!(prefixes(&p)[1], "10.0.2.0/27");
        assert_eq!(
            p.allocation.moved[0].problem,
            HintProblem::TakenByKept { subnet: 0 }
        );
    }

    #[test]
    fn long_hints_are_quoted_short() {
        let mut d = Design::default();
        // Within the limit of 256 characters (a longer value never reaches the plan).
        d.subnets[0].placed = "x".repeat(250);
        let p = plan(&d);
        assert_eq!(p.allocation.moved[0].from.chars().count(), QUOTED_CHARS + 1);
        assert!(p.allocation.summary.len() < 1000);
    }

    #[test]
    fn hints_beyond_the_limit_are_ignored_and_not_written() {
        let mut d = Design::default();
        d.vnet.address_prefixes = vec!["10.0.0.0/16".into()];
        d.subnets = (0..MAX_HINTS + 2)
            .map(|i| SubnetSpec {
                name: format!("s{i}"),
                ..SubnetSpec::default()
            })
            .collect();
        let (d, _) = settled(&d);
        // Only the four subnets an ISE has are planned, so only they get placements.
        assert!(d.subnets[..4].iter().all(|s| !s.placed.is_empty()));
        assert!(d.subnets[4..].iter().all(|s| s.placed.is_empty()));
    }

    #[test]
    fn an_unplaced_subnet_loses_its_hint() {
        let mut d = Design::default();
        d.vnet.address_prefixes = vec!["10.0.0.0/26".into()];
        d.subnets[3].placed = "10.0.7.0/27".into();
        let (d, p) = settled(&d);
        assert_eq!(p.subnets[3].prefix, None);
        assert_eq!(d.subnets[3].placed, "");
    }
}
