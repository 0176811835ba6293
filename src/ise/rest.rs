//! The REST requests of the REST API article: the ISE PUT, the certificates-only PATCH and the
//! managed-connector PUTs, with strict-JSON bodies.

use serde::Serialize;
use serde_json::Value;

use crate::design::{AccessEndpoint, Cloud, Design, Sku};
use crate::ise::validate::Checked;

/// The API version the REST API article uses.
pub const API_VERSION: &str = "2019-05-01";
/// The resource type of an ISE.
pub const ISE_TYPE: &str = "Microsoft.Logic/integrationServiceEnvironments";
/// The placeholder a person replaces with a token from `az account get-access-token`.
pub const BEARER_PLACEHOLDER: &str = "Bearer {access-token}";

/// One HTTP request, ready to send with any client.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HttpRequest {
    pub method: &'static str,
    pub url: String,
    /// Header name and value, in sending order.
    pub headers: serde_json::Map<String, Value>,
    /// Strict JSON; `None` for a request without a body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
}

impl HttpRequest {
    /// The request as HTTP text — request line, headers, a blank line, the body — for a
    /// ticket or a REST client.
    pub fn to_http_text(&self) -> String {
        let mut out = format!("{} {}\n", self.method, self.url);
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {}\n", value.as_str().unwrap_or_default()));
        }
        if let Some(body) = &self.body {
            out.push('\n');
            out.push_str(&serde_json::to_string_pretty(body).unwrap_or_default());
            out.push('\n');
        }
        out
    }
}

/// The requests that create and complete the ISE.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestRequests {
    /// `PUT` the ISE (REST API article, "Send the request").
    pub create: HttpRequest,
    /// `PATCH` only the certificates of an existing ISE (REST API article, "Request body"); present
    /// when the design has certificates.
    pub certificates_patch: Option<HttpRequest>,
    /// `PUT` each managed ISE connector (the REST API article: "make your own HTTP PUT request for ISE
    /// connectors"), with the ISE's location as body, as Azure's SDKs send it.
    pub connectors: Vec<HttpRequest>,
}

/// Everything the requests need, already checked and normalised.
#[derive(Clone, Debug)]
pub struct RequestInputs<'a> {
    pub cloud: Cloud,
    pub subscription_id: &'a str,
    pub resource_group: &'a str,
    pub name: &'a str,
    /// The normalised region name.
    pub location: &'a str,
    pub sku: Sku,
    pub additional_capacity: i64,
    pub access_endpoint: AccessEndpoint,
    pub vnet_resource_group: &'a str,
    pub vnet_name: &'a str,
    pub subnet_names: Vec<&'a str>,
    /// Certificate name and base64 public certificate.
    pub certificates: Vec<(&'a str, &'a str)>,
    pub connectors: Vec<&'a str>,
}

// Body types: fields in the REST API article's order.
#[derive(Serialize)]
struct Body<'a> {
    id: String,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    location: &'a str,
    sku: SkuBody,
    properties: Properties,
}
#[derive(Serialize)]
struct SkuBody {
    name: Sku,
    capacity: i64,
}
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties {
    #[serde(skip_serializing_if = "Option::is_none")]
    network_configuration: Option<NetworkConfiguration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    certificates: Option<serde_json::Map<String, Value>>,
}
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NetworkConfiguration {
    access_endpoint: AccessEndpointBody,
    subnets: Vec<ResourceReference>,
}
#[derive(Serialize)]
struct AccessEndpointBody {
    #[serde(rename = "type")]
    kind: AccessEndpoint,
}
#[derive(Serialize)]
struct ResourceReference {
    id: String,
}

/// `sku.capacity` in the request: the number of *additional* processing units, the same
/// number the portal asks for — Azure's SKU list for 2019-05-01 gives Premium a capacity of
/// 0 to 10 (default 0) and Developer 0 to 0. The REST API article's `"capacity": 1` is one extra unit.
pub fn sku_capacity(sku: Sku, additional: i64) -> i64 {
    match sku {
        Sku::Premium => additional.clamp(0, 10),
        Sku::Developer => 0,
    }
}

fn segment(value: &str) -> String {
    crate::azure::cloud::url_segment(value)
}

/// The ISE's resource ID (not URL-encoded: IDs are raw in bodies).
pub fn ise_id(inputs: &RequestInputs<'_>) -> String {
    format!(
        "/subscriptions/{}/resourceGroups/{}/providers/{ISE_TYPE}/{}",
        inputs.subscription_id, inputs.resource_group, inputs.name
    )
}

/// A subnet's resource ID.
pub fn subnet_id(inputs: &RequestInputs<'_>, subnet: &str) -> String {
    format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/{}/subnets/{}",
        inputs.subscription_id, inputs.vnet_resource_group, inputs.vnet_name, subnet
    )
}

fn ise_url(inputs: &RequestInputs<'_>, suffix: &str) -> String {
    format!(
        "https://{}/subscriptions/{}/resourceGroups/{}/providers/{ISE_TYPE}/{}{suffix}?api-version={API_VERSION}",
        inputs.cloud.management_host(),
        segment(inputs.subscription_id),
        segment(inputs.resource_group),
        segment(inputs.name),
    )
}

fn headers(with_body: bool) -> serde_json::Map<String, Value> {
    let mut h = serde_json::Map::new();
    if with_body {
        h.insert("Content-Type".into(), "application/json".into());
    }
    h.insert("Authorization".into(), BEARER_PLACEHOLDER.into());
    h
}

fn certificates_object(inputs: &RequestInputs<'_>) -> Option<serde_json::Map<String, Value>> {
    if inputs.certificates.is_empty() {
        return None;
    }
    let mut map = serde_json::Map::new();
    for (name, public) in &inputs.certificates {
        map.insert(
            (*name).to_string(),
            serde_json::json!({ "publicCertificate": public, "kind": "TrustedRoot" }),
        );
    }
    Some(map)
}

/// The `PUT` body that creates the ISE (REST API article, "Request body").
pub fn create_body(inputs: &RequestInputs<'_>) -> Value {
    let body = Body {
        id: ise_id(inputs),
        name: inputs.name,
        kind: ISE_TYPE,
        location: inputs.location,
        sku: SkuBody {
            name: inputs.sku,
            capacity: sku_capacity(inputs.sku, inputs.additional_capacity),
        },
        properties: Properties {
            network_configuration: Some(NetworkConfiguration {
                access_endpoint: AccessEndpointBody {
                    kind: inputs.access_endpoint,
                },
                subnets: inputs
                    .subnet_names
                    .iter()
                    .map(|s| ResourceReference {
                        id: subnet_id(inputs, s),
                    })
                    .collect(),
            }),
            certificates: certificates_object(inputs),
        },
    };
    serde_json::to_value(body).unwrap_or(Value::Null)
}

/// The plan's step: the requests for the checked design (the VNet's resource group defaults
/// to the ISE's).
pub fn for_design(design: &Design, checked: &Checked) -> RestRequests {
    let vnet_rg = if design.vnet.resource_group.trim().is_empty() {
        design.resource_group.trim()
    } else {
        design.vnet.resource_group.trim()
    };
    let lists = &checked.lists;
    requests(&RequestInputs {
        cloud: design.cloud,
        subscription_id: design.subscription_id.trim(),
        resource_group: design.resource_group.trim(),
        name: design.name.trim(),
        location: &checked.location,
        sku: design.sku,
        additional_capacity: design.additional_capacity.value().unwrap_or(0),
        access_endpoint: design.access_endpoint,
        vnet_resource_group: vnet_rg,
        vnet_name: design.vnet.name.trim(),
        subnet_names: design.subnets.iter().map(|s| s.name.trim()).collect(),
        certificates: lists
            .certificates
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_str()))
            .collect(),
        connectors: lists.connectors.iter().map(String::as_str).collect(),
    })
}

/// All the requests for the design.
pub fn requests(inputs: &RequestInputs<'_>) -> RestRequests {
    let create = HttpRequest {
        method: "PUT",
        url: ise_url(inputs, ""),
        headers: headers(true),
        body: Some(create_body(inputs)),
    };
    let certificates_patch = certificates_object(inputs).map(|certs| HttpRequest {
        method: "PATCH",
        url: ise_url(inputs, ""),
        headers: headers(true),
        body: Some(serde_json::json!({ "properties": { "certificates": certs } })),
    });
    let connectors = inputs
        .connectors
        .iter()
        .map(|api| HttpRequest {
            method: "PUT",
            url: ise_url(inputs, &format!("/managedApis/{}", segment(api))),
            headers: headers(true),
            body: Some(serde_json::json!({ "location": inputs.location })),
        })
        .collect();
    RestRequests {
        create,
        certificates_patch,
        connectors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> RequestInputs<'static> {
        RequestInputs {
            cloud: Cloud::Public,
            subscription_id: "f34b22a3-2202-4fb1-b040-1332bd928c84",
            resource_group: "Fabrikam-RG",
            name: "Fabrikam-ISE",
            location: "westus2",
            sku: Sku::Premium,
            additional_capacity: 1, // the REST API article sends "capacity": 1
            access_endpoint: AccessEndpoint::External,
            vnet_resource_group: "Fabrikam-RG",
            vnet_name: "Fabrikam-VNET",
            subnet_names: vec!["subnet-1", "subnet-2", "subnet-3", "subnet-4"],
            certificates: vec![],
            connectors: vec!["sql"],
        }
    }

    #[test]
    fn put_matches_the_rest_article() {
        let r = requests(&sample());
        assert_eq!(r.create.url, "https://management.azure.com/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/Fabrikam-RG/providers/Microsoft.Logic/integrationServiceEnvironments/Fabrikam-ISE?api-version=2019-05-01");
        let body = r.create.body.unwrap();
        let keys: Vec<_> = body.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            ["id", "name", "type", "location", "sku", "properties"]
        );
        assert_eq!(
            body["sku"],
            serde_json::json!({"name": "Premium", "capacity": 1})
        );
        assert_eq!(
            body["properties"]["networkConfiguration"]["accessEndpoint"]["type"],
            "External"
        );
        assert_eq!(body["properties"]["networkConfiguration"]["subnets"][3]["id"], "/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/Fabrikam-RG/providers/Microsoft.Network/virtualNetworks/Fabrikam-VNET/subnets/subnet-4");
        assert!(body["properties"].get("certificates").is_none());
        assert!(r.certificates_patch.is_none());
        assert_eq!(r.connectors[0].url, "https://management.azure.com/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/Fabrikam-RG/providers/Microsoft.Logic/integrationServiceEnvironments/Fabrikam-ISE/managedApis/sql?api-version=2019-05-01");
        assert_eq!(
            r.connectors[0].body,
            Some(serde_json::json!({"location": "westus2"}))
        );
    }

    #[test]
    fn http_text() {
        let r = requests(&sample());
        let text = r.create.to_http_text();
        assert!(text.starts_with("PUT https://management.azure.com/subscriptions/"));
        assert!(text.contains(
            "\nContent-Type: application/json\nAuthorization: Bearer {access-token}\n\n{\n"
        ));
        let body: serde_json::Value =
            serde_json::from_str(text.split_once("\n\n").unwrap().1).unwrap();
        assert_eq!(Some(body), r.create.body);
    }

    #[test]
    fn capacity_means_base_plus_additional() {
        assert_eq!(sku_capacity(Sku::Premium, 0), 0);
        assert_eq!(sku_capacity(Sku::Premium, 1), 1);
        assert_eq!(sku_capacity(Sku::Premium, 10), 10);
        assert_eq!(sku_capacity(Sku::Premium, 99), 10);
        assert_eq!(sku_capacity(Sku::Developer, 3), 0);
    }

    #[test]
    fn hostile_values_are_encoded_in_urls_and_escaped_in_json() {
        let mut inputs = sample();
        inputs.name = "a/b?c\"d";
        inputs.cloud = Cloud::Government;
        let r = requests(&inputs);
        assert!(r
            .create
            .url
            .starts_with("https://management.usgovcloudapi.net/"));
        assert!(r.create.url.contains("/a%2Fb%3Fc%22d?api-version="));
        let text = serde_json::to_string(&r.create.body).unwrap();
        assert!(text.contains(r#""name":"a/b?c\"d""#));
    }

    #[test]
    fn certificates_in_body_and_patch() {
        let mut inputs = sample();
        inputs.certificates = vec![("testCertificate", "LS0tLS1CRUdJTiBDRV")];
        let r = requests(&inputs);
        let cert = &r.create.body.unwrap()["properties"]["certificates"]["testCertificate"];
        assert_eq!(cert["kind"], "TrustedRoot");
        let patch = r.certificates_patch.unwrap();
        assert_eq!(patch.method, "PATCH");
        assert_eq!(
            patch.body.unwrap()["properties"]["certificates"]["testCertificate"]
                ["publicCertificate"],
            "LS0tLS1CRUdJTiBDRV"
        );
    }
}
