//! What the Standard scripts send by REST, as JSON: the Workflow Standard plan and a new
//! logic app (the ARM template's bodies, the app's split where the storage key goes in at run
//! time), the PATCH of the app's network properties, the PATCH of its access restrictions,
//! and the App Service Environment.

use serde_json::{json, Value};

use super::resources::{self, JsonRefs, Resource};
use super::target::StandardTarget;
use super::WEB_API_VERSION;
use crate::export::tree::{to_plain_json, Node};

/// The body of a resource of the model: its entries but `name`.
fn body(r: &Resource) -> Value {
    to_plain_json(&Node::Map(
        r.body
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    ))
}

/// A new app's plan and its site, as `(plan body, site body in parts)`: the site's JSON
/// text cut where the storage account's key goes (twice: AzureWebJobsStorage and the
/// content share's connection).
pub fn new_app(t: &StandardTarget<'_>) -> Option<(Value, Vec<String>)> {
    let mut marker = "ISE_PLANNER_STORAGE_KEY".to_string();
    loop {
        let refs = JsonRefs {
            t,
            connection: t.storage_connection(&marker),
        };
        let list = resources::plan_and_site(t, &refs);
        let [plan, site] = list.as_slice() else {
            return None;
        };
        let text = serde_json::to_string(&body(site)).unwrap_or_default();
        let parts: Vec<String> = text.split(marker.as_str()).map(str::to_string).collect();
        // The marker must stand only where the key goes: longer until no value holds it.
        if parts.len() == 3 {
            return Some((body(plan), parts));
        }
        marker.push('_');
    }
}

/// The app's network properties, for a PATCH of the site: joined to the integration
/// subnet, all traffic through it, public access as planned.
pub fn site_network(t: &StandardTarget<'_>) -> Option<Value> {
    let app = t.app.as_ref()?;
    Some(json!({
        "properties": {
            "virtualNetworkSubnetId": t.subnet_id(app.subnet),
            "outboundVnetRouting": {"allTraffic": true},
            "publicNetworkAccess": app.public_network_access,
        }
    }))
}

/// The app's access restrictions and their default action, for a PATCH of `config/web`.
pub fn access_restrictions(t: &StandardTarget<'_>) -> Option<Value> {
    let app = t.app.as_ref()?;
    let action = app.default_action?;
    Some(json!({
        "properties": {
            "ipSecurityRestrictions": to_plain_json(&resources::access_restrictions(t)),
            "ipSecurityRestrictionsDefaultAction": action,
        }
    }))
}

/// The App Service Environment's body.
pub fn environment(t: &StandardTarget<'_>) -> Option<Value> {
    let refs = JsonRefs {
        t,
        connection: String::new(),
    };
    resources::environment(t, &refs).map(|r| body(&r))
}

/// A URL without scheme and host, as `Invoke-AzRestMethod -Path` takes it.
pub fn path(url: &str) -> &str {
    url.strip_prefix("https://")
        .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or(url)
}

/// The URLs of the plan, the site, its `config/web`, and the environment.
pub fn url(t: &StandardTarget<'_>, kind: &str, name: &str, suffix: &str) -> String {
    t.url(kind, name, suffix, WEB_API_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Design;

    #[test]
    fn the_site_is_cut_where_the_key_goes_whatever_the_names_hold() {
        let mut design = Design::default();
        design.standard.storage_account.name = "ISE_PLANNER_STORAGE_KEY".into();
        let plan = crate::migrate::plan(&design).standard;
        let t = StandardTarget::new(&design, &plan);
        let (plan_body, parts) = new_app(&t).unwrap();
        assert_eq!(plan_body["sku"]["name"], "WS1");
        assert_eq!(parts.len(), 3);
        let whole: Value = serde_json::from_str(&parts.join("KEY")).unwrap();
        let settings = whole["properties"]["siteConfig"]["appSettings"]
            .as_array()
            .unwrap();
        let storage = settings
            .iter()
            .find(|s| s["name"] == "AzureWebJobsStorage")
            .unwrap();
        assert_eq!(storage["value"], "DefaultEndpointsProtocol=https;AccountName=ISE_PLANNER_STORAGE_KEY;AccountKey=KEY;EndpointSuffix=core.windows.net");
        assert_eq!(
            whole["properties"]["outboundVnetRouting"]["allTraffic"],
            true
        );
        assert!(site_network(&t).is_some() && access_restrictions(&t).is_none());
    }
}
