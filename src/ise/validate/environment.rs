//! Checks of the environment: subscription, resource groups, ISE name, region, SKU capacity.

use crate::azure::{names, regions};
use crate::design::{Design, Sku};
use crate::findings::{code, Findings};

/// Checks the environment fields; returns the normalised region name for the request.
pub fn check(design: &Design, f: &mut Findings) -> String {
    subscription(design, f);
    resource_groups(design, f);
    names_of(design, f);
    let location = location(design, f);
    capacity(design, f);
    location
}

/// The subscription ID: a GUID, not the all-zero placeholder.
fn subscription(design: &Design, f: &mut Findings) {
    let sub = design.subscription_id.trim();
    if sub.is_empty() {
        f.error(code::SUBSCRIPTION_ID_MISSING, "subscriptionId", "Enter the subscription ID (a GUID such as f34b22a3-2202-4fb1-b040-1332bd928c84); find it with `az account show`.");
    } else if !names::is_guid(sub) {
        f.error(code::SUBSCRIPTION_ID_INVALID, "subscriptionId", format!("\"{sub}\" is not a subscription ID; use the GUID form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (the ID, not the subscription's name)."));
    } else if sub.chars().all(|c| c == '0' || c == '-') {
        f.info(code::SUBSCRIPTION_ID_PLACEHOLDER, "subscriptionId", "The all-zero subscription ID is a placeholder; replace it with yours before sending the request.");
    }
}

/// The ISE's resource group, and the VNet's when it has its own.
fn resource_groups(design: &Design, f: &mut Findings) {
    let rg = design.resource_group.trim();
    if rg.is_empty() {
        f.error(
            code::RESOURCE_GROUP_MISSING,
            "resourceGroup",
            "Enter the resource group that will hold the ISE.",
        );
    } else if let Some(problem) = names::resource_group_problem(rg) {
        f.error(
            code::RESOURCE_GROUP_INVALID,
            "resourceGroup",
            format!("The resource group name {problem}."),
        );
    }
    let vnet_rg = design.vnet.resource_group.trim();
    if let Some(problem) = (!vnet_rg.is_empty())
        .then(|| names::resource_group_problem(vnet_rg))
        .flatten()
    {
        f.error(code::VNET_RESOURCE_GROUP_INVALID, "vnet.resourceGroup", format!("The virtual network's resource group name {problem}; leave it empty when the VNet is in the ISE's resource group."));
    }
}

/// The virtual network's name and the ISE's.
fn names_of(design: &Design, f: &mut Findings) {
    let vnet_name = design.vnet.name.trim();
    if vnet_name.is_empty() {
        f.error(code::VNET_NAME_MISSING, "vnet.name", "Enter the name of the virtual network the ISE joins; the subnet IDs in the request use it.");
    } else if let Some(problem) = names::vnet_name_problem(vnet_name) {
        f.error(
            code::VNET_NAME_INVALID,
            "vnet.name",
            format!("The virtual network name {problem}."),
        );
    }

    let name = design.name.trim();
    if name.is_empty() {
        f.error(
            code::ISE_NAME_MISSING,
            "name",
            "Enter a name for the ISE (letters, numbers, '-', '_' and '.').",
        );
    } else if let Some(problem) = names::ise_name_problem(name) {
        f.error(
            code::ISE_NAME_INVALID,
            "name",
            format!("The ISE name {problem}."),
        );
    }
}

/// The region: known, and of the design's cloud; its normalised name.
fn location(design: &Design, f: &mut Findings) -> String {
    let location = regions::normalise(&design.location);
    if location.is_empty() {
        f.error(
            code::LOCATION_MISSING,
            "location",
            "Choose the Azure region for the ISE; it must be the virtual network's region.",
        );
    } else {
        match regions::find(&location) {
            None => f.warning(code::LOCATION_UNKNOWN, "location", format!("\"{}\" is not an Azure region this planner knows; check the spelling (for example westeurope or \"West Europe\").", design.location.trim())),
            Some(region) if region.cloud != design.cloud => f.warning(
                code::LOCATION_CLOUD_MISMATCH,
                "location",
                format!("{} is a region of {}, but the design targets {}; change the region or the cloud.", region.display_name, region.cloud.display_name(), design.cloud.display_name()),
            ),
            Some(_) => {}
        }
    }
    location
}

/// Premium: 0 to 10 additional units; Developer: none.
fn capacity(design: &Design, f: &mut Findings) {
    let typed = design.additional_capacity.as_str().trim();
    match (design.sku, design.additional_capacity.value()) {
        (Sku::Premium, None) if typed.is_empty() => f.error(
            code::CAPACITY_INVALID,
            "additionalCapacity",
            "Enter the additional capacity: a whole number from 0 to 10 (0 when the base unit is enough).",
        ),
        (Sku::Premium, None) => f.error(
            code::CAPACITY_INVALID,
            "additionalCapacity",
            format!("\"{typed}\" is not a whole number; a Premium ISE takes 0 to 10 extra processing units on top of its base unit."),
        ),
        (Sku::Premium, Some(n)) if !(0..=10).contains(&n) => f.error(
            code::CAPACITY_OUT_OF_RANGE,
            "additionalCapacity",
            format!("Additional capacity {n} is out of range; a Premium ISE takes 0 to 10 extra processing units on top of its base unit."),
        ),
        (Sku::Developer, n) if !typed.is_empty() && n != Some(0) => f.warning(
            code::CAPACITY_NOT_APPLICABLE,
            "additionalCapacity",
            "The Developer SKU cannot add capacity; the request sends capacity 0. Set additional capacity to 0, or choose Premium.",
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(design: &Design) -> Vec<&'static str> {
        let mut f = Findings::default();
        check(design, &mut f);
        f.0.iter().map(|x| x.code).collect()
    }

    #[test]
    fn default_design_only_has_the_placeholder_note() {
        assert_eq!(
            codes(&Design::default()),
            [code::SUBSCRIPTION_ID_PLACEHOLDER]
        );
    }

    #[test]
    fn each_code() {
        let d = |f: fn(&mut Design)| {
            let mut d = Design {
                subscription_id: "f34b22a3-2202-4fb1-b040-1332bd928c84".into(),
                ..Design::default()
            };
            f(&mut d);
            codes(&d)
        };
        assert_eq!(d(|_| {}), Vec::<&str>::new());
        assert_eq!(
            d(|d| d.subscription_id = " ".into()),
            [code::SUBSCRIPTION_ID_MISSING]
        );
        assert_eq!(
            d(|d| d.subscription_id = "my-subscription".into()),
            [code::SUBSCRIPTION_ID_INVALID]
        );
        assert_eq!(
            d(|d| d.resource_group = "".into()),
            [code::RESOURCE_GROUP_MISSING]
        );
        assert_eq!(
            d(|d| d.resource_group = "a b".into()),
            [code::RESOURCE_GROUP_INVALID]
        );
        assert_eq!(
            d(|d| d.vnet.resource_group = "net.".into()),
            [code::VNET_RESOURCE_GROUP_INVALID]
        );
        assert_eq!(d(|d| d.name = "".into()), [code::ISE_NAME_MISSING]);
        assert_eq!(d(|d| d.vnet.name = "".into()), [code::VNET_NAME_MISSING]);
        assert_eq!(
            d(|d| d.vnet.name = "vnet-".into()),
            [code::VNET_NAME_INVALID]
        );
        assert_eq!(
            d(|d| d.name = "ise<script>".into()),
            [code::ISE_NAME_INVALID]
        );
        assert_eq!(d(|d| d.location = "".into()), [code::LOCATION_MISSING]);
        assert_eq!(
            d(|d| d.location = "Mars North".into()),
            [code::LOCATION_UNKNOWN]
        );
        assert_eq!(
            d(|d| d.location = "usgovvirginia".into()),
            [code::LOCATION_CLOUD_MISMATCH]
        );
        assert_eq!(
            d(|d| d.additional_capacity = 11.into()),
            [code::CAPACITY_OUT_OF_RANGE]
        );
        assert_eq!(
            d(|d| d.additional_capacity = (-1).into()),
            [code::CAPACITY_OUT_OF_RANGE]
        );
        assert_eq!(
            d(|d| {
                d.sku = Sku::Developer;
                d.additional_capacity = 2.into()
            }),
            [code::CAPACITY_NOT_APPLICABLE]
        );
        assert_eq!(d(|d| d.additional_capacity = 10.into()), Vec::<&str>::new());
        assert_eq!(
            d(|d| d.additional_capacity = crate::design::TypedNumber("2.5".into())),
            [code::CAPACITY_INVALID]
        );
        assert_eq!(
            d(|d| d.additional_capacity = crate::design::TypedNumber("".into())),
            [code::CAPACITY_INVALID]
        );
        assert_eq!(
            d(|d| {
                d.sku = Sku::Developer;
                d.additional_capacity = crate::design::TypedNumber("".into())
            }),
            Vec::<&str>::new()
        );
    }
}
