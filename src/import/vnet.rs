//! Imports an existing virtual network into a design from the JSON Azure's tools print:
//! `az network vnet show` / `az network vnet subnet list`, Azure's REST/ARM shape (a GET
//! response, a template resource, a whole ARM template) and PowerShell's
//! `Get-AzVirtualNetwork | ConvertTo-Json`. Plain text in, a summary or a clear refusal out;
//! nothing from the file is ever run.
//!
//! **What an import replaces** — the virtual network as Azure describes it: its name,
//! resource group, address space (when the file has it), its subnets (all of them, with
//! their names and delegations, one entry per prefix), its DNS servers (when the file has
//! them), the subscription (from the resource ID) and the region (a VNet and what is injected
//! into it share both; the cloud follows the region). The VNet exists, so it is no longer
//! "new". ISE subnets that were bound to the previous existing subnets are unpinned, and
//! placement hints are dropped, so the ISE subnets are placed afresh in the imported VNet.
//! A subnet delegated to `Microsoft.Logic/integrationServiceEnvironments` is recognised as
//! one of the ISE's subnets ([`Design::mark_existing_as_ise`]).
//!
//! **What it keeps** — everything about the ISE itself: its name, resource group, SKU,
//! capacity, access endpoint, deployment method, ISE subnet names and prefixes the user
//! pinned, forced tunneling, certificates, connectors and addresses; and any VNet value the
//! file does not carry (a subnet list has no address space; a template may have no ID).

use std::fmt;

use crate::azure::regions;
use crate::design::{same_prefix, Design, ExistingSubnet};
use crate::ise::DELEGATION_SERVICE;

use super::arm_expression::{self, Resolved, Scope};
use super::azure_json::{self, Field, List, Node, Root};

/// The largest file read (32 MiB). A virtual network with Azure's maximum of 3,000 subnets
/// and tens of thousands of attached IP configurations stays well below it.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// Subnets imported at most: Azure's limit per virtual network.
pub const MAX_SUBNETS: usize = 3_000;

/// Address prefixes imported at most per subnet.
pub const MAX_PREFIXES_PER_SUBNET: usize = 16;

/// What produced a file, as far as its shape tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `az network vnet show` (camelCase, properties flattened).
    AzCli,
    /// `az network vnet subnet list`.
    AzCliSubnets,
    /// Azure's REST/ARM shape: a `GET …/virtualNetworks/NAME` response or a template resource.
    Rest,
    /// Azure's REST shape for subnets: `GET …/virtualNetworks/NAME/subnets`.
    RestSubnets,
    /// An ARM template that declares the virtual network.
    ArmTemplate,
    /// `Get-AzVirtualNetwork | ConvertTo-Json` (PascalCase).
    PowerShell,
    /// `Get-AzVirtualNetworkSubnetConfig | ConvertTo-Json`.
    PowerShellSubnets,
}

impl Source {
    /// What produced the file, for people.
    pub fn describe(self) -> &'static str {
        match self {
            Source::AzCli => "Azure CLI output (az network vnet show)",
            Source::AzCliSubnets => "an Azure CLI subnet list (az network vnet subnet list)",
            Source::Rest => "an Azure REST/ARM virtual network",
            Source::RestSubnets => "an Azure REST subnet list",
            Source::ArmTemplate => "an ARM template",
            Source::PowerShell => "PowerShell output (Get-AzVirtualNetwork | ConvertTo-Json)",
            Source::PowerShellSubnets => {
                "a PowerShell subnet list (Get-AzVirtualNetworkSubnetConfig | ConvertTo-Json)"
            }
        }
    }
}

/// The shapes the import reads and the commands that print them, for error messages.
pub const ACCEPTED: &str = "The import reads the JSON of `az network vnet show -g GROUP -n VNET` or `az network vnet subnet list -g GROUP --vnet-name VNET`; Azure's REST shape (a `GET …/providers/Microsoft.Network/virtualNetworks/VNET` response, or an ARM template or template resource with the virtual network); or `Get-AzVirtualNetwork -ResourceGroupName GROUP -Name VNET | ConvertTo-Json -Depth 10` in PowerShell.";

/// One subnet as imported: its name, every prefix and the services it is delegated to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedSubnet {
    pub name: String,
    /// IPv4 and IPv6 prefixes, in the file's order.
    pub prefixes: Vec<String>,
    /// Service names (`Microsoft.Logic/integrationServiceEnvironments`).
    pub delegations: Vec<String>,
}

impl ImportedSubnet {
    /// Whether the subnet is delegated to the ISE.
    pub fn is_ise(&self) -> bool {
        self.delegations
            .iter()
            .any(|d| d.trim().eq_ignore_ascii_case(DELEGATION_SERVICE))
    }
}

/// A virtual network read from a file, before it touches a design. `None` is "the file does
/// not say"; such values are kept in the design.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedVnet {
    pub source: Source,
    pub name: Option<String>,
    pub resource_group: Option<String>,
    pub subscription_id: Option<String>,
    pub location: Option<String>,
    pub address_prefixes: Option<Vec<String>>,
    pub dns_servers: Option<Vec<String>>,
    pub subnets: Vec<ImportedSubnet>,
    /// What was skipped or capped while reading, for the user.
    pub notes: Vec<String>,
}

/// Why a file could not be imported. Each message says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but white space.
    Empty,
    /// Over [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// Neither UTF-8 nor UTF-16 with a byte-order mark.
    NotText,
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but none of the accepted shapes; says what it is instead.
    NotAVnet(String),
    /// A design saved by this planner.
    DesignFile,
    /// Azure's Service Tags file.
    ServiceTagsFile,
    /// PowerShell's `ConvertTo-Json` stopped at its depth and wrote type names instead.
    Truncated {
        /// The type name found where data belongs.
        found: String,
        /// The command to run instead.
        command: String,
    },
    /// Several virtual networks; the import takes one.
    SeveralVnets { count: usize, names: Vec<String> },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty. {ACCEPTED}"),
            ImportError::TooLarge { .. } => write!(
                f,
                "the file is larger than {} MiB, the most the import reads — far more than one virtual network takes. Export a single virtual network. {ACCEPTED}",
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
            ImportError::NotText => write!(f, "this is not text in UTF-8 or UTF-16; save the JSON as UTF-8 (in PowerShell: `| Out-File -Encoding utf8 vnet.json`)."),
            ImportError::NotJson(e) => write!(f, "this is not JSON ({e}). {ACCEPTED}"),
            ImportError::NotAVnet(why) => write!(f, "this is not a virtual network: {why}. {ACCEPTED}"),
            ImportError::DesignFile => write!(f, "this is an ISE Network Planner design, not a virtual network: open it with Open design (or `ise-plan --design FILE`)."),
            ImportError::ServiceTagsFile => write!(f, "this is Azure's Service Tags file, not a virtual network: import it with the dependency addresses (forced tunneling through a firewall)."),
            ImportError::Truncated { found, command } => write!(
                f,
                "this PowerShell output was cut short: past ConvertTo-Json's default depth of 2 it wrote the type name \"{}\" instead of the subnets' prefixes and delegations. Export it again with a greater depth: {command}",
                shown(found)
            ),
            ImportError::SeveralVnets { count, names } => write!(
                f,
                "this file holds {count} virtual networks ({}{}); the import takes one. Export the one the ISE goes into, for example with `az network vnet show -g GROUP -n VNET`.",
                names.iter().map(|n| shown(n)).collect::<Vec<_>>().join(", "),
                if names.len() < *count { ", …" } else { "" }
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// What an import did, for the message to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    pub source: Source,
    /// The design's VNet name after the import.
    pub vnet_name: String,
    /// Address prefixes imported; `None` when the file has none (they were kept).
    pub address_prefixes: Option<usize>,
    /// Subnets imported.
    pub subnets: usize,
    /// Existing-subnet entries made (one per prefix).
    pub entries: usize,
    /// Names of the subnets recognised as ISE subnets.
    pub ise_subnets: Vec<String>,
    /// What else changed, was kept, skipped or capped.
    pub notes: Vec<String>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Imported VNet {}: ", shown(&self.vnet_name))?;
        if let Some(n) = self.address_prefixes {
            write!(f, "{}, ", plural(n, "address prefix", "address prefixes"))?;
        }
        write!(f, "{}", plural(self.subnets, "subnet", "subnets"))?;
        if self.entries != self.subnets {
            write!(f, " ({})", plural(self.entries, "prefix", "prefixes"))?;
        }
        match self.ise_subnets.len() {
            0 => Ok(()),
            1 => write!(f, ", 1 recognised as an ISE subnet"),
            n => write!(f, ", {n} recognised as ISE subnets"),
        }
    }
}

/// Text from the file as it may appear in a message: control and direction-changing
/// characters replaced, at most 80 characters.
pub fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(80)
        .map(|c| {
            if c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(80).is_some() {
        out.push('…');
    }
    out
}

/// Reads a file and applies it to `design`; on error the design is unchanged.
pub fn import(text: &str, design: &mut Design) -> Result<ImportSummary, ImportError> {
    Ok(parse(text)?.apply_to(design))
}

/// Reads a file's bytes (UTF-8, or UTF-16 with a byte-order mark) and applies them to
/// `design`; on error the design is unchanged.
pub fn import_bytes(bytes: &[u8], design: &mut Design) -> Result<ImportSummary, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = super::decode_text(bytes).ok_or(ImportError::NotText)?;
    import(&text, design)
}

/// Reads a file without touching any design.
pub fn parse(text: &str) -> Result<ImportedVnet, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let root = azure_json::read(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    match root {
        Root::Scalar => Err(ImportError::NotAVnet(
            "it is a single value, not an object or a list".into(),
        )),
        Root::Array(list) => from_list(&list),
        Root::Object(node) => from_object(&node),
    }
}

/// The text of a .NET type name, which PowerShell writes for objects past its depth.
fn is_type_name(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("System.") || t.starts_with("Microsoft.Azure.Commands."))
        && !t.contains('/')
        && !t.contains(char::is_whitespace)
}

/// A field of a node or, failing that, of its `properties` (the REST shape nests them).
fn get<'a, T>(node: &'a Node, field: impl Fn(&'a Node) -> &'a Field<T>) -> &'a Field<T> {
    let own = field(node);
    if own.is_present() {
        return own;
    }
    match &node.properties {
        Field::Found(props) => {
            let nested = field(props);
            if nested.is_present() {
                nested
            } else {
                own
            }
        }
        _ => own,
    }
}

fn eq(a: &Option<String>, b: &str) -> bool {
    a.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(b))
}

fn is_vnet(node: &Node) -> bool {
    get(node, |n| &n.address_space).is_present()
        || get(node, |n| &n.subnets).is_present()
        || eq(&node.kind, "Microsoft.Network/virtualNetworks")
}

fn is_subnet(node: &Node) -> bool {
    get(node, |n| &n.address_prefix).is_present()
        || get(node, |n| &n.address_prefixes).is_present()
        || eq(&node.kind, "Microsoft.Network/virtualNetworks/subnets")
        || node
            .id
            .as_deref()
            .is_some_and(|id| ResourceId::parse(id).subnet.is_some())
}

fn is_template(node: &Node) -> bool {
    matches!(node.resources, Field::Found(_))
        || node
            .schema
            .as_deref()
            .is_some_and(|s| s.to_ascii_lowercase().contains("deploymenttemplate"))
}

fn uses_rest_shape(node: &Node) -> bool {
    matches!(node.properties, Field::Found(_))
}

fn from_object(node: &Node) -> Result<ImportedVnet, ImportError> {
    if node.has_version && node.has_vnet {
        return Err(ImportError::DesignFile);
    }
    if node.has_change_number {
        return Err(ImportError::ServiceTagsFile);
    }
    if is_template(node) {
        return from_template(node);
    }
    if !is_vnet(node) {
        if let Field::Found(list) = &node.value {
            return from_list(list);
        }
    }
    if is_vnet(node) {
        let source = if uses_rest_shape(node) {
            Source::Rest
        } else if node.pascal {
            Source::PowerShell
        } else {
            Source::AzCli
        };
        return from_vnet(node, source, &Scope::default());
    }
    if is_subnet(node) {
        return from_subnets(&[node], 1);
    }
    Err(ImportError::NotAVnet(
        "it has no address space, subnets or address prefix (neither `addressSpace` nor `subnets`, nor `properties` holding them)".into(),
    ))
}

/// A list: the CLI's and PowerShell's lists, or a REST response's `value`.
fn from_list(list: &List<Field<Node>>) -> Result<ImportedVnet, ImportError> {
    let mut nodes = Vec::new();
    for item in &list.items {
        match item {
            Field::Found(n) => nodes.push(n),
            Field::Text(t) if is_type_name(t) => return Err(truncated(t, None, None)),
            _ => {}
        }
    }
    if nodes.is_empty() {
        return Err(ImportError::NotAVnet(if list.total == 0 {
            "the list is empty: it holds no virtual network and no subnet".into()
        } else {
            "the list holds no objects".into()
        }));
    }
    if nodes.iter().all(|n| is_vnet(n)) {
        if list.total == 1 {
            return from_object(nodes[0]);
        }
        return Err(ImportError::SeveralVnets {
            count: list.total,
            names: nodes.iter().take(5).map(|n| display_name(n)).collect(),
        });
    }
    if nodes.iter().all(|n| is_subnet(n)) {
        return from_subnets(&nodes, list.total);
    }
    Err(ImportError::NotAVnet(
        "it is a list whose items are neither virtual networks nor subnets".into(),
    ))
}

fn display_name(node: &Node) -> String {
    node.name
        .clone()
        .or_else(|| node.id.as_deref().and_then(|id| ResourceId::parse(id).vnet))
        .unwrap_or_else(|| "unnamed".into())
}

/// The parts of an Azure resource ID the import needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ResourceId {
    subscription: Option<String>,
    resource_group: Option<String>,
    vnet: Option<String>,
    subnet: Option<String>,
}

impl ResourceId {
    /// `/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/subnets/N`,
    /// segment names in any case.
    fn parse(id: &str) -> ResourceId {
        let segments: Vec<&str> = id.split('/').filter(|s| !s.is_empty()).collect();
        let mut out = ResourceId::default();
        for pair in segments.windows(2) {
            let value = Some(pair[1].to_string());
            match pair[0].to_ascii_lowercase().as_str() {
                "subscriptions" if out.subscription.is_none() => out.subscription = value,
                "resourcegroups" if out.resource_group.is_none() => out.resource_group = value,
                "virtualnetworks" if out.vnet.is_none() => out.vnet = value,
                "subnets" if out.subnet.is_none() => out.subnet = value,
                _ => {}
            }
        }
        out
    }
}

fn truncated(found: &str, vnet: Option<&str>, group: Option<&str>) -> ImportError {
    let command = match (vnet, group) {
        (Some(v), Some(g)) => format!(
            "Get-AzVirtualNetwork -ResourceGroupName '{}' -Name '{}' | ConvertTo-Json -Depth 10",
            shown(g).replace('\'', "''"),
            shown(v).replace('\'', "''")
        ),
        _ => "Get-AzVirtualNetwork -ResourceGroupName GROUP -Name VNET | ConvertTo-Json -Depth 10"
            .into(),
    };
    ImportError::Truncated {
        found: found.trim().to_string(),
        command,
    }
}

/// Reads template strings (resolving the expressions [`arm_expression`] knows) or plain
/// strings, and collects notes about what was skipped.
struct Reader<'s> {
    scope: &'s Scope,
    template: bool,
    notes: Vec<String>,
    /// For the PowerShell depth message.
    vnet: Option<String>,
    group: Option<String>,
}

impl Reader<'_> {
    /// One string value; `what` names it in a note when it is an expression not evaluated.
    fn text(&mut self, value: &Option<String>, what: &str) -> Option<String> {
        let value = value.as_deref()?;
        if !self.template {
            return Some(value.trim().to_string());
        }
        match self.scope.resolve(value) {
            Resolved::Value(arm_expression::Value::Text(t)) => Some(t.trim().to_string()),
            _ => {
                self.notes.push(format!(
                    "The template gives {what} as the expression {}, which the planner does not evaluate; it was not imported.",
                    shown(value)
                ));
                None
            }
        }
    }

    /// A list of strings (address prefixes, DNS servers): a list, a single string, or a
    /// template expression. PowerShell type names are a [`ImportError::Truncated`].
    fn strings(
        &mut self,
        field: &Field<List<String>>,
        what: &str,
    ) -> Result<Option<Vec<String>>, ImportError> {
        match field {
            Field::Found(list) => {
                let mut out = Vec::new();
                for item in &list.items {
                    if self.template {
                        match self.scope.resolve(item) {
                            Resolved::Value(arm_expression::Value::Text(t)) => out.push(t),
                            Resolved::Value(arm_expression::Value::List(l)) => out.extend(l),
                            Resolved::Unresolved => self.notes.push(format!(
                                "The template gives one of {what} as the expression {}, which the planner does not evaluate; it was not imported.",
                                shown(item)
                            )),
                        }
                    } else {
                        out.push(item.clone());
                    }
                }
                if list.total > list.items.len() {
                    self.notes.push(format!(
                        "The file lists {} {what}; the first {} were imported.",
                        list.total,
                        list.items.len()
                    ));
                }
                Ok(Some(
                    out.into_iter().map(|s| s.trim().to_string()).collect(),
                ))
            }
            Field::Text(t) if is_type_name(t) => Err(self.truncated(t)),
            Field::Text(t) if self.template => match self.scope.resolve(t) {
                Resolved::Value(arm_expression::Value::Text(t)) => Ok(Some(vec![t])),
                Resolved::Value(arm_expression::Value::List(l)) => Ok(Some(l)),
                Resolved::Unresolved => {
                    self.notes.push(format!(
                        "The template gives {what} as the expression {}, which the planner does not evaluate; they were not imported.",
                        shown(t)
                    ));
                    Ok(None)
                }
            },
            Field::Text(t) => Ok(Some(vec![t.trim().to_string()])),
            Field::Null => Ok(Some(Vec::new())),
            Field::Absent | Field::Other => Ok(None),
        }
    }

    fn truncated(&self, found: &str) -> ImportError {
        truncated(found, self.vnet.as_deref(), self.group.as_deref())
    }

    /// One subnet; `None` (with a note) when it has no usable prefix.
    fn subnet(
        &mut self,
        node: &Field<Node>,
        position: usize,
    ) -> Result<Option<ImportedSubnet>, ImportError> {
        let node = match node {
            Field::Found(n) => n,
            Field::Text(t) if is_type_name(t) => return Err(self.truncated(t)),
            _ => {
                self.notes.push(format!(
                    "Subnet {} of the file is not an object; it was skipped.",
                    position + 1
                ));
                return Ok(None);
            }
        };
        let name = self
            .text(&node.name, "a subnet's name")
            .or_else(|| {
                node.id
                    .as_deref()
                    .and_then(|id| ResourceId::parse(id).subnet)
            })
            .unwrap_or_default();
        let label = if name.is_empty() {
            format!("Subnet {}", position + 1)
        } else {
            format!("Subnet {}", shown(&name))
        };
        let prefixes = self.subnet_prefixes(node, &label)?;
        let delegations = self.delegations(node)?;
        if prefixes.is_empty() {
            self.notes.push(format!(
                "{label} has no address prefix in the file; it was skipped."
            ));
            return Ok(None);
        }
        Ok(Some(ImportedSubnet {
            name,
            prefixes,
            delegations,
        }))
    }

    /// A subnet's prefixes (`addressPrefix` and `addressPrefixes`, each once), at most
    /// [`MAX_PREFIXES_PER_SUBNET`].
    fn subnet_prefixes(&mut self, node: &Node, label: &str) -> Result<Vec<String>, ImportError> {
        let mut prefixes: Vec<String> = Vec::new();
        for field in [
            get(node, |n| &n.address_prefix),
            get(node, |n| &n.address_prefixes),
        ] {
            for p in self
                .strings(field, "address prefixes of a subnet")?
                .unwrap_or_default()
            {
                if !p.is_empty() && !prefixes.iter().any(|q| same_prefix(q, &p)) {
                    prefixes.push(p);
                }
            }
        }
        if prefixes.len() > MAX_PREFIXES_PER_SUBNET {
            self.notes.push(format!(
                "{label} has {} address prefixes; the first {MAX_PREFIXES_PER_SUBNET} were imported.",
                prefixes.len()
            ));
            prefixes.truncate(MAX_PREFIXES_PER_SUBNET);
        }
        Ok(prefixes)
    }

    /// The services a subnet is delegated to (`serviceName`, at the top of each delegation
    /// or in its `properties`).
    fn delegations(&mut self, node: &Node) -> Result<Vec<String>, ImportError> {
        let mut delegations = Vec::new();
        let list = match get(node, |n| &n.delegations) {
            Field::Found(list) => list,
            Field::Text(t) if is_type_name(t) => return Err(self.truncated(t)),
            _ => return Ok(delegations),
        };
        for d in &list.items {
            match d {
                Field::Found(d) => {
                    let service = if d.service_name.is_some() {
                        &d.service_name
                    } else {
                        match &d.properties {
                            Field::Found(p) => &p.service_name,
                            _ => &None,
                        }
                    };
                    if let Some(s) = self.text(service, "a delegation's service") {
                        delegations.push(s);
                    }
                }
                Field::Text(t) if is_type_name(t) => return Err(self.truncated(t)),
                _ => {}
            }
        }
        Ok(delegations)
    }

    /// Subnets, at most [`MAX_SUBNETS`], with a note when the file has more.
    fn subnets(
        &mut self,
        items: &[&Field<Node>],
        total: usize,
    ) -> Result<Vec<ImportedSubnet>, ImportError> {
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if out.len() == MAX_SUBNETS {
                break;
            }
            if let Some(s) = self.subnet(item, i)? {
                out.push(s);
            }
        }
        let read = items.len().min(MAX_SUBNETS);
        if total > read {
            let why = if read == MAX_SUBNETS {
                format!("Azure allows at most {MAX_SUBNETS} in a virtual network")
            } else {
                "the import keeps no more of one file".to_string()
            };
            self.notes.push(format!(
                "The file lists {total} subnets; only the first {read} were read ({why})."
            ));
        }
        Ok(out)
    }
}

fn from_vnet(node: &Node, source: Source, scope: &Scope) -> Result<ImportedVnet, ImportError> {
    let id = node
        .id
        .as_deref()
        .map(ResourceId::parse)
        .unwrap_or_default();
    let mut r = Reader {
        scope,
        template: source == Source::ArmTemplate,
        notes: Vec::new(),
        vnet: None,
        group: None,
    };
    let name = r
        .text(&node.name, "the virtual network's name")
        .filter(|n| !n.is_empty())
        .or(id.vnet);
    let resource_group = node
        .resource_group
        .clone()
        .map(|g| g.trim().to_string())
        .filter(|g| !g.is_empty())
        .or(id.resource_group);
    r.vnet.clone_from(&name);
    r.group.clone_from(&resource_group);
    let location = r
        .text(&node.location, "the location")
        .filter(|l| !l.is_empty());
    let address_prefixes = match get(node, |n| &n.address_space) {
        Field::Found(space) => match &space.address_prefixes {
            // No prefixes stated is not "no prefixes": the design's are kept.
            Field::Null | Field::Absent => None,
            prefixes => r.strings(prefixes, "VNet address prefixes")?,
        },
        Field::Text(t) if is_type_name(t) => return Err(r.truncated(t)),
        _ => None,
    };
    let dns_servers = match get(node, |n| &n.dhcp_options) {
        Field::Found(dhcp) => Some(
            r.strings(&dhcp.dns_servers, "DNS servers")?
                .unwrap_or_default(),
        ),
        Field::Text(t) if is_type_name(t) => return Err(r.truncated(t)),
        _ => None,
    };
    let subnets = match get(node, |n| &n.subnets) {
        Field::Found(list) => {
            let items: Vec<&Field<Node>> = list.items.iter().collect();
            r.subnets(&items, list.total)?
        }
        Field::Text(t) if is_type_name(t) => return Err(r.truncated(t)),
        _ => Vec::new(),
    };
    Ok(ImportedVnet {
        source,
        name,
        resource_group,
        subscription_id: id.subscription,
        location,
        address_prefixes,
        dns_servers,
        subnets,
        notes: r.notes,
    })
}

/// A subnet list: the VNet's name, resource group and subscription come from the subnets'
/// IDs, which must all name the same virtual network.
fn from_subnets(nodes: &[&Node], total: usize) -> Result<ImportedVnet, ImportError> {
    let source = if nodes.iter().any(|n| uses_rest_shape(n)) {
        Source::RestSubnets
    } else if nodes.iter().any(|n| n.pascal) {
        Source::PowerShellSubnets
    } else {
        Source::AzCliSubnets
    };
    let mut vnets: Vec<ResourceId> = Vec::new();
    for n in nodes {
        let mut id = n.id.as_deref().map(ResourceId::parse).unwrap_or_default();
        if id.resource_group.is_none() {
            id.resource_group.clone_from(&n.resource_group);
        }
        id.subnet = None;
        let same = |a: &ResourceId| {
            let eq = |x: &Option<String>, y: &Option<String>| {
                x.as_deref().map(str::to_ascii_lowercase)
                    == y.as_deref().map(str::to_ascii_lowercase)
            };
            eq(&a.vnet, &id.vnet)
                && eq(&a.resource_group, &id.resource_group)
                && eq(&a.subscription, &id.subscription)
        };
        if id != ResourceId::default() && !vnets.iter().any(same) {
            vnets.push(id);
        }
    }
    if vnets.len() > 1 {
        return Err(ImportError::NotAVnet(format!(
            "its subnets belong to {} virtual networks ({}); list the subnets of one",
            vnets.len(),
            vnets
                .iter()
                .take(5)
                .map(|v| shown(v.vnet.as_deref().unwrap_or("unnamed")))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let vnet = vnets.pop().unwrap_or_default();
    let scope = Scope::default();
    let mut r = Reader {
        scope: &scope,
        template: false,
        notes: Vec::new(),
        vnet: vnet.vnet.clone(),
        group: vnet.resource_group.clone(),
    };
    let items: Vec<Field<Node>> = nodes.iter().map(|n| Field::Found((*n).clone())).collect();
    let refs: Vec<&Field<Node>> = items.iter().collect();
    let subnets = r.subnets(&refs, total)?;
    Ok(ImportedVnet {
        source,
        name: vnet.vnet,
        resource_group: vnet.resource_group,
        subscription_id: vnet.subscription,
        location: None,
        address_prefixes: None,
        dns_servers: None,
        subnets,
        notes: r.notes,
    })
}

/// Template parameters' default values and variables' values.
fn template_scope(node: &Node) -> Scope {
    let values = |field: &Field<List<(String, Field<Node>)>>, default: bool| {
        let mut out = Vec::new();
        for (name, value) in field.found().map(|l| l.items.as_slice()).unwrap_or(&[]) {
            let value = match (value, default) {
                (Field::Found(p), true) => match &p.default_value {
                    Field::Text(t) => Some(arm_expression::Value::Text(t.clone())),
                    Field::Found(l) => Some(arm_expression::Value::List(l.items.clone())),
                    _ => None,
                },
                (Field::Text(t), false) => Some(arm_expression::Value::Text(t.clone())),
                _ => None,
            };
            if let Some(v) = value {
                out.push((name.clone(), v));
            }
        }
        out
    };
    Scope {
        parameters: values(&node.parameters, true),
        variables: values(&node.variables, false),
    }
}

/// The template's one virtual network; none or several is an error that says so.
fn the_one_vnet<'a>(vnets: &[&'a Node], scope: &Scope) -> Result<&'a Node, ImportError> {
    match vnets {
        [] => Err(ImportError::NotAVnet(
            "this ARM template declares no Microsoft.Network/virtualNetworks resource".into(),
        )),
        [one] => Ok(*one),
        many => Err(ImportError::SeveralVnets {
            count: many.len(),
            names: many
                .iter()
                .take(5)
                .map(|n| match n.name.as_deref().map(|t| scope.resolve(t)) {
                    Some(Resolved::Value(arm_expression::Value::Text(t))) => t,
                    _ => "unnamed".into(),
                })
                .collect(),
        }),
    }
}

/// Subnets the template declares as child resources of `vnet` — beside it (`VNET/SUBNET`) or
/// inside it — that its `subnets` property does not already hold, renamed to their own name;
/// subnets whose name cannot be worked out are skipped with a note.
fn child_subnets(
    resources: &[&Node],
    vnet: &Node,
    scope: &Scope,
    imported: &mut ImportedVnet,
) -> Vec<Field<Node>> {
    let nested: Vec<&Node> = vnet
        .resources
        .found()
        .map(|l| l.items.iter().filter_map(|r| r.found()).collect())
        .unwrap_or_default();
    let mut children: Vec<Field<Node>> = Vec::new();
    for (child, inside) in resources
        .iter()
        .map(|r| (*r, false))
        .chain(nested.iter().map(|r| (*r, true)))
    {
        let kind = child.kind.as_deref().unwrap_or("");
        if !(kind.eq_ignore_ascii_case("Microsoft.Network/virtualNetworks/subnets")
            || (inside && kind.eq_ignore_ascii_case("subnets")))
        {
            continue;
        }
        let full = match child.name.as_deref().map(|n| scope.resolve(n)) {
            Some(Resolved::Value(arm_expression::Value::Text(t))) => t,
            _ => {
                imported.notes.push(
                    "The template declares a subnet resource whose name the planner cannot work out; it was skipped.".into(),
                );
                continue;
            }
        };
        let (parent, name) = match full.rsplit_once('/') {
            Some((p, n)) => (Some(p.to_string()), n.to_string()),
            None => (None, full.clone()),
        };
        let belongs = match (&parent, &imported.name) {
            (Some(p), Some(v)) => p.eq_ignore_ascii_case(v),
            (None, _) => inside,
            (Some(_), None) => true,
        };
        let known = imported
            .subnets
            .iter()
            .any(|s| s.name.eq_ignore_ascii_case(&name));
        if belongs && !known {
            let mut c = child.clone();
            c.name = Some(name);
            children.push(Field::Found(c));
        }
    }
    children
}

fn from_template(template: &Node) -> Result<ImportedVnet, ImportError> {
    let scope = template_scope(template);
    let resources: Vec<&Node> = template
        .resources
        .found()
        .map(|l| l.items.iter().filter_map(|r| r.found()).collect())
        .unwrap_or_default();
    let vnets: Vec<&Node> = resources
        .iter()
        .copied()
        .filter(|r| eq(&r.kind, "Microsoft.Network/virtualNetworks"))
        .collect();
    let vnet = the_one_vnet(&vnets, &scope)?;
    let mut imported = from_vnet(vnet, Source::ArmTemplate, &scope)?;
    let children = child_subnets(&resources, vnet, &scope, &mut imported);
    if !children.is_empty() {
        let mut r = Reader {
            scope: &scope,
            template: true,
            notes: Vec::new(),
            vnet: None,
            group: None,
        };
        let refs: Vec<&Field<Node>> = children.iter().collect();
        let room = MAX_SUBNETS.saturating_sub(imported.subnets.len());
        let extra = r.subnets(&refs[..refs.len().min(room)], refs.len().min(room))?;
        imported.subnets.extend(extra);
        imported.notes.extend(r.notes);
    }
    Ok(imported)
}

impl ImportedVnet {
    /// One existing-subnet entry per prefix, names kept, delegations copied to each.
    pub fn existing_subnets(&self) -> Vec<ExistingSubnet> {
        self.subnets
            .iter()
            .flat_map(|s| {
                s.prefixes.iter().map(|p| ExistingSubnet {
                    name: s.name.clone(),
                    prefix: p.clone(),
                    ise_subnet: false,
                    delegations: s.delegations.clone(),
                })
            })
            .collect()
    }

    /// Applies the import to a design (see the module documentation for what is replaced
    /// and what is kept) and says what it did.
    pub fn apply_to(&self, design: &mut Design) -> ImportSummary {
        let mut notes = Vec::new();
        forget_placement(design);
        self.apply_identity(design, &mut notes);
        let address_prefixes = self.apply_address_space(design, &mut notes);
        design.vnet.is_new = false;
        design.vnet.existing_subnets = self.existing_subnets();
        let ise_subnets = mark_ise_subnets(design, &mut notes);
        notes.extend(self.notes.iter().cloned());
        ImportSummary {
            source: self.source,
            vnet_name: design.vnet.name.clone(),
            address_prefixes,
            subnets: self.subnets.len(),
            entries: design.vnet.existing_subnets.len(),
            ise_subnets,
            notes,
        }
    }

    /// The VNet's name, resource group, subscription and region (and the cloud it belongs to).
    fn apply_identity(&self, design: &mut Design, notes: &mut Vec<String>) {
        let same_vnet = match &self.name {
            Some(name) => {
                let same = design.vnet.name.trim().eq_ignore_ascii_case(name.trim());
                design.vnet.name.clone_from(name);
                same
            }
            None => {
                notes.push(format!(
                    "The file does not name the virtual network; the name {} was kept.",
                    shown(&design.vnet.name)
                ));
                true
            }
        };
        match &self.resource_group {
            Some(group) => {
                design.vnet.resource_group.clone_from(group);
                if design.resource_group.trim().is_empty() {
                    design.resource_group.clone_from(group);
                }
            }
            None if same_vnet => notes.push(
                "The file has no resource ID; the VNet's resource group and the subscription were kept.".into(),
            ),
            None => {
                design.vnet.resource_group.clear();
                notes.push("The file has no resource ID; the VNet is taken to be in the ISE's resource group, and the subscription was kept.".into());
            }
        }
        if let Some(sub) = &self.subscription_id {
            design.subscription_id.clone_from(sub);
        }
        if let Some(location) = &self.location {
            design.location.clone_from(location);
            if let Some(region) = regions::find(location) {
                if region.cloud != design.cloud {
                    design.cloud = region.cloud;
                    notes.push(format!(
                        "{} is a region of {}; the cloud was set to match.",
                        region.display_name,
                        region.cloud.display_name()
                    ));
                }
            }
        }
    }

    /// The VNet's address space and DNS servers; how many prefixes were imported.
    fn apply_address_space(&self, design: &mut Design, notes: &mut Vec<String>) -> Option<usize> {
        let address_prefixes = match &self.address_prefixes {
            Some(p) => {
                design.vnet.address_prefixes.clone_from(p);
                Some(p.len())
            }
            None => {
                notes.push(format!(
                    "The file has no VNet address space; {} was kept. Check it, or import `az network vnet show` instead.",
                    shown(&design.vnet.address_prefixes.join(", "))
                ));
                None
            }
        };
        match &self.dns_servers {
            Some(servers) => design.dns_servers.clone_from(servers),
            None if !design.dns_servers.is_empty() => notes.push(format!(
                "The file does not say which DNS servers the VNet uses; {} was kept.",
                shown(&design.dns_servers.join(", "))
            )),
            None => {}
        }
        address_prefixes
    }
}

/// ISE subnets bound to the previous VNet's subnets, and placement hints, belong to the
/// previous VNet: they are cleared.
fn forget_placement(design: &mut Design) {
    for slot in 0..design.subnets.len() {
        if design.existing_bound_to(slot).is_some() {
            design.subnets[slot].prefix.clear();
        }
    }
    for spec in &mut design.subnets {
        spec.placed.clear();
    }
}

/// Marks the imported subnets delegated to Logic Apps as ISE subnets (auditing an ISE that
/// exists); the names of those marked.
fn mark_ise_subnets(design: &mut Design, notes: &mut Vec<String>) -> Vec<String> {
    let mut ise_subnets = Vec::new();
    let ise_entries: Vec<usize> = design
        .vnet
        .existing_subnets
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            !e.prefix.contains(':')
                && e.delegations
                    .iter()
                    .any(|d| d.trim().eq_ignore_ascii_case(DELEGATION_SERVICE))
        })
        .map(|(i, _)| i)
        .collect();
    for i in ise_entries {
        let name = design.vnet.existing_subnets[i].name.clone();
        if design.mark_existing_as_ise(i).is_some() {
            ise_subnets.push(name);
        } else {
            notes.push(format!(
                "Subnet {} is delegated to {DELEGATION_SERVICE}, but four ISE subnets are already bound; it was not marked.",
                shown(&name)
            ));
        }
    }
    ise_subnets
}

#[cfg(test)]
mod tests {
    use super::*;

    const AZ: &str = r#"{
      "addressSpace": {"addressPrefixes": ["10.20.0.0/16", "fd00:db8::/48"]},
      "dhcpOptions": {"dnsServers": ["10.20.0.4"]},
      "id": "/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-net/providers/Microsoft.Network/virtualNetworks/contoso-vnet",
      "location": "westeurope",
      "name": "contoso-vnet",
      "resourceGroup": "contoso-net",
      "subnets": [
        {"addressPrefix": "10.20.0.0/24", "delegations": [], "name": "apps"},
        {"addressPrefixes": ["10.20.1.0/27", "fd00:db8:0:1::/64"], "name": "dual"},
        {"addressPrefix": "10.20.2.0/27", "name": "ise-a", "delegations": [
          {"name": "ise", "serviceName": "Microsoft.Logic/integrationServiceEnvironments"}]}
      ]
    }"#;

    #[test]
    fn az_vnet_show() {
        let v = parse(AZ).unwrap();
        assert_eq!(v.source, Source::AzCli);
        assert_eq!(v.name.as_deref(), Some("contoso-vnet"));
        assert_eq!(v.resource_group.as_deref(), Some("contoso-net"));
        assert_eq!(
            v.subscription_id.as_deref(),
            Some("f34b22a3-2202-4fb1-b040-1332bd928c84")
        );
        assert_eq!(
            v.dns_servers.as_deref(),
            Some(&["10.20.0.4".to_string()][..])
        );
        assert_eq!(v.subnets.len(), 3);
        assert_eq!(v.subnets[1].prefixes, ["10.20.1.0/27", "fd00:db8:0:1::/64"]);
        assert!(v.subnets[2].is_ise());
        assert!(v.notes.is_empty(), "{:?}", v.notes);
    }

    #[test]
    fn apply_replaces_the_vnet_and_keeps_the_ise() {
        let mut d = Design {
            name: "my-ise".into(),
            ..Design::default()
        };
        d.subnets[3].prefix = "10.20.3.0/27".into();
        let summary = import(AZ, &mut d).unwrap();
        assert_eq!(
            summary.to_string(),
            "Imported VNet contoso-vnet: 2 address prefixes, 3 subnets (4 prefixes), 1 recognised as an ISE subnet"
        );
        assert_eq!(d.name, "my-ise");
        assert_eq!(
            d.resource_group, "ise-rg",
            "the ISE's resource group is kept"
        );
        assert_eq!(d.vnet.resource_group, "contoso-net");
        assert_eq!(d.subscription_id, "f34b22a3-2202-4fb1-b040-1332bd928c84");
        assert_eq!(d.dns_servers, ["10.20.0.4"]);
        assert_eq!(d.vnet.existing_subnets.len(), 4);
        assert_eq!(d.vnet.existing_subnets[2].name, "dual");
        assert_eq!(d.vnet.existing_subnets[2].prefix, "fd00:db8:0:1::/64");
        assert!(d.vnet.existing_subnets[3].ise_subnet);
        // The delegated subnet is bound to the first free ISE subnet; the pin is kept.
        assert_eq!(d.subnets[0].name, "ise-a");
        assert_eq!(d.subnets[0].prefix, "10.20.2.0/27");
        assert_eq!(d.subnets[3].prefix, "10.20.3.0/27");
        assert_eq!(summary.ise_subnets, ["ise-a"]);
    }

    #[test]
    fn a_second_import_unbinds_the_first() {
        let mut d = Design::default();
        import(AZ, &mut d).unwrap();
        assert_eq!(d.subnets[0].prefix, "10.20.2.0/27");
        let other =
            r#"{"name":"other","addressSpace":{"addressPrefixes":["10.9.0.0/24"]},"subnets":[]}"#;
        let s = import(other, &mut d).unwrap();
        assert_eq!(
            s.to_string(),
            "Imported VNet other: 1 address prefix, 0 subnets"
        );
        assert_eq!(
            d.subnets[0].prefix, "",
            "no longer bound to a subnet of the old VNet"
        );
        assert_eq!(d.subnets[0].name, "ise-a", "names are the user's and stay");
        assert!(d.vnet.existing_subnets.is_empty());
        assert!(
            s.notes.iter().any(|n| n.contains("resource ID")),
            "{:?}",
            s.notes
        );
    }

    #[test]
    fn errors_leave_the_design_alone() {
        let mut d = Design::default();
        let before = d.clone();
        for text in ["", "  ", "nope", "[]", "{}", "7", r#"{"foo":[1]}"#] {
            let err = import(text, &mut d).unwrap_err();
            assert!(!err.to_string().is_empty());
            assert_eq!(d, before);
        }
    }

    #[test]
    fn recognises_other_files() {
        assert_eq!(
            parse(&Design::default().to_json()).unwrap_err(),
            ImportError::DesignFile
        );
        assert_eq!(
            parse(r#"{"changeNumber":1,"cloud":"Public","values":[]}"#).unwrap_err(),
            ImportError::ServiceTagsFile
        );
    }

    #[test]
    fn several_vnets_are_refused_by_name() {
        let err = parse(
            r#"[{"name":"a","addressSpace":{"addressPrefixes":[]}},{"name":"b","subnets":[]}]"#,
        )
        .unwrap_err();
        assert_eq!(
            err,
            ImportError::SeveralVnets {
                count: 2,
                names: vec!["a".into(), "b".into()]
            }
        );
        assert!(err.to_string().contains("(a, b)"));
    }

    #[test]
    fn one_vnet_in_a_list_is_fine() {
        let v = parse(&format!("[{AZ}]")).unwrap();
        assert_eq!(v.name.as_deref(), Some("contoso-vnet"));
        let v = parse(&format!(r#"{{"value":[{AZ}]}}"#)).unwrap();
        assert_eq!(v.subnets.len(), 3);
    }

    #[test]
    fn an_address_space_without_prefixes_keeps_the_designs() {
        let v =
            parse(r#"{"name":"v","addressSpace":{"addressPrefixes":null},"subnets":[]}"#).unwrap();
        assert_eq!(v.address_prefixes, None);
        let v =
            parse(r#"{"name":"v","addressSpace":{"addressPrefixes":[]},"subnets":[]}"#).unwrap();
        assert_eq!(v.address_prefixes, Some(vec![]));
        // DHCP options without DNS servers: Azure's DNS.
        let v = parse(r#"{"name":"v","dhcpOptions":{},"subnets":[]}"#).unwrap();
        assert_eq!(v.dns_servers, Some(vec![]));
        let v = parse(r#"{"name":"v","subnets":[]}"#).unwrap();
        assert_eq!(v.dns_servers, None);
    }

    #[test]
    fn resource_ids() {
        let id = ResourceId::parse("/SUBSCRIPTIONS/s/resourcegroups/g/providers/Microsoft.Network/VirtualNetworks/v/Subnets/n");
        assert_eq!(id.subscription.as_deref(), Some("s"));
        assert_eq!(id.resource_group.as_deref(), Some("g"));
        assert_eq!(id.vnet.as_deref(), Some("v"));
        assert_eq!(id.subnet.as_deref(), Some("n"));
        assert_eq!(ResourceId::parse("garbage"), ResourceId::default());
    }

    #[test]
    fn messages_show_text_safely() {
        assert_eq!(shown("a\u{1b}[31mb\u{202e}"), "a\u{fffd}[31mb\u{fffd}");
        assert_eq!(shown(&"x".repeat(100)).chars().count(), 81);
    }

    #[test]
    fn type_names() {
        assert!(is_type_name(
            "System.Collections.Generic.List`1[System.String]"
        ));
        assert!(is_type_name(
            "Microsoft.Azure.Commands.Network.Models.PSSubnet"
        ));
        assert!(!is_type_name(
            "Microsoft.Logic/integrationServiceEnvironments"
        ));
        assert!(!is_type_name("10.0.0.0/24"));
    }
}
