//! Reads a design from a JSON value by hand: the same answers as the derived `Deserialize`
//! of `design.rs` (a property test below holds it to them), in a fraction of the WebAssembly
//! the derived code costs the page's first load — and each refusal names its field.

use serde_json::Value;

use crate::design::{
    AccessEndpoint, Certificate, Cloud, DependencyAddresses, Deployment, Design, ExistingSubnet,
    Firewall, ForcedTunneling, GovernmentAddresses, Hosting, NextHop, Resource, Sku,
    StandardDesign, StandardSubnetSpec, SubnetSpec, TypedNumber, View, VirtualNetwork,
    DESIGN_VERSION,
};

/// Why a value is not of its field's type: the field's path and what was expected.
type Read<T> = Result<T, String>;

/// What a value is, in words.
fn found(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn expected(path: &str, what: &str, v: &Value) -> String {
    format!("{path} should be {what}, not {}", found(v))
}

fn string(v: &Value, path: &str) -> Read<String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| expected(path, "text", v))
}

fn boolean(v: &Value, path: &str) -> Read<bool> {
    v.as_bool()
        .ok_or_else(|| expected(path, "true or false", v))
}

/// A list whose every entry `item` reads (with the entry's path).
fn list<T>(v: &Value, path: &str, item: impl Fn(&Value, &str) -> Read<T>) -> Read<Vec<T>> {
    let Value::Array(items) = v else {
        return Err(expected(path, "a list", v));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, x)| item(x, &format!("{path}[{i}]")))
        .collect()
}

/// A list of texts.
pub fn strings(v: &Value, path: &str) -> Read<Vec<String>> {
    list(v, path, string)
}

/// The values of a struct's fields, by name: from an object (other keys ignored) or, as the
/// derived reader also takes them, from a list in field order (missing ones at the end
/// keep their defaults).
fn fields<'a, const N: usize>(
    v: &'a Value,
    path: &str,
    names: [&str; N],
) -> Read<[Option<&'a Value>; N]> {
    match v {
        Value::Object(map) => Ok(names.map(|n| map.get(n))),
        Value::Array(items) if items.len() <= N => {
            let mut out = [None; N];
            for (slot, item) in out.iter_mut().zip(items) {
                *slot = Some(item);
            }
            Ok(out)
        }
        Value::Array(items) => Err(format!(
            "{path} should be an object, not a list of {} values",
            items.len()
        )),
        _ => Err(expected(path, "an object", v)),
    }
}

/// Reads field `value` (when present) into `slot`.
fn set<T>(
    slot: &mut T,
    value: Option<&Value>,
    path: &str,
    name: &str,
    read: impl Fn(&Value, &str) -> Read<T>,
) -> Read<()> {
    if let Some(v) = value {
        *slot = read(v, &format!("{path}.{name}"))?;
    }
    Ok(())
}

/// A choice among named variants: the name as text, or (as the derived reader also takes
/// it) an object with the name as its one key and null as its value.
fn choice<T: Copy>(v: &Value, path: &str, variants: &[(&str, T)]) -> Read<T> {
    let name = match v {
        Value::String(s) => Some(s.as_str()),
        Value::Object(map) if map.len() == 1 => map
            .iter()
            .next()
            .filter(|(_, inner)| inner.is_null())
            .map(|(k, _)| k.as_str()),
        _ => None,
    };
    name.and_then(|n| variants.iter().find(|(k, _)| *k == n).map(|(_, t)| *t))
        .ok_or_else(|| {
            let names: Vec<&str> = variants.iter().map(|(k, _)| *k).collect();
            expected(path, &format!("one of {}", names.join(", ")), v)
        })
}

fn sku(v: &Value, path: &str) -> Read<Sku> {
    use Sku::*;
    choice(
        v,
        path,
        &[
            ("Premium", Premium),
            ("premium", Premium),
            ("Developer", Developer),
            ("developer", Developer),
        ],
    )
}

fn access_endpoint(v: &Value, path: &str) -> Read<AccessEndpoint> {
    use AccessEndpoint::*;
    choice(
        v,
        path,
        &[
            ("Internal", Internal),
            ("internal", Internal),
            ("External", External),
            ("external", External),
        ],
    )
}

fn deployment(v: &Value, path: &str) -> Read<Deployment> {
    use Deployment::*;
    choice(
        v,
        path,
        &[
            ("portal", Portal),
            ("rest", Rest),
            ("arm", Rest),
            ("powershell", Rest),
        ],
    )
}

fn cloud(v: &Value, path: &str) -> Read<Cloud> {
    use Cloud::*;
    choice(
        v,
        path,
        &[
            ("public", Public),
            ("government", Government),
            ("china", China),
        ],
    )
}

fn forced_tunneling(v: &Value, path: &str) -> Read<ForcedTunneling> {
    use ForcedTunneling::*;
    choice(
        v,
        path,
        &[
            ("none", None),
            ("expressRoute", ExpressRoute),
            ("expressroute", ExpressRoute),
            ("ExpressRoute", ExpressRoute),
            ("firewall", Firewall),
            ("Firewall", Firewall),
        ],
    )
}

fn next_hop(v: &Value, path: &str) -> Read<NextHop> {
    use NextHop::*;
    choice(
        v,
        path,
        &[
            ("VirtualAppliance", VirtualAppliance),
            ("VirtualNetworkGateway", VirtualNetworkGateway),
        ],
    )
}

fn view(v: &Value, path: &str) -> Read<View> {
    choice(v, path, &[("ise", View::Ise), ("standard", View::Standard)])
}

fn hosting(v: &Value, path: &str) -> Read<Hosting> {
    use Hosting::*;
    choice(
        v,
        path,
        &[
            ("workflowStandard", WorkflowStandard),
            ("appServiceEnvironment", AppServiceEnvironment),
        ],
    )
}

/// A number as typed: a whole number's digits, another number as Rust writes it, text as it
/// is, null as nothing.
fn typed_number(v: &Value, path: &str) -> Read<TypedNumber> {
    Ok(TypedNumber(match v {
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (None, Some(u), _) => float_text(u as f64),
            (None, None, Some(x)) => float_text(x),
            _ => return Err(expected(path, "a number or text", v)),
        },
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        _ => return Err(expected(path, "a number or text", v)),
    }))
}

/// `x` as Rust's `Display` writes it (`2.5`, `1000`, `0.0000001`, `-0`): the shortest digits
/// that read back as `x`, never with an exponent (where two shortest forms are equally near
/// `x`, the last digit may be the other one). Built on serde_json's formatting, which
/// the page has anyway, instead of the standard library's float formatting, which it would
/// otherwise carry only for this.
pub(crate) fn float_text(x: f64) -> String {
    let Some(n) = serde_json::Number::from_f64(x) else {
        return String::new();
    };
    let text = n.to_string();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // All the significant digits, and where the decimal point goes among them.
    let digits: String = format!("{whole}{fraction}");
    let point = whole.len() as i64 + exponent;
    let trimmed = digits.trim_start_matches('0');
    let point = point - (digits.len() - trimmed.len()) as i64;
    let digits = trimmed.trim_end_matches('0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits);
    } else if point as usize >= digits.len() {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        let (a, b) = digits.split_at(point as usize);
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    }
    out
}

/// An existing subnet: its prefix as text (as version 1 wrote it), or an object.
fn existing_subnet(v: &Value, path: &str) -> Read<ExistingSubnet> {
    if let Value::String(prefix) = v {
        return Ok(ExistingSubnet::from(prefix.as_str()));
    }
    let f = fields(v, path, ["name", "prefix", "iseSubnet", "delegations"])
        .map_err(|_| expected(path, "a prefix or an object", v))?;
    let mut s = ExistingSubnet::default();
    set(&mut s.name, f[0], path, "name", string)?;
    set(&mut s.prefix, f[1], path, "prefix", string)?;
    set(&mut s.ise_subnet, f[2], path, "iseSubnet", boolean)?;
    set(&mut s.delegations, f[3], path, "delegations", strings)?;
    Ok(s)
}

fn vnet(v: &Value, path: &str) -> Read<VirtualNetwork> {
    let f = fields(
        v,
        path,
        [
            "name",
            "resourceGroup",
            "addressPrefixes",
            "existingSubnets",
            "isNew",
        ],
    )?;
    let mut n = VirtualNetwork::default();
    set(&mut n.name, f[0], path, "name", string)?;
    set(&mut n.resource_group, f[1], path, "resourceGroup", string)?;
    set(
        &mut n.address_prefixes,
        f[2],
        path,
        "addressPrefixes",
        strings,
    )?;
    set(
        &mut n.existing_subnets,
        f[3],
        path,
        "existingSubnets",
        |v, p| list(v, p, existing_subnet),
    )?;
    set(&mut n.is_new, f[4], path, "isNew", boolean)?;
    Ok(n)
}

fn subnet(v: &Value, path: &str) -> Read<SubnetSpec> {
    let f = fields(v, path, ["name", "prefix", "placed"])?;
    let mut s = SubnetSpec::default();
    set(&mut s.name, f[0], path, "name", string)?;
    set(&mut s.prefix, f[1], path, "prefix", string)?;
    set(&mut s.placed, f[2], path, "placed", string)?;
    Ok(s)
}

fn certificate(v: &Value, path: &str) -> Read<Certificate> {
    let f = fields(v, path, ["name", "publicCertificate"])?;
    let mut c = Certificate::default();
    set(&mut c.name, f[0], path, "name", string)?;
    set(
        &mut c.public_certificate,
        f[1],
        path,
        "publicCertificate",
        string,
    )?;
    Ok(c)
}

fn firewall(v: &Value, path: &str) -> Read<Firewall> {
    let f = fields(v, path, ["nextHop", "applianceIp"])?;
    let mut w = Firewall::default();
    set(&mut w.next_hop, f[0], path, "nextHop", next_hop)?;
    set(&mut w.appliance_ip, f[1], path, "applianceIp", string)?;
    Ok(w)
}

/// Azure Government's replacement addresses (also the page's reading of the Service Tags
/// import's answer).
pub fn government_addresses(v: &Value, path: &str) -> Read<GovernmentAddresses> {
    let f = fields(
        v,
        path,
        [
            "logicAppsInbound",
            "logicAppsOutbound",
            "managedConnectorOutbound",
        ],
    )?;
    let mut g = GovernmentAddresses::default();
    set(
        &mut g.logic_apps_inbound,
        f[0],
        path,
        "logicAppsInbound",
        strings,
    )?;
    set(
        &mut g.logic_apps_outbound,
        f[1],
        path,
        "logicAppsOutbound",
        strings,
    )?;
    set(
        &mut g.managed_connector_outbound,
        f[2],
        path,
        "managedConnectorOutbound",
        strings,
    )?;
    Ok(g)
}

/// The dependency addresses forced tunneling through a firewall routes to the Internet
/// (also the page's reading of the Service Tags import's answer).
pub fn dependency_addresses(v: &Value, path: &str) -> Read<DependencyAddresses> {
    let f = fields(
        v,
        path,
        [
            "appServiceManagement",
            "connectors",
            "trafficManager",
            "logicApps",
        ],
    )?;
    let mut d = DependencyAddresses::default();
    set(
        &mut d.app_service_management,
        f[0],
        path,
        "appServiceManagement",
        strings,
    )?;
    set(&mut d.connectors, f[1], path, "connectors", strings)?;
    set(
        &mut d.traffic_manager,
        f[2],
        path,
        "trafficManager",
        strings,
    )?;
    set(&mut d.logic_apps, f[3], path, "logicApps", strings)?;
    Ok(d)
}

fn resource(v: &Value, path: &str) -> Read<Resource> {
    let f = fields(v, path, ["name", "isNew"])?;
    let mut r = Resource::default();
    set(&mut r.name, f[0], path, "name", string)?;
    set(&mut r.is_new, f[1], path, "isNew", boolean)?;
    Ok(r)
}

fn standard_subnet(v: &Value, path: &str) -> Read<StandardSubnetSpec> {
    let f = fields(v, path, ["name", "prefix"])?;
    let mut s = StandardSubnetSpec::default();
    set(&mut s.name, f[0], path, "name", string)?;
    set(&mut s.prefix, f[1], path, "prefix", string)?;
    Ok(s)
}

/// The Logic Apps Standard network's inputs, in field order.
const STANDARD_FIELDS: [&str; 11] = [
    "hosting",
    "integrationSubnetSize",
    "aseSubnetSize",
    "reuseIseSpace",
    "logicApp",
    "storageAccount",
    "planName",
    "aseName",
    "integrationSubnet",
    "privateEndpointSubnet",
    "aseSubnet",
];

/// The Logic Apps Standard network's inputs; missing fields keep their defaults.
pub fn standard(v: &Value, path: &str) -> Read<StandardDesign> {
    let f = fields(v, path, STANDARD_FIELDS)?;
    let mut s = StandardDesign::default();
    let n = |i: usize| STANDARD_FIELDS[i];
    set(&mut s.hosting, f[0], path, n(0), hosting)?;
    set(
        &mut s.integration_subnet_size,
        f[1],
        path,
        n(1),
        typed_number,
    )?;
    set(&mut s.ase_subnet_size, f[2], path, n(2), typed_number)?;
    set(&mut s.reuse_ise_space, f[3], path, n(3), boolean)?;
    set(&mut s.logic_app, f[4], path, n(4), resource)?;
    set(&mut s.storage_account, f[5], path, n(5), resource)?;
    set(&mut s.plan_name, f[6], path, n(6), string)?;
    set(&mut s.ase_name, f[7], path, n(7), string)?;
    set(&mut s.integration_subnet, f[8], path, n(8), standard_subnet)?;
    set(
        &mut s.private_endpoint_subnet,
        f[9],
        path,
        n(9),
        standard_subnet,
    )?;
    set(&mut s.ase_subnet, f[10], path, n(10), standard_subnet)?;
    Ok(s)
}

/// The design's fields, in the order [`design`] reads them.
const DESIGN_FIELDS: [&str; 24] = [
    "subscriptionId",
    "resourceGroup",
    "name",
    "location",
    "sku",
    "additionalCapacity",
    "accessEndpoint",
    "deployment",
    "cloud",
    "vnet",
    "subnets",
    "forcedTunneling",
    "firewall",
    "dnsServers",
    "networkVirtualAppliance",
    "certificates",
    "connectorOutboundAddresses",
    "callerAddresses",
    "governmentAddresses",
    "dependencyAddresses",
    "managedConnectors",
    "allowLoadBalancerRule",
    "view",
    "standard",
];

/// The fields of a design object, by their place in [`DESIGN_FIELDS`].
type DesignFields<'a> = [Option<&'a Value>; DESIGN_FIELDS.len()];

/// Reads field `$i` when it is there, with its path as findings name it (`vnet.isNew`).
macro_rules! read {
    ($f:ident, $i:expr, $field:expr, $read:expr) => {
        if let Some(v) = $f[$i] {
            $field = $read(v, DESIGN_FIELDS[$i])?;
        }
    };
}

/// The design in a JSON object whose version `Design::from_value` has checked; fields left
/// out keep their defaults, unknown fields are ignored.
pub(crate) fn design(v: &Value) -> Read<Design> {
    let f = fields(v, "the design", DESIGN_FIELDS)?;
    let mut d = Design {
        version: DESIGN_VERSION,
        ..Design::default()
    };
    read_environment(&f, &mut d)?;
    read_network(&f, &mut d)?;
    read_lists(&f, &mut d)?;
    read!(f, 22, d.view, view);
    read!(f, 23, d.standard, standard);
    Ok(d)
}

/// The ISE itself: subscription, names, region, SKU, endpoint, deployment, cloud.
fn read_environment(f: &DesignFields<'_>, d: &mut Design) -> Read<()> {
    read!(f, 0, d.subscription_id, string);
    read!(f, 1, d.resource_group, string);
    read!(f, 2, d.name, string);
    read!(f, 3, d.location, string);
    read!(f, 4, d.sku, sku);
    read!(f, 5, d.additional_capacity, typed_number);
    read!(f, 6, d.access_endpoint, access_endpoint);
    read!(f, 7, d.deployment, deployment);
    read!(f, 8, d.cloud, cloud);
    Ok(())
}

/// The network: VNet, subnets, forced tunneling, firewall, DNS, appliance.
fn read_network(f: &DesignFields<'_>, d: &mut Design) -> Read<()> {
    read!(f, 9, d.vnet, vnet);
    read!(f, 10, d.subnets, |v, p: &str| list(v, p, subnet));
    read!(f, 11, d.forced_tunneling, forced_tunneling);
    read!(f, 12, d.firewall, firewall);
    read!(f, 13, d.dns_servers, strings);
    read!(f, 14, d.network_virtual_appliance, boolean);
    Ok(())
}

/// Certificates, address lists, managed connectors, the load-balancer rule.
fn read_lists(f: &DesignFields<'_>, d: &mut Design) -> Read<()> {
    read!(f, 15, d.certificates, |v, p: &str| list(v, p, certificate));
    read!(f, 16, d.connector_outbound_addresses, strings);
    read!(f, 17, d.caller_addresses, strings);
    read!(f, 18, d.government_addresses, government_addresses);
    read!(f, 19, d.dependency_addresses, dependency_addresses);
    read!(f, 20, d.managed_connectors, strings);
    read!(f, 21, d.allow_load_balancer_rule, boolean);
    Ok(())
}

/// A part of the design this module reads by hand, for the lenient loader (`design/load.rs`),
/// which tries fields and list entries one at a time.
pub(crate) trait HandRead: Sized {
    fn read(v: &Value, path: &str) -> Read<Self>;
}

impl HandRead for String {
    fn read(v: &Value, path: &str) -> Read<String> {
        string(v, path)
    }
}

impl HandRead for Design {
    fn read(v: &Value, _path: &str) -> Read<Design> {
        design(v)
    }
}

macro_rules! hand_read {
    ($($t:ty => $f:ident),* $(,)?) => {
        $(impl HandRead for $t {
            fn read(v: &Value, path: &str) -> Read<$t> {
                $f(v, path)
            }
        })*
    };
}

hand_read! {
    VirtualNetwork => vnet,
    ExistingSubnet => existing_subnet,
    SubnetSpec => subnet,
    Certificate => certificate,
    Firewall => firewall,
    GovernmentAddresses => government_addresses,
    DependencyAddresses => dependency_addresses,
    StandardDesign => standard,
    Resource => resource,
    StandardSubnetSpec => standard_subnet,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use serde::Deserialize;

    /// What the derived reader makes of a design object (the reference this reader follows).
    fn derived(v: &Value) -> Result<Design, String> {
        Design::deserialize(v).map_err(|e| e.to_string())
    }

    fn ours(v: &Value) -> Result<Design, String> {
        design(v)
    }

    fn agree(v: &Value) {
        match (derived(v), ours(v)) {
            (Ok(mut a), Ok(b)) => {
                // A float's text may differ in a tie's last digit (see `float_text`).
                let (x, y) = (&a.additional_capacity.0, &b.additional_capacity.0);
                if x != y && x.parse::<f64>().ok() == y.parse::<f64>().ok() {
                    a.additional_capacity = b.additional_capacity.clone();
                }
                assert_eq!(a, b, "{v}")
            }
            (Err(_), Err(_)) => {}
            (a, b) => panic!("derived {a:?}, hand-written {b:?} for {v}"),
        }
    }

    #[test]
    fn float_text_is_rusts_display() {
        for x in [
            0.0,
            -0.0,
            1.0,
            2.5,
            -2.5,
            0.1,
            1e-7,
            1.5e-7,
            123456.789,
            1e15,
            1e16,
            1e21,
            1e300,
            -1e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            18446744073709551615u64 as f64,
            9007199254740993.0,
        ] {
            assert_eq!(float_text(x), x.to_string(), "{x:e}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// For any float: Rust's digits and layout, reading back as the same float. Only
        /// where two shortest forms are equally near (`…357.25` written with 17 digits) may
        /// the last digit differ: serde_json breaks such ties to even, Rust upward.
        #[test]
        fn float_text_is_rusts_display_for_any_float(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let (ours, rusts) = (float_text(x), x.to_string());
            prop_assert_eq!(ours.parse::<f64>().unwrap().to_bits(), x.to_bits(), "{}", ours);
            prop_assert_eq!(ours.len(), rusts.len(), "{} {}", ours, rusts);
            let common = ours.len() - 1;
            prop_assert_eq!(&ours[..common], &rusts[..common]);
        }
    }

    #[test]
    fn each_field_and_shape_agrees_with_the_derived_reader() {
        let samples = [
            r#"{}"#,
            r#"{"sku":"developer","accessEndpoint":"External","deployment":"arm","cloud":"government"}"#,
            r#"{"sku":{"Developer":null}}"#,
            r#"{"sku":{"Developer":1}}"#,
            r#"{"sku":"PREMIUM"}"#,
            r#"{"forcedTunneling":"ExpressRoute","firewall":{"nextHop":"VirtualNetworkGateway"}}"#,
            r#"{"forcedTunneling":true}"#,
            r#"{"additionalCapacity":3}"#,
            r#"{"additionalCapacity":-3}"#,
            r#"{"additionalCapacity":2.5}"#,
            r#"{"additionalCapacity":1e1}"#,
            r#"{"additionalCapacity":18446744073709551615}"#,
            r#"{"additionalCapacity":"x"}"#,
            r#"{"additionalCapacity":null}"#,
            r#"{"additionalCapacity":true}"#,
            r#"{"additionalCapacity":[]}"#,
            r#"{"vnet":{"existingSubnets":["10.0.0.0/24",{"name":"a","prefix":"10.0.1.0/24","iseSubnet":true,"delegations":["x"]}]}}"#,
            r#"{"vnet":{"existingSubnets":[["a","10.0.1.0/24"]]}}"#,
            r#"{"vnet":{"existingSubnets":[["a","10.0.1.0/24",true,[],5]]}}"#,
            r#"{"vnet":{"existingSubnets":[7]}}"#,
            r#"{"vnet":{"existingSubnets":[{"iseSubnet":"yes"}]}}"#,
            r#"{"vnet":null}"#,
            r#"{"vnet":["v","rg",["10.0.0.0/16"]]}"#,
            r#"{"vnet":["v","rg",["10.0.0.0/16"],[],true,"extra"]}"#,
            r#"{"subnets":7}"#,
            r#"{"subnets":[{"name":"a","prefix":"10.0.0.0/27","placed":"x"},["b"]]}"#,
            r#"{"subnets":[null]}"#,
            r#"{"dnsServers":[1]}"#,
            r#"{"dnsServers":null}"#,
            r#"{"certificates":[{"name":"c","publicCertificate":"AAAA"}]}"#,
            r#"{"governmentAddresses":{"logicAppsInbound":["1.2.3.4"]},"dependencyAddresses":{"logicApps":["5.6.7.8"]}}"#,
            r#"{"networkVirtualAppliance":1}"#,
            r#"{"allowLoadBalancerRule":true,"managedConnectors":["sql"],"unknown":{"deep":[1,2]}}"#,
            r#"{"view":"standard"}"#,
            r#"{"view":"Standard"}"#,
            r#"{"view":{"ise":null}}"#,
            r#"{"standard":{"hosting":"appServiceEnvironment","integrationSubnetSize":27,"aseSubnetSize":"/25","reuseIseSpace":true}}"#,
            r#"{"standard":{"logicApp":{"name":"la","isNew":false},"storageAccount":["st",true],"planName":"p","aseName":"a"}}"#,
            r#"{"standard":{"integrationSubnet":{"name":"i","prefix":"10.0.1.0/26"},"privateEndpointSubnet":["pe"],"aseSubnet":{"prefix":5}}}"#,
            r#"{"standard":{"hosting":"WorkflowStandard"}}"#,
            r#"{"standard":{"reuseIseSpace":"yes"}}"#,
            r#"{"standard":[]}"#,
            r#"{"standard":null}"#,
        ];
        for text in samples {
            let mut v: Value = serde_json::from_str(text).unwrap();
            v.as_object_mut()
                .unwrap()
                .insert("version".into(), DESIGN_VERSION.into());
            agree(&v);
        }
    }

    /// The design's keys at any depth: objects made of them reach every reader.
    const KEYS: &[&str] = &[
        "subscriptionId",
        "resourceGroup",
        "name",
        "location",
        "sku",
        "additionalCapacity",
        "accessEndpoint",
        "deployment",
        "cloud",
        "vnet",
        "addressPrefixes",
        "existingSubnets",
        "isNew",
        "iseSubnet",
        "delegations",
        "subnets",
        "prefix",
        "placed",
        "forcedTunneling",
        "firewall",
        "nextHop",
        "applianceIp",
        "dnsServers",
        "networkVirtualAppliance",
        "certificates",
        "publicCertificate",
        "connectorOutboundAddresses",
        "callerAddresses",
        "governmentAddresses",
        "logicAppsInbound",
        "dependencyAddresses",
        "logicApps",
        "managedConnectors",
        "allowLoadBalancerRule",
        "view",
        "standard",
        "hosting",
        "integrationSubnetSize",
        "aseSubnetSize",
        "reuseIseSpace",
        "logicApp",
        "storageAccount",
        "planName",
        "aseName",
        "integrationSubnet",
        "privateEndpointSubnet",
        "aseSubnet",
        "isNew",
        "Premium",
        "developer",
        "unknown",
    ];

    /// A JSON leaf: any scalar, or a string the design's enums and prefixes use.
    fn json_leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            proptest::sample::select(
                &[
                    "Premium",
                    "developer",
                    "External",
                    "internal",
                    "portal",
                    "arm",
                    "rest",
                    "government",
                    "china",
                    "expressRoute",
                    "Firewall",
                    "none",
                    "VirtualNetworkGateway",
                    "ise",
                    "standard",
                    "workflowStandard",
                    "appServiceEnvironment",
                    "10.0.0.0/24",
                    "",
                ][..]
            )
            .prop_map(Value::from),
        ]
    }

    /// JSON values shaped like designs: the design's keys, wrong types, odd numbers.
    fn json_value() -> impl Strategy<Value = Value> {
        json_leaf().prop_recursive(4, 48, 8, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..6).prop_map(Value::Array),
                vec(
                    (proptest::sample::select(KEYS).prop_map(String::from), inner),
                    0..8
                )
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// Whatever the object holds, the hand-written reader accepts exactly what the
        /// derived one accepts, and reads the same design.
        #[test]
        fn agrees_with_the_derived_reader(
            entries in vec((proptest::sample::select(&[
                "subscriptionId", "sku", "additionalCapacity", "accessEndpoint", "deployment",
                "cloud", "vnet", "subnets", "forcedTunneling", "firewall", "dnsServers",
                "networkVirtualAppliance", "certificates", "governmentAddresses",
                "dependencyAddresses", "managedConnectors", "view", "standard", "unknown",
            ][..]), json_value()), 0..6)
        ) {
            let mut map = serde_json::Map::new();
            for (k, v) in entries {
                map.insert(k.to_string(), v);
            }
            map.insert("version".into(), DESIGN_VERSION.into());
            agree(&Value::Object(map));
        }
    }
}
