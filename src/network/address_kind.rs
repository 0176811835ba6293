//! What an IPv4 address or prefix is — public, private, shared, loopback, multicast… — so
//! each address list can be checked for what its entries will do in a rule or a route.
//!
//! The ranges are the IPv4 special-purpose ranges of RFC 6890 (IANA's registry) that matter
//! here; anything that overlaps none of them is public.

use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

/// What a special-purpose range is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 0.0.0.0/8, "this network": never a real peer.
    ThisNetwork,
    /// RFC 1918 private space.
    Private,
    /// 100.64.0.0/10, shared address space (carrier-grade NAT).
    Shared,
    /// 127.0.0.0/8.
    Loopback,
    /// 169.254.0.0/16.
    LinkLocal,
    /// Documentation, benchmarking and protocol-assignment ranges: never on the Internet.
    NotRouted,
    /// 224.0.0.0/4.
    Multicast,
    /// 240.0.0.0/4, reserved, with the broadcast address 255.255.255.255.
    Reserved,
}

impl Kind {
    /// Whether an address of this kind can never be a real host to talk to or route to:
    /// "this network", loopback, link-local, multicast, reserved or broadcast.
    pub fn is_unusable(self) -> bool {
        matches!(
            self,
            Kind::ThisNetwork | Kind::Loopback | Kind::LinkLocal | Kind::Multicast | Kind::Reserved
        )
    }
}

/// A special-purpose range with what it is, in words for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Special {
    pub net: Ipv4Net,
    pub kind: Kind,
    /// "a private range (RFC 1918)".
    pub what: &'static str,
}

const fn net(a: u8, b: u8, c: u8, d: u8, len: u8) -> Ipv4Net {
    // Literal prefix lengths <= 32: `new_assert` cannot fail.
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), len)
}

const fn special(net: Ipv4Net, kind: Kind, what: &'static str) -> Special {
    Special { net, kind, what }
}

/// The special-purpose ranges, in address order.
pub const SPECIAL: &[Special] = &[
    special(
        net(0, 0, 0, 0, 8),
        Kind::ThisNetwork,
        "\"this network\" (0.0.0.0/8)",
    ),
    special(
        net(10, 0, 0, 0, 8),
        Kind::Private,
        "private space (RFC 1918, 10.0.0.0/8)",
    ),
    special(
        net(100, 64, 0, 0, 10),
        Kind::Shared,
        "shared address space (100.64.0.0/10, carrier-grade NAT)",
    ),
    special(
        net(127, 0, 0, 0, 8),
        Kind::Loopback,
        "loopback (127.0.0.0/8)",
    ),
    special(
        net(169, 254, 0, 0, 16),
        Kind::LinkLocal,
        "link-local (169.254.0.0/16)",
    ),
    special(
        net(172, 16, 0, 0, 12),
        Kind::Private,
        "private space (RFC 1918, 172.16.0.0/12)",
    ),
    special(
        net(192, 0, 0, 0, 24),
        Kind::NotRouted,
        "IETF protocol assignments (192.0.0.0/24)",
    ),
    special(
        net(192, 0, 2, 0, 24),
        Kind::NotRouted,
        "documentation space (192.0.2.0/24)",
    ),
    special(
        net(192, 168, 0, 0, 16),
        Kind::Private,
        "private space (RFC 1918, 192.168.0.0/16)",
    ),
    special(
        net(198, 18, 0, 0, 15),
        Kind::NotRouted,
        "benchmarking space (198.18.0.0/15)",
    ),
    special(
        net(198, 51, 100, 0, 24),
        Kind::NotRouted,
        "documentation space (198.51.100.0/24)",
    ),
    special(
        net(203, 0, 113, 0, 24),
        Kind::NotRouted,
        "documentation space (203.0.113.0/24)",
    ),
    special(
        net(224, 0, 0, 0, 4),
        Kind::Multicast,
        "multicast (224.0.0.0/4)",
    ),
    special(
        net(240, 0, 0, 0, 4),
        Kind::Reserved,
        "reserved space (240.0.0.0/4, with the broadcast address)",
    ),
];

/// Azure's own DNS resolver and platform address.
pub const AZURE_RESOLVER: Ipv4Addr = Ipv4Addr::new(168, 63, 129, 16);

/// Whether `net` is `0.0.0.0/0`: every address.
pub fn is_catch_all(net: Ipv4Net) -> bool {
    net.prefix_len() == 0
}

/// The special-purpose ranges `net` overlaps, in address order (none: it is all public).
pub fn overlapping(net: Ipv4Net) -> impl Iterator<Item = &'static Special> {
    SPECIAL
        .iter()
        .filter(move |s| s.net.contains(&net) || net.contains(&s.net))
}

/// The first special range that makes `net` not wholly public.
pub fn not_public(net: Ipv4Net) -> Option<&'static Special> {
    overlapping(net).next()
}

/// The first range that makes (part of) `net` unusable as a peer.
pub fn unusable(net: Ipv4Net) -> Option<&'static Special> {
    overlapping(net).find(|s| s.kind.is_unusable())
}

/// Whether `net` lies wholly inside private (RFC 1918) or shared space.
pub fn is_private_or_shared(net: Ipv4Net) -> bool {
    SPECIAL
        .iter()
        .any(|s| matches!(s.kind, Kind::Private | Kind::Shared) && s.net.contains(&net))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Ipv4Net {
        text.parse().unwrap()
    }

    #[test]
    fn public_and_special() {
        assert!(not_public(p("52.174.0.0/16")).is_none());
        assert!(not_public(p("13.69.227.208/28")).is_none());
        assert_eq!(not_public(p("10.1.0.0/16")).unwrap().kind, Kind::Private);
        assert_eq!(not_public(p("172.20.0.0/24")).unwrap().kind, Kind::Private);
        assert_eq!(not_public(p("100.100.0.0/16")).unwrap().kind, Kind::Shared);
        assert_eq!(not_public(p("127.0.0.1/32")).unwrap().kind, Kind::Loopback);
        assert_eq!(
            not_public(p("169.254.1.1/32")).unwrap().kind,
            Kind::LinkLocal
        );
        assert_eq!(not_public(p("239.1.1.1/32")).unwrap().kind, Kind::Multicast);
        assert_eq!(
            not_public(p("255.255.255.255/32")).unwrap().kind,
            Kind::Reserved
        );
        assert_eq!(not_public(p("192.0.2.0/24")).unwrap().kind, Kind::NotRouted);
        // A wide prefix that only contains a special range is not public either.
        assert_eq!(not_public(p("8.0.0.0/5")).unwrap().kind, Kind::Private);
        assert!(is_catch_all(p("0.0.0.0/0")));
        assert!(!is_catch_all(p("0.0.0.0/8")));
    }

    #[test]
    fn unusable_is_narrower_than_not_public() {
        assert!(unusable(p("10.0.0.4/32")).is_none());
        assert!(unusable(p("100.64.1.1/32")).is_none());
        assert!(unusable(p("8.8.8.8/32")).is_none());
        for bad in [
            "0.0.0.0/32",
            "127.0.0.1/32",
            "169.254.169.254/32",
            "224.0.0.251/32",
            "255.255.255.255/32",
        ] {
            assert!(unusable(p(bad)).is_some(), "{bad}");
        }
        assert!(is_private_or_shared(p("10.0.0.4/32")));
        assert!(is_private_or_shared(p("100.64.0.1/32")));
        assert!(!is_private_or_shared(p("8.8.8.8/32")));
        assert!(!is_private_or_shared(p("0.0.0.0/0")));
    }
}
