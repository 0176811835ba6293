//! The Standard network's names: the logic app, storage account, plan or environment, and
//! subnets — each present, each by Azure's naming rules, subnet names unique in the VNet.

use crate::azure::names;
use crate::design::{Design, Hosting};
use crate::findings::citation::Citation;
use crate::findings::{code, Findings};
use crate::standard::network::Space;
use crate::standard::{sources, SubnetRole};

/// A naming rule: what is wrong with a name, if anything.
type Rule = fn(&str) -> Option<String>;

/// A name to check: what it is, and the rule it follows (`None`: only that it is given; the
/// naming rules read have no row for it).
struct Name<'a> {
    what: &'static str,
    text: &'a str,
    rule: Option<(Rule, Citation)>,
}

/// Checks every name the design's hosting needs.
pub fn check(design: &Design, space: &Space, f: &mut Findings) {
    for (field, name) in resource_names(design) {
        check_at(&name, field, f);
    }
    let mut seen: Vec<&str> = Vec::new();
    for role in SubnetRole::for_design(design) {
        let spec = role.spec(design);
        let field = format!("{}.name", role.field());
        let name = Name {
            what: role.what(),
            text: &spec.name,
            rule: Some((names::subnet_name_problem, sources::SUBNET_NAME)),
        };
        if !check_at(&name, &field, f) {
            continue;
        }
        let text = spec.name.trim();
        let taken = |other: &str| other.trim().eq_ignore_ascii_case(text);
        if seen.iter().any(|s| taken(s)) || stays(design, space).any(taken) {
            f.error(code::STANDARD_SUBNET_NAMES_DUPLICATE, field, format!("Another subnet of the VNet is already named \"{text}\" (a subnet's name is unique in its virtual network, and Azure ignores case); give {} its own name.", role.what()));
        }
        seen.push(text);
    }
}

/// The resource names the hosting needs, with their rules.
fn resource_names(design: &Design) -> Vec<(&'static str, Name<'_>)> {
    let s = &design.standard;
    let mut out = vec![
        (
            "standard.logicApp.name",
            Name {
                what: "the logic app",
                text: &s.logic_app.name,
                rule: Some((names::site_name_problem, sources::SITE_NAME)),
            },
        ),
        (
            "standard.storageAccount.name",
            Name {
                what: "the storage account",
                text: &s.storage_account.name,
                rule: Some((
                    names::storage_account_name_problem,
                    sources::STORAGE_ACCOUNT_NAME,
                )),
            },
        ),
    ];
    out.push(match s.hosting {
        Hosting::WorkflowStandard => (
            "standard.planName",
            Name {
                what: "the App Service plan",
                text: &s.plan_name,
                rule: Some((names::plan_name_problem, sources::PLAN_NAME)),
            },
        ),
        Hosting::AppServiceEnvironment => (
            "standard.aseName",
            Name {
                what: "the App Service Environment",
                text: &s.ase_name,
                rule: None,
            },
        ),
    });
    out
}

/// The names of the subnets that stay in the VNet beside the Standard ones: the existing
/// ones, and the ISE's while its space is not reused.
fn stays<'a>(design: &'a Design, space: &'a Space<'_>) -> impl Iterator<Item = &'a str> {
    let ise = (!design.standard.reuse_ise_space).then_some(&space.ise);
    space
        .existing
        .iter()
        .map(|(n, _)| *n)
        .chain(ise.into_iter().flatten().map(|s| s.name.as_str()))
}

/// Checks one name at `field`; `true` when it is given and follows its rule.
fn check_at(name: &Name<'_>, field: &str, f: &mut Findings) -> bool {
    let text = name.text.trim();
    if text.is_empty() {
        f.error(
            code::STANDARD_NAME_MISSING,
            field,
            format!("Give {} a name.", name.what),
        );
        return false;
    }
    let Some((rule, source)) = name.rule else {
        return true;
    };
    match rule(text) {
        None => true,
        Some(problem) => {
            f.error(
                code::STANDARD_NAME_INVALID,
                field,
                format!(
                    "The name of {}, \"{text}\", {problem} (Azure's naming rules, {}).",
                    name.what,
                    source.section_and_row()
                ),
            );
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::ExistingSubnet;
    use crate::standard::IseSubnet;

    fn codes(design: &Design, space: &Space) -> Vec<(&'static str, String)> {
        let mut f = Findings::default();
        check(design, space, &mut f);
        f.0.into_iter().map(|x| (x.code, x.field)).collect()
    }

    #[test]
    fn the_default_names_are_valid() {
        assert!(codes(&Design::default(), &Space::default()).is_empty());
        let mut d = Design::default();
        d.standard.hosting = Hosting::AppServiceEnvironment;
        assert!(codes(&d, &Space::default()).is_empty());
    }

    #[test]
    fn each_name_by_its_rule() {
        let mut d = Design::default();
        d.standard.storage_account.name = "Logic-Apps".into();
        d.standard.logic_app.name = String::new();
        d.standard.plan_name = "plan_1".into();
        d.standard.integration_subnet.name = "-x".into();
        let found = codes(&d, &Space::default());
        assert_eq!(
            found,
            [
                (
                    code::STANDARD_NAME_MISSING,
                    "standard.logicApp.name".to_string()
                ),
                (
                    code::STANDARD_NAME_INVALID,
                    "standard.storageAccount.name".to_string()
                ),
                (code::STANDARD_NAME_INVALID, "standard.planName".to_string()),
                (
                    code::STANDARD_NAME_INVALID,
                    "standard.integrationSubnet.name".to_string()
                ),
            ]
        );
        let mut f = Findings::default();
        check(&d, &Space::default(), &mut f);
        assert!(
            f.0[1].message.contains("Microsoft.Storage"),
            "{}",
            f.0[1].message
        );
        // The plan name is not needed on an App Service Environment; its name is.
        d.standard.hosting = Hosting::AppServiceEnvironment;
        d.standard.ase_name = " ".into();
        let found = codes(&d, &Space::default());
        assert!(found.contains(&(code::STANDARD_NAME_MISSING, "standard.aseName".to_string())));
        assert!(found.iter().all(|(_, f)| f != "standard.planName"));
    }

    #[test]
    fn subnet_names_are_unique_in_the_vnet() {
        let mut d = Design::default();
        d.vnet.existing_subnets = vec![ExistingSubnet {
            name: "Web".into(),
            prefix: "10.0.3.0/24".into(),
            ..ExistingSubnet::default()
        }];
        let space = Space {
            existing: vec![("Web", "10.0.3.0/24".parse().unwrap())],
            ise: vec![IseSubnet {
                name: "ise-subnet-1".into(),
                prefix: "10.0.0.0/27".parse().unwrap(),
            }],
            ..Space::default()
        };
        d.standard.integration_subnet.name = "web".into();
        d.standard.private_endpoint_subnet.name = "ise-subnet-1".into();
        let found = codes(&d, &space);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found
            .iter()
            .all(|(c, _)| *c == code::STANDARD_SUBNET_NAMES_DUPLICATE));
        // Reusing the ISE's space: its subnets are gone, their names free again.
        d.standard.reuse_ise_space = true;
        assert_eq!(codes(&d, &space).len(), 1);
        // Two Standard subnets with one name.
        d.standard.integration_subnet.name = "ISE-subnet-1".into();
        assert_eq!(codes(&d, &space).len(), 1);
    }
}
