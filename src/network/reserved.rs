//! Ranges no subnet may use: the type a planner lists them with, and the ones Azure never
//! allows in any virtual network (Azure's VNet FAQ). A planner adds its service's own ranges
//! (the ISE's are in `ise::reserved`).

use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

use crate::findings::citation::{Citation, VNET_FAQ};
use crate::network::cidr;

/// A range a planner keeps its subnets away from, with why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReservedRange {
    pub net: Ipv4Net,
    /// What the range is, in a few words ("shared address space (carrier-grade NAT)").
    pub what: &'static str,
    /// `true`: the service's own rule (a range its article says it cannot use). `false`:
    /// Azure's rule for every virtual network.
    pub by_service: bool,
    pub source: Citation,
}

/// A prefix from its four octets and length, at compile time.
pub const fn net(a: u8, b: u8, c: u8, d: u8, len: u8) -> Ipv4Net {
    // Prefix lengths here are literals <= 32, so `new` cannot fail; `new_assert` is const.
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), len)
}

const AZURE_VNET_RULES: Citation = Citation {
    article: VNET_FAQ,
    section: "What address ranges can I use in my virtual networks?",
    row: "In addition, you can't add the following address ranges",
};

/// The ranges Azure never allows in a virtual network.
pub const AZURE_VNET: [ReservedRange; 3] = [
    ReservedRange {
        net: net(224, 0, 0, 0, 4),
        what: "multicast (224.0.0.0/4)",
        by_service: false,
        source: AZURE_VNET_RULES,
    },
    ReservedRange {
        net: net(255, 255, 255, 255, 32),
        what: "broadcast (255.255.255.255/32)",
        by_service: false,
        source: AZURE_VNET_RULES,
    },
    ReservedRange {
        net: net(169, 254, 0, 0, 16),
        what: "link-local (169.254.0.0/16)",
        by_service: false,
        source: AZURE_VNET_RULES,
    },
];

/// Loopback, which the FAQ lists beside the three above (an ISE avoids it under its own rule).
pub const LOOPBACK: ReservedRange = ReservedRange {
    net: net(127, 0, 0, 0, 8),
    what: "loopback (127.0.0.0/8)",
    by_service: false,
    source: AZURE_VNET_RULES,
};

/// Azure's internal DNS address, which the FAQ lists beside the three above (an ISE avoids
/// it under its own rule).
pub const INTERNAL_DNS: ReservedRange = ReservedRange {
    net: net(168, 63, 129, 16, 32),
    what: "Azure's internal DNS address 168.63.129.16",
    by_service: false,
    source: AZURE_VNET_RULES,
};

/// All five ranges the FAQ says can't be added to a virtual network, for a planner with no
/// service rule of its own that covers some of them.
pub const AZURE_VNET_ALL: [ReservedRange; 5] = [
    AZURE_VNET[0],
    AZURE_VNET[1],
    LOOPBACK,
    AZURE_VNET[2],
    INTERNAL_DNS,
];

/// The ranges of `list` that overlap `candidate` (not only those containing it).
pub fn overlapping(
    list: &'static [ReservedRange],
    candidate: Ipv4Net,
) -> impl Iterator<Item = &'static ReservedRange> {
    list.iter()
        .filter(move |r| cidr::overlaps(r.net, candidate))
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
    fn overlap_not_only_containment() {
        // 169.254.0.0/15 contains link-local rather than the other way round.
        let hits: Vec<_> = overlapping(&AZURE_VNET, "169.254.0.0/15".parse().unwrap()).collect();
        assert_eq!(hits.len(), 1);
        assert!(overlapping(&AZURE_VNET, "10.0.0.0/8".parse().unwrap())
            .next()
            .is_none());
    }

    #[test]
    fn private_space_is_rfc_1918_only() {
        assert!(is_private("10.1.0.0/16".parse().unwrap()));
        assert!(!is_private("100.64.0.0/10".parse().unwrap()));
        assert!(!is_private("10.0.0.0/7".parse().unwrap()));
    }
}
