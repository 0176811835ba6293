//! The address space the Standard network is planned in: the VNet's prefixes and existing
//! subnets (read with the shared checks, Azure's reserved ranges only), the ISE's subnets as
//! given, and virtual network integration's rule against IPv6 address space.

use ipnet::Ipv4Net;

use crate::design::{Design, Hosting};
use crate::findings::{code, Findings, Severity};
use crate::network::check::{self, Service};
use crate::network::cidr::{self, PrefixProblem};
use crate::network::reserved::{net, AZURE_VNET_ALL};
use crate::standard::sources;
use crate::standard::IseSubnet;

/// The Standard network as the shared checks name it. It reserves only the ranges Azure
/// never allows in a virtual network: no Standard article repeats the ISE article's list of
/// ranges Logic Apps cannot resolve (see [`ISE_ONLY_RANGES`]).
pub const STANDARD: Service = Service {
    a: "a Standard logic app's network",
    the: "the Standard network",
    resolver: "Azure",
    reserved: &AZURE_VNET_ALL,
};

/// Ranges the ISE article says Logic Apps in an ISE cannot resolve and Azure's own rules do
/// not already exclude. No Standard article repeats them: the plan neither avoids nor
/// refuses them, and notes a Standard subnet placed in one.
pub const ISE_ONLY_RANGES: [(Ipv4Net, &str); 2] = [
    (net(0, 0, 0, 0, 8), "\"this network\" (0.0.0.0/8)"),
    (
        net(100, 64, 0, 0, 10),
        "shared address space (100.64.0.0/10)",
    ),
];

/// The space read from the design.
#[derive(Clone, Debug, Default)]
pub struct Space<'a> {
    /// The VNet's usable IPv4 prefixes.
    pub vnet: Vec<Ipv4Net>,
    /// The existing subnets that stay (the ISE's own left out), with their names.
    pub existing: Vec<(&'a str, Ipv4Net)>,
    /// The ISE's subnets, as its plan placed them.
    pub ise: Vec<IseSubnet>,
    /// A VNet prefix has an error that makes it unusable: a shortage of space that follows
    /// from it is not reported again.
    pub vnet_unusable: bool,
}

impl Space<'_> {
    /// The existing subnets' prefixes.
    pub fn existing_nets(&self) -> Vec<Ipv4Net> {
        self.existing.iter().map(|(_, n)| *n).collect()
    }

    /// The ISE subnets' prefixes.
    pub fn ise_nets(&self) -> Vec<Ipv4Net> {
        self.ise.iter().map(|s| s.prefix).collect()
    }
}

/// Reads the VNet, its existing subnets and the ISE's subnets. An existing subnet with the
/// prefix of an ISE subnet is that ISE subnet (an ISE being audited), not space to avoid twice.
pub fn read<'a>(design: &'a Design, ise: &[IseSubnet], f: &mut Findings) -> Space<'a> {
    let typed = &design.vnet.address_prefixes;
    let vnet: Vec<Ipv4Net> = check::vnet_prefixes(typed, "vnet.addressPrefixes", &STANDARD, f)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    if design.standard.hosting == Hosting::WorkflowStandard {
        no_ipv6(typed, f);
    }
    let cover = cidr::Cover::new(vnet.clone());
    let ise_cover = cidr::Cover::new(ise.iter().map(|s| s.prefix).collect());
    let subnets = &design.vnet.existing_subnets;
    let typed = subnets
        .iter()
        .map(|s| s.prefix.as_str())
        .enumerate()
        .filter(|(_, p)| !p.trim().is_empty());
    let existing = check::existing_subnets(typed, "vnet.existingSubnets", &cover, &STANDARD, f)
        .into_iter()
        .filter(|&(_, n)| !is_ise(&ise_cover, n))
        .map(|(i, n)| (subnets[i].name.trim(), n))
        .collect();
    Space {
        vnet,
        existing,
        ise: ise.to_vec(),
        vnet_unusable: vnet_unusable(f),
    }
}

/// Whether `net` is exactly one of the ISE's subnets.
fn is_ise(ise: &cidr::Cover, net: Ipv4Net) -> bool {
    ise.overlapping(net).contains(&net)
}

/// Virtual network integration refuses a VNet with IPv6 address space.
fn no_ipv6(typed: &[String], f: &mut Findings) {
    for (i, text) in typed.iter().enumerate() {
        if cidr::parse_prefix(text) == Err(PrefixProblem::Ipv6) {
            f.error(code::VNET_IPV6_INTEGRATION, format!("vnet.addressPrefixes[{i}]"), format!("The VNet has IPv6 address space ({}), and a Workflow Standard plan's virtual network integration needs a VNet without it ({}). Remove the IPv6 prefix, integrate with another VNet, or host the logic app on an App Service Environment.", text.trim(), sources::NO_IPV6.in_words()));
        }
    }
}

/// Whether a VNet prefix has an error that leaves it out of the space.
fn vnet_unusable(f: &Findings) -> bool {
    f.0.iter().any(|x| {
        x.severity == Severity::Error
            && x.field.starts_with("vnet.addressPrefixes[")
            && matches!(x.code, code::CIDR_SYNTAX | code::ADDRESS_NOT_ALLOWED)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ise(prefixes: &[&str]) -> Vec<IseSubnet> {
        prefixes
            .iter()
            .enumerate()
            .map(|(i, p)| IseSubnet {
                name: format!("ise-subnet-{}", i + 1),
                prefix: p.parse().unwrap(),
            })
            .collect()
    }

    #[test]
    fn the_ise_subnets_are_not_counted_twice() {
        let mut d = Design::default();
        d.vnet.existing_subnets = vec!["10.0.0.0/27".into(), "10.0.1.0/24".into()];
        d.vnet.existing_subnets[1].name = "web".into();
        let mut f = Findings::default();
        let space = read(&d, &ise(&["10.0.0.0/27"]), &mut f);
        assert_eq!(space.existing, [("web", "10.0.1.0/24".parse().unwrap())]);
        assert_eq!(
            space.ise_nets(),
            ["10.0.0.0/27".parse::<Ipv4Net>().unwrap()]
        );
        assert!(f.0.is_empty(), "{:?}", f.0);
    }

    #[test]
    fn ipv6_address_space_is_an_error_for_integration_only() {
        let mut d = Design::default();
        d.vnet.address_prefixes.push("fd00::/48".into());
        let mut f = Findings::default();
        read(&d, &[], &mut f);
        let hit =
            f.0.iter()
                .find(|x| x.code == code::VNET_IPV6_INTEGRATION)
                .unwrap();
        assert_eq!(hit.field, "vnet.addressPrefixes[1]");
        assert!(hit
            .message
            .contains("Integrate your app with an Azure virtual network"));
        d.standard.hosting = Hosting::AppServiceEnvironment;
        let mut f = Findings::default();
        read(&d, &[], &mut f);
        assert!(f.0.iter().all(|x| x.code != code::VNET_IPV6_INTEGRATION));
    }

    #[test]
    fn azure_ranges_are_errors_and_the_ise_only_ones_are_not() {
        let mut d = Design::default();
        d.vnet.address_prefixes = vec!["168.63.129.0/24".into(), "100.64.0.0/16".into()];
        let mut f = Findings::default();
        let space = read(&d, &[], &mut f);
        let codes: Vec<(&str, &str)> = f.0.iter().map(|x| (x.code, x.field.as_str())).collect();
        assert!(
            codes.contains(&(code::ADDRESS_NOT_ALLOWED, "vnet.addressPrefixes[0]")),
            "{codes:?}"
        );
        assert!(
            codes.iter().all(|(c, _)| *c != code::ADDRESS_UNRESOLVABLE),
            "{codes:?}"
        );
        assert_eq!(space.vnet.len(), 2);
        assert!(space.vnet_unusable);
    }
}
