//! The addresses the Standard network carries over from the design: custom DNS servers (two
//! fit the app settings), the callers and connector addresses of an External ISE (access
//! restrictions), Azure Government's connector addresses, and the firewall appliance.

use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

use crate::design::{AccessEndpoint, Cloud, Design, ForcedTunneling, NextHop};
use crate::findings::{code, Findings};
use crate::network::{address_kind, addresses};
use crate::standard::sources;

/// The most access-restriction rules App Service allows on a site.
pub const MAX_ACCESS_RESTRICTIONS: usize = 512;

/// The addresses read, each list in the design's order with unreadable entries left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Addresses {
    /// The custom DNS servers (at most two are carried into app settings).
    pub dns_servers: Vec<Ipv4Addr>,
    /// External ISE: who may call the logic app (access restrictions).
    pub callers: Vec<Ipv4Net>,
    /// External ISE: the managed connectors' outbound addresses (their webhook callbacks).
    pub connectors: Vec<Ipv4Net>,
    /// Azure Government: the managed connectors' outbound addresses.
    pub government_connectors: Vec<Ipv4Net>,
    /// Forced tunneling through an appliance: its address.
    pub appliance: Option<Ipv4Addr>,
}

/// Reads the addresses the design's choices use; each unreadable entry is a finding.
pub fn read(design: &Design, vnet: &[Ipv4Net], f: &mut Findings) -> Addresses {
    let mut a = Addresses {
        dns_servers: dns_servers(&design.dns_servers, f),
        appliance: appliance(design, vnet, f),
        ..Addresses::default()
    };
    if design.access_endpoint == AccessEndpoint::External {
        a.callers = list(&design.caller_addresses, "callerAddresses", f);
        a.connectors = list(
            &design.connector_outbound_addresses,
            "connectorOutboundAddresses",
            f,
        );
        restriction_limit(&a, f);
    }
    if design.cloud == Cloud::Government {
        let typed = &design.government_addresses.managed_connector_outbound;
        a.government_connectors = list(typed, "governmentAddresses.managedConnectorOutbound", f);
    }
    a
}

/// The DNS servers ([`addresses::dns_servers`]); a third or later one cannot be carried.
fn dns_servers(typed: &[String], f: &mut Findings) -> Vec<Ipv4Addr> {
    let servers = addresses::dns_servers(typed, f);
    for &(i, addr) in servers.iter().skip(2) {
        f.warning(code::DNS_SERVER_NOT_CARRIED, format!("dnsServers[{i}]"), format!("DNS server {addr} cannot be carried over: a Standard logic app takes its DNS servers from two app settings, WEBSITE_DNS_SERVER and WEBSITE_DNS_ALT_SERVER ({}). Make sure the first two servers can resolve everything, or the VNet's DNS, which the app uses when the settings are not set, keeps this one.", sources::DNS_ALT_APP_SETTING.in_words()));
    }
    servers.into_iter().map(|(_, addr)| addr).collect()
}

/// The entries of an address list ([`addresses::entries`]: a bare address is a /32, each
/// once); `0.0.0.0/0` is left out with a warning: allowing every address defeats the list.
fn list(typed: &[String], field: &str, f: &mut Findings) -> Vec<Ipv4Net> {
    let mut out = Vec::new();
    for (i, net) in addresses::entries(typed, field, f) {
        if address_kind::is_catch_all(net) {
            f.warning(
                code::ADDRESS_CATCH_ALL,
                format!("{field}[{i}]"),
                "0.0.0.0/0 allows every address, which defeats the list; the plan leaves it out.",
            );
        } else {
            out.push(net);
        }
    }
    out
}

/// App Service takes at most 512 access-restriction rules.
fn restriction_limit(a: &Addresses, f: &mut Findings) {
    let rules = a.callers.len() + a.connectors.len().max(1);
    if !a.callers.is_empty() && rules > MAX_ACCESS_RESTRICTIONS {
        f.error(code::ACCESS_RESTRICTION_LIMIT, "callerAddresses", format!("The callers and connectors make {rules} access-restriction rules; App Service allows {MAX_ACCESS_RESTRICTIONS} ({}). Summarise the addresses into wider prefixes.", sources::RESTRICTION_LIMIT.in_words()));
    }
}

/// The appliance's address ([`addresses::appliance_ip`]), when forced tunneling goes
/// through one.
fn appliance(design: &Design, vnet: &[Ipv4Net], f: &mut Findings) -> Option<Ipv4Addr> {
    if design.forced_tunneling != ForcedTunneling::Firewall
        || design.firewall.next_hop != NextHop::VirtualAppliance
    {
        return None;
    }
    addresses::appliance_ip(&design.firewall.appliance_ip, vnet, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_design(d: &Design) -> (Addresses, Vec<(&'static str, String)>) {
        let mut f = Findings::default();
        let a = read(d, &["10.0.0.0/22".parse().unwrap()], &mut f);
        (a, f.0.into_iter().map(|x| (x.code, x.field)).collect())
    }

    #[test]
    fn two_dns_servers_are_carried_and_a_third_is_a_warning() {
        let d = Design {
            dns_servers: vec![
                "10.0.0.4".into(),
                "".into(),
                "10.0.0.5".into(),
                "10.0.0.6".into(),
                "x".into(),
            ],
            ..Design::default()
        };
        let (a, found) = read_design(&d);
        assert_eq!(a.dns_servers.len(), 3);
        assert_eq!(
            found,
            [
                (code::DNS_SERVER_INVALID, "dnsServers[4]".to_string()),
                (code::DNS_SERVER_NOT_CARRIED, "dnsServers[3]".to_string()),
            ]
        );
    }

    #[test]
    fn unusable_dns_servers_and_appliances_are_findings_and_repeats_count_once() {
        let mut d = Design {
            dns_servers: vec!["0.0.0.0".into(), "10.0.0.4".into(), "10.0.0.4".into()],
            forced_tunneling: ForcedTunneling::Firewall,
            ..Design::default()
        };
        d.firewall.appliance_ip = "127.0.0.1".into();
        let (a, found) = read_design(&d);
        assert_eq!(a.dns_servers, [Ipv4Addr::new(10, 0, 0, 4)]);
        assert_eq!(a.appliance, None);
        assert_eq!(
            found,
            [
                (code::ADDRESS_NOT_USABLE, "dnsServers[0]".to_string()),
                (
                    code::FIREWALL_IP_INVALID,
                    "firewall.applianceIp".to_string()
                ),
            ]
        );
        d.access_endpoint = AccessEndpoint::External;
        d.caller_addresses = vec!["203.0.113.7".into(), "203.0.113.7/32".into()];
        assert_eq!(read_design(&d).0.callers.len(), 1);
    }

    #[test]
    fn callers_are_read_for_an_external_ise_only() {
        let mut d = Design {
            caller_addresses: vec!["203.0.113.0/24".into(), "0.0.0.0/0".into(), "nope".into()],
            ..Design::default()
        };
        assert_eq!(read_design(&d).0.callers, []);
        d.access_endpoint = AccessEndpoint::External;
        let (a, found) = read_design(&d);
        assert_eq!(a.callers, ["203.0.113.0/24".parse::<Ipv4Net>().unwrap()]);
        let codes: Vec<&str> = found.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes, [code::ADDRESS_LIST_INVALID, code::ADDRESS_CATCH_ALL]);
        // Past App Service's 512 rules.
        d.caller_addresses = (0..512u32)
            .map(|i| format!("52.0.{}.{}", i / 256, i % 256))
            .collect();
        let (_, found) = read_design(&d);
        assert!(found.contains(&(code::ACCESS_RESTRICTION_LIMIT, "callerAddresses".into())));
    }

    #[test]
    fn the_appliance_only_for_forced_tunneling_through_it() {
        let mut d = Design::default();
        d.firewall.appliance_ip = "bad".into();
        assert_eq!(read_design(&d), (Addresses::default(), vec![]));
        d.forced_tunneling = ForcedTunneling::Firewall;
        assert_eq!(
            read_design(&d).1,
            [(code::FIREWALL_IP_INVALID, "firewall.applianceIp".into())]
        );
        d.firewall.appliance_ip = " 10.0.3.4 ".into();
        assert_eq!(
            read_design(&d).0.appliance,
            Some(Ipv4Addr::new(10, 0, 3, 4))
        );
        d.firewall.next_hop = NextHop::VirtualNetworkGateway;
        assert_eq!(read_design(&d).0.appliance, None);
    }
}
