//! Placing the Standard subnets: pinned ones where the user put them (checked), the others by
//! the shared allocator — largest first, avoiding the existing subnets, Azure's reserved
//! ranges, the firewall appliance and, unless the ISE's space is reused, the ISE's subnets.

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::design::Design;
use crate::findings::citation::Citation;
use crate::findings::{code, Findings};
use crate::network::{allocate, check, cidr};
use crate::standard::addresses::Addresses;
use crate::standard::network::{Space, ISE_ONLY_RANGES, STANDARD};
use crate::standard::{sizes, sources, SubnetRole};

/// Azure's setting for the private endpoints of a subnet: off by default.
pub const ENDPOINT_POLICIES_DEFAULT: &str = "Disabled";

/// One subnet of the Standard network, as planned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedSubnet {
    pub role: SubnetRole,
    pub name: String,
    /// `None` when it could not be placed (no space, or an unreadable pinned prefix).
    pub prefix: Option<String>,
    /// Whether the user pinned the prefix (otherwise the planner allocated it).
    pub pinned: bool,
    /// Whether it lies in the ISE's address space (reused once the ISE is deleted).
    pub in_ise_space: bool,
    /// First address Azure leaves usable (it keeps the first four and the last).
    pub first_usable: Option<String>,
    pub last_usable: Option<String>,
    pub usable_addresses: u64,
    pub total_addresses: u64,
    pub delegation: Option<&'static str>,
    /// The private-endpoint subnet's `privateEndpointNetworkPolicies`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_endpoint_network_policies: Option<&'static str>,
    /// The network security group the plan puts on it, when it has rules for it.
    pub network_security_group: Option<String>,
    /// The route table the plan associates with it (forced tunneling).
    pub route_table: Option<String>,
    /// Why it exists, why it has its size and delegation.
    pub sources: Vec<Citation>,
}

impl PlannedSubnet {
    /// The subnet's prefix, when it has one.
    pub fn net(&self) -> Option<Ipv4Net> {
        self.prefix.as_ref()?.parse().ok()
    }
}

/// The subnets placed, and the size each was placed (or asked for) at.
pub struct Placed {
    pub subnets: Vec<PlannedSubnet>,
    /// Each subnet's prefix length, in the order of `subnets`.
    pub lengths: Vec<u8>,
}

/// A subnet to place: its role, its pinned prefix (when readable) and whether one was typed.
struct Wanted {
    role: SubnetRole,
    pinned: Option<Ipv4Net>,
    pinned_typed: bool,
    len: u8,
}

/// Places the design's subnets; shortages, overlaps and size rules become findings.
pub fn place(
    design: &Design,
    space: &Space,
    addresses: &Addresses,
    endpoints: usize,
    f: &mut Findings,
) -> Placed {
    let wanted: Vec<Wanted> = SubnetRole::for_design(design)
        .into_iter()
        .map(|role| wanted(role, design, endpoints, f))
        .collect();
    check_pinned(design, space, addresses, &wanted, f);
    let free = allocate::free_intervals(&space.vnet, &blocked(design, space, addresses, &wanted));
    let prefer = if design.standard.reuse_ise_space {
        allocate::free_intervals(&space.ise_nets(), &[])
    } else {
        Vec::new()
    };
    let unpinned: Vec<usize> = (0..wanted.len())
        .filter(|&i| !wanted[i].pinned_typed)
        .collect();
    let lengths: Vec<u8> = unpinned.iter().map(|&i| wanted[i].len).collect();
    let blocks = allocate::allocate_sizes(&free, &lengths, &prefer);
    let mut at: Vec<Option<Ipv4Net>> = wanted.iter().map(|w| w.pinned).collect();
    for (&i, block) in unpinned.iter().zip(blocks) {
        at[i] = block;
        if block.is_none() {
            report_no_space(design, space, &wanted[i], f);
        }
    }
    let subnets = wanted
        .iter()
        .zip(&at)
        .map(|(w, net)| planned(design, space, w, *net, f))
        .collect();
    Placed {
        subnets,
        lengths: wanted.iter().map(|w| w.len).collect(),
    }
}

/// What the design asks for one role: its pinned prefix read, or its size; either checked
/// against the size rules.
fn wanted(role: SubnetRole, design: &Design, endpoints: usize, f: &mut Findings) -> Wanted {
    let spec = role.spec(design);
    let field = format!("{}.prefix", role.field());
    if !spec.is_pinned() {
        let len = sizes::wanted_len(role, design, endpoints, f);
        if role != SubnetRole::PrivateEndpoints {
            let size_field = match role {
                SubnetRole::Integration => "standard.integrationSubnetSize",
                _ => "standard.aseSubnetSize",
            };
            sizes::check(role, len, size_field, endpoints, f);
        }
        return Wanted {
            role,
            pinned: None,
            pinned_typed: false,
            len,
        };
    }
    let pinned = check::read_prefix(
        &spec.prefix,
        &field,
        &format!("{}'s prefix", role.what()),
        f,
    );
    if let Some(net) = pinned {
        sizes::check(role, net.prefix_len(), &field, endpoints, f);
    }
    Wanted {
        role,
        pinned,
        pinned_typed: true,
        len: pinned.map_or(0, |n| n.prefix_len()),
    }
}

/// Checks the pinned prefixes against the space and each other.
fn check_pinned(
    design: &Design,
    space: &Space,
    addresses: &Addresses,
    wanted: &[Wanted],
    f: &mut Findings,
) {
    let cover = cidr::Cover::new(space.vnet.clone());
    for (i, w) in wanted.iter().enumerate() {
        let Some(net) = w.pinned else { continue };
        let field = format!("{}.prefix", w.role.field());
        let what = capital(w.role.what());
        check::check_reserved(net, &field, &what, &STANDARD, f);
        if !space.vnet.is_empty() && !cover.contains(net) {
            f.error(code::STANDARD_SUBNET_OUTSIDE_VNET, &field, format!("{what} {net} is not inside any VNet prefix ({}); choose a prefix inside one, or clear it to let the planner choose.", vnet_list(space)));
        }
        if let Some((name, e)) = space.existing.iter().find(|(_, e)| cidr::overlaps(*e, net)) {
            f.error(code::STANDARD_SUBNET_OVERLAPS_EXISTING, &field, format!("{what} {net} overlaps existing subnet {} ({}); subnets cannot overlap. Clear the prefix to let the planner choose one.", shown(name, *e), sources::SUBNETS_NEVER_OVERLAP.in_words()));
        }
        if !design.standard.reuse_ise_space {
            if let Some(s) = space.ise.iter().find(|s| cidr::overlaps(s.prefix, net)) {
                f.error(code::STANDARD_SUBNET_OVERLAPS_ISE, &field, format!("{what} {net} overlaps ISE subnet {} ({}), which stays while the ISE runs. Choose other space, or reuse the ISE's space once the ISE is deleted.", s.name, s.prefix));
            }
        }
        let empty = match w.role {
            SubnetRole::Integration => Some(sources::INTEGRATION_EMPTY_SUBNET),
            SubnetRole::AppServiceEnvironment => Some(sources::ASE_DELEGATION_EMPTY),
            // "can have other resources in it": an appliance there is allowed.
            SubnetRole::PrivateEndpoints => None,
        };
        if let (Some(ip), Some(rule)) = (addresses.appliance.filter(|ip| net.contains(ip)), empty) {
            f.error(code::FIREWALL_IP_IN_STANDARD_SUBNET, &field, format!("{what} {net} holds the firewall appliance's address {ip}, but it must be empty ({}). Choose another prefix.", rule.in_words()));
        }
        for other in &wanted[..i] {
            if let Some(o) = other.pinned.filter(|o| cidr::overlaps(*o, net)) {
                f.error(code::STANDARD_SUBNETS_OVERLAP, &field, format!("{what} {net} overlaps {} {o}; virtual network integration can't use the private endpoints' subnet ({}), and no two subnets may overlap.", other.role.what(), sources::SEPARATE_SUBNETS.in_words()));
            }
        }
    }
}

/// What the allocator keeps clear of.
fn blocked(
    design: &Design,
    space: &Space,
    addresses: &Addresses,
    wanted: &[Wanted],
) -> Vec<Ipv4Net> {
    let mut blocked = space.existing_nets();
    blocked.extend(wanted.iter().filter_map(|w| w.pinned));
    blocked.extend(STANDARD.reserved.iter().map(|r| r.net));
    if !design.standard.reuse_ise_space {
        blocked.extend(space.ise_nets());
    }
    blocked.extend(addresses.appliance.map(Ipv4Net::from));
    blocked
}

/// The error when no free block was left for an unpinned subnet.
fn report_no_space(design: &Design, space: &Space, w: &Wanted, f: &mut Findings) {
    if space.vnet.is_empty() || space.vnet_unusable {
        return;
    }
    let or_reuse = if !design.standard.reuse_ise_space && !space.ise.is_empty() {
        ", or reuse the ISE's address space once the ISE is deleted"
    } else {
        ""
    };
    let name = w.role.spec(design).name.trim();
    f.error(code::STANDARD_ALLOCATION_NO_SPACE, "vnet.addressPrefixes", format!("The VNet has no free /{} left for {} ({name}); add an address prefix, free some space{or_reuse}.", w.len, w.role.what()));
}

/// A subnet as placed, with its usable range, delegation and sources.
fn planned(
    design: &Design,
    space: &Space,
    w: &Wanted,
    net: Option<Ipv4Net>,
    f: &mut Findings,
) -> PlannedSubnet {
    let usable = net.and_then(cidr::azure_usable);
    if let Some(n) = net {
        note_ise_only_range(w.role, n, f);
    }
    PlannedSubnet {
        role: w.role,
        name: w.role.spec(design).name.trim().to_string(),
        prefix: net.map(|n| n.to_string()),
        pinned: w.pinned_typed,
        in_ise_space: net.is_some_and(|n| space.ise.iter().any(|s| cidr::overlaps(s.prefix, n))),
        first_usable: usable.map(|u| u.0.to_string()),
        last_usable: usable.map(|u| u.1.to_string()),
        usable_addresses: usable.map_or(0, |u| u.2),
        total_addresses: net.map_or(0, cidr::size),
        delegation: net.and(w.role.delegation()),
        private_endpoint_network_policies: (w.role == SubnetRole::PrivateEndpoints)
            .then_some(ENDPOINT_POLICIES_DEFAULT),
        network_security_group: None,
        route_table: None,
        sources: role_sources(w.role),
    }
}

/// A note when a subnet lies in a range only the ISE article rules out.
fn note_ise_only_range(role: SubnetRole, net: Ipv4Net, f: &mut Findings) {
    if let Some((_, what)) = ISE_ONLY_RANGES
        .iter()
        .find(|(r, _)| cidr::overlaps(*r, net))
    {
        f.info(code::STANDARD_SUBNET_IN_ISE_ONLY_RANGE, format!("{}.prefix", role.field()), format!("{} {net} lies in {what}, which {} says Logic Apps in an ISE cannot resolve. No Standard article repeats the rule, so the plan allows it; choose RFC 1918 space if you can.", capital(role.what()), sources::ISE_UNRESOLVABLE.in_words()));
    }
}

/// The articles behind a subnet of `role`.
fn role_sources(role: SubnetRole) -> Vec<Citation> {
    match role {
        SubnetRole::Integration => vec![
            sources::SERVER_FARMS_DELEGATION,
            sources::INTEGRATION_SIZE,
            sources::INTEGRATION_MINIMUM,
            sources::ONE_PLAN_PER_SUBNET,
            sources::SEPARATE_SUBNETS,
        ],
        SubnetRole::PrivateEndpoints => vec![
            sources::PRIVATE_ENDPOINT_SUBNET,
            sources::SHARED_ENDPOINT_SUBNET,
            sources::ENDPOINT_POLICIES_OFF,
            sources::SMALLEST_SUBNET,
            sources::FIVE_ADDRESSES_RESERVED,
        ],
        SubnetRole::AppServiceEnvironment => vec![
            sources::ASE_DELEGATION_EMPTY,
            sources::ASE_SIZE,
            sources::ASE_MINIMUM,
        ],
    }
}

/// A subnet for a message: its name and prefix, or the prefix alone.
fn shown(name: &str, net: Ipv4Net) -> String {
    if name.is_empty() {
        net.to_string()
    } else {
        format!("{name} ({net})")
    }
}

/// The VNet's prefixes for a message (at most a few).
fn vnet_list(space: &Space) -> String {
    let mut list: Vec<String> = space.vnet.iter().take(4).map(|n| n.to_string()).collect();
    if space.vnet.len() > 4 {
        list.push(format!("and {} more", space.vnet.len() - 4));
    }
    list.join(", ")
}

/// "The integration subnet" from "the integration subnet".
pub fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standard::network::read;
    use crate::standard::IseSubnet;

    fn ise() -> Vec<IseSubnet> {
        (0..4)
            .map(|i| IseSubnet {
                name: format!("ise-subnet-{}", i + 1),
                prefix: format!("10.0.0.{}/27", i * 32).parse().unwrap(),
            })
            .collect()
    }

    fn run(
        design: &Design,
        addresses: &Addresses,
    ) -> (Vec<Option<String>>, Vec<(&'static str, String)>) {
        let mut f = Findings::default();
        let space = read(design, &ise(), &mut f);
        let placed = place(design, &space, addresses, 5, &mut f);
        (
            placed.subnets.iter().map(|s| s.prefix.clone()).collect(),
            f.0.into_iter().map(|x| (x.code, x.field)).collect(),
        )
    }

    #[test]
    fn largest_first_beside_the_ise() {
        let d = Design::default();
        let (prefixes, found) = run(&d, &Addresses::default());
        assert_eq!(
            prefixes,
            [Some("10.0.0.128/26".into()), Some("10.0.0.192/28".into())]
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_pinned_subnet_stays_and_is_checked() {
        let mut d = Design::default();
        d.standard.integration_subnet.prefix = "10.0.2.0/27".into();
        let (prefixes, found) = run(&d, &Addresses::default());
        assert_eq!(prefixes[0].as_deref(), Some("10.0.2.0/27"));
        assert_eq!(
            found,
            [(
                code::INTEGRATION_SUBNET_BELOW_RECOMMENDED,
                "standard.integrationSubnet.prefix".to_string()
            )]
        );
        // In the ISE's space: an error while the ISE stays, none once it is reused.
        d.standard.integration_subnet.prefix = "10.0.0.0/26".into();
        let (_, found) = run(&d, &Addresses::default());
        assert_eq!(
            found,
            [(
                code::STANDARD_SUBNET_OVERLAPS_ISE,
                "standard.integrationSubnet.prefix".to_string()
            )]
        );
        d.standard.reuse_ise_space = true;
        let (prefixes, found) = run(&d, &Addresses::default());
        assert!(found.is_empty(), "{found:?}");
        // The private endpoints fill the ISE's space beside the pinned /26.
        assert_eq!(prefixes[1].as_deref(), Some("10.0.0.64/28"));
    }

    #[test]
    fn the_appliance_is_avoided_and_never_in_an_empty_subnet() {
        let mut d = Design::default();
        let a = Addresses {
            appliance: Some("10.0.0.130".parse().unwrap()),
            ..Addresses::default()
        };
        let (prefixes, _) = run(&d, &a);
        assert_eq!(
            prefixes,
            [Some("10.0.0.192/26".into()), Some("10.0.0.144/28".into())]
        );
        d.standard.integration_subnet.prefix = "10.0.0.128/26".into();
        let (_, found) = run(&d, &a);
        assert_eq!(
            found,
            [(
                code::FIREWALL_IP_IN_STANDARD_SUBNET,
                "standard.integrationSubnet.prefix".to_string()
            )]
        );
        // The private endpoints' subnet may hold other resources.
        d.standard.integration_subnet.prefix.clear();
        d.standard.private_endpoint_subnet.prefix = "10.0.0.128/28".into();
        assert!(run(&d, &a).1.is_empty());
    }

    #[test]
    fn no_space_is_one_error_per_subnet_and_says_reuse_would_help() {
        let mut d = Design::default();
        d.vnet.address_prefixes = vec!["10.0.0.0/25".into()];
        let mut f = Findings::default();
        let space = read(&d, &ise(), &mut f);
        let placed = place(&d, &space, &Addresses::default(), 5, &mut f);
        assert!(placed
            .subnets
            .iter()
            .all(|s| s.prefix.is_none() && s.delegation.is_none()));
        assert_eq!(f.0.len(), 2);
        assert!(f
            .0
            .iter()
            .all(|x| x.code == code::STANDARD_ALLOCATION_NO_SPACE
                && x.message.contains("reuse the ISE's address space")));
        assert_eq!(placed.lengths, [26, 28]);
    }

    #[test]
    fn unreadable_pins_are_not_placed_elsewhere() {
        let mut d = Design::default();
        d.standard.private_endpoint_subnet.prefix = "here".into();
        let (prefixes, found) = run(&d, &Addresses::default());
        assert_eq!(prefixes[1], None);
        assert_eq!(
            found,
            [(
                code::CIDR_SYNTAX,
                "standard.privateEndpointSubnet.prefix".to_string()
            )]
        );
    }
}
