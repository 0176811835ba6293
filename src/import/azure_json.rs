//! A lenient, bounded reader of the JSON that Azure's tools print for virtual networks and
//! subnets: it keeps only the keys the importer needs, in any letter case (the Azure CLI and
//! REST use camelCase, PowerShell PascalCase), skips everything else without storing it, and
//! stops keeping objects after a budget, so a huge file costs time in proportion to its size
//! but memory only in proportion to what is kept.
//!
//! Values of an unexpected type never fail the read: they are recorded as such ([`Field`]),
//! and the importer decides what they mean (PowerShell's `ConvertTo-Json` writes type names
//! where it stopped descending).

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Objects kept at most, over the whole file (a virtual network's subnet typically takes
/// four: the subnet, its `properties`, a delegation and its `properties`).
pub const MAX_OBJECTS: usize = 25_000;
/// Strings kept at most per list (address prefixes, DNS servers).
pub const MAX_STRINGS: usize = 1_000;
/// Objects nested deeper than this are skipped unread (a whole ARM template with a
/// delegation's properties needs 7), so the reader's own recursion stays shallow: serde_json
/// skips what is not read without recursing.
pub const MAX_DEPTH: usize = 16;

/// A value as found where the importer looks for one.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Field<T> {
    /// The key is not there.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// The expected shape.
    Found(T),
    /// A string where an object or a list belongs: a type name written by PowerShell past
    /// its depth, an ARM template expression, or a single value.
    Text(String),
    /// Another type (a number where a list belongs…).
    Other,
}

impl<T> Field<T> {
    /// The value, when it has the expected shape.
    pub fn found(&self) -> Option<&T> {
        match self {
            Field::Found(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the key is there with any value but `null`.
    pub fn is_present(&self) -> bool {
        !matches!(self, Field::Absent | Field::Null)
    }
}

/// The first items of a list, and how many it had.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct List<T> {
    pub items: Vec<T>,
    /// Every item the file holds, kept or not.
    pub total: usize,
}

/// A JSON object reduced to the keys the importer reads. One type serves every level
/// (virtual network, `properties`, `addressSpace`, subnet, delegation, template).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// Some recognised key was written in PascalCase (PowerShell).
    pub pascal: bool,
    pub name: Option<String>,
    pub id: Option<String>,
    /// `type`.
    pub kind: Option<String>,
    pub location: Option<String>,
    /// `resourceGroup` (Azure CLI) or `ResourceGroupName` (PowerShell).
    pub resource_group: Option<String>,
    /// An ARM template's `$schema`.
    pub schema: Option<String>,
    /// A delegation's `serviceName`.
    pub service_name: Option<String>,
    pub address_space: Field<Box<Node>>,
    pub dhcp_options: Field<Box<Node>>,
    pub properties: Field<Box<Node>>,
    /// `addressPrefix`: a string (CLI, REST) or a list (PowerShell's `AddressPrefix`).
    pub address_prefix: Field<List<String>>,
    pub address_prefixes: Field<List<String>>,
    pub dns_servers: Field<List<String>>,
    pub subnets: Field<List<Field<Node>>>,
    pub delegations: Field<List<Field<Node>>>,
    /// An ARM template's `resources`.
    pub resources: Field<List<Field<Node>>>,
    /// A REST list response's `value`, or a template variable's value.
    pub value: Field<List<Field<Node>>>,
    /// An ARM template's `parameters` (name → object with `defaultValue`).
    pub parameters: Field<List<(String, Field<Node>)>>,
    /// An ARM template's `variables` (name → value).
    pub variables: Field<List<(String, Field<Node>)>>,
    /// A template parameter's `defaultValue`: a string or a list of strings.
    pub default_value: Field<List<String>>,
    /// Keys that tell other files apart: a planner design (`version` and `vnet`), Azure's
    /// Service Tags file (`changeNumber`).
    pub has_version: bool,
    pub has_vnet: bool,
    pub has_change_number: bool,
}

/// A read file: one object, or a list (the CLI's and PowerShell's lists).
#[derive(Clone, Debug, PartialEq)]
pub enum Root {
    Object(Box<Node>),
    Array(List<Field<Node>>),
    /// A string, number, boolean or null.
    Scalar,
}

/// Reads `text`; fails only when it is not JSON (or nests deeper than 128 levels).
pub fn read(text: &str) -> Result<Root, serde_json::Error> {
    let budget = Budget {
        objects: Cell::new(MAX_OBJECTS),
        depth: Cell::new(0),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let root = de.deserialize_any(RootVisitor(&budget))?;
    de.end()?;
    Ok(root)
}

/// How many more objects may be kept, and how deep the reader is.
struct Budget {
    objects: Cell<usize>,
    depth: Cell<usize>,
}

impl Budget {
    fn left(&self) -> bool {
        self.objects.get() > 0
    }
    fn spend(&self) {
        self.objects.set(self.objects.get().saturating_sub(1));
    }
}

#[derive(Clone, Copy)]
enum Key {
    Name,
    Id,
    Kind,
    Location,
    ResourceGroup,
    Schema,
    ServiceName,
    AddressSpace,
    DhcpOptions,
    Properties,
    AddressPrefix,
    AddressPrefixes,
    DnsServers,
    Subnets,
    Delegations,
    Resources,
    Value,
    Parameters,
    Variables,
    DefaultValue,
    Version,
    Vnet,
    ChangeNumber,
    Unknown,
}

/// A key, recognised without regard to case.
struct KeyName {
    key: Key,
    pascal: bool,
}

impl<'de> de::Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyName, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = KeyName;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<KeyName, E> {
        const KEYS: &[(&str, Key)] = &[
            ("name", Key::Name),
            ("id", Key::Id),
            ("type", Key::Kind),
            ("location", Key::Location),
            ("resourcegroup", Key::ResourceGroup),
            ("resourcegroupname", Key::ResourceGroup),
            ("$schema", Key::Schema),
            ("servicename", Key::ServiceName),
            ("addressspace", Key::AddressSpace),
            ("dhcpoptions", Key::DhcpOptions),
            ("properties", Key::Properties),
            ("addressprefix", Key::AddressPrefix),
            ("addressprefixes", Key::AddressPrefixes),
            ("dnsservers", Key::DnsServers),
            ("subnets", Key::Subnets),
            ("delegations", Key::Delegations),
            ("resources", Key::Resources),
            ("value", Key::Value),
            ("parameters", Key::Parameters),
            ("variables", Key::Variables),
            ("defaultvalue", Key::DefaultValue),
            ("version", Key::Version),
            ("vnet", Key::Vnet),
            ("changenumber", Key::ChangeNumber),
        ];
        let key = KEYS
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(s))
            .map_or(Key::Unknown, |(_, key)| *key);
        let pascal =
            !matches!(key, Key::Unknown) && s.starts_with(|c: char| c.is_ascii_uppercase());
        Ok(KeyName { key, pascal })
    }
}

/// Skips the rest of a list.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Skips the rest of an object.
fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Implements the scalar and container arms of a visitor whose value is a `Field<T>`: a
/// string is `Text`, null is `Null`, everything else not handled is `Other` (consumed).
macro_rules! field_visitor_defaults {
    () => {
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
            Ok(Field::Text(s.to_owned()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Field::Null)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Field::Null)
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Field::Other)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Field::Other)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Field::Other)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Field::Other)
        }
    };
}

/// A string, or nothing for any other value (consumed).
struct Text;

impl<'de> DeserializeSeed<'de> for Text {
    type Value = Option<String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<String>, E> {
        Ok(Some(s.to_owned()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<String>, A::Error> {
        skip_seq(seq).map(|()| None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<String>, A::Error> {
        skip_map(map).map(|()| None)
    }
}

/// A list of strings (other items skipped), or a single string as `Text`.
struct Strings;

impl<'de> DeserializeSeed<'de> for Strings {
    type Value = Field<List<String>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(StringsVisitor)
    }
}

struct StringsVisitor;

impl<'de> Visitor<'de> for StringsVisitor {
    type Value = Field<List<String>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    field_visitor_defaults!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut list = List::default();
        while let Some(item) = seq.next_element_seed(Text)? {
            if let Some(s) = item {
                list.total += 1;
                if list.items.len() < MAX_STRINGS {
                    list.items.push(s);
                }
            }
        }
        Ok(Field::Found(list))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| Field::Other)
    }
}

/// An object read as a [`Node`].
struct NodeReader<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for NodeReader<'_> {
    type Value = Field<Node>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(NodeVisitor(self.0))
    }
}

struct NodeVisitor<'b>(&'b Budget);

impl<'de> Visitor<'de> for NodeVisitor<'_> {
    type Value = Field<Node>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    field_visitor_defaults!();
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| Field::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let depth = self.0.depth.get();
        if depth >= MAX_DEPTH {
            return skip_map(map).map(|()| Field::Other);
        }
        self.0.depth.set(depth + 1);
        let node = read_node(map, self.0);
        self.0.depth.set(depth);
        node.map(Field::Found)
    }
}

fn boxed(field: Field<Node>) -> Field<Box<Node>> {
    match field {
        Field::Absent => Field::Absent,
        Field::Null => Field::Null,
        Field::Found(n) => Field::Found(Box::new(n)),
        Field::Text(s) => Field::Text(s),
        Field::Other => Field::Other,
    }
}

fn read_node<'de, A: MapAccess<'de>>(mut map: A, budget: &Budget) -> Result<Node, A::Error> {
    budget.spend();
    let mut node = Node::default();
    while let Some(KeyName { key, pascal }) = map.next_key::<KeyName>()? {
        node.pascal |= pascal;
        match key {
            Key::Name => node.name = map.next_value_seed(Text)?,
            Key::Id => node.id = map.next_value_seed(Text)?,
            Key::Kind => node.kind = map.next_value_seed(Text)?,
            Key::Location => node.location = map.next_value_seed(Text)?,
            Key::ResourceGroup => node.resource_group = map.next_value_seed(Text)?,
            Key::Schema => node.schema = map.next_value_seed(Text)?,
            Key::ServiceName => node.service_name = map.next_value_seed(Text)?,
            Key::AddressSpace => {
                node.address_space = boxed(map.next_value_seed(NodeReader(budget))?)
            }
            Key::DhcpOptions => node.dhcp_options = boxed(map.next_value_seed(NodeReader(budget))?),
            Key::Properties => node.properties = boxed(map.next_value_seed(NodeReader(budget))?),
            Key::AddressPrefix => node.address_prefix = map.next_value_seed(Strings)?,
            Key::AddressPrefixes => node.address_prefixes = map.next_value_seed(Strings)?,
            Key::DnsServers => node.dns_servers = map.next_value_seed(Strings)?,
            Key::DefaultValue => node.default_value = map.next_value_seed(Strings)?,
            Key::Subnets => node.subnets = map.next_value_seed(Nodes(budget))?,
            Key::Delegations => node.delegations = map.next_value_seed(Nodes(budget))?,
            Key::Resources => node.resources = map.next_value_seed(Nodes(budget))?,
            Key::Value => node.value = map.next_value_seed(Nodes(budget))?,
            Key::Parameters => node.parameters = map.next_value_seed(Named(budget))?,
            Key::Variables => node.variables = map.next_value_seed(Named(budget))?,
            Key::Version => {
                node.has_version = true;
                map.next_value::<IgnoredAny>()?;
            }
            Key::Vnet => {
                node.has_vnet = true;
                map.next_value::<IgnoredAny>()?;
            }
            Key::ChangeNumber => {
                node.has_change_number = true;
                map.next_value::<IgnoredAny>()?;
            }
            Key::Unknown => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(node)
}

/// Reads list items as nodes while the budget lasts, then only counts them.
fn read_nodes<'de, A: SeqAccess<'de>>(
    mut seq: A,
    budget: &Budget,
) -> Result<List<Field<Node>>, A::Error> {
    let mut list = List::default();
    loop {
        if budget.left() {
            match seq.next_element_seed(NodeReader(budget))? {
                Some(item) => list.items.push(item),
                None => break,
            }
        } else if seq.next_element::<IgnoredAny>()?.is_none() {
            break;
        }
        list.total += 1;
    }
    Ok(list)
}

/// A list of objects (a string in its place is `Text`).
struct Nodes<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for Nodes<'_> {
    type Value = Field<List<Field<Node>>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(NodesVisitor(self.0))
    }
}

struct NodesVisitor<'b>(&'b Budget);

impl<'de> Visitor<'de> for NodesVisitor<'_> {
    type Value = Field<List<Field<Node>>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    field_visitor_defaults!();
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        read_nodes(seq, self.0).map(Field::Found)
    }
    /// Windows PowerShell 5.1 sometimes writes a list as `{"value": [...], "Count": n}`.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Ok(match NodeVisitor(self.0).visit_map(map)? {
            Field::Found(Node {
                value: Field::Found(list),
                ..
            }) => Field::Found(list),
            _ => Field::Other,
        })
    }
}

/// An object of named values (a template's `parameters` or `variables`).
struct Named<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for Named<'_> {
    type Value = Field<List<(String, Field<Node>)>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(NamedVisitor(self.0))
    }
}

struct NamedVisitor<'b>(&'b Budget);

impl<'de> Visitor<'de> for NamedVisitor<'_> {
    type Value = Field<List<(String, Field<Node>)>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    field_visitor_defaults!();
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| Field::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut list = List::default();
        while let Some(name) = map.next_key::<String>()? {
            list.total += 1;
            if self.0.left() {
                let value = map.next_value_seed(NodeReader(self.0))?;
                list.items.push((name, value));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Field::Found(list))
    }
}

struct RootVisitor<'b>(&'b Budget);

impl<'de> Visitor<'de> for RootVisitor<'_> {
    type Value = Root;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object or list")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Root, A::Error> {
        read_node(map, self.0).map(|n| Root::Object(Box::new(n)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Root, A::Error> {
        read_nodes(seq, self.0).map(Root::Array)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Root, E> {
        Ok(Root::Scalar)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Root, E> {
        Ok(Root::Scalar)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Root, E> {
        Ok(Root::Scalar)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Root, E> {
        Ok(Root::Scalar)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Root, E> {
        Ok(Root::Scalar)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Root, E> {
        Ok(Root::Scalar)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(text: &str) -> Node {
        match read(text).unwrap() {
            Root::Object(n) => *n,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn keys_in_any_case_and_unknown_ones_skipped() {
        let n = object(
            r#"{"Name":"a","ID":"/x","Foo":{"subnets":[1]},"addressSpace":{"AddressPrefixes":["10.0.0.0/16",5,"fd00::/48"]}}"#,
        );
        assert!(n.pascal);
        assert_eq!(n.name.as_deref(), Some("a"));
        assert_eq!(n.id.as_deref(), Some("/x"));
        assert_eq!(
            n.subnets,
            Field::Absent,
            "keys under unknown keys are not read"
        );
        let space = n.address_space.found().unwrap();
        assert_eq!(
            space.address_prefixes.found().unwrap().items,
            ["10.0.0.0/16", "fd00::/48"]
        );
        assert!(!object(r#"{"name":"a","Unknown":1}"#).pascal);
    }

    #[test]
    fn unexpected_types_are_recorded_not_fatal() {
        let n = object(
            r#"{"name":5,"subnets":"Microsoft.Azure.Commands.Network.Models.PSSubnet","addressPrefix":"10.0.0.0/24","delegations":{"a":1},"properties":[1,2],"dhcpOptions":null}"#,
        );
        assert_eq!(n.name, None);
        assert_eq!(
            n.subnets,
            Field::Text("Microsoft.Azure.Commands.Network.Models.PSSubnet".into())
        );
        assert_eq!(n.address_prefix, Field::Text("10.0.0.0/24".into()));
        assert_eq!(n.delegations, Field::Other);
        assert_eq!(n.properties, Field::Other);
        assert_eq!(n.dhcp_options, Field::Null);
        assert!(!n.dhcp_options.is_present());
    }

    #[test]
    fn roots() {
        assert_eq!(read("7").unwrap(), Root::Scalar);
        assert_eq!(read("null").unwrap(), Root::Scalar);
        match read(r#"[{"name":"a"},"b",3]"#).unwrap() {
            Root::Array(list) => {
                assert_eq!(list.total, 3);
                assert_eq!(list.items[1], Field::Text("b".into()));
                assert_eq!(list.items[2], Field::Other);
            }
            other => panic!("{other:?}"),
        }
        assert!(read("{").is_err());
        assert!(read("{} {}").is_err(), "trailing content");
        assert!(read(&"[".repeat(200)).is_err(), "unclosed");
        let deep = format!(
            "{}{{}}{}",
            r#"{"properties":"#.repeat(MAX_DEPTH + 5),
            "}".repeat(MAX_DEPTH + 5)
        );
        let mut n = object(&deep);
        for _ in 0..MAX_DEPTH {
            n = match n.properties {
                Field::Found(p) => *p,
                other => panic!("{other:?}"),
            };
        }
        assert_eq!(n.properties, Field::Other, "skipped past the depth");
    }

    #[test]
    fn the_budget_caps_what_is_kept_not_what_is_counted() {
        let n = MAX_OBJECTS + 500;
        let text = format!("[{}{{}}]", "{},".repeat(n - 1));
        match read(&text).unwrap() {
            Root::Array(list) => {
                assert_eq!(list.total, n);
                assert_eq!(list.items.len(), MAX_OBJECTS);
            }
            other => panic!("{other:?}"),
        }
        let text = format!(
            r#"{{"addressPrefix":[{}"x"]}}"#,
            "\"x\",".repeat(MAX_STRINGS)
        );
        let list = object(&text).address_prefix.found().cloned().unwrap();
        assert_eq!(
            (list.items.len(), list.total),
            (MAX_STRINGS, MAX_STRINGS + 1)
        );
    }

    #[test]
    fn lists_wrapped_by_windows_powershell() {
        let n = object(
            r#"{"Subnets":{"value":[{"Name":"a"},{"Name":"b"}],"Count":2},"Delegations":{"Count":0}}"#,
        );
        let list = n.subnets.found().unwrap();
        assert_eq!(list.total, 2);
        assert_eq!(n.delegations, Field::Other);
    }

    #[test]
    fn template_parameters_and_variables() {
        let n = object(
            r#"{"parameters":{"vnetName":{"type":"string","defaultValue":"contoso"},"prefixes":{"defaultValue":["10.0.0.0/16"]}},"variables":{"x":"y"}}"#,
        );
        let params = n.parameters.found().unwrap();
        assert_eq!(params.items[0].0, "vnetName");
        let Field::Found(p) = &params.items[0].1 else {
            panic!()
        };
        assert_eq!(p.default_value, Field::Text("contoso".into()));
        let Field::Found(p) = &params.items[1].1 else {
            panic!()
        };
        assert_eq!(p.default_value.found().unwrap().items, ["10.0.0.0/16"]);
        assert_eq!(
            n.variables.found().unwrap().items[0],
            ("x".into(), Field::Text("y".into()))
        );
    }
}
