//! Checks of address space: the VNet's prefixes, the existing subnets and the pinned ISE
//! subnets — syntax, host bits, reserved ranges, containment and overlap — and of existing
//! subnets marked as ISE subnets (auditing an ISE that exists): bound, delegated rightly.
//!
//! IPv6 prefixes of a dual-stack VNet or its existing subnets are noted and left out of the
//! (IPv4) plan; an ISE subnet itself must be IPv4.

use ipnet::Ipv4Net;
use std::collections::BTreeSet;

use crate::design::{Deployment, Design};
use crate::findings::{code, Findings};
use crate::ise::reserved;
use crate::ise::ISE_PREFIX_LEN;
use crate::network::check::{self, Service};
use crate::network::cidr;

/// The usable prefixes found.
pub struct CheckedNetwork {
    pub vnet_prefixes: Vec<Ipv4Net>,
    pub existing: Vec<Ipv4Net>,
    pub pinned: Vec<Option<Ipv4Net>>,
}

/// The ISE as the network checks name it, with the ranges it must not use.
pub const ISE: Service = Service {
    a: "an ISE",
    the: "the ISE",
    resolver: "Logic Apps",
    reserved: reserved::RESERVED,
};

/// Pinned prefixes are read for this many subnets at most.
const MAX_SUBNETS_CHECKED: usize = 16;

/// Checks the VNet prefixes, existing subnets and pinned ISE subnets.
pub fn check(design: &Design, f: &mut Findings) -> CheckedNetwork {
    let vnet = check::vnet_prefixes(
        &design.vnet.address_prefixes,
        "vnet.addressPrefixes",
        &ISE,
        f,
    );
    let vnet_nets: Vec<Ipv4Net> = vnet.iter().map(|(_, n)| *n).collect();
    let vnet_cover = cidr::Cover::new(vnet_nets.clone());
    // Existing subnets. Those marked as ISE subnets and bound to one (an ISE subnet pinned to
    // the same prefix) are checked as that ISE subnet, not as space to avoid.
    let bound = bound_existing(design);
    check_existing_ise_subnets(design, &bound, f);
    let typed = design
        .vnet
        .existing_subnets
        .iter()
        .map(|s| s.prefix.as_str())
        .enumerate()
        .filter(|(i, p)| !p.trim().is_empty() && !bound.contains(i));
    let existing = check::existing_subnets(typed, "vnet.existingSubnets", &vnet_cover, &ISE, f);
    let pinned = pinned_subnets(design, &vnet_nets, &existing, f);
    CheckedNetwork {
        vnet_prefixes: vnet_nets,
        existing: existing.into_iter().map(|(_, n)| n).collect(),
        pinned,
    }
}

/// The pinned ISE subnets' prefixes (`None` for a subnet not pinned or unreadable), each
/// checked, and their overlaps.
fn pinned_subnets(
    design: &Design,
    vnet: &[Ipv4Net],
    existing: &[(usize, Ipv4Net)],
    f: &mut Findings,
) -> Vec<Option<Ipv4Net>> {
    let mut pinned: Vec<Option<Ipv4Net>> = Vec::with_capacity(design.subnets.len());
    for (i, spec) in design.subnets.iter().enumerate() {
        let field = format!("subnets[{i}].prefix");
        // A design has four subnets (more is an error of its own); checking a hostile list
        // of thousands against every existing subnet would only cost time.
        let net = if spec.is_pinned() && i < MAX_SUBNETS_CHECKED {
            check::read_prefix(&spec.prefix, &field, "the ISE subnet", f)
        } else {
            None
        };
        if let Some(net) = net {
            check_pinned(net, &field, vnet, existing, f);
        }
        pinned.push(net);
    }
    let indexed: Vec<(usize, Ipv4Net)> = pinned
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((i, (*n)?)))
        .collect();
    for (a, b) in check::overlapping_pairs(&indexed, check::OVERLAP_REPORT_LIMIT) {
        let (na, nb) = (check::net_of(&indexed, a), check::net_of(&indexed, b));
        f.error(code::SUBNETS_OVERLAP, format!("subnets[{b}].prefix"), format!("ISE subnets {na} and {nb} overlap; each of the four needs its own /27. Clear this prefix to let the planner choose one."));
    }
    pinned
}

/// The existing subnets that ISE subnets stand for, by index: for each pinned ISE subnet,
/// the first existing subnet marked `iseSubnet` with the same prefix — what
/// `Design::existing_bound_to` says, found in one pass over the existing subnets.
fn bound_existing(design: &Design) -> BTreeSet<usize> {
    /// What `design::same_prefix` compares: the network when the text parses, else the text.
    #[derive(PartialEq)]
    enum Key<'a> {
        Net(Ipv4Net),
        Text(&'a str),
    }
    fn key(text: &str) -> Key<'_> {
        match cidr::parse_address_or_prefix(text) {
            Ok(net) => Key::Net(net),
            Err(_) => Key::Text(text.trim()),
        }
    }
    let mut open: Vec<Key<'_>> = design
        .subnets
        .iter()
        .take(MAX_SUBNETS_CHECKED)
        .filter(|s| s.is_pinned())
        .map(|s| key(&s.prefix))
        .collect();
    let mut bound = BTreeSet::new();
    for (i, e) in design.vnet.existing_subnets.iter().enumerate() {
        if open.is_empty() {
            break;
        }
        if !e.ise_subnet {
            continue;
        }
        let k = key(&e.prefix);
        let before = open.len();
        open.retain(|slot| *slot != k);
        if open.len() < before {
            bound.insert(i);
        }
    }
    bound
}

/// An existing subnet as people know it: `legacy-a (10.0.1.0/27)`, or just the prefix.
fn existing_label(design: &Design, index: usize) -> String {
    let e = &design.vnet.existing_subnets[index];
    match e.name.trim() {
        "" => e.prefix.trim().to_string(),
        name => format!("{name} ({})", e.prefix.trim()),
    }
}

/// Existing subnets marked as ISE subnets: each must be bound to one of the four, delegated
/// to nothing but Logic Apps, not delegated at all for a portal deployment, and at most one
/// of them delegated (size and reserved ranges are checked on the ISE subnet pinned to it).
const CREATE_SUBNETS: crate::findings::citation::Citation =
    crate::findings::citation::Citation::portal("Create subnets", "Delegation");

fn check_existing_ise_subnets(design: &Design, bound: &BTreeSet<usize>, f: &mut Findings) {
    for (i, e) in design.vnet.existing_subnets.iter().enumerate() {
        if e.ise_subnet && !bound.contains(&i) {
            let label = existing_label(design, i);
            f.error(code::EXISTING_ISE_SUBNET_UNBOUND, format!("vnet.existingSubnets[{i}]"), format!("Existing subnet {label} is marked as an ISE subnet, but none of the four ISE subnets is pinned to its prefix, so it is planned as ordinary occupied space. Mark it again (which pins a free ISE subnet to it), pin one of the ISE subnets to {}, or clear the mark.", e.prefix.trim()));
        }
    }
    let mut delegated_to_logic_apps = 0;
    for &i in bound {
        let e = &design.vnet.existing_subnets[i];
        let field = format!("vnet.existingSubnets[{i}].delegations");
        let label = existing_label(design, i);
        let foreign: Vec<&str> = e
            .delegations
            .iter()
            .map(|d| d.trim())
            .filter(|d| !d.is_empty() && !crate::ise::is_logic_apps_delegation(d))
            .collect();
        if !foreign.is_empty() {
            f.error(code::EXISTING_ISE_SUBNET_DELEGATED_ELSEWHERE, &field, format!("ISE subnet {label} is delegated to {}; an ISE subnet must be empty and delegated to no other service. Remove that delegation, or choose another subnet.", foreign.join(", ")));
        }
        if !e
            .delegations
            .iter()
            .any(|d| crate::ise::is_logic_apps_delegation(d))
        {
            continue;
        }
        match design.deployment {
            Deployment::Portal => f.error(code::EXISTING_ISE_SUBNET_DELEGATED_FOR_PORTAL, &field, format!("ISE subnet {label} is delegated to Logic Apps, but when you create the ISE in the portal its subnets must not be delegated ({}). Remove the delegation, or deploy with the REST API, an ARM template or PowerShell.", CREATE_SUBNETS.in_words())),
            Deployment::Rest => {
                delegated_to_logic_apps += 1;
                if delegated_to_logic_apps > 1 {
                    f.error(code::ISE_SUBNETS_DELEGATED_TWICE, &field, format!("ISE subnet {label} is delegated to Logic Apps too; exactly one of the four ISE subnets is delegated ({}). Remove this delegation.", CREATE_SUBNETS.in_words()));
                }
            }
        }
    }
}

fn check_pinned(
    net: Ipv4Net,
    field: &str,
    vnet: &[Ipv4Net],
    existing: &[(usize, Ipv4Net)],
    f: &mut Findings,
) {
    let len = net.prefix_len();
    if len > ISE_PREFIX_LEN {
        f.error(code::SUBNET_TOO_SMALL, field, format!("{net} has {} addresses; an ISE subnet needs a /27 (32 addresses, of which Azure keeps 5).", cidr::size(net)));
    } else if len < ISE_PREFIX_LEN {
        f.warning(code::SUBNET_LARGER_THAN_NEEDED, field, format!("{net} is larger than the /27 an ISE subnet needs; more addresses bring no benefit. Use a /27 to save address space."));
    }
    check::check_reserved(net, field, "The ISE subnet", &ISE, f);
    if !vnet.is_empty() && !vnet.iter().any(|v| v.contains(&net)) {
        let list: Vec<String> = vnet.iter().map(|v| v.to_string()).collect();
        f.error(code::SUBNET_OUTSIDE_VNET, field, format!("{net} is not inside one of the VNet's prefixes ({}); pin a prefix inside one, or clear it to allocate.", list.join(", ")));
    }
    if let Some((_, other)) = existing.iter().find(|(_, e)| cidr::overlaps(*e, net)) {
        f.error(code::SUBNET_OVERLAPS_EXISTING, field, format!("{net} overlaps existing subnet {other}; ISE subnets must be empty. Pin a free prefix, or clear it to allocate."));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{ExistingSubnet, SubnetSpec};

    fn codes(design: &Design) -> Vec<&'static str> {
        let mut f = Findings::default();
        check(design, &mut f);
        f.0.iter().map(|x| x.code).collect()
    }
    fn with_vnet(prefixes: &[&str]) -> Design {
        let mut d = Design::default();
        d.vnet.address_prefixes = prefixes.iter().map(|s| s.to_string()).collect();
        d
    }
    fn pin(d: &mut Design, i: usize, prefix: &str) {
        d.subnets[i] = SubnetSpec {
            name: d.subnets[i].name.clone(),
            prefix: prefix.into(),
            ..SubnetSpec::default()
        };
    }

    #[test]
    fn vnet_codes() {
        assert!(codes(&with_vnet(&["10.0.0.0/22"])).is_empty());
        assert_eq!(codes(&with_vnet(&[])), [code::VNET_PREFIX_MISSING]);
        assert_eq!(codes(&with_vnet(&[" "])), [code::VNET_PREFIX_MISSING]);
        assert_eq!(codes(&with_vnet(&["10.0.0/22"])), [code::CIDR_SYNTAX]);
        assert_eq!(codes(&with_vnet(&["10.0.1.0/22"])), [code::CIDR_HOST_BITS]);
        assert_eq!(
            codes(&with_vnet(&["fd00::/48"])),
            [code::IPV6_IGNORED, code::VNET_PREFIX_MISSING]
        );
        assert_eq!(
            codes(&with_vnet(&["100.64.0.0/16"])),
            [code::ADDRESS_UNRESOLVABLE]
        );
        assert_eq!(
            codes(&with_vnet(&["168.63.0.0/16"])),
            [code::ADDRESS_UNRESOLVABLE]
        );
        assert_eq!(
            codes(&with_vnet(&["224.0.0.0/24"])),
            [code::ADDRESS_NOT_ALLOWED]
        );
        assert_eq!(
            codes(&with_vnet(&["20.0.0.0/24"])),
            [code::VNET_PREFIX_PUBLIC]
        );
        assert_eq!(
            codes(&with_vnet(&["10.0.0.0/16", "10.0.4.0/24"])),
            [code::VNET_PREFIXES_OVERLAP]
        );
    }

    #[test]
    fn host_bits_message_names_the_network_meant() {
        let mut f = Findings::default();
        check(&with_vnet(&["10.1.2.3/16"]), &mut f);
        assert!(
            f.0[0].message.contains("did you mean 10.1.0.0/16"),
            "{}",
            f.0[0].message
        );
        assert_eq!(f.0[0].field, "vnet.addressPrefixes[0]");
    }

    #[test]
    fn existing_codes() {
        let mut d = with_vnet(&["10.0.0.0/22"]);
        d.vnet.existing_subnets = vec![
            "10.9.0.0/24".into(),
            "10.0.0.0/24".into(),
            "10.0.0.0/25".into(),
            "x".into(),
        ];
        assert_eq!(
            codes(&d),
            [
                code::EXISTING_SUBNET_OUTSIDE_VNET,
                code::CIDR_SYNTAX,
                code::EXISTING_SUBNETS_OVERLAP
            ]
        );
    }

    #[test]
    fn pinned_codes() {
        let mut d = with_vnet(&["10.0.0.0/22"]);
        d.vnet.existing_subnets = vec!["10.0.1.0/24".into()];
        pin(&mut d, 0, "10.0.0.0/28");
        pin(&mut d, 1, "10.0.2.0/26");
        pin(&mut d, 2, "10.0.1.32/27");
        pin(&mut d, 3, "10.0.2.32/27");
        assert_eq!(
            codes(&d),
            [
                code::SUBNET_TOO_SMALL,
                code::SUBNET_LARGER_THAN_NEEDED,
                code::SUBNET_OVERLAPS_EXISTING,
                code::SUBNETS_OVERLAP
            ]
        );
        let mut d = with_vnet(&["10.0.0.0/22"]);
        pin(&mut d, 0, "10.5.0.0/27");
        assert_eq!(codes(&d), [code::SUBNET_OUTSIDE_VNET]);
        let mut d = with_vnet(&["10.0.0.0/22"]);
        pin(&mut d, 0, "127.0.0.0/27");
        assert_eq!(
            codes(&d),
            [code::ADDRESS_UNRESOLVABLE, code::SUBNET_OUTSIDE_VNET]
        );
    }

    #[test]
    fn dual_stack_prefixes_are_noted_and_left_out() {
        let mut d = with_vnet(&["10.0.0.0/22", "fd00:db8::/48"]);
        d.vnet.existing_subnets = vec!["fd00:db8::/64".into(), "10.0.0.0/24".into()];
        let mut f = Findings::default();
        let net = check(&d, &mut f);
        let got: Vec<_> =
            f.0.iter()
                .map(|x| (x.severity, x.code, x.field.as_str()))
                .collect();
        assert_eq!(
            got,
            [
                (
                    crate::Severity::Info,
                    code::IPV6_IGNORED,
                    "vnet.addressPrefixes[1]"
                ),
                (
                    crate::Severity::Info,
                    code::IPV6_IGNORED,
                    "vnet.existingSubnets[0]"
                ),
            ]
        );
        assert_eq!(
            net.vnet_prefixes,
            ["10.0.0.0/22".parse::<Ipv4Net>().unwrap()]
        );
        assert_eq!(net.existing, ["10.0.0.0/24".parse::<Ipv4Net>().unwrap()]);
        // An ISE subnet itself must be IPv4.
        pin(&mut d, 0, "fd00:db8:0:1::/64");
        assert_eq!(codes(&d).last(), Some(&code::CIDR_IPV6));
    }

    fn audit() -> Design {
        let mut d = with_vnet(&["10.0.0.0/22"]);
        d.vnet.existing_subnets = vec![
            ExistingSubnet::from("10.0.0.0/24"),
            ExistingSubnet {
                name: "legacy-ise-a".into(),
                prefix: "10.0.1.0/27".into(),
                ..ExistingSubnet::default()
            },
            ExistingSubnet {
                name: "legacy-ise-b".into(),
                prefix: "10.0.1.32/27".into(),
                ..ExistingSubnet::default()
            },
        ];
        d.mark_existing_as_ise(1).unwrap();
        d.mark_existing_as_ise(2).unwrap();
        d
    }

    #[test]
    fn marked_existing_subnets_are_ise_subnets_not_overlaps() {
        let d = audit();
        let mut f = Findings::default();
        let net = check(&d, &mut f);
        assert!(f.0.is_empty(), "{:?}", f.0);
        // They are not space to avoid twice: the pinned ISE subnets stand for them.
        assert_eq!(net.existing, ["10.0.0.0/24".parse::<Ipv4Net>().unwrap()]);
        assert_eq!(net.pinned.iter().flatten().count(), 2);
        // Checked as ISE subnets: a marked /28 is too small.
        let mut d = audit();
        d.vnet.existing_subnets[1].prefix = "10.0.1.0/28".into();
        d.subnets[0].prefix = "10.0.1.0/28".into();
        assert_eq!(codes(&d), [code::SUBNET_TOO_SMALL]);
    }

    #[test]
    fn binding_agrees_with_the_design() {
        let mut d = audit();
        d.vnet.existing_subnets.push(ExistingSubnet {
            prefix: " 10.0.1.0/27".into(),
            ise_subnet: true,
            ..ExistingSubnet::default()
        });
        d.subnets[3].prefix = "x".into();
        d.vnet.existing_subnets.push(ExistingSubnet {
            prefix: "x ".into(),
            ise_subnet: true,
            ..ExistingSubnet::default()
        });
        let want: BTreeSet<usize> = (0..d.subnets.len())
            .filter_map(|slot| d.existing_bound_to(slot))
            .collect();
        assert_eq!(bound_existing(&d), want);
        assert_eq!(want, BTreeSet::from([1, 2, 4]));
    }

    #[test]
    fn a_marked_subnet_nothing_stands_for_is_an_error() {
        let mut d = audit();
        d.subnets[0].prefix.clear();
        let mut f = Findings::default();
        check(&d, &mut f);
        let got: Vec<_> = f.0.iter().map(|x| (x.code, x.field.as_str())).collect();
        assert_eq!(
            got,
            [(code::EXISTING_ISE_SUBNET_UNBOUND, "vnet.existingSubnets[1]")]
        );
        assert!(
            f.0[0].message.contains("legacy-ise-a (10.0.1.0/27)"),
            "{}",
            f.0[0].message
        );
        assert!(
            f.0[0].message.contains("Mark it again"),
            "{}",
            f.0[0].message
        );
    }

    #[test]
    fn delegations_of_existing_ise_subnets() {
        let logic = crate::ise::DELEGATION_SERVICE.to_string();
        // Delegated elsewhere.
        let mut d = audit();
        d.vnet.existing_subnets[1].delegations = vec!["Microsoft.Web/serverFarms".into()];
        assert_eq!(codes(&d), [code::EXISTING_ISE_SUBNET_DELEGATED_ELSEWHERE]);
        // Delegated to Logic Apps: right for REST, wrong for the portal.
        let mut d = audit();
        d.vnet.existing_subnets[1].delegations = vec![logic.clone()];
        assert!(codes(&d).is_empty());
        d.deployment = Deployment::Portal;
        assert_eq!(codes(&d), [code::EXISTING_ISE_SUBNET_DELEGATED_FOR_PORTAL]);
        // Two delegated: exactly one may be.
        let mut d = audit();
        d.vnet.existing_subnets[1].delegations = vec![logic.clone()];
        d.vnet.existing_subnets[2].delegations =
            vec!["microsoft.logic/integrationserviceenvironments".into()];
        let mut f = Findings::default();
        check(&d, &mut f);
        let got: Vec<_> = f.0.iter().map(|x| (x.code, x.field.as_str())).collect();
        assert_eq!(
            got,
            [(
                code::ISE_SUBNETS_DELEGATED_TWICE,
                "vnet.existingSubnets[2].delegations"
            )]
        );
        // An unmarked existing subnet's delegations are not the ISE's business.
        let mut d = audit();
        d.vnet.existing_subnets[0].delegations = vec!["Microsoft.Web/serverFarms".into()];
        assert!(codes(&d).is_empty());
    }
}
