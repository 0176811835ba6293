//! The checklist: what a person must still do or watch to move from the ISE to the Standard
//! network — export the workflows, re-authenticate connections, deploy storage rightly, test
//! from the right place — each item citing the article that says so.

use serde::Serialize;

use crate::design::{AccessEndpoint, Deployment, Design, ForcedTunneling, Hosting};
use crate::findings::citation::Citation;
use crate::standard::sources;

/// One thing to act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// A stable kebab-case identifier.
    pub id: &'static str,
    pub text: String,
    pub source: Citation,
}

fn item(id: &'static str, text: &str, source: Citation) -> ChecklistItem {
    ChecklistItem {
        id,
        text: text.into(),
        source,
    }
}

/// The checklist for a design, in the order a person meets the steps.
pub fn checklist(design: &Design) -> Vec<ChecklistItem> {
    let mut items = export_steps();
    items.extend(network_steps(design));
    items.extend(deployment_steps(design));
    items.extend(inbound_steps(design));
    items.extend(outbound_steps(design));
    items
}

/// Moving the workflows: what the export tool does and does not do.
fn export_steps() -> Vec<ChecklistItem> {
    vec![
        item("export-workflows", "Export the ISE's workflows to a Standard logic app project with the Azure Logic Apps (Standard) extension for Visual Studio Code. The export replicates the workflows; it does not move them.", sources::EXPORT_REPLICATES),
        item("export-same-region", "Export together only logic apps from the same region: one Standard project takes logic apps of one region.", sources::SAME_REGION),
        item("no-infrastructure-exported", "The export leaves out all infrastructure: this plan's subnets, endpoints, zones, settings and rules are what you build yourself.", sources::NO_INFRASTRUCTURE),
        item("reauthenticate-connections", "Connection credentials are not copied: authenticate every connection again after deployment.", sources::CREDENTIALS_NOT_CLONED),
        item("built-in-connectors", "Azure connectors that have a built-in version are converted to it, with no way to opt out: check those actions, and that the built-in connectors reach their services from the VNet.", sources::BUILT_IN_CONVERSION),
    ]
}

/// The subnets: fixed sizes, one plan per subnet, the order of deletion, reuse.
fn network_steps(design: &Design) -> Vec<ChecklistItem> {
    let mut items = Vec::new();
    if design.standard.hosting == Hosting::WorkflowStandard {
        items.push(item("integration-subnet-size-fixed", "The integration subnet's size cannot change once it is assigned: create it at the planned size.", sources::INTEGRATION_SIZE_FIXED));
        items.push(item(
            "one-plan-per-subnet",
            "Use the integration subnet for this App Service plan only.",
            sources::ONE_PLAN_PER_SUBNET,
        ));
        items.push(item("disconnect-before-deleting", "Disconnect the virtual network integration before deleting the app or its plan: otherwise the Microsoft.Web/serverFarms delegation stays on the subnet and blocks changing or deleting it.", sources::DELEGATION_REMAINS));
    } else {
        items.push(item(
            "ase-windows-plans",
            "Logic Apps Standard runs on an App Service Environment v3 in Windows plans only.",
            sources::ASE_WINDOWS_ONLY,
        ));
        items.push(item("ase-ftp-health", "If the apps use FTP, also allow TCP 21 from AzureLoadBalancer into the App Service Environment's subnet: the FTP service's health ping uses it.", sources::ASE_FTP_HEALTH));
    }
    if design.standard.reuse_ise_space {
        items.push(item("reuse-after-deletion", "Reusing the ISE's space: delete the ISE first (after moving every workflow), wait until Azure releases its subnets — an hour or more, two or more after deleting a VNet — then delete or reshape them and create the new subnets. The ISE and the new network cannot run side by side. (No article describes reusing an ISE's subnets; releasing them is from the ISE article, and subnets never overlap.)", sources::ISE_SUBNET_RELEASE));
    }
    items.push(item("link-zones-everywhere", "Link each private DNS zone to every VNet whose clients resolve the endpoints (the hub and all spokes), not only this one.", sources::LINK_ZONES_TO_ALL));
    if !design.dns_servers.iter().all(|s| s.trim().is_empty()) {
        items.push(item("dns-forwarders", "On the custom DNS servers, forward the storage and app names to Azure DNS: conditional forwarders point at the public zone names (blob.core.windows.net, azurewebsites.net…), not at the privatelink ones.", sources::FORWARD_TO_PUBLIC_ZONE));
    }
    items
}

/// Deploying the storage account and the app.
fn deployment_steps(design: &Design) -> Vec<ChecklistItem> {
    let mut items = Vec::new();
    let portal_storage = match (design.standard.hosting, design.deployment) {
        (Hosting::AppServiceEnvironment, _) => item("storage-deployment", "On an App Service Environment the portal can deploy the logic app to a storage account behind private endpoints, provided the environment's subnet reaches the private-endpoint subnet.", sources::ASE_PORTAL_EXCEPTION),
        (_, Deployment::Portal) => item("storage-deployment", "Deploying from the portal or Visual Studio Code needs the storage account public for a while: open it, deploy, add the private endpoints and WEBSITE_CONTENTOVERVNET, then deny public traffic. If policy forbids that, deploy with an ARM template instead, which needs no public access.", sources::TEMPORARY_PUBLIC_ACCESS),
        (_, Deployment::Rest) => item("storage-deployment", "Deploy with an ARM template: it needs no public access to the storage account (the portal and Visual Studio Code do).", sources::ARM_NO_PUBLIC_ACCESS),
    };
    items.push(portal_storage);
    if !design.standard.storage_account.is_new {
        items.push(item("existing-storage-switch", "Moving an existing storage account behind private endpoints may interrupt the logic app while connectivity switches from public to private endpoints: plan a window.", sources::SWITCH_INTERRUPTION));
    }
    if design.standard.hosting == Hosting::WorkflowStandard {
        items.push(item("all-traffic-not-in-portal", "Set outboundVnetRouting.allTraffic with ARM or the Azure CLI: the portal's checkbox sets application traffic only.", sources::PORTAL_CANNOT_SET_ALL_TRAFFIC));
    }
    items.push(item("verify-storage", "From a machine in the VNet, check that the storage account's blob, queue, table and file names resolve to the private endpoints and answer on 443 (445 for file); the Logic App Down or Reporting Errors and Network Troubleshooter detectors help.", sources::TROUBLESHOOT_STORAGE));
    items
}

/// The app's private endpoint: where to deploy and test from, what stops working.
fn inbound_steps(design: &Design) -> Vec<ChecklistItem> {
    if design.access_endpoint != AccessEndpoint::Internal
        || design.standard.hosting != Hosting::WorkflowStandard
    {
        return Vec::new();
    }
    vec![
        item("deploy-from-inside", "Deploy from inside the VNet: behind the private endpoint, deployment from Visual Studio Code or the Azure CLI works only there.", sources::DEPLOY_FROM_INSIDE),
        item("github-run-from-package", "For GitHub deployment, remove the WEBSITE_RUN_FROM_PACKAGE app setting or set it to 0.", sources::RUN_FROM_PACKAGE),
        item("push-triggers", "Managed webhook (push) triggers and actions, such as Event Grid and Dataverse, do not work behind the private endpoint; the Office 365 Outlook trigger fires only hourly. Plan a replacement for each.", sources::PUSH_TRIGGERS),
        item("expect-403", "Test from outside the VNet: a call to a workflow's URL must now get 403 Forbidden.", sources::EXPECT_403),
    ]
}

/// Forced tunneling, and a fixed outbound address.
fn outbound_steps(design: &Design) -> Vec<ChecklistItem> {
    let mut items = Vec::new();
    if design.forced_tunneling != ForcedTunneling::None {
        items.push(item("firewall-allows-dependencies", "On the firewall, allow the managed connectors (AzureConnectors or the region's connector addresses), the domain names of the workflows' connections, and derived endpoints such as certificate revocation lists and Microsoft Entra ID.", sources::APP_DEPENDENCIES));
    }
    if design.standard.hosting == Hosting::WorkflowStandard {
        items.push(item("nat-gateway", "If partners allow-list the logic app's outbound address, add a NAT gateway to the integration subnet for a dedicated outbound IP address.", sources::NAT_GATEWAY));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(design: &Design) -> Vec<&'static str> {
        checklist(design).into_iter().map(|i| i.id).collect()
    }

    #[test]
    fn items_follow_the_design() {
        let mut d = Design::default();
        let base = ids(&d);
        assert!(base.starts_with(&[
            "export-workflows",
            "export-same-region",
            "no-infrastructure-exported",
            "reauthenticate-connections",
            "built-in-connectors"
        ]));
        assert!(base.contains(&"deploy-from-inside") && base.contains(&"nat-gateway"));
        assert!(
            !base.contains(&"reuse-after-deletion")
                && !base.contains(&"firewall-allows-dependencies")
        );
        d.standard.reuse_ise_space = true;
        d.forced_tunneling = ForcedTunneling::ExpressRoute;
        d.standard.storage_account.is_new = false;
        let more = ids(&d);
        for id in [
            "reuse-after-deletion",
            "firewall-allows-dependencies",
            "existing-storage-switch",
        ] {
            assert!(more.contains(&id), "{id}");
        }
        d.access_endpoint = AccessEndpoint::External;
        d.standard.hosting = Hosting::AppServiceEnvironment;
        let ase = ids(&d);
        assert!(
            ase.contains(&"ase-windows-plans")
                && !ase.contains(&"deploy-from-inside")
                && !ase.contains(&"nat-gateway")
        );
        let storage = checklist(&d)
            .into_iter()
            .find(|i| i.id == "storage-deployment")
            .unwrap();
        assert_eq!(storage.source, sources::ASE_PORTAL_EXCEPTION);
    }

    #[test]
    fn the_storage_step_follows_the_deployment_method() {
        let mut d = Design::default();
        let step = |d: &Design| {
            checklist(d)
                .into_iter()
                .find(|i| i.id == "storage-deployment")
                .unwrap()
                .source
        };
        assert_eq!(step(&d), sources::ARM_NO_PUBLIC_ACCESS);
        d.deployment = Deployment::Portal;
        assert_eq!(step(&d), sources::TEMPORARY_PUBLIC_ACCESS);
    }

    #[test]
    fn ids_are_unique() {
        let mut d = Design {
            dns_servers: vec!["10.0.0.4".into()],
            ..Design::default()
        };
        d.standard.reuse_ise_space = true;
        d.forced_tunneling = ForcedTunneling::Firewall;
        let all = ids(&d);
        for (i, id) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(id), "{id} twice");
        }
    }
}
