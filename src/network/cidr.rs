//! Reading prefixes and addresses the user typed, and the interval arithmetic the allocator
//! needs — all on top of `ipnet`.

use ipnet::{IpNet, Ipv4Net};
use std::net::{IpAddr, Ipv4Addr};

/// Why a typed prefix could not be used as it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrefixProblem {
    /// Nothing typed.
    Empty,
    /// Not CIDR at all.
    Syntax,
    /// An IPv6 prefix; the ISE's network is IPv4.
    Ipv6,
    /// Valid CIDR with host bits set; `meant` is the network address with them cleared.
    HostBits { meant: Ipv4Net },
}

/// Reads an IPv4 prefix in CIDR form (`10.0.0.0/22`), surrounding spaces allowed.
///
/// ```
/// use ise_planner::network::cidr::{parse_prefix, PrefixProblem};
/// assert_eq!(parse_prefix("10.0.0.0/22").unwrap().to_string(), "10.0.0.0/22");
/// assert_eq!(parse_prefix("10.0.0.5/24"), Err(PrefixProblem::HostBits { meant: "10.0.0.0/24".parse().unwrap() }));
/// ```
pub fn parse_prefix(text: &str) -> Result<Ipv4Net, PrefixProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PrefixProblem::Empty);
    }
    match text.parse::<IpNet>() {
        Ok(IpNet::V4(net)) if net.trunc() == net => Ok(net),
        Ok(IpNet::V4(net)) => Err(PrefixProblem::HostBits { meant: net.trunc() }),
        Ok(IpNet::V6(_)) => Err(PrefixProblem::Ipv6),
        Err(_) if text.contains(':') => Err(PrefixProblem::Ipv6),
        Err(_) => Err(PrefixProblem::Syntax),
    }
}

/// Reads an IPv4 address or prefix, as NSG rules and routes accept them: a bare address
/// becomes a /32.
pub fn parse_address_or_prefix(text: &str) -> Result<Ipv4Net, PrefixProblem> {
    let trimmed = text.trim();
    if !trimmed.contains('/') {
        return match trimmed.parse::<IpAddr>() {
            Ok(IpAddr::V4(addr)) => Ok(Ipv4Net::from(addr)),
            Ok(IpAddr::V6(_)) => Err(PrefixProblem::Ipv6),
            Err(_) if trimmed.is_empty() => Err(PrefixProblem::Empty),
            Err(_) if trimmed.contains(':') => Err(PrefixProblem::Ipv6),
            Err(_) => Err(PrefixProblem::Syntax),
        };
    }
    parse_prefix(trimmed)
}

/// Reads one IPv4 address.
pub fn parse_address(text: &str) -> Option<Ipv4Addr> {
    text.trim().parse().ok()
}

/// A sentence explaining a prefix problem for the value typed in `what` ("the VNet prefix").
pub fn explain(problem: &PrefixProblem, typed: &str, what: &str) -> String {
    let typed = typed.trim();
    match problem {
        PrefixProblem::Empty => format!("Enter {what} in CIDR form, for example 10.0.0.0/24."),
        PrefixProblem::Syntax => format!("\"{typed}\" is not an IPv4 prefix in CIDR form; write {what} like 10.0.0.0/24."),
        PrefixProblem::Ipv6 => format!("\"{typed}\" is IPv6; an ISE needs IPv4 address space for {what}."),
        PrefixProblem::HostBits { meant } => format!("\"{typed}\" has host bits set; did you mean {meant}? Use the network address for {what}."),
    }
}

/// Whether two prefixes share any address.
pub fn overlaps(a: Ipv4Net, b: Ipv4Net) -> bool {
    a.contains(&b) || b.contains(&a)
}

/// A prefix as an inclusive range of addresses, as integers for ordering and gaps.
pub fn range(net: Ipv4Net) -> (u32, u32) {
    (u32::from(net.network()), u32::from(net.broadcast()))
}

/// Number of addresses in a prefix (2^(32-len)).
pub fn size(net: Ipv4Net) -> u64 {
    addresses_in(net.prefix_len())
}

/// How many addresses a prefix of length `len` holds (a length past 32 counts as 32).
pub fn addresses_in(len: u8) -> u64 {
    1u64 << (32 - u32::from(len.min(32)))
}

/// Sorts and merges inclusive ranges so none overlap or touch.
pub fn merge(mut ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    crate::order::sort_pairs(&mut ranges);
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if u64::from(start) <= u64::from(last.1) + 1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Removes nested prefixes and sorts, leaving disjoint prefixes in address order (CIDR
/// prefixes are either disjoint or nested, never partly overlapping).
pub fn outermost(mut nets: Vec<Ipv4Net>) -> Vec<Ipv4Net> {
    crate::order::sort_by_key(&mut nets, |n| {
        (u64::from(u32::from(n.network())) << 8) | u64::from(n.prefix_len())
    });
    let mut kept: Vec<Ipv4Net> = Vec::with_capacity(nets.len());
    for net in nets {
        if !kept.last().is_some_and(|last| last.contains(&net)) {
            kept.push(net);
        }
    }
    kept
}

/// Prefixes made disjoint and sorted ([`outermost`]), to ask which of them hold or overlap a
/// prefix in O(log n) instead of scanning them all (thousands of existing subnets against
/// hundreds of VNet prefixes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cover(Vec<Ipv4Net>);

impl Cover {
    pub fn new(nets: Vec<Ipv4Net>) -> Cover {
        Cover(outermost(nets))
    }

    /// Whether one of the prefixes holds all of `net`.
    pub fn contains(&self, net: Ipv4Net) -> bool {
        let start = u32::from(net.network());
        let after = self.0.partition_point(|n| u32::from(n.network()) <= start);
        after > 0 && self.0[after - 1].contains(&net)
    }

    /// The prefixes that share an address with `net`, in address order.
    pub fn overlapping(&self, net: Ipv4Net) -> &[Ipv4Net] {
        let (lo, hi) = range(net);
        // Disjoint and sorted: both ends ascend.
        let from = self.0.partition_point(|n| u32::from(n.broadcast()) < lo);
        let to = self.0.partition_point(|n| u32::from(n.network()) <= hi);
        &self.0[from..to.max(from)]
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The usable host range Azure leaves in a subnet: it keeps the network address, the first
/// three addresses after it and the broadcast address (5 in all).
pub fn azure_usable(net: Ipv4Net) -> Option<(Ipv4Addr, Ipv4Addr, u64)> {
    let total = size(net);
    if total <= 5 {
        return None;
    }
    let first = net.hosts().nth(3)?;
    let last = net.hosts().next_back()?;
    Some((first, last, total - 5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_answers_like_a_scan() {
        let nets: Vec<Ipv4Net> = [
            "10.0.0.0/16",
            "10.0.4.0/24",
            "10.2.0.0/24",
            "10.3.0.0/28",
            "10.3.0.64/26",
            "192.168.0.0/16",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        let cover = Cover::new(nets.clone());
        for probe in [
            "10.0.0.0/8",
            "10.0.4.0/27",
            "10.1.0.0/24",
            "10.2.0.0/23",
            "10.3.0.0/24",
            "10.3.0.8/29",
            "10.3.0.32/27",
            "192.168.255.255/32",
            "0.0.0.0/0",
            "255.255.255.255/32",
        ] {
            let p: Ipv4Net = probe.parse().unwrap();
            assert_eq!(
                cover.contains(p),
                nets.iter().any(|n| n.contains(&p)),
                "contains {probe}"
            );
            let scan: Vec<Ipv4Net> = outermost(nets.clone())
                .into_iter()
                .filter(|n| overlaps(*n, p))
                .collect();
            assert_eq!(cover.overlapping(p), scan.as_slice(), "overlapping {probe}");
        }
        assert!(!Cover::default().contains("10.0.0.0/8".parse().unwrap()));
    }

    #[test]
    fn parses_and_explains() {
        assert_eq!(parse_prefix(""), Err(PrefixProblem::Empty));
        assert_eq!(parse_prefix("10.0.0.0"), Err(PrefixProblem::Syntax));
        assert_eq!(parse_prefix("10.0.0.0/33"), Err(PrefixProblem::Syntax));
        assert_eq!(parse_prefix("300.0.0.0/8"), Err(PrefixProblem::Syntax));
        assert_eq!(parse_prefix("fd00::/8"), Err(PrefixProblem::Ipv6));
        assert_eq!(
            parse_prefix(" 192.168.1.0/24 ").unwrap().to_string(),
            "192.168.1.0/24"
        );
        let p = parse_prefix("10.1.2.3/16").unwrap_err();
        assert!(explain(&p, "10.1.2.3/16", "the VNet prefix").contains("did you mean 10.1.0.0/16"));
    }

    #[test]
    fn addresses_become_host_prefixes() {
        assert_eq!(
            parse_address_or_prefix("10.0.0.4").unwrap().to_string(),
            "10.0.0.4/32"
        );
        assert_eq!(
            parse_address_or_prefix("10.0.0.0/24").unwrap().to_string(),
            "10.0.0.0/24"
        );
        assert_eq!(parse_address_or_prefix("::1"), Err(PrefixProblem::Ipv6));
        assert_eq!(parse_address_or_prefix("nope"), Err(PrefixProblem::Syntax));
    }

    #[test]
    fn usable_range_of_a_27() {
        let (first, last, count) = azure_usable("10.0.0.32/27".parse().unwrap()).unwrap();
        assert_eq!(
            (first.to_string(), last.to_string(), count),
            ("10.0.0.36".into(), "10.0.0.62".into(), 27)
        );
        assert!(azure_usable("10.0.0.0/30".parse().unwrap()).is_none());
    }

    #[test]
    fn merge_and_outermost() {
        assert_eq!(
            merge(vec![(10, 20), (0, 5), (6, 8), (30, 40), (35, 36)]),
            vec![(0, 8), (10, 20), (30, 40)]
        );
        assert_eq!(merge(vec![(0, u32::MAX), (5, 6)]), vec![(0, u32::MAX)]);
        let nets = outermost(vec![
            "10.0.1.0/24".parse().unwrap(),
            "10.0.0.0/16".parse().unwrap(),
            "11.0.0.0/8".parse().unwrap(),
        ]);
        assert_eq!(
            nets.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
            ["10.0.0.0/16", "11.0.0.0/8"]
        );
    }
}
