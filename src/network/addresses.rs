//! Reading the addresses a VNet's settings name — address lists, custom DNS servers, the
//! appliance a default route goes to — each problem a finding, for every planner alike.

use std::collections::HashSet;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::findings::{code, Findings};
use crate::network::address_kind::{self, AZURE_RESOLVER};
use crate::network::cidr::{self, PrefixProblem};

/// Where the design holds the appliance's address.
pub const APPLIANCE_FIELD: &str = "firewall.applianceIp";

/// Reads the entries of an address list at `field` (`connectorOutboundAddresses`) that are
/// IPv4 addresses or prefixes, each with its index; blank entries are skipped, a prefix
/// given twice is kept once, problems are reported.
pub fn entries(list: &[String], field: &str, f: &mut Findings) -> Vec<(usize, Ipv4Net)> {
    let mut out: Vec<(usize, Ipv4Net)> = Vec::new();
    let mut seen = HashSet::new();
    for (i, typed) in list
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty())
    {
        let at = format!("{field}[{i}]");
        match cidr::parse_address_or_prefix(typed) {
            Ok(net) => {
                if seen.insert(net) {
                    out.push((i, net));
                }
            }
            Err(problem @ PrefixProblem::HostBits { .. }) => f.error(
                code::CIDR_HOST_BITS,
                at,
                cidr::explain(&problem, typed, "this address range"),
            ),
            Err(_) => f.error(
                code::ADDRESS_LIST_INVALID,
                at,
                format!(
                    "\"{}\" is not an IPv4 address or prefix; write 52.174.1.1 or 52.174.0.0/24.",
                    typed.trim()
                ),
            ),
        }
    }
    out
}

/// Reads the custom DNS servers: each one address a VNet can use as its resolver, with its
/// index; blank entries are skipped, a server given twice is kept once. Azure's own
/// resolver is a note (harmless, but an empty list says the same).
pub fn dns_servers(typed: &[String], f: &mut Findings) -> Vec<(usize, Ipv4Addr)> {
    let mut servers: Vec<(usize, Ipv4Addr)> = Vec::new();
    for (i, text) in typed
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty())
    {
        let field = format!("dnsServers[{i}]");
        let Some(addr) = cidr::parse_address(text) else {
            f.error(
                code::DNS_SERVER_INVALID,
                field,
                format!(
                    "\"{}\" is not an IPv4 address; a DNS server is one address such as 10.0.0.4.",
                    text.trim()
                ),
            );
            continue;
        };
        if let Some(s) = address_kind::unusable(Ipv4Net::from(addr)) {
            f.error(code::ADDRESS_NOT_USABLE, field, format!("{addr} is in {}, which cannot be a DNS server for the VNet; enter the address of a real DNS server.", s.what));
            continue;
        }
        if addr == AZURE_RESOLVER {
            f.info(code::DNS_SERVER_AZURE_RESOLVER, field, "168.63.129.16 is Azure's own DNS resolver, which the VNet uses anyway when it has no custom DNS servers; listing it is harmless, but if all your servers are Azure DNS, leave the list empty instead.");
        }
        if servers.iter().all(|(_, a)| *a != addr) {
            servers.push((i, addr));
        }
    }
    servers
}

/// Reads the address of the appliance a default route goes to (next hop VirtualAppliance);
/// returns it when a route can use it. Outside the VNet is only a note: a firewall in a
/// peered hub VNet is the usual setup, and the planner cannot see peered address space.
pub fn appliance_ip(typed: &str, vnet: &[Ipv4Net], f: &mut Findings) -> Option<Ipv4Addr> {
    let typed = typed.trim();
    if typed.is_empty() {
        f.error(code::FIREWALL_IP_MISSING, APPLIANCE_FIELD, "Forced tunneling through an appliance needs the appliance's private IP address for the default route 0.0.0.0/0 (next hop VirtualAppliance); enter it, or choose the virtual network gateway as next hop.");
        return None;
    }
    let Ok(ip) = typed.parse::<Ipv4Addr>() else {
        let hint = if typed.contains('/') {
            " without a prefix length"
        } else {
            ""
        };
        f.error(code::FIREWALL_IP_INVALID, APPLIANCE_FIELD, format!("\"{typed}\" is not one IPv4 address; enter the appliance's private IP address{hint}, such as 10.0.3.4."));
        return None;
    };
    if let Some(s) = address_kind::unusable(Ipv4Net::from(ip)) {
        f.error(code::FIREWALL_IP_INVALID, APPLIANCE_FIELD, format!("{ip} is in {}, which cannot be an appliance's address; enter the firewall's private IP address.", s.what));
        return None;
    }
    if ip == AZURE_RESOLVER {
        f.error(code::FIREWALL_IP_INVALID, APPLIANCE_FIELD, "168.63.129.16 is Azure's own platform address, not an appliance; enter the firewall's private IP address.");
        return None;
    }
    if !vnet.is_empty() && !vnet.iter().any(|v| v.contains(&ip)) {
        let space: Vec<String> = vnet.iter().map(|v| v.to_string()).collect();
        f.info(code::FIREWALL_IP_OUTSIDE_VNET, APPLIANCE_FIELD, format!("{ip} is outside this VNet's address space ({}). That is right when the firewall sits in a peered hub VNet (a next hop must be in this VNet or a peered one); otherwise check the address.", space.join(", ")));
    }
    Some(ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(f: Findings) -> Vec<(&'static str, String)> {
        f.0.into_iter().map(|x| (x.code, x.field)).collect()
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_list_keeps_each_prefix_once_and_reports_the_rest() {
        let mut f = Findings::default();
        let got = entries(
            &strings(&["52.0.0.1", "", "52.0.0.1/32", "10.0.0.1/24", "x"]),
            "l",
            &mut f,
        );
        assert_eq!(got, [(0, "52.0.0.1/32".parse().unwrap())]);
        assert_eq!(
            codes(f),
            [
                (code::CIDR_HOST_BITS, "l[3]".into()),
                (code::ADDRESS_LIST_INVALID, "l[4]".into())
            ]
        );
    }

    #[test]
    fn dns_servers_are_usable_addresses_each_once() {
        let mut f = Findings::default();
        let got = dns_servers(
            &strings(&[
                "10.0.0.4",
                "127.0.0.1",
                " 10.0.0.4 ",
                "168.63.129.16",
                "dns.contoso.com",
            ]),
            &mut f,
        );
        let want: Vec<(usize, Ipv4Addr)> =
            vec![(0, Ipv4Addr::new(10, 0, 0, 4)), (3, AZURE_RESOLVER)];
        assert_eq!(got, want);
        assert_eq!(
            codes(f),
            [
                (code::ADDRESS_NOT_USABLE, "dnsServers[1]".into()),
                (code::DNS_SERVER_AZURE_RESOLVER, "dnsServers[3]".into()),
                (code::DNS_SERVER_INVALID, "dnsServers[4]".into())
            ]
        );
    }

    #[test]
    fn an_appliance_is_one_usable_address() {
        let vnet: Vec<Ipv4Net> = vec!["10.0.0.0/22".parse().unwrap()];
        for (typed, want) in [
            ("", Some(code::FIREWALL_IP_MISSING)),
            ("10.0.3.4/32", Some(code::FIREWALL_IP_INVALID)),
            ("127.0.0.1", Some(code::FIREWALL_IP_INVALID)),
            ("168.63.129.16", Some(code::FIREWALL_IP_INVALID)),
            ("10.100.0.4", Some(code::FIREWALL_IP_OUTSIDE_VNET)),
            (" 10.0.3.4 ", None),
        ] {
            let mut f = Findings::default();
            let ip = appliance_ip(typed, &vnet, &mut f);
            let found: Vec<&str> = f.0.iter().map(|x| x.code).collect();
            assert_eq!(found, want.into_iter().collect::<Vec<_>>(), "{typed:?}");
            let usable = matches!(want, None | Some(code::FIREWALL_IP_OUTSIDE_VNET));
            assert_eq!(ip.is_some(), usable, "{typed:?}");
        }
    }
}
