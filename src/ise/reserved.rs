//! The ranges an ISE's subnets must not use: the five Logic Apps cannot resolve (portal
//! article, "Create subnets") and the ones Azure never allows in a virtual network.

use ipnet::Ipv4Net;

use crate::findings::citation::Citation;
use crate::network::reserved::{self, net, ReservedRange, AZURE_VNET};

const SUBNET_RULES: Citation = Citation::portal(
    "Create subnets",
    "Don't use the following IP address spaces",
);

const fn unresolvable(net: Ipv4Net, what: &'static str) -> ReservedRange {
    ReservedRange {
        net,
        what,
        by_service: true,
        source: SUBNET_RULES,
    }
}

/// Every range the ISE planner avoids, the portal article's five first.
pub const RESERVED: &[ReservedRange] = &[
    unresolvable(net(0, 0, 0, 0, 8), "\"this network\" (0.0.0.0/8)"),
    unresolvable(
        net(100, 64, 0, 0, 10),
        "shared address space (100.64.0.0/10)",
    ),
    unresolvable(net(127, 0, 0, 0, 8), "loopback (127.0.0.0/8)"),
    unresolvable(
        net(168, 63, 129, 16, 32),
        "Azure's virtual public IP 168.63.129.16",
    ),
    unresolvable(
        net(169, 254, 169, 254, 32),
        "the instance metadata address 169.254.169.254",
    ),
    AZURE_VNET[0],
    AZURE_VNET[1],
    AZURE_VNET[2],
];

/// The reserved ranges that overlap `candidate` (not only those containing it).
pub fn overlapping(candidate: Ipv4Net) -> impl Iterator<Item = &'static ReservedRange> {
    reserved::overlapping(RESERVED, candidate)
}

/// The reserved ranges as prefixes, for the allocator's blocked list.
pub fn nets() -> impl Iterator<Item = Ipv4Net> {
    RESERVED.iter().map(|r| r.net)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_five_come_first_and_are_marked() {
        let five: Vec<String> = RESERVED
            .iter()
            .filter(|r| r.by_service)
            .map(|r| r.net.to_string())
            .collect();
        assert_eq!(
            five,
            [
                "0.0.0.0/8",
                "100.64.0.0/10",
                "127.0.0.0/8",
                "168.63.129.16/32",
                "169.254.169.254/32"
            ]
        );
    }

    #[test]
    fn overlap_not_only_containment() {
        // 100.0.0.0/8 contains 100.64.0.0/10 rather than the other way round.
        let hits: Vec<_> = overlapping("100.0.0.0/8".parse().unwrap()).collect();
        assert_eq!(hits.len(), 1);
        assert!(overlapping("10.0.0.0/8".parse().unwrap()).next().is_none());
    }
}
