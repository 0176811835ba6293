//! Checks of the design's lists: custom DNS servers, address lists (connector outbound,
//! callers of an External ISE, Azure Government replacements, forced-tunneling
//! dependencies), certificates and managed connectors.
//!
//! Every address is checked for what it will do: an entry of a list that a rule or route
//! uses must make sense there (a connector address must be public, a dependency route must
//! not take the VNet's own space, `0.0.0.0/0` must not turn a narrowing list into "everyone").
//! Lists the design does not use are only read for syntax and reported as unused.

use base64::Engine;
use ipnet::Ipv4Net;

use crate::design::{AccessEndpoint, Cloud, Design, ForcedTunneling};
use crate::findings::citation::Citation;
use crate::findings::{code, Findings};
use crate::network::address_kind::{self as addresses, Special};
use crate::network::addresses::{dns_servers, entries as read_entries};
use crate::network::cidr;

/// The lists as the planner uses them: only valid entries, normalised to CIDR.
#[derive(Debug, Default)]
pub struct CheckedLists {
    pub dns_servers: Vec<String>,
    /// External ISE: the connector outbound prefixes (public).
    pub connector_outbound: Vec<String>,
    /// External ISE: who may call port 443 (empty: the Internet).
    pub callers: Vec<String>,
    pub gov_logic_apps_inbound: Vec<String>,
    pub gov_logic_apps_outbound: Vec<String>,
    pub gov_managed_connector_outbound: Vec<String>,
    /// Forced tunneling through a firewall: the dependency prefixes that get routes to the
    /// Internet, in `DependencyAddresses::lists` order, each with its index in the typed list.
    pub dependencies: [Vec<(usize, Ipv4Net)>; 4],
    /// Certificate name and normalised base64.
    pub certificates: Vec<(String, String)>,
    pub connectors: Vec<String>,
}

/// Managed connectors known to run in an ISE (API name, display name).
pub const ISE_CONNECTORS: &[(&str, &str)] = &[
    ("as2", "AS2"),
    ("azureblob", "Azure Blob Storage"),
    ("azurefile", "Azure File Storage"),
    ("azurequeues", "Azure Queues"),
    ("azuretables", "Azure Table Storage"),
    ("db2", "IBM DB2"),
    ("documentdb", "Azure Cosmos DB"),
    ("edifact", "EDIFACT"),
    ("eventhubs", "Event Hubs"),
    ("filesystem", "File System"),
    ("ftp", "FTP"),
    ("mq", "IBM MQ"),
    ("sap", "SAP"),
    ("servicebus", "Service Bus"),
    ("sftpwithssh", "SFTP-SSH"),
    ("si3270", "IBM 3270"),
    ("smtp", "SMTP"),
    ("sql", "SQL Server"),
    ("x12", "X12"),
];

/// Where Azure publishes the addresses the planner asks for.
pub const SERVICE_TAGS_FILE: &str = "Azure's Service Tags file (the weekly \"Azure IP Ranges and Service Tags\" JSON download from Microsoft)";

/// Reads an address list at `field`, as CIDR strings without repeats.
pub fn read_address_list(list: &[String], field: &str, f: &mut Findings) -> Vec<String> {
    cidr_strings(&read_entries(list, field, f))
}

fn cidr_strings(entries: &[(usize, Ipv4Net)]) -> Vec<String> {
    entries.iter().map(|(_, n)| n.to_string()).collect()
}

/// Removes repeated entries, keeping the first of each in order: Azure refuses a rule or
/// route list that names the same address twice.
pub fn unique(list: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    list.into_iter()
        .filter(|a| seen.insert(a.clone()))
        .collect()
}

/// A prefix as typed for people: a single address without `/32`.
fn shown(net: Ipv4Net) -> String {
    if net.prefix_len() == 32 {
        net.addr().to_string()
    } else {
        net.to_string()
    }
}

/// "is in" or "overlaps", for a prefix and the special range it touches.
fn relation(net: Ipv4Net, special: &Special) -> &'static str {
    if special.net.contains(&net) {
        "is in"
    } else {
        "overlaps"
    }
}

/// What the entries of a list must be, for the rule or route that uses them.
#[derive(Clone, Copy)]
enum Must {
    /// Public Internet addresses: Azure services' published addresses.
    BePublic,
    /// Addresses a real host can have (private or public).
    BeUsable,
}

/// Keeps the entries fit for their use and reports the others: `0.0.0.0/0` (saying
/// `catch_all_why`) and, by `must`, non-public or unusable ranges. `what` names the list's
/// contents in a sentence ("connector outbound addresses").
fn keep_fit(
    entries: Vec<(usize, Ipv4Net)>,
    field: &str,
    must: Must,
    what: &str,
    catch_all_why: &str,
    f: &mut Findings,
) -> Vec<(usize, Ipv4Net)> {
    entries
        .into_iter()
        .filter(|&(i, net)| {
            let at = format!("{field}[{i}]");
            if addresses::is_catch_all(net) {
                f.error(
                    code::ADDRESS_CATCH_ALL,
                    at,
                    format!("0.0.0.0/0 is every address: {catch_all_why}"),
                );
                return false;
            }
            match must {
                Must::BePublic => match addresses::not_public(net) {
                    Some(s) => {
                        f.error(code::ADDRESS_NOT_PUBLIC, at, format!("{} {} {}, but {what} are public Internet addresses; correct or remove it.", shown(net), relation(net, s), s.what));
                        false
                    }
                    None => true,
                },
                Must::BeUsable => match addresses::unusable(net) {
                    Some(s) => {
                        f.error(code::ADDRESS_NOT_USABLE, at, format!("{} {} {}, which no real host uses; {what} must be addresses of real hosts. Correct or remove it.", shown(net), relation(net, s), s.what));
                        false
                    }
                    None => true,
                },
            }
        })
        .collect()
}

/// The dependency lists: JSON field, what they are, and the service tag that holds them in
/// Azure's Service Tags file, in `DependencyAddresses::lists` order.
const DEPENDENCY_TAGS: [&str; 4] = [
    "AppServiceManagement",
    "AzureConnectors.<region>",
    "AzureTrafficManager",
    "LogicApps.<region> and LogicAppsManagement.<region>",
];

/// Checks every list of the design. `vnet` is the VNet's usable IPv4 space (a DNS server or
/// a dependency route is judged against it).
pub fn check(design: &Design, vnet: &[Ipv4Net], f: &mut Findings) -> CheckedLists {
    let mut out = CheckedLists {
        dns_servers: check_dns_servers(design, vnet, f),
        ..CheckedLists::default()
    };
    let external = design.access_endpoint == AccessEndpoint::External;

    // Connector outbound addresses: the External ISE's extra inbound rule, to every port of
    // the VNet's space — public connector addresses only.
    let connectors = read_entries(
        &design.connector_outbound_addresses,
        "connectorOutboundAddresses",
        f,
    );
    if external {
        let fit = keep_fit(
            connectors,
            "connectorOutboundAddresses",
            Must::BePublic,
            "connector outbound addresses",
            "the inbound rule would open every port of the VNet to the whole Internet. Enter the managed connectors' outbound addresses for the ISE's region.",
            f,
        );
        out.connector_outbound = cidr_strings(&fit);
        if out.connector_outbound.is_empty() {
            f.error(
                code::CONNECTOR_ADDRESSES_MISSING,
                "connectorOutboundAddresses",
                format!("An External ISE needs the inbound rule \"Permit traffic from connector outbound IP addresses\" ({}), and it cannot be written without those addresses. Copy them from the ISE's Properties › Connector outgoing IP addresses, or before creation from Microsoft's \"Limits and configuration for Azure Logic Apps\" (Outbound IP addresses, managed connectors, your region) or the AzureConnectors.<region> tag in {SERVICE_TAGS_FILE}.", Citation::portal("Create your ISE", "").in_words()),
            );
        }
    } else if !connectors.is_empty() {
        f.info(code::CONNECTOR_ADDRESSES_UNUSED, "connectorOutboundAddresses", "Connector outbound addresses are used only by an External ISE's extra inbound rule; they are ignored for an Internal ISE.");
    }

    // Callers: narrow the External ISE's port-443 rule from the Internet to these sources.
    let callers = read_entries(&design.caller_addresses, "callerAddresses", f);
    if external {
        let fit = keep_fit(
            callers,
            "callerAddresses",
            Must::BeUsable,
            "caller addresses",
            "the port-443 rule already allows the whole Internet when no caller addresses are given. List the callers to narrow the rule, or leave the list empty.",
            f,
        );
        out.callers = cidr_strings(&fit);
        if out.callers.is_empty() {
            f.info(code::HTTPS_OPEN_TO_INTERNET, "callerAddresses", format!("The External ISE's port-443 rule allows the whole Internet (the Internet service tag). {} lets you name the sources instead: the computers or services that call your logic apps' request triggers and webhooks (including Azure DevOps, Event Grid, Office 365 or SAP webhooks you use) and those that open runs history. Enter their addresses to narrow the rule; a caller left out can no longer reach request triggers or see run inputs and outputs.", Citation::portal("Inbound security rules", "").in_words()));
        }
    } else if !callers.is_empty() {
        f.info(code::CALLER_ADDRESSES_UNUSED, "callerAddresses", "Caller addresses narrow an External ISE's port-443 rule; an Internal ISE takes calls only from the virtual network (the VirtualNetwork service tag), so they are ignored.");
    }

    check_government(design, f, &mut out);
    check_dependencies(design, vnet, f, &mut out);
    check_certificates(design, f, &mut out);
    check_managed_connectors(design, f, &mut out);
    out
}

/// Custom DNS servers: each one address a VNet can use as its resolver. The outbound
/// port-53 rule opens the way to them, so a public resolver outside the VNet is a warning.
fn check_dns_servers(design: &Design, vnet: &[Ipv4Net], f: &mut Findings) -> Vec<String> {
    let servers = dns_servers(&design.dns_servers, f);
    for &(i, addr) in &servers {
        let net = Ipv4Net::from(addr);
        if addr != addresses::AZURE_RESOLVER
            && !addresses::is_private_or_shared(net)
            && !vnet.iter().any(|v| v.contains(&addr))
        {
            f.warning(code::DNS_SERVER_PUBLIC, format!("dnsServers[{i}]"), format!("{addr} is a public resolver outside the VNet: the outbound port-53 rule then opens DNS to the Internet, and a public resolver cannot resolve your private names. Prefer a DNS server inside your network that forwards to Azure DNS (168.63.129.16)."));
        }
    }
    servers.iter().map(|(_, a)| a.to_string()).collect()
}

/// Azure Government: the addresses that replace the three service tags that do not work
/// there. A missing list leaves a required inbound rule out of the NSG: an error.
fn check_government(design: &Design, f: &mut Findings, out: &mut CheckedLists) {
    let gov = &design.government_addresses;
    let used = design.cloud == Cloud::Government;
    let lists: [(&[String], &str, &str, &str, &str); 3] = [
        (
            &gov.logic_apps_inbound,
            "governmentAddresses.logicAppsInbound",
            "Logic Apps inbound addresses for Azure Government",
            "LogicAppsManagement",
            "rules \"Logic Apps designer - dynamic properties\" and \"Network health check\"",
        ),
        (
            &gov.logic_apps_outbound,
            "governmentAddresses.logicAppsOutbound",
            "Logic Apps outbound addresses for Azure Government",
            "LogicApps",
            "rule \"Network health check\"",
        ),
        (
            &gov.managed_connector_outbound,
            "governmentAddresses.managedConnectorOutbound",
            "managed connector outbound addresses for Azure Government",
            "AzureConnectors",
            "rule \"Connector deployment\" (without it ISE deployments fail)",
        ),
    ];
    let mut valid: Vec<Vec<String>> = Vec::new();
    for (list, field, what, tag, rules) in lists {
        let entries = read_entries(list, field, f);
        let entries = if used {
            keep_fit(
                entries,
                field,
                Must::BePublic,
                what,
                "the rule would admit the whole Internet instead of Logic Apps. Enter the published addresses.",
                f,
            )
        } else {
            entries
        };
        if used && entries.is_empty() {
            f.error(code::GOVERNMENT_ADDRESSES_MISSING, field, format!("In Azure Government the {tag} service tag does not work, so without the {what} the NSG lacks the inbound {rules} and the ISE does not work. Import Azure's Service Tags file for Azure Government (the \"Azure IP Ranges and Service Tags – US Government Cloud\" download; tag {tag}.<region>) or copy them from Microsoft's \"Limits and configuration for Azure Logic Apps\" (Azure Government IP addresses)."));
        }
        valid.push(cidr_strings(&entries));
    }
    let mut valid = valid.into_iter();
    out.gov_logic_apps_inbound = valid.next().unwrap_or_default();
    out.gov_logic_apps_outbound = valid.next().unwrap_or_default();
    out.gov_managed_connector_outbound = valid.next().unwrap_or_default();
}

/// Forced tunneling through a firewall: the dependency addresses that each need a route to
/// the Internet. Missing lists are one error naming them all.
fn check_dependencies(design: &Design, vnet: &[Ipv4Net], f: &mut Findings, out: &mut CheckedLists) {
    let used = design.forced_tunneling == ForcedTunneling::Firewall;
    let mut missing: Vec<String> = Vec::new();
    let mut given: Vec<&str> = Vec::new();
    for (slot, ((name, what, list), tag)) in design
        .dependency_addresses
        .lists()
        .into_iter()
        .zip(DEPENDENCY_TAGS)
        .enumerate()
    {
        let field = format!("dependencyAddresses.{name}");
        let entries = read_entries(list, &field, f);
        if !used {
            if !entries.is_empty() {
                given.push(what);
            }
            continue;
        }
        let entries: Vec<(usize, Ipv4Net)> = keep_fit(
            entries,
            &field,
            Must::BePublic,
            &format!("the {what}"),
            "a route 0.0.0.0/0 → Internet would send all traffic around the firewall (the planner already writes the default route to your firewall). Enter the published addresses.",
            f,
        )
        .into_iter()
        .filter(|&(i, net)| match vnet.iter().find(|v| cidr::overlaps(**v, net)) {
            Some(v) => {
                f.error(code::DEPENDENCY_ROUTE_OVERLAPS_VNET, format!("{field}[{i}]"), format!("{} overlaps the VNet's own space {v}: a route to the Internet for it would take the VNet's traffic away from its subnets. Azure's dependency addresses are public; correct or remove it.", shown(net)));
                false
            }
            None => true,
        })
        .collect();
        if entries.is_empty() {
            missing.push(format!("{what} (service tag {tag})"));
        }
        if let Some(s) = out.dependencies.get_mut(slot) {
            *s = entries;
        }
    }
    if !missing.is_empty() {
        f.error(code::DEPENDENCY_ADDRESSES_MISSING, "dependencyAddresses", format!("Forced tunneling through a firewall needs a route with next hop Internet for every dependency address, or the ISE deployment fails and a deployed ISE stops working ({}). Missing: {}. Import {SERVICE_TAGS_FILE} for the ISE's region to fill them, or enter them.", Citation::portal("Forced tunneling requirements", "").in_words(), missing.join("; ")));
    }
    if !given.is_empty() {
        let why = match design.forced_tunneling {
            ForcedTunneling::ExpressRoute => "with ExpressRoute forced tunneling the route 0.0.0.0/0 → Internet already sends them to the Internet",
            _ => "forced tunneling through a firewall is off",
        };
        f.info(code::DEPENDENCY_ADDRESSES_UNUSED, "dependencyAddresses", format!("The {} need their own routes only when forced tunneling goes through a firewall; {why}, so they are ignored.", given.join(", ")));
    }
}

fn check_managed_connectors(design: &Design, f: &mut Findings, out: &mut CheckedLists) {
    for (i, typed) in design
        .managed_connectors
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty())
    {
        let field = format!("managedConnectors[{i}]");
        let api = typed.trim().to_ascii_lowercase();
        if api.is_empty() || api.len() > 80 || !api.chars().all(|c| c.is_ascii_alphanumeric()) {
            f.error(code::CONNECTOR_NAME_INVALID, field, format!("\"{}\" is not a managed API name; use the connector's API name, such as sql or servicebus.", typed.trim()));
            continue;
        }
        if !ISE_CONNECTORS.iter().any(|(name, _)| *name == api) {
            f.warning(code::CONNECTOR_UNKNOWN, field, format!("\"{api}\" is not one of the managed connectors known to run in an ISE; check the name."));
        }
        if !out.connectors.contains(&api) {
            out.connectors.push(api);
        }
    }
}

/// Whether bytes look like a certificate: DER (an ASN.1 SEQUENCE) or PEM text.
fn looks_like_certificate(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30) || bytes.starts_with(b"-----BEGIN CERTIFICATE-----")
}

/// The base64 `publicCertificate` for what the user gave: base64 as is (spaces and line
/// breaks removed), or PEM text encoded to base64 whole, as the REST API article's example does.
pub fn normalise_certificate(typed: &str) -> Result<(String, bool), String> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Err("is empty".into());
    }
    let engine = base64::engine::general_purpose::STANDARD;
    if trimmed.starts_with("-----BEGIN") {
        let pem = trimmed.replace("\r\n", "\n");
        return Ok((
            engine.encode(pem.as_bytes()),
            pem.starts_with("-----BEGIN CERTIFICATE-----"),
        ));
    }
    let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    match engine.decode(compact.as_bytes()) {
        Ok(bytes) if !bytes.is_empty() => Ok((compact, looks_like_certificate(&bytes))),
        _ => Err("is not base64".into()),
    }
}

/// The `publicCertificate` for a certificate file (.cer, .crt, .pem) read as bytes: the
/// base64 of the whole file, which is what the REST API article's example carries.
pub fn certificate_from_file(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn check_certificates(design: &Design, f: &mut Findings, out: &mut CheckedLists) {
    let mut names = std::collections::HashSet::new();
    for (i, cert) in design.certificates.iter().enumerate() {
        let name = cert.name.trim();
        let name_field = format!("certificates[{i}].name");
        let ok_name = !name.is_empty()
            && name.len() <= 80
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !ok_name {
            f.error(code::CERTIFICATE_NAME_INVALID, &name_field, "Give the certificate a name of letters, digits, '-', '_' or '.' (at most 80), such as testCertificate.");
        }
        // Azure compares the keys without case; a duplicate would overwrite the first.
        let duplicate = ok_name && !names.insert(name.to_ascii_lowercase());
        if duplicate {
            f.error(
                code::CERTIFICATE_NAMES_DUPLICATE,
                &name_field,
                format!("Another certificate is already named \"{name}\"; give each its own name."),
            );
        }
        let body_field = format!("certificates[{i}].publicCertificate");
        match normalise_certificate(&cert.public_certificate) {
            Err(why) => f.error(code::CERTIFICATE_BASE64_INVALID, body_field, format!("The public certificate {why}; paste the base64 of the .cer file, or the PEM text, or open the file.")),
            Ok((base64, recognised)) => {
                if !recognised {
                    f.warning(code::CERTIFICATE_NOT_RECOGNISED, body_field, "This decodes to neither a DER nor a PEM certificate; check that you pasted the public certificate (.cer), not a key.");
                }
                if ok_name && !duplicate {
                    out.certificates.push((name.to_string(), base64));
                }
            }
        }
    }
    if !design.certificates.is_empty() {
        f.info(
            code::CERTIFICATES_OUTSIDE_SPEC,
            "certificates",
            "The certificates object follows Microsoft's article on creating an ISE with the Logic Apps REST API; the published 2019-05-01 REST specification does not define it, so it is sent only because you added certificates.",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Certificate;
    use crate::findings::{Finding, Severity};

    const VNET: &str = "10.0.0.0/22";

    fn findings(design: &Design) -> Vec<Finding> {
        let mut f = Findings::default();
        check(design, &[VNET.parse().unwrap()], &mut f);
        f.0
    }

    fn codes(design: &Design) -> Vec<(&'static str, String)> {
        findings(design)
            .into_iter()
            .map(|x| (x.code, x.field))
            .collect()
    }

    fn external() -> Design {
        Design {
            access_endpoint: AccessEndpoint::External,
            connector_outbound_addresses: vec!["52.1.2.0/28".into()],
            caller_addresses: vec!["203.0.113.0/24".into(), "10.1.0.0/16".into()],
            ..Design::default()
        }
    }

    #[test]
    fn dns_and_address_lists() {
        let d = Design {
            dns_servers: vec!["10.0.0.4".into(), "10.0.0.0/24".into(), "".into()],
            ..Design::default()
        };
        assert_eq!(
            codes(&d),
            [(code::DNS_SERVER_INVALID, "dnsServers[1]".into())]
        );
        let d = Design {
            connector_outbound_addresses: vec![
                "52.1.2.3".into(),
                "52.1.2.3/28".into(),
                "nope".into(),
            ],
            ..external()
        };
        assert_eq!(
            codes(&d),
            [
                (code::CIDR_HOST_BITS, "connectorOutboundAddresses[1]".into()),
                (
                    code::ADDRESS_LIST_INVALID,
                    "connectorOutboundAddresses[2]".into()
                ),
                // 203.0.113.0/24 is documentation space, but callers only need to be real
                // hosts: no finding for them.
            ]
        );
        let mut f = Findings::default();
        assert_eq!(
            read_address_list(&["52.1.2.3".into()], "x", &mut f),
            ["52.1.2.3/32"]
        );
    }

    #[test]
    fn repeated_addresses_are_listed_once() {
        let mut f = Findings::default();
        let list = ["52.1.2.3", "52.1.2.4", "52.1.2.3/32", " 52.1.2.3 "].map(String::from);
        assert_eq!(
            read_address_list(&list, "x", &mut f),
            ["52.1.2.3/32", "52.1.2.4/32"]
        );
        let d = Design {
            dns_servers: ["10.0.0.4", "10.0.0.5", "10.0.0.4"]
                .map(String::from)
                .to_vec(),
            ..Design::default()
        };
        assert_eq!(
            check(&d, &[], &mut Findings::default()).dns_servers,
            ["10.0.0.4", "10.0.0.5"]
        );
    }

    #[test]
    fn dns_servers_are_checked_for_what_they_do() {
        let d = Design {
            dns_servers: [
                "10.0.0.4",
                "127.0.0.1",
                "0.0.0.0",
                "224.0.0.251",
                "255.255.255.255",
                "168.63.129.16",
                "8.8.8.8",
                "100.64.0.53",
            ]
            .map(String::from)
            .to_vec(),
            ..Design::default()
        };
        let got = findings(&d);
        let summary: Vec<_> = got
            .iter()
            .map(|x| (x.severity, x.code, x.field.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (Severity::Error, code::ADDRESS_NOT_USABLE, "dnsServers[1]"),
                (Severity::Error, code::ADDRESS_NOT_USABLE, "dnsServers[2]"),
                (Severity::Error, code::ADDRESS_NOT_USABLE, "dnsServers[3]"),
                (Severity::Error, code::ADDRESS_NOT_USABLE, "dnsServers[4]"),
                (
                    Severity::Info,
                    code::DNS_SERVER_AZURE_RESOLVER,
                    "dnsServers[5]"
                ),
                (Severity::Warning, code::DNS_SERVER_PUBLIC, "dnsServers[6]"),
            ]
        );
        assert!(got[0].message.contains("loopback"), "{}", got[0].message);
        assert!(got[5].message.contains("opens DNS to the Internet"));
        // Unusable servers get no rule; the others do.
        let lists = check(&d, &[], &mut Findings::default());
        assert_eq!(
            lists.dns_servers,
            ["10.0.0.4", "168.63.129.16", "8.8.8.8", "100.64.0.53"]
        );
        // A public address inside the VNet's own (public) space is not a public resolver.
        let d = Design {
            dns_servers: vec!["20.1.0.4".into()],
            ..Design::default()
        };
        let mut f = Findings::default();
        check(&d, &["20.1.0.0/24".parse().unwrap()], &mut f);
        assert!(f.0.is_empty(), "{:?}", f.0);
    }

    #[test]
    fn connector_addresses_by_endpoint() {
        let d = Design {
            connector_outbound_addresses: vec![],
            ..external()
        };
        let missing = findings(&d);
        assert_eq!(
            (missing[0].severity, missing[0].code),
            (Severity::Error, code::CONNECTOR_ADDRESSES_MISSING)
        );
        assert!(missing[0].message.contains("Properties"));
        assert!(missing[0].message.contains("Service Tags"));
        let d = Design {
            connector_outbound_addresses: vec!["52.1.2.3".into()],
            ..Design::default()
        };
        assert_eq!(codes(&d)[0].0, code::CONNECTOR_ADDRESSES_UNUSED);
    }

    #[test]
    fn connector_addresses_must_be_public() {
        let d = Design {
            connector_outbound_addresses: [
                "52.1.2.0/28",
                "0.0.0.0/0",
                "10.0.0.0/8",
                "172.16.5.0/24",
                "100.64.0.0/16",
                "127.0.0.1",
                "169.254.1.0/24",
                "224.0.0.1",
                "240.0.0.0/8",
                "8.0.0.0/6",
            ]
            .map(String::from)
            .to_vec(),
            ..external()
        };
        let got = codes(&d);
        assert_eq!(
            got[0],
            (
                code::ADDRESS_CATCH_ALL,
                "connectorOutboundAddresses[1]".into()
            )
        );
        for (i, (c, field)) in got[1..].iter().enumerate() {
            assert_eq!(*c, code::ADDRESS_NOT_PUBLIC, "{field}");
            assert_eq!(*field, format!("connectorOutboundAddresses[{}]", i + 2));
        }
        assert_eq!(got.len(), 9);
        let lists = check(&d, &[], &mut Findings::default());
        assert_eq!(lists.connector_outbound, ["52.1.2.0/28"]);
        // Only when the rule exists: an Internal ISE ignores the list (a note).
        let internal = Design {
            access_endpoint: AccessEndpoint::Internal,
            caller_addresses: vec![],
            ..d
        };
        assert_eq!(
            codes(&internal),
            [(
                code::CONNECTOR_ADDRESSES_UNUSED,
                "connectorOutboundAddresses".into()
            )]
        );
    }

    #[test]
    fn caller_addresses() {
        // Private and public callers are both fine (callers may come over a VPN).
        let lists = check(&external(), &[], &mut Findings::default());
        assert_eq!(lists.callers, ["203.0.113.0/24", "10.1.0.0/16"]);
        assert!(codes(&external()).is_empty(), "{:?}", codes(&external()));
        let d = Design {
            caller_addresses: ["0.0.0.0/0", "127.0.0.1", "52.1.1.1", "224.1.1.1"]
                .map(String::from)
                .to_vec(),
            ..external()
        };
        assert_eq!(
            codes(&d),
            [
                (code::ADDRESS_CATCH_ALL, "callerAddresses[0]".into()),
                (code::ADDRESS_NOT_USABLE, "callerAddresses[1]".into()),
                (code::ADDRESS_NOT_USABLE, "callerAddresses[3]".into()),
            ]
        );
        // None given: a note on narrowing the rule.
        let d = Design {
            caller_addresses: vec![],
            ..external()
        };
        let got = findings(&d);
        assert_eq!(
            (got[0].severity, got[0].code),
            (Severity::Info, code::HTTPS_OPEN_TO_INTERNET)
        );
        assert!(
            got[0].message.contains("request triggers") && got[0].message.contains("runs history")
        );
        // Only catch-alls given: the list is as good as empty, so the note too.
        let d = Design {
            caller_addresses: vec!["0.0.0.0/0".into()],
            ..external()
        };
        assert!(codes(&d)
            .iter()
            .any(|c| c.0 == code::HTTPS_OPEN_TO_INTERNET));
        // An Internal ISE does not use them.
        let d = Design {
            caller_addresses: vec!["52.1.1.1".into()],
            ..Design::default()
        };
        assert_eq!(
            codes(&d),
            [(code::CALLER_ADDRESSES_UNUSED, "callerAddresses".into())]
        );
    }

    #[test]
    fn government_lists_are_errors_when_missing() {
        let d = Design {
            cloud: Cloud::Government,
            ..Design::default()
        };
        let got = findings(&d);
        let missing: Vec<_> = got
            .iter()
            .filter(|c| c.code == code::GOVERNMENT_ADDRESSES_MISSING)
            .collect();
        assert_eq!(missing.len(), 3);
        assert!(missing.iter().all(|m| m.severity == Severity::Error
            && m.message.contains("Service Tags")
            && m.message.contains("Limits and configuration")));
        assert!(missing[2].message.contains("\"Connector deployment\""));
        // Present but private: still missing, and said why.
        let mut d = d;
        d.government_addresses.logic_apps_inbound = vec!["10.9.0.0/24".into()];
        d.government_addresses.logic_apps_outbound = vec!["52.244.67.64/28".into()];
        d.government_addresses.managed_connector_outbound = vec!["52.127.2.0/28".into()];
        assert_eq!(
            codes(&d),
            [
                (
                    code::ADDRESS_NOT_PUBLIC,
                    "governmentAddresses.logicAppsInbound[0]".into()
                ),
                (
                    code::GOVERNMENT_ADDRESSES_MISSING,
                    "governmentAddresses.logicAppsInbound".into()
                ),
            ]
        );
    }

    fn firewall() -> Design {
        let mut d = Design {
            forced_tunneling: ForcedTunneling::Firewall,
            ..Design::default()
        };
        d.dependency_addresses.app_service_management = vec!["13.66.140.0/26".into()];
        d.dependency_addresses.connectors = vec!["13.69.227.208/28".into()];
        d.dependency_addresses.traffic_manager = vec!["13.65.92.252".into()];
        d.dependency_addresses.logic_apps = vec!["13.95.155.53".into()];
        d
    }

    #[test]
    fn missing_dependencies_are_one_error_naming_the_lists() {
        assert!(codes(&firewall()).is_empty());
        let mut d = firewall();
        d.dependency_addresses.connectors.clear();
        d.dependency_addresses.logic_apps = vec!["nope".into()];
        let got = findings(&d);
        let missing: Vec<_> = got
            .iter()
            .filter(|x| x.code == code::DEPENDENCY_ADDRESSES_MISSING)
            .collect();
        assert_eq!(missing.len(), 1, "{got:?}");
        let m = missing[0];
        assert_eq!(
            (m.severity, m.field.as_str()),
            (Severity::Error, "dependencyAddresses")
        );
        assert!(
            m.message.contains("Azure connector addresses")
                && m.message.contains("Logic Apps inbound and outbound"),
            "{}",
            m.message
        );
        assert!(!m.message.contains("Traffic Manager"), "{}", m.message);
        assert!(m.message.contains("Service Tags file"), "{}", m.message);
        // Nothing at all: still one finding.
        let d = Design {
            forced_tunneling: ForcedTunneling::Firewall,
            ..Design::default()
        };
        assert_eq!(
            codes(&d),
            [(
                code::DEPENDENCY_ADDRESSES_MISSING,
                "dependencyAddresses".into()
            )]
        );
        // ExpressRoute needs none of them: the default route goes to the Internet.
        let d = Design {
            forced_tunneling: ForcedTunneling::ExpressRoute,
            ..Design::default()
        };
        assert!(codes(&d).is_empty());
    }

    #[test]
    fn dependency_routes_must_not_take_the_vnet_or_private_space() {
        let mut d = firewall();
        d.dependency_addresses.connectors = [
            "13.69.227.208/28",
            "0.0.0.0/0",
            "10.0.1.0/24",
            "192.168.0.0/16",
        ]
        .map(String::from)
        .to_vec();
        let mut f = Findings::default();
        // The VNet here is public space, so the overlap check stands on its own.
        let lists = check(&d, &["13.69.0.0/16".parse().unwrap()], &mut f);
        let got: Vec<_> = f.0.iter().map(|x| (x.code, x.field.as_str())).collect();
        assert_eq!(
            got,
            [
                (code::ADDRESS_CATCH_ALL, "dependencyAddresses.connectors[1]"),
                (
                    code::ADDRESS_NOT_PUBLIC,
                    "dependencyAddresses.connectors[2]"
                ),
                (
                    code::ADDRESS_NOT_PUBLIC,
                    "dependencyAddresses.connectors[3]"
                ),
                (
                    code::DEPENDENCY_ROUTE_OVERLAPS_VNET,
                    "dependencyAddresses.connectors[0]"
                ),
                (code::DEPENDENCY_ADDRESSES_MISSING, "dependencyAddresses"),
            ]
        );
        assert!(lists.dependencies[1].is_empty());
        assert!(f.0[0].message.contains("around the firewall"));
    }

    #[test]
    fn unused_dependencies_are_one_note() {
        let mut d = firewall();
        d.forced_tunneling = ForcedTunneling::None;
        let got = findings(&d);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].code, got[0].field.as_str()),
            (code::DEPENDENCY_ADDRESSES_UNUSED, "dependencyAddresses")
        );
        d.forced_tunneling = ForcedTunneling::ExpressRoute;
        let got = findings(&d);
        assert_eq!(got.len(), 1);
        assert!(got[0].message.contains("0.0.0.0/0"), "{}", got[0].message);
        // Unused lists are only read for syntax.
        d.dependency_addresses.connectors = vec!["10.0.0.0/24".into()];
        assert_eq!(codes(&d).len(), 1);
    }

    #[test]
    fn certificates() {
        let der = base64::engine::general_purpose::STANDARD.encode([0x30, 0x82, 0x01, 0x0a]);
        let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        let d = Design {
            certificates: vec![
                Certificate {
                    name: "root".into(),
                    public_certificate: der.clone(),
                },
                Certificate {
                    name: "ROOT".into(),
                    public_certificate: pem.into(),
                },
                Certificate {
                    name: "".into(),
                    public_certificate: "!!!".into(),
                },
                Certificate {
                    name: "key".into(),
                    public_certificate: "aGVsbG8=".into(),
                },
            ],
            ..Design::default()
        };
        let got: Vec<_> = codes(&d).into_iter().map(|c| c.0).collect();
        assert_eq!(
            got,
            [
                code::CERTIFICATE_NAMES_DUPLICATE,
                code::CERTIFICATE_NAME_INVALID,
                code::CERTIFICATE_BASE64_INVALID,
                code::CERTIFICATE_NOT_RECOGNISED,
                code::CERTIFICATES_OUTSIDE_SPEC
            ]
        );
        // PEM text is sent as base64 of the whole text, like the REST API article's "LS0tLS1CRUdJTiBDRV...".
        assert!(normalise_certificate(pem)
            .unwrap()
            .0
            .starts_with("LS0tLS1CRUdJTiBDRV"));
    }

    #[test]
    fn connectors() {
        let d = Design {
            managed_connectors: vec![
                "SQL".into(),
                "sql".into(),
                "my api".into(),
                "salesforce".into(),
            ],
            ..Design::default()
        };
        let got: Vec<_> = codes(&d).into_iter().map(|c| c.0).collect();
        assert_eq!(got, [code::CONNECTOR_NAME_INVALID, code::CONNECTOR_UNKNOWN]);
    }
}
