//! The flags → the design: the design file first, then `--import-vnet`, then every flag
//! over what they gave, `--service-tags`, and last the address lists given as flags.

use base64::Engine as _;
use ise_planner::design::{
    default_subnets, AccessEndpoint, Certificate, Cloud, Deployment, Design, ExistingSubnet,
    ForcedTunneling, Hosting, NextHop, Sku, StandardSubnetSpec, SubnetSpec, TypedNumber,
};

use crate::args::{Access, Args, CloudArg, Deploy, Hop, HostingArg, SkuArg, Tunnel};
use crate::input::{import_service_tags, import_vnet, read_design, read_file_bytes, Usage};

/// The design the flags describe.
pub fn effective_design(args: &Args) -> Result<Design, Usage> {
    let stdin_users = [&args.design, &args.import_vnet, &args.service_tags]
        .iter()
        .filter(|a| a.as_deref() == Some("-"))
        .count();
    if stdin_users > 1 {
        return Err(Usage(
            "only one of --design, --import-vnet and --service-tags can read stdin (-); give the others as files".into(),
        ));
    }
    let mut d = match &args.design {
        Some(path) => read_design(path)?,
        None => Design::default(),
    };
    if let Some(path) = &args.import_vnet {
        import_vnet(path, &mut d)?;
    }
    environment(args, &mut d);
    network(args, &mut d)?;
    access(args, &mut d);
    forced_tunneling(args, &mut d)?;
    after_creation(args, &mut d)?;
    standard(args, &mut d);
    // The region and cloud chosen above decide which tags are read.
    if let Some(path) = &args.service_tags {
        import_service_tags(path, &mut d)?;
    }
    // Addresses given as flags override what the Service Tags file filled.
    address_lists(args, &mut d);
    Ok(d)
}

/// `target = value` when the flag was given.
fn set<T: Clone>(target: &mut T, value: &Option<T>) {
    if let Some(v) = value {
        *target = v.clone();
    }
}

/// A repeatable flag replaces the list when given; given only as `''`, it empties it.
fn set_list(target: &mut Vec<String>, values: &[String]) {
    if !values.is_empty() {
        *target = values
            .iter()
            .filter(|v| !v.trim().is_empty())
            .cloned()
            .collect();
    }
}

/// Subscription, names, region, SKU, capacity, endpoint, cloud, deployment.
fn environment(args: &Args, d: &mut Design) {
    set(&mut d.subscription_id, &args.subscription);
    set(&mut d.resource_group, &args.resource_group);
    set(&mut d.name, &args.name);
    set(&mut d.location, &args.location);
    if let Some(s) = args.sku {
        d.sku = match s {
            SkuArg::Premium => Sku::Premium,
            SkuArg::Developer => Sku::Developer,
        };
    }
    if let Some(c) = args.capacity {
        d.additional_capacity = c.into();
    }
    if let Some(a) = args.access {
        d.access_endpoint = match a {
            Access::Internal => AccessEndpoint::Internal,
            Access::External => AccessEndpoint::External,
        };
    }
    if let Some(c) = args.cloud {
        d.cloud = match c {
            CloudArg::Public => Cloud::Public,
            CloudArg::Government => Cloud::Government,
        };
    }
    if let Some(dep) = args.deploy {
        d.deployment = match dep {
            Deploy::Portal => Deployment::Portal,
            Deploy::Rest => Deployment::Rest,
        };
    }
}

/// The virtual network: name, resource group, new or existing, prefixes, subnets, DNS.
fn network(args: &Args, d: &mut Design) -> Result<(), Usage> {
    set(&mut d.vnet.name, &args.vnet_name);
    set(&mut d.vnet.resource_group, &args.vnet_resource_group);
    set(&mut d.vnet.is_new, &args.new_vnet);
    set_list(&mut d.vnet.address_prefixes, &args.vnet_prefix);
    if !args.existing_subnet.is_empty() {
        d.vnet.existing_subnets = args
            .existing_subnet
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| existing(s))
            .collect();
    }
    if !args.subnet.is_empty() {
        d.subnets = subnets(&args.subnet)?;
    }
    set_list(&mut d.dns_servers, &args.dns_server);
    Ok(())
}

/// Who reaches the ISE: connector and caller addresses, the load-balancer rule, an NVA.
fn access(args: &Args, d: &mut Design) {
    set_list(&mut d.connector_outbound_addresses, &args.connector_address);
    set_list(&mut d.caller_addresses, &args.caller_address);
    set(&mut d.allow_load_balancer_rule, &args.load_balancer_rule);
    set(
        &mut d.network_virtual_appliance,
        &args.network_virtual_appliance,
    );
}

/// The forced-tunneling mode and the firewall's next hop.
fn forced_tunneling(args: &Args, d: &mut Design) -> Result<(), Usage> {
    if let Some(mode) = args.forced_tunneling {
        d.forced_tunneling = match mode {
            Tunnel::ExpressRoute => ForcedTunneling::ExpressRoute,
            Tunnel::Firewall => ForcedTunneling::Firewall,
            Tunnel::None => ForcedTunneling::None,
        };
    }
    if args.firewall_ip.is_some() && args.firewall_next_hop == Some(Hop::Gateway) {
        return Err(Usage("--firewall-ip is the appliance's address; it cannot go with --firewall-next-hop gateway (the gateway needs no address)".into()));
    }
    if let Some(ip) = &args.firewall_ip {
        d.firewall.next_hop = NextHop::VirtualAppliance;
        d.firewall.appliance_ip = ip.clone();
    }
    if let Some(hop) = args.firewall_next_hop {
        d.firewall.next_hop = match hop {
            Hop::Appliance => NextHop::VirtualAppliance,
            Hop::Gateway => NextHop::VirtualNetworkGateway,
        };
    }
    Ok(())
}

/// The dependency and Azure Government address lists.
fn address_lists(args: &Args, d: &mut Design) {
    let dep = &mut d.dependency_addresses;
    set_list(
        &mut dep.app_service_management,
        &args.dependency_app_service_management,
    );
    set_list(&mut dep.connectors, &args.dependency_connectors);
    set_list(&mut dep.traffic_manager, &args.dependency_traffic_manager);
    set_list(&mut dep.logic_apps, &args.dependency_logic_apps);
    let gov = &mut d.government_addresses;
    set_list(
        &mut gov.logic_apps_inbound,
        &args.government_logic_apps_inbound,
    );
    set_list(
        &mut gov.logic_apps_outbound,
        &args.government_logic_apps_outbound,
    );
    set_list(
        &mut gov.managed_connector_outbound,
        &args.government_connector_outbound,
    );
}

/// The Logic Apps Standard inputs: hosting, sizes, reuse, names, new or existing, subnets.
fn standard(args: &Args, d: &mut Design) {
    let s = &mut d.standard;
    if let Some(h) = args.hosting {
        s.hosting = match h {
            HostingArg::WorkflowStandard => Hosting::WorkflowStandard,
            HostingArg::AppServiceEnvironment => Hosting::AppServiceEnvironment,
        };
    }
    if let Some(size) = &args.integration_subnet_size {
        s.integration_subnet_size = TypedNumber(size.clone());
    }
    if let Some(size) = &args.ase_subnet_size {
        s.ase_subnet_size = TypedNumber(size.clone());
    }
    set(&mut s.reuse_ise_space, &args.reuse_ise_space);
    set(&mut s.logic_app.name, &args.logic_app);
    set(&mut s.logic_app.is_new, &args.new_logic_app);
    set(&mut s.storage_account.name, &args.storage_account);
    set(&mut s.storage_account.is_new, &args.new_storage_account);
    set(&mut s.plan_name, &args.plan_name);
    set(&mut s.ase_name, &args.ase_name);
    for (spec, flag) in [
        (&mut s.integration_subnet, &args.integration_subnet),
        (
            &mut s.private_endpoint_subnet,
            &args.private_endpoint_subnet,
        ),
        (&mut s.ase_subnet, &args.ase_subnet),
    ] {
        if let Some(flag) = flag {
            standard_subnet(spec, flag);
        }
    }
}

/// A Standard subnet from `NAME` (its name only), `NAME=CIDR` (pinned) or `NAME=` (allocated).
fn standard_subnet(spec: &mut StandardSubnetSpec, flag: &str) {
    match flag.split_once('=') {
        Some((name, prefix)) => {
            spec.name = name.to_string();
            spec.prefix = prefix.to_string();
        }
        None => spec.name = flag.to_string(),
    }
}

/// Managed connectors and certificates.
fn after_creation(args: &Args, d: &mut Design) -> Result<(), Usage> {
    set_list(&mut d.managed_connectors, &args.connector);
    if !args.certificate.is_empty() {
        d.certificates = args
            .certificate
            .iter()
            .filter(|c| !c.trim().is_empty())
            .map(|c| certificate(c))
            .collect::<Result<_, _>>()?;
    }
    Ok(())
}

/// A certificate from `--certificate NAME=BASE64` or `NAME=@FILE`: a PEM file gives the
/// base64 between its lines; any other file is encoded whole (a DER `.cer`).
fn certificate(flag: &str) -> Result<Certificate, Usage> {
    let (name, value) = flag.split_once('=').ok_or_else(|| {
        Usage(format!(
            "--certificate {flag:?} should be NAME=BASE64 or NAME=@FILE, for example --certificate root=@root.cer"
        ))
    })?;
    let public_certificate = match value.strip_prefix('@') {
        None => value.to_string(),
        Some(path) => {
            let bytes = read_file_bytes(path, "certificate file")?;
            match std::str::from_utf8(&bytes) {
                Ok(text) if text.contains("-----BEGIN CERTIFICATE-----") => text
                    .lines()
                    .skip_while(|l| !l.starts_with("-----BEGIN CERTIFICATE-----"))
                    .skip(1)
                    .take_while(|l| !l.starts_with("-----END"))
                    .map(str::trim)
                    .collect(),
                _ => base64::engine::general_purpose::STANDARD.encode(&bytes),
            }
        }
    };
    Ok(Certificate {
        name: name.to_string(),
        public_certificate,
    })
}

/// An existing subnet from `--existing-subnet`: `10.0.0.0/24`, or `web=10.0.0.0/24` with
/// its name.
fn existing(flag: &str) -> ExistingSubnet {
    match flag.split_once('=') {
        Some((name, prefix)) => ExistingSubnet {
            name: name.to_string(),
            prefix: prefix.to_string(),
            ..ExistingSubnet::default()
        },
        None => flag.into(),
    }
}

/// The ISE subnets from `--subnet NAME=CIDR` flags, filled up to four with unpinned
/// subnets under the default names not already taken.
fn subnets(flags: &[String]) -> Result<Vec<SubnetSpec>, Usage> {
    if flags.len() > 4 {
        return Err(Usage(format!(
            "--subnet was given {} times; an ISE has exactly four subnets",
            flags.len()
        )));
    }
    let mut specs = Vec::new();
    for flag in flags {
        let (name, prefix) = flag.split_once('=').ok_or_else(|| {
            Usage(format!(
                "--subnet {flag:?} should be NAME=CIDR, for example --subnet ise-1=10.0.0.0/27"
            ))
        })?;
        specs.push(SubnetSpec {
            name: name.to_string(),
            prefix: prefix.to_string(),
            ..SubnetSpec::default()
        });
    }
    for default in default_subnets() {
        if specs.len() == 4 {
            break;
        }
        if !specs
            .iter()
            .any(|s| s.name.eq_ignore_ascii_case(&default.name))
        {
            specs.push(default);
        }
    }
    Ok(specs)
}
