//! Checks of the design's lists: custom DNS servers, address lists (connector outbound,
//! Azure Government replacements, forced-tunneling dependencies), certificates and managed
//! connectors.

use base64::Engine;

use crate::cidr::{self, PrefixProblem};
use crate::design::{AccessEndpoint, Cloud, Design};
use crate::findings::{code, Findings};

/// The lists as the planner uses them: only valid entries, normalised to CIDR.
#[derive(Debug, Default)]
pub struct CheckedLists {
    pub dns_servers: Vec<String>,
    pub connector_outbound: Vec<String>,
    pub gov_logic_apps_inbound: Vec<String>,
    pub gov_logic_apps_outbound: Vec<String>,
    pub gov_managed_connector_outbound: Vec<String>,
    /// The dependency lists in `DependencyAddresses::lists` order.
    pub dependencies: [Vec<String>; 4],
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

/// Reads an address list at `field` (`connectorOutboundAddresses`), skipping blank entries.
pub fn read_address_list(list: &[String], field: &str, f: &mut Findings) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, typed) in list
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty())
    {
        let at = format!("{field}[{i}]");
        match cidr::parse_address_or_prefix(typed) {
            Ok(net) => out.push(net.to_string()),
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
    unique(out)
}

/// Removes repeated entries, keeping the first of each in order: Azure refuses a rule or
/// route list that names the same address twice.
pub fn unique(list: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    list.into_iter()
        .filter(|a| seen.insert(a.clone()))
        .collect()
}

/// Checks every list of the design.
pub fn check(design: &Design, f: &mut Findings) -> CheckedLists {
    let mut out = CheckedLists::default();

    for (i, typed) in design
        .dns_servers
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty())
    {
        match cidr::parse_address(typed) {
            Some(addr) => out.dns_servers.push(addr.to_string()),
            None => f.error(
                code::DNS_SERVER_INVALID,
                format!("dnsServers[{i}]"),
                format!(
                    "\"{}\" is not an IPv4 address; a DNS server is one address such as 10.0.0.4.",
                    typed.trim()
                ),
            ),
        }
    }

    out.dns_servers = unique(std::mem::take(&mut out.dns_servers));

    out.connector_outbound = read_address_list(
        &design.connector_outbound_addresses,
        "connectorOutboundAddresses",
        f,
    );
    if design.access_endpoint == AccessEndpoint::External && out.connector_outbound.is_empty() {
        f.warning(
            code::CONNECTOR_ADDRESSES_MISSING,
            "connectorOutboundAddresses",
            "An External ISE needs an inbound rule for the managed connector outbound addresses; copy them from the ISE's Properties (or Logic Apps' published list) to add it.",
        );
    }
    if design.access_endpoint == AccessEndpoint::Internal && !out.connector_outbound.is_empty() {
        f.info(code::CONNECTOR_ADDRESSES_UNUSED, "connectorOutboundAddresses", "Connector outbound addresses are used only by an External ISE's extra inbound rule; they are ignored for an Internal ISE.");
    }

    let gov = &design.government_addresses;
    out.gov_logic_apps_inbound = read_address_list(
        &gov.logic_apps_inbound,
        "governmentAddresses.logicAppsInbound",
        f,
    );
    out.gov_logic_apps_outbound = read_address_list(
        &gov.logic_apps_outbound,
        "governmentAddresses.logicAppsOutbound",
        f,
    );
    out.gov_managed_connector_outbound = read_address_list(
        &gov.managed_connector_outbound,
        "governmentAddresses.managedConnectorOutbound",
        f,
    );
    if design.cloud == Cloud::Government {
        let needs = [
            (&out.gov_logic_apps_inbound, "governmentAddresses.logicAppsInbound", "Logic Apps inbound addresses for Azure Government (they replace LogicAppsManagement and, with the outbound ones, LogicApps)"),
            (&out.gov_logic_apps_outbound, "governmentAddresses.logicAppsOutbound", "Logic Apps outbound addresses for Azure Government (with the inbound ones, they replace LogicApps)"),
            (&out.gov_managed_connector_outbound, "governmentAddresses.managedConnectorOutbound", "managed connector outbound addresses for Azure Government (they replace AzureConnectors)"),
        ];
        for (list, field, what) in needs {
            if list.is_empty() {
                f.warning(code::GOVERNMENT_ADDRESSES_MISSING, field, format!("In Azure Government the service tag does not work; enter the {what}, or the NSG lacks that rule."));
            }
        }
    }

    for (slot, (name, what, list)) in design.dependency_addresses.lists().into_iter().enumerate() {
        let field = format!("dependencyAddresses.{name}");
        let valid = read_address_list(list, &field, f);
        if design.forced_tunneling.is_on() && valid.is_empty() {
            f.warning(code::DEPENDENCY_ADDRESSES_MISSING, &field, format!("Forced tunneling needs a route to the Internet for each of the {what}; enter them or import Azure's Service Tags file, or the ISE deployment fails."));
        }
        if !design.forced_tunneling.is_on() && !valid.is_empty() {
            f.info(code::DEPENDENCY_ADDRESSES_UNUSED, &field, format!("The {what} need routes only with forced tunneling, which is off; they are ignored."));
        }
        if let Some(s) = out.dependencies.get_mut(slot) {
            *s = valid;
        }
    }

    check_certificates(design, f, &mut out);

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
    out
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

    fn codes(design: &Design) -> Vec<(&'static str, String)> {
        let mut f = Findings::default();
        check(design, &mut f);
        f.0.into_iter().map(|x| (x.code, x.field)).collect()
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
            access_endpoint: AccessEndpoint::External,
            ..Design::default()
        };
        assert_eq!(
            codes(&d),
            [
                (code::CIDR_HOST_BITS, "connectorOutboundAddresses[1]".into()),
                (
                    code::ADDRESS_LIST_INVALID,
                    "connectorOutboundAddresses[2]".into()
                )
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
            check(&d, &mut Findings::default()).dns_servers,
            ["10.0.0.4", "10.0.0.5"]
        );
    }

    #[test]
    fn connector_addresses_by_endpoint() {
        let d = Design {
            access_endpoint: AccessEndpoint::External,
            ..Design::default()
        };
        assert_eq!(codes(&d)[0].0, code::CONNECTOR_ADDRESSES_MISSING);
        let d = Design {
            connector_outbound_addresses: vec!["52.1.2.3".into()],
            ..Design::default()
        };
        assert_eq!(codes(&d)[0].0, code::CONNECTOR_ADDRESSES_UNUSED);
    }

    #[test]
    fn government_and_dependencies() {
        let d = Design {
            cloud: Cloud::Government,
            ..Design::default()
        };
        assert_eq!(
            codes(&d)
                .iter()
                .filter(|c| c.0 == code::GOVERNMENT_ADDRESSES_MISSING)
                .count(),
            3
        );
        let d = Design {
            forced_tunneling: crate::design::ForcedTunneling::ExpressRoute,
            ..Design::default()
        };
        assert_eq!(
            codes(&d)
                .iter()
                .filter(|c| c.0 == code::DEPENDENCY_ADDRESSES_MISSING)
                .count(),
            4
        );
        let mut d = Design::default();
        d.dependency_addresses.traffic_manager = vec!["40.68.30.66".into()];
        assert_eq!(
            codes(&d),
            [(
                code::DEPENDENCY_ADDRESSES_UNUSED,
                "dependencyAddresses.trafficManager".into()
            )]
        );
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
