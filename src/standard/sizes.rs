//! How large each Standard subnet is, and the size rules: the integration subnet (a /26
//! recommended, /27 when the portal creates it, /28 at least), the App Service Environment's
//! (/24 recommended, /27 at least), and the private-endpoint subnet (sized for its endpoints).

use crate::design::{Design, TypedNumber};
use crate::design::{DEFAULT_ASE_SUBNET_SIZE, DEFAULT_INTEGRATION_SUBNET_SIZE};
use crate::findings::{code, Findings};
use crate::network::cidr;
use crate::standard::{sources, SubnetRole};

/// The recommended integration subnet: a /26 (the Logic Apps article; App Service agrees).
pub const INTEGRATION_RECOMMENDED: u8 = 26;
/// The smallest integration subnet the portal creates: a /27.
pub const INTEGRATION_PORTAL_MINIMUM: u8 = 27;
/// The smallest integration subnet at all: a /28 (App Service).
pub const INTEGRATION_MINIMUM: u8 = 28;
/// The recommended App Service Environment subnet: a /24.
pub const ASE_RECOMMENDED: u8 = 24;
/// The smallest App Service Environment subnet: a /27.
pub const ASE_MINIMUM: u8 = 27;
/// How the page explains the integration subnet's size field (its numbers are the ones above;
/// a test holds them together).
pub const INTEGRATION_SIZE_HELP: &str = "A prefix length: 26 (a /26) is what the Logic Apps article recommends; 27 is the portal's minimum, 28 App Service's.";
/// How the page explains the environment subnet's size field.
pub const ASE_SIZE_HELP: &str =
    "A prefix length: 24 (a /24, recommended) down to 27, the smallest.";
/// The smallest subnet Azure supports: a /29 (VNet FAQ).
pub const SMALLEST_SUBNET: u8 = 29;
/// Addresses Azure keeps in every subnet (VNet FAQ).
pub const AZURE_RESERVED_ADDRESSES: u64 = 5;

/// A prefix length as typed: `26` or `/26`, from 0 to 32.
pub fn typed_len(typed: &TypedNumber) -> Option<u8> {
    let text = typed.as_str().trim();
    let digits = text.strip_prefix('/').unwrap_or(text).trim();
    digits.parse::<u8>().ok().filter(|&n| n <= 32)
}

/// The smallest subnet that holds `endpoints` private endpoints besides Azure's own five
/// addresses — never smaller than Azure's smallest subnet.
pub fn endpoint_subnet_len(endpoints: usize) -> u8 {
    let needed = endpoints as u64 + AZURE_RESERVED_ADDRESSES;
    (0..=SMALLEST_SUBNET)
        .rev()
        .find(|&len| cidr::addresses_in(len) >= needed)
        .unwrap_or(0)
}

/// The prefix length an unpinned subnet of `role` is allocated at: the typed size (the
/// default, with an error, when it cannot be read) or, for the private endpoints, the
/// smallest subnet that holds them.
pub fn wanted_len(role: SubnetRole, design: &Design, endpoints: usize, f: &mut Findings) -> u8 {
    let (typed, field, default) = match role {
        SubnetRole::PrivateEndpoints => return endpoint_subnet_len(endpoints),
        SubnetRole::Integration => (
            &design.standard.integration_subnet_size,
            "standard.integrationSubnetSize",
            DEFAULT_INTEGRATION_SUBNET_SIZE,
        ),
        SubnetRole::AppServiceEnvironment => (
            &design.standard.ase_subnet_size,
            "standard.aseSubnetSize",
            DEFAULT_ASE_SUBNET_SIZE,
        ),
    };
    typed_len(typed).unwrap_or_else(|| {
        f.error(code::STANDARD_SUBNET_SIZE_INVALID, field, format!("\"{}\" is not a prefix length; enter a whole number such as {default} (a /{default}). Until then the plan uses /{default}.", typed.as_str().trim()));
        default as u8
    })
}

/// Checks a subnet of `role` at `/len` against its size rules; `field` is where the size
/// was given (the typed size, or the pinned prefix).
pub fn check(role: SubnetRole, len: u8, field: &str, endpoints: usize, f: &mut Findings) {
    match role {
        SubnetRole::Integration => check_integration(len, field, f),
        SubnetRole::AppServiceEnvironment => check_ase(len, field, f),
        SubnetRole::PrivateEndpoints => check_endpoints(len, field, endpoints, f),
    }
}

fn check_integration(len: u8, field: &str, f: &mut Findings) {
    if len > INTEGRATION_MINIMUM {
        f.error(code::INTEGRATION_SUBNET_TOO_SMALL, field, format!("A /{len} is too small for the integration subnet: virtual network integration needs a /{INTEGRATION_MINIMUM} or larger ({}), and the Logic Apps article recommends a /{INTEGRATION_RECOMMENDED}.", sources::INTEGRATION_MINIMUM.in_words()));
        return;
    }
    if len == INTEGRATION_MINIMUM {
        f.warning(code::INTEGRATION_SUBNET_BELOW_PORTAL_MINIMUM, field, format!("A /28 integration subnet works only when the subnet exists before the integration is set up ({}); when the portal creates the subnet it needs a /27 ({}). Create the subnet first (the plan's deployment does), or use a /27 or larger.", sources::EXISTING_28_ALLOWED.in_words(), sources::INTEGRATION_PORTAL_MINIMUM.in_words()));
    }
    if len > INTEGRATION_RECOMMENDED {
        f.warning(code::INTEGRATION_SUBNET_BELOW_RECOMMENDED, field, format!("A /{len} integration subnet holds {} plan instances at most, fewer while scaling, and its size cannot change after it is assigned; {} recommends a /26 to avoid capacity issues.", usable(len), sources::INTEGRATION_SIZE.in_words()));
    }
}

fn check_ase(len: u8, field: &str, f: &mut Findings) {
    if len > ASE_MINIMUM {
        f.error(code::ASE_SUBNET_TOO_SMALL, field, format!("A /{len} is too small for an App Service Environment: the smallest is a /{ASE_MINIMUM} ({}).", sources::ASE_MINIMUM.in_words()));
    } else if len > ASE_RECOMMENDED {
        f.warning(code::ASE_SUBNET_BELOW_RECOMMENDED, field, format!("A /{len} is below the /24 that {} recommends for an App Service Environment's subnet, so that it can scale.", sources::ASE_SIZE.in_words()));
    }
}

fn check_endpoints(len: u8, field: &str, endpoints: usize, f: &mut Findings) {
    if len > SMALLEST_SUBNET {
        f.error(code::PRIVATE_ENDPOINT_SUBNET_TOO_SMALL, field, format!("A /{len} is smaller than any subnet Azure supports: the smallest is a /{SMALLEST_SUBNET} ({}).", sources::SMALLEST_SUBNET.in_words()));
    } else if usable(len) < endpoints as u64 {
        f.error(code::PRIVATE_ENDPOINT_SUBNET_TOO_SMALL, field, format!("A /{len} leaves {} usable addresses once Azure keeps its five, and the plan places {endpoints} private endpoints in it; use a /{} or larger.", usable(len), endpoint_subnet_len(endpoints)));
    }
}

/// The addresses a subnet of `/len` leaves usable.
fn usable(len: u8) -> u64 {
    cidr::addresses_in(len).saturating_sub(AZURE_RESERVED_ADDRESSES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_help_says_the_sizes_the_plan_checks() {
        assert_eq!(
            INTEGRATION_SIZE_HELP,
            format!("A prefix length: {INTEGRATION_RECOMMENDED} (a /{INTEGRATION_RECOMMENDED}) is what the Logic Apps article recommends; {INTEGRATION_PORTAL_MINIMUM} is the portal's minimum, {INTEGRATION_MINIMUM} App Service's.")
        );
        assert_eq!(
            ASE_SIZE_HELP,
            format!("A prefix length: {ASE_RECOMMENDED} (a /{ASE_RECOMMENDED}, recommended) down to {ASE_MINIMUM}, the smallest.")
        );
    }

    fn found(role: SubnetRole, len: u8) -> Vec<&'static str> {
        let mut f = Findings::default();
        check(role, len, "x", 5, &mut f);
        f.0.into_iter().map(|x| x.code).collect()
    }

    #[test]
    fn integration_sizes() {
        assert!(found(SubnetRole::Integration, 24).is_empty());
        assert!(found(SubnetRole::Integration, 26).is_empty());
        assert_eq!(
            found(SubnetRole::Integration, 27),
            [code::INTEGRATION_SUBNET_BELOW_RECOMMENDED]
        );
        assert_eq!(
            found(SubnetRole::Integration, 28),
            [
                code::INTEGRATION_SUBNET_BELOW_PORTAL_MINIMUM,
                code::INTEGRATION_SUBNET_BELOW_RECOMMENDED
            ]
        );
        assert_eq!(
            found(SubnetRole::Integration, 29),
            [code::INTEGRATION_SUBNET_TOO_SMALL]
        );
    }

    #[test]
    fn environment_sizes() {
        assert!(found(SubnetRole::AppServiceEnvironment, 23).is_empty());
        assert!(found(SubnetRole::AppServiceEnvironment, 24).is_empty());
        assert_eq!(
            found(SubnetRole::AppServiceEnvironment, 27),
            [code::ASE_SUBNET_BELOW_RECOMMENDED]
        );
        assert_eq!(
            found(SubnetRole::AppServiceEnvironment, 28),
            [code::ASE_SUBNET_TOO_SMALL]
        );
    }

    #[test]
    fn endpoint_subnets_hold_their_endpoints() {
        // Five endpoints and Azure's five addresses: a /28 (16), never below a /29.
        assert_eq!(endpoint_subnet_len(5), 28);
        assert_eq!(endpoint_subnet_len(4), 28);
        assert_eq!(endpoint_subnet_len(3), 29);
        assert_eq!(endpoint_subnet_len(0), 29);
        assert_eq!(endpoint_subnet_len(12), 27);
        assert!(found(SubnetRole::PrivateEndpoints, 28).is_empty());
        assert_eq!(
            found(SubnetRole::PrivateEndpoints, 29),
            [code::PRIVATE_ENDPOINT_SUBNET_TOO_SMALL]
        );
        assert_eq!(
            found(SubnetRole::PrivateEndpoints, 30),
            [code::PRIVATE_ENDPOINT_SUBNET_TOO_SMALL]
        );
    }

    #[test]
    fn typed_sizes() {
        for (text, want) in [
            ("26", Some(26)),
            (" /27 ", Some(27)),
            ("/ 28", Some(28)),
            ("33", None),
            ("-1", None),
            ("x", None),
            ("", None),
            ("2.5", None),
        ] {
            assert_eq!(typed_len(&TypedNumber(text.into())), want, "{text}");
        }
        let mut d = Design::default();
        d.standard.integration_subnet_size = TypedNumber("big".into());
        let mut f = Findings::default();
        assert_eq!(wanted_len(SubnetRole::Integration, &d, 5, &mut f), 26);
        assert_eq!(f.0[0].code, code::STANDARD_SUBNET_SIZE_INVALID);
        assert_eq!(f.0[0].field, "standard.integrationSubnetSize");
        assert_eq!(wanted_len(SubnetRole::PrivateEndpoints, &d, 5, &mut f), 28);
    }
}
