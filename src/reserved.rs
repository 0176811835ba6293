//! Address ranges an ISE must not use: the five Logic Apps cannot resolve (portal article) and the
//! ones Azure never allows in a virtual network.

use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

use crate::citation::Citation;

/// A range the planner keeps ISE subnets away from, with why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReservedRange {
    pub net: Ipv4Net,
    /// What the range is, in a few words ("shared address space (carrier-grade NAT)").
    pub what: &'static str,
    /// `true`: the portal article's list of spaces Logic Apps cannot resolve. `false`: Azure's general
    /// virtual-network rule.
    pub unresolvable_by_logic_apps: bool,
    pub source: Citation,
}

const fn net(a: u8, b: u8, c: u8, d: u8, len: u8) -> Ipv4Net {
    // Prefix lengths here are literals <= 32, so `new` cannot fail; `new_assert` is const.
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), len)
}

const SUBNET_RULES: Citation = Citation::portal(
    "Create subnets",
    "Don't use the following IP address spaces",
);
const AZURE_VNET_RULES: Citation = Citation {
    article: crate::citation::VNET_FAQ,
    section: "Virtual network FAQ",
    row: "Address ranges that can't be used in a virtual network",
};

/// Every range the planner avoids, the portal article's five first.
pub const RESERVED: &[ReservedRange] = &[
    ReservedRange {
        net: net(0, 0, 0, 0, 8),
        what: "\"this network\" (0.0.0.0/8)",
        unresolvable_by_logic_apps: true,
        source: SUBNET_RULES,
    },
    ReservedRange {
        net: net(100, 64, 0, 0, 10),
        what: "shared address space (100.64.0.0/10)",
        unresolvable_by_logic_apps: true,
        source: SUBNET_RULES,
    },
    ReservedRange {
        net: net(127, 0, 0, 0, 8),
        what: "loopback (127.0.0.0/8)",
        unresolvable_by_logic_apps: true,
        source: SUBNET_RULES,
    },
    ReservedRange {
        net: net(168, 63, 129, 16, 32),
        what: "Azure's virtual public IP 168.63.129.16",
        unresolvable_by_logic_apps: true,
        source: SUBNET_RULES,
    },
    ReservedRange {
        net: net(169, 254, 169, 254, 32),
        what: "the instance metadata address 169.254.169.254",
        unresolvable_by_logic_apps: true,
        source: SUBNET_RULES,
    },
    ReservedRange {
        net: net(224, 0, 0, 0, 4),
        what: "multicast (224.0.0.0/4)",
        unresolvable_by_logic_apps: false,
        source: AZURE_VNET_RULES,
    },
    ReservedRange {
        net: net(255, 255, 255, 255, 32),
        what: "broadcast (255.255.255.255/32)",
        unresolvable_by_logic_apps: false,
        source: AZURE_VNET_RULES,
    },
    ReservedRange {
        net: net(169, 254, 0, 0, 16),
        what: "link-local (169.254.0.0/16)",
        unresolvable_by_logic_apps: false,
        source: AZURE_VNET_RULES,
    },
];

/// The reserved ranges that overlap `candidate` (not only those containing it).
pub fn overlapping(candidate: Ipv4Net) -> impl Iterator<Item = &'static ReservedRange> {
    RESERVED
        .iter()
        .filter(move |r| crate::cidr::overlaps(r.net, candidate))
}

/// The private ranges of RFC 1918 (and the shared space is not among them).
pub const PRIVATE: [Ipv4Net; 3] = [
    net(10, 0, 0, 0, 8),
    net(172, 16, 0, 0, 12),
    net(192, 168, 0, 0, 16),
];

/// Whether `candidate` lies wholly inside one RFC 1918 range.
pub fn is_private(candidate: Ipv4Net) -> bool {
    PRIVATE.iter().any(|p| p.contains(&candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_five_come_first_and_are_marked() {
        let five: Vec<String> = RESERVED
            .iter()
            .filter(|r| r.unresolvable_by_logic_apps)
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
