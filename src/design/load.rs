//! Reading a saved design: versions, migration, bounded lists and lenient types — a value of
//! the wrong type is reset to its default and reported, never a reason to refuse the file.
//!
//! Steps: parse the JSON with every known list cut one entry past its cap (see
//! [`crate::design::limits`]), so a huge file costs no more than a capped one; refuse what is
//! not a design (not an object, no `version`, the planner's own output); migrate older
//! versions; then read the typed design, resetting each field, list entry or nested field
//! that does not have its type.

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{
    Certificate, DependencyAddresses, Design, ExistingSubnet, Firewall, GovernmentAddresses,
    Resource, StandardDesign, StandardSubnetSpec, SubnetSpec, VirtualNetwork, DESIGN_VERSION,
};
use crate::design::limits;
use crate::design::read::HandRead;

/// A design as read, with the fields that were reset because they did not have their type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub design: Design,
    /// Paths into the design JSON (`subnets`, `vnet.addressPrefixes`, `dnsServers[3]`) of
    /// values that had the wrong type and were replaced by their default (a list entry by a
    /// blank entry, so the other entries keep their positions). `null` counts as not given
    /// and is not listed.
    pub dropped: Vec<String>,
}

/// Why a saved design could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not a design: not an object, no `version`, or the planner's own output.
    NotADesign(String),
    /// A design whose fields could not be read even after resetting the wrong-typed ones
    /// (not expected: reading is lenient).
    Shape(String),
    /// Saved by a newer version of the planner.
    TooNew(u64),
    /// A version number this planner never wrote.
    UnknownVersion(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotJson(e) => write!(f, "this is not a design file (it is not valid JSON: {e})"),
            LoadError::NotADesign(why) => write!(f, "this is not an ISE Network Planner design: {why}"),
            LoadError::Shape(e) => write!(f, "this design file has a field of the wrong type: {e}"),
            LoadError::TooNew(v) => write!(
                f,
                "this design was saved by a newer ISE Network Planner (format version {v}); this one reads versions up to {DESIGN_VERSION}: update the planner"
            ),
            LoadError::UnknownVersion(v) => write!(f, "this design has format version {v}, which no ISE Network Planner wrote; set \"version\": {DESIGN_VERSION}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl Design {
    /// The largest design file the planner reads, in bytes: 64 MiB (the CLI's `--design` and
    /// the page's *Open design…*). A design at every cap of [`crate::design::limits`] is
    /// about 40 MB; anything larger is not a design.
    pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

    /// Reads a design from JSON — a saved file, an autosave, a share link's payload — and
    /// says which fields had the wrong type (they take their defaults).
    ///
    /// The object must say its `version`; older versions are migrated, missing fields take
    /// their defaults, unknown fields are ignored, lists are read up to one entry past their
    /// cap (the plan reports the excess). Never panics.
    pub fn load(text: &str) -> Result<Loaded, LoadError> {
        // Editors on Windows often start files with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(design) = read_directly(text) {
            return Ok(Loaded {
                design,
                dropped: Vec::new(),
            });
        }
        let parse = || -> Result<Map<String, Value>, LoadError> {
            let mut reader = serde_json::Deserializer::from_str(text);
            let value = Capped(None)
                .deserialize(&mut reader)
                .and_then(|v| reader.end().map(|()| v))
                .map_err(|e| LoadError::NotJson(e.to_string()))?;
            prepare(value)
        };
        // Most files read as they are: the value is consumed without copying its strings.
        // Only a file with wrong-typed fields is parsed again and repaired.
        let object = parse()?;
        match Design::read(&Value::Object(object), "") {
            Ok(design) => Ok(Loaded {
                design,
                dropped: Vec::new(),
            }),
            Err(_) => repaired(parse()?),
        }
    }

    /// Like [`Design::load`], from an already parsed value.
    pub fn load_value(value: Value) -> Result<Loaded, LoadError> {
        // The same bounds as for text: a value built in memory can be as large.
        let value = Capped(None)
            .deserialize(value)
            .map_err(|e| LoadError::NotJson(e.to_string()))?;
        let value = Value::Object(prepare(value)?);
        if let Ok(design) = Design::read(&value, "") {
            return Ok(Loaded {
                design,
                dropped: Vec::new(),
            });
        }
        match value {
            Value::Object(object) => repaired(object),
            other => Err(LoadError::NotADesign(format!(
                "it is {other}, not a JSON object in braces"
            ))),
        }
    }

    /// Reads a design from JSON; see [`Design::load`], which also says which fields were
    /// reset because they had the wrong type.
    pub fn from_json(text: &str) -> Result<Design, LoadError> {
        Design::load(text).map(|l| l.design)
    }

    /// Like [`Design::from_json`], from an already parsed value.
    pub fn from_value(value: Value) -> Result<Design, LoadError> {
        Design::load_value(value).map(|l| l.design)
    }
}

/// Refuses what is not a design and migrates older versions: the object to read.
fn prepare(value: Value) -> Result<Map<String, Value>, LoadError> {
    let Value::Object(mut object) = value else {
        return Err(LoadError::NotADesign(
            "it is not a JSON object in braces".into(),
        ));
    };
    if object.contains_key("findings") && object.contains_key("nsgRules") {
        return Err(LoadError::NotADesign("it is a plan (the planner's output), not the design it came from; open a file saved with Save design or `ise-plan --emit design`".into()));
    }
    let version = match object.get("version") {
        None => return Err(LoadError::NotADesign(format!("it has no \"version\" (a design file starts with {{\"version\": {DESIGN_VERSION}, …}})"))),
        Some(v) => version_of(v)?,
    };
    match version {
        1 => {
            migrate_v1(&mut object);
            migrate_v2(&mut object);
        }
        2 => migrate_v2(&mut object),
        3 => {}
        n if n > u64::from(DESIGN_VERSION) => return Err(LoadError::TooNew(n)),
        _ => return Err(LoadError::UnknownVersion(version.to_string())),
    }
    object.insert("version".into(), DESIGN_VERSION.into());
    Ok(object)
}

/// Reads an object that does not read as a design as it is: resets the wrong-typed fields.
fn repaired(mut object: Map<String, Value>) -> Result<Loaded, LoadError> {
    let mut dropped = Vec::new();
    repair_object::<Design>(&mut object, "", &mut dropped);
    let design = Design::read(&Value::Object(object), "").map_err(LoadError::Shape)?;
    Ok(Loaded { design, dropped })
}

/// The version a design says it has: a whole number (`1`, or `1.0` as some tools write it).
fn version_of(value: &Value) -> Result<u64, LoadError> {
    let unknown = || LoadError::UnknownVersion(value.to_string());
    if let Some(n) = value.as_u64() {
        return Ok(n);
    }
    match value.as_f64() {
        Some(x) if x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX) => Ok(x as u64),
        _ => Err(unknown()),
    }
}

/// Version 1 → 2: `forcedTunneling` was a boolean meaning ExpressRoute with forced
/// tunneling. (Existing subnets as bare prefix strings and the capacity as a number are
/// still read as they are.)
fn migrate_v1(object: &mut Map<String, Value>) {
    if let Some(Value::Bool(on)) = object.get("forcedTunneling") {
        let mode = if *on { "expressRoute" } else { "none" };
        object.insert("forcedTunneling".into(), mode.into());
    }
}

/// Version 2 → 3: version 3 added `view` (which plan the page shows) and `standard` (the
/// Logic Apps Standard network's inputs). A version-2 design has neither, so it opens on the
/// ISE view and the Standard inputs take their defaults; no field of version 2 changed
/// meaning, so nothing is rewritten. (Kept as a step so that the path from each version
/// stays written down, and the text reader, which reads such files directly, agrees.)
fn migrate_v2(_object: &mut Map<String, Value>) {}

// --- bounded parsing ------------------------------------------------------------------

/// Where a value sits in the document: its key (`[]` for a list entry) and its parent.
struct At<'a> {
    key: &'a str,
    up: Option<&'a At<'a>>,
}

impl At<'_> {
    /// The path in the form the limits use: `vnet.existingSubnets[].delegations`.
    fn dotted(&self) -> String {
        let mut keys = vec![self.key];
        let mut at = self.up;
        while let Some(a) = at {
            keys.push(a.key);
            at = a.up;
        }
        let mut out = String::new();
        for key in keys.into_iter().rev() {
            if !out.is_empty() && key != "[]" {
                out.push('.');
            }
            out.push_str(key);
        }
        out
    }
}

/// Reads any JSON value, keeping at most [`limits::load_cap`] entries of each known list and
/// skipping the rest unread into memory. `None` is the document's root.
struct Capped<'a>(Option<&'a At<'a>>);

impl<'de> DeserializeSeed<'de> for Capped<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Capped<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        // A list at the root is not a design: nothing of it is kept.
        let cap = match self.0 {
            None => 0,
            Some(at) => limits::load_cap(&at.dotted()).unwrap_or(usize::MAX),
        };
        let here = At {
            key: "[]",
            up: self.0,
        };
        let mut items = Vec::new();
        while items.len() < cap {
            match seq.next_element_seed(Capped(Some(&here)))? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = {
                let at = At {
                    key: &key,
                    up: self.0,
                };
                map.next_value_seed(Capped(Some(&at)))?
            };
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// Reading a plain design straight from text, natively (see [`direct::read_directly`]).
#[cfg(not(target_arch = "wasm32"))]
mod direct {
    use super::*;

    /// (Native only: the page reads every design through the hand-written reader, which keeps
    /// serde's derived reader out of its WebAssembly.)
    ///
    /// The common case, read straight into a design without building a JSON value first (less
    /// memory, and far fewer allocations left behind for the planner to work around): a current
    /// or version-1 design within every list's load cap whose fields all have their types. `None`:
    /// read it the careful way (which also gives the right error).
    pub(super) fn read_directly(text: &str) -> Option<Design> {
        let mut scanner = serde_json::Deserializer::from_str(text);
        let root = RootScan.deserialize(&mut scanner).ok()?;
        // Without a version (its default would hide that) or shaped like a plan: the careful way.
        if !root.has_version || (root.has_findings && root.has_nsg_rules) {
            return None;
        }
        let mut design: Design = serde_json::from_str(text).ok()?;
        if !(1..=DESIGN_VERSION).contains(&design.version) {
            return None;
        }
        design.version = DESIGN_VERSION;
        Some(design)
    }

    /// What the top of a document says, found by [`RootScan`]: only an object gets one.
    #[derive(Default)]
    struct Root {
        has_version: bool,
        has_findings: bool,
        has_nsg_rules: bool,
    }

    /// [`Scan`] for the document itself, which must be an object; notes its telling keys.
    struct RootScan;

    impl<'de> DeserializeSeed<'de> for RootScan {
        type Value = Root;

        fn deserialize<D: serde::Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Root, D::Error> {
            deserializer.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for RootScan {
        type Value = Root;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Root, A::Error> {
            let mut root = Root::default();
            while let Some(key) = map.next_key::<Key<'de>>()? {
                match key.0.as_ref() {
                    "version" => root.has_version = true,
                    "findings" => root.has_findings = true,
                    "nsgRules" => root.has_nsg_rules = true,
                    _ => {}
                }
                let at = At {
                    key: &key.0,
                    up: None,
                };
                map.next_value_seed(Scan(Some(&at)))?;
            }
            Ok(root)
        }
    }

    /// Walks a document without keeping it, failing at the first list longer than its load cap.
    struct Scan<'a>(Option<&'a At<'a>>);

    impl<'de> DeserializeSeed<'de> for Scan<'_> {
        type Value = ();

        fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Scan<'_> {
        type Value = ();

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("any JSON value")
        }

        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let cap = match self.0 {
                None => 0,
                Some(at) => limits::load_cap(&at.dotted()).unwrap_or(usize::MAX),
            };
            let here = At {
                key: "[]",
                up: self.0,
            };
            let mut n = 0;
            while seq.next_element_seed(Scan(Some(&here)))?.is_some() {
                n += 1;
                if n > cap {
                    return Err(serde::de::Error::custom("a list past its cap"));
                }
            }
            Ok(())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<Key<'de>>()? {
                let at = At {
                    key: &key.0,
                    up: self.0,
                };
                map.next_value_seed(Scan(Some(&at)))?;
            }
            Ok(())
        }
    }

    /// An object key, borrowed from the text when it has no escapes.
    struct Key<'de>(std::borrow::Cow<'de, str>);

    impl<'de> serde::Deserialize<'de> for Key<'de> {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct KeyVisitor;
            impl<'de> Visitor<'de> for KeyVisitor {
                type Value = Key<'de>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a key")
                }
                fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                    Ok(Key(std::borrow::Cow::Borrowed(v)))
                }
                fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                    Ok(Key(std::borrow::Cow::Owned(v.to_string())))
                }
            }
            deserializer.deserialize_str(KeyVisitor)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
use direct::read_directly;

// --- lenient reading ------------------------------------------------------------------

/// A part of the design that is read leniently: how to repair the value of one of its
/// fields when that value does not read as its type.
trait Repair: HandRead {
    /// Whether values of this type are JSON objects (repaired field by field).
    const OBJECT: bool;
    /// Repairs the value of field `key` in place, when the field is a container whose parts
    /// can be repaired one by one; `None`: the field is reset as a whole.
    fn nested(_key: &str) -> Option<Fixer> {
        None
    }
}

/// Repairs a value in place, recording the paths it resets.
type Fixer = fn(&mut Value, &str, &mut Vec<String>);

impl Repair for String {
    const OBJECT: bool = false;
}

impl Repair for Design {
    const OBJECT: bool = true;
    fn nested(key: &str) -> Option<Fixer> {
        Some(match key {
            "vnet" => object::<VirtualNetwork>,
            "firewall" => object::<Firewall>,
            "governmentAddresses" => object::<GovernmentAddresses>,
            "dependencyAddresses" => object::<DependencyAddresses>,
            "subnets" => list::<SubnetSpec>,
            "certificates" => list::<Certificate>,
            "standard" => object::<StandardDesign>,
            "dnsServers"
            | "connectorOutboundAddresses"
            | "callerAddresses"
            | "managedConnectors" => list::<String>,
            _ => return None,
        })
    }
}

impl Repair for VirtualNetwork {
    const OBJECT: bool = true;
    fn nested(key: &str) -> Option<Fixer> {
        Some(match key {
            "addressPrefixes" => list::<String>,
            "existingSubnets" => list::<ExistingSubnet>,
            _ => return None,
        })
    }
}

impl Repair for ExistingSubnet {
    const OBJECT: bool = true;
    fn nested(key: &str) -> Option<Fixer> {
        (key == "delegations").then_some(list::<String> as Fixer)
    }
}

impl Repair for GovernmentAddresses {
    const OBJECT: bool = true;
    fn nested(_key: &str) -> Option<Fixer> {
        Some(list::<String>)
    }
}

impl Repair for DependencyAddresses {
    const OBJECT: bool = true;
    fn nested(_key: &str) -> Option<Fixer> {
        Some(list::<String>)
    }
}

impl Repair for SubnetSpec {
    const OBJECT: bool = true;
}

impl Repair for StandardDesign {
    const OBJECT: bool = true;
    fn nested(key: &str) -> Option<Fixer> {
        Some(match key {
            "logicApp" | "storageAccount" => object::<Resource>,
            "integrationSubnet" | "privateEndpointSubnet" | "aseSubnet" => {
                object::<StandardSubnetSpec>
            }
            _ => return None,
        })
    }
}

impl Repair for Resource {
    const OBJECT: bool = true;
}

impl Repair for StandardSubnetSpec {
    const OBJECT: bool = true;
}

impl Repair for Certificate {
    const OBJECT: bool = true;
}

impl Repair for Firewall {
    const OBJECT: bool = true;
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Whether field `key` with `value` reads as a field of `T` (the other fields absent).
fn field_reads<T: HandRead>(key: &str, value: &Value) -> bool {
    let mut one = Map::new();
    one.insert(key.to_string(), value.clone());
    T::read(&Value::Object(one), "").is_ok()
}

/// Resets each field of `object` that does not read as a field of `T`: a `null` is removed
/// silently (not given), a container is repaired part by part, anything else is removed
/// (so it takes its default) and its path recorded.
fn repair_object<T: Repair>(
    object: &mut Map<String, Value>,
    path: &str,
    dropped: &mut Vec<String>,
) {
    let bad: Vec<String> = object
        .iter()
        .filter(|(k, v)| !field_reads::<T>(k, v))
        .map(|(k, _)| k.clone())
        .collect();
    for key in bad {
        if object.get(&key).is_some_and(Value::is_null) {
            object.remove(&key);
            continue;
        }
        let at = join(path, &key);
        if let (Some(fix), Some(value)) = (T::nested(&key), object.get_mut(&key)) {
            let before = dropped.len();
            fix(value, &at, dropped);
            if field_reads::<T>(&key, value) {
                continue;
            }
            // Not repairable part by part: the field is reset as a whole.
            dropped.truncate(before);
        }
        object.remove(&key);
        dropped.push(at);
    }
}

/// [`repair_object`] for a value that should be an object of `T` (else left as it is).
fn object<T: Repair>(value: &mut Value, path: &str, dropped: &mut Vec<String>) {
    if let Some(o) = value.as_object_mut() {
        repair_object::<T>(o, path, dropped);
    }
}

/// Repairs a list entry by entry: an entry that does not read as `E` is repaired field by
/// field when it is an object, else replaced by a blank entry (`""` or `{}`), so the
/// others keep their positions. A value that is not a list is left as it is.
fn list<E: Repair>(value: &mut Value, path: &str, dropped: &mut Vec<String>) {
    let Some(items) = value.as_array_mut() else {
        return;
    };
    for (i, item) in items.iter_mut().enumerate() {
        if E::read(item, "").is_ok() {
            continue;
        }
        let at = format!("{path}[{i}]");
        if E::OBJECT {
            if let Some(o) = item.as_object_mut() {
                let before = dropped.len();
                repair_object::<E>(o, &at, dropped);
                if E::read(item, "").is_ok() {
                    continue;
                }
                dropped.truncate(before);
            }
        }
        *item = if E::OBJECT {
            Value::Object(Map::new())
        } else {
            Value::String(String::new())
        };
        dropped.push(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{ForcedTunneling, Sku};

    fn loaded(text: &str) -> Loaded {
        Design::load(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn a_wrong_type_resets_the_field_and_is_reported() {
        let l = loaded(r#"{"version":2,"subnets":7,"name":"kept"}"#);
        assert_eq!(l.dropped, ["subnets"]);
        assert_eq!(l.design.subnets, crate::design::default_subnets());
        assert_eq!(l.design.name, "kept");

        let l = loaded(r#"{"version":2,"vnet":{"name":"v","addressPrefixes":5}}"#);
        assert_eq!(l.dropped, ["vnet.addressPrefixes"]);
        assert_eq!(l.design.vnet.name, "v");
        assert_eq!(l.design.vnet.address_prefixes, ["10.0.0.0/22"]);

        let l = loaded(
            r#"{"version":2,"sku":"Gold","forcedTunneling":true,"allowLoadBalancerRule":"yes"}"#,
        );
        let mut dropped = l.dropped.clone();
        dropped.sort();
        assert_eq!(dropped, ["allowLoadBalancerRule", "forcedTunneling", "sku"]);
        assert_eq!(l.design.sku, Sku::Premium);
        assert_eq!(l.design.forced_tunneling, ForcedTunneling::None);
    }

    #[test]
    fn list_entries_are_reset_one_by_one() {
        let l = loaded(
            r#"{"version":2,
                "dnsServers":["10.0.0.4",5,"10.0.0.5"],
                "vnet":{"existingSubnets":["10.0.0.0/24",{"name":"a","prefix":7},true,{"prefix":"10.0.1.0/24","delegations":"x"}]},
                "subnets":[{"name":"a"},3,{"name":"c","prefix":["x"]},{"name":"d"}],
                "certificates":[{"name":"root","publicCertificate":{}}],
                "dependencyAddresses":{"logicApps":["1.2.3.4",null]}}"#,
        );
        assert_eq!(
            l.dropped,
            [
                "dnsServers[1]",
                "vnet.existingSubnets[1].prefix",
                "vnet.existingSubnets[2]",
                "vnet.existingSubnets[3].delegations",
                "subnets[1]",
                "subnets[2].prefix",
                "certificates[0].publicCertificate",
                "dependencyAddresses.logicApps[1]",
            ]
        );
        let d = &l.design;
        assert_eq!(d.dns_servers, ["10.0.0.4", "", "10.0.0.5"]);
        assert_eq!(d.vnet.existing_subnets.len(), 4);
        assert_eq!(d.vnet.existing_subnets[1].name, "a");
        assert_eq!(d.vnet.existing_subnets[1].prefix, "");
        assert_eq!(d.vnet.existing_subnets[2], ExistingSubnet::default());
        assert_eq!(d.vnet.existing_subnets[3].prefix, "10.0.1.0/24");
        assert_eq!(d.subnets.len(), 4);
        assert_eq!(d.subnets[1], SubnetSpec::default());
        assert_eq!(
            (d.subnets[2].name.as_str(), d.subnets[2].prefix.as_str()),
            ("c", "")
        );
        assert_eq!(d.certificates[0].name, "root");
        assert_eq!(d.dependency_addresses.logic_apps, ["1.2.3.4", ""]);
    }

    #[test]
    fn the_standard_inputs_are_repaired_field_by_field() {
        let l = loaded(
            r#"{"version":3,"view":"both","standard":{"reuseIseSpace":"yes","hosting":"appServiceEnvironment",
                "logicApp":{"name":5,"isNew":false},"integrationSubnet":{"name":"i","prefix":[1]},
                "integrationSubnetSize":{"a":1},"planName":"p"}}"#,
        );
        assert_eq!(
            l.dropped,
            [
                "view",
                "standard.reuseIseSpace",
                "standard.logicApp.name",
                "standard.integrationSubnet.prefix",
                "standard.integrationSubnetSize",
            ]
        );
        let s = &l.design.standard;
        assert_eq!(s.hosting, crate::design::Hosting::AppServiceEnvironment);
        assert!(!s.reuse_ise_space && !s.logic_app.is_new);
        // A resource's own default name is empty (the plan then asks for one).
        assert_eq!(s.logic_app.name, "");
        assert_eq!(
            (
                s.integration_subnet.name.as_str(),
                s.integration_subnet.prefix.as_str()
            ),
            ("i", "")
        );
        assert_eq!(s.plan_name, "p");
        // Not an object at all: reset as a whole.
        let l = loaded(r#"{"version":3,"standard":[1,2,3,4,5,6,7,8,9,10,11,12]}"#);
        assert_eq!(l.dropped, ["standard"]);
        assert_eq!(l.design.standard, StandardDesign::default());
    }

    #[test]
    fn null_means_not_given() {
        let l = loaded(r#"{"version":2,"name":null,"vnet":null,"additionalCapacity":null}"#);
        assert!(l.dropped.is_empty(), "{:?}", l.dropped);
        assert_eq!(l.design.name, "ise-1");
        assert_eq!(l.design.vnet, VirtualNetwork::default());
        // A typed number keeps null as "nothing typed", as before.
        assert_eq!(l.design.additional_capacity.as_str(), "");
    }

    #[test]
    fn a_clean_design_reports_nothing() {
        let d = Design::default();
        assert_eq!(
            Design::load(&d.to_json()).unwrap(),
            Loaded {
                design: d,
                dropped: vec![]
            }
        );
    }

    #[test]
    fn lists_are_read_one_past_their_cap() {
        let n = limits::EXISTING_SUBNETS + 50;
        let subnets: Vec<String> = (0..n)
            .map(|i| format!("\"10.{}.{}.0/24\"", i >> 8 & 255, i & 255))
            .collect();
        let text = format!(
            r#"{{"version":2,"vnet":{{"existingSubnets":[{}]}},"subnets":[{}]}}"#,
            subnets.join(","),
            vec!["{}"; 2000].join(",")
        );
        let d = Design::from_json(&text).unwrap();
        assert_eq!(d.vnet.existing_subnets.len(), limits::EXISTING_SUBNETS + 1);
        assert_eq!(d.subnets.len(), limits::ISE_SUBNETS + 1);
        // The same from a parsed value.
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(Design::from_value(value).unwrap(), d);
        // Unknown lists are not cut; lists at the root are not designs.
        let d = Design::from_json(&format!(
            r#"{{"version":2,"other":[{}]}}"#,
            ["1"; 10].join(",")
        ))
        .unwrap();
        assert_eq!(d, Design::default());
        assert!(matches!(
            Design::from_json("[1,2,3]"),
            Err(LoadError::NotADesign(_))
        ));
    }

    #[test]
    fn paths_are_dotted() {
        let root = At {
            key: "vnet",
            up: None,
        };
        let list = At {
            key: "existingSubnets",
            up: Some(&root),
        };
        let entry = At {
            key: "[]",
            up: Some(&list),
        };
        let field = At {
            key: "delegations",
            up: Some(&entry),
        };
        assert_eq!(field.dotted(), "vnet.existingSubnets[].delegations");
    }
}
