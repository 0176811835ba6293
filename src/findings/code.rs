//! Every finding code the planner emits. Codes are part of the public contract: never
//! rename one; add a new one instead.

// --- the environment -------------------------------------------------------------
/// The subscription ID is empty.
pub const SUBSCRIPTION_ID_MISSING: &str = "subscription-id-missing";
/// The subscription ID is not a GUID.
pub const SUBSCRIPTION_ID_INVALID: &str = "subscription-id-invalid";
/// The subscription ID is the all-zero placeholder.
pub const SUBSCRIPTION_ID_PLACEHOLDER: &str = "subscription-id-placeholder";
/// The resource group name is empty.
pub const RESOURCE_GROUP_MISSING: &str = "resource-group-missing";
/// The resource group name breaks Azure's naming rules.
pub const RESOURCE_GROUP_INVALID: &str = "resource-group-invalid";
/// The ISE name is empty.
pub const ISE_NAME_MISSING: &str = "ise-name-missing";
/// The ISE name has characters other than letters, digits, `-`, `_`, `.` or is too long.
pub const ISE_NAME_INVALID: &str = "ise-name-invalid";
/// The location is empty.
pub const LOCATION_MISSING: &str = "location-missing";
/// The location is not a known Azure region name.
pub const LOCATION_UNKNOWN: &str = "location-unknown";
/// The location belongs to another cloud than the one chosen.
pub const LOCATION_CLOUD_MISMATCH: &str = "location-cloud-mismatch";
/// Premium additional capacity that is not a whole number (or is empty).
pub const CAPACITY_INVALID: &str = "capacity-invalid";
/// Premium additional capacity outside 0–10.
pub const CAPACITY_OUT_OF_RANGE: &str = "capacity-out-of-range";
/// Additional capacity given for the Developer SKU, where it does not apply.
pub const CAPACITY_NOT_APPLICABLE: &str = "capacity-not-applicable";

// --- the virtual network ---------------------------------------------------------
/// The virtual network name is empty.
pub const VNET_NAME_MISSING: &str = "vnet-name-missing";
/// The virtual network name breaks Azure's naming rules.
pub const VNET_NAME_INVALID: &str = "vnet-name-invalid";
/// The virtual network's resource group name breaks Azure's naming rules.
pub const VNET_RESOURCE_GROUP_INVALID: &str = "vnet-resource-group-invalid";
/// The virtual network has no address prefix.
pub const VNET_PREFIX_MISSING: &str = "vnet-prefix-missing";
/// Two address prefixes of the virtual network overlap.
pub const VNET_PREFIXES_OVERLAP: &str = "vnet-prefixes-overlap";
/// A virtual network prefix lies outside the private (RFC 1918) ranges.
pub const VNET_PREFIX_PUBLIC: &str = "vnet-prefix-public";
/// A prefix is not CIDR (`a.b.c.d/n`).
pub const CIDR_SYNTAX: &str = "cidr-syntax";
/// A prefix has host bits set; the message names the network address meant.
pub const CIDR_HOST_BITS: &str = "cidr-host-bits";
/// An IPv6 prefix where the ISE needs IPv4 (an ISE subnet).
pub const CIDR_IPV6: &str = "cidr-ipv6";
/// An IPv6 prefix of a dual-stack VNet or existing subnet, left out of IPv4 planning (a note).
pub const IPV6_IGNORED: &str = "ipv6-ignored";
/// The VNet or an ISE subnet overlaps an address space Logic Apps cannot resolve.
pub const ADDRESS_UNRESOLVABLE: &str = "address-unresolvable";
/// The VNet or a subnet overlaps a range Azure never allows in a virtual network.
pub const ADDRESS_NOT_ALLOWED: &str = "address-not-allowed";
/// An existing subnet lies outside every VNet prefix.
pub const EXISTING_SUBNET_OUTSIDE_VNET: &str = "existing-subnet-outside-vnet";
/// Two existing subnets overlap.
pub const EXISTING_SUBNETS_OVERLAP: &str = "existing-subnets-overlap";
/// An existing subnet marked as an ISE subnet that none of the four ISE subnets stands for.
pub const EXISTING_ISE_SUBNET_UNBOUND: &str = "existing-ise-subnet-unbound";
/// An existing ISE subnet is delegated to a service other than Logic Apps.
pub const EXISTING_ISE_SUBNET_DELEGATED_ELSEWHERE: &str = "existing-ise-subnet-delegated-elsewhere";
/// An existing ISE subnet is delegated to Logic Apps, but the ISE is created in the portal.
pub const EXISTING_ISE_SUBNET_DELEGATED_FOR_PORTAL: &str =
    "existing-ise-subnet-delegated-for-portal";
/// More than one existing ISE subnet is delegated to Logic Apps (exactly one may be).
pub const ISE_SUBNETS_DELEGATED_TWICE: &str = "ise-subnets-delegated-twice";

// --- the four ISE subnets --------------------------------------------------------
/// The design does not have exactly four ISE subnets.
pub const SUBNET_COUNT: &str = "subnet-count";
/// An ISE subnet has no name.
pub const SUBNET_NAME_MISSING: &str = "subnet-name-missing";
/// An ISE subnet name starts with a digit or another character that is not a letter or `_`.
pub const SUBNET_NAME_START: &str = "subnet-name-start";
/// An ISE subnet name has one of `<`, `>`, `%`, `&`, `\`, `?`, `/`.
pub const SUBNET_NAME_FORBIDDEN_CHAR: &str = "subnet-name-forbidden-char";
/// An ISE subnet name has a character Azure does not allow in subnet names.
pub const SUBNET_NAME_INVALID_CHAR: &str = "subnet-name-invalid-char";
/// An ISE subnet name ends with `.` or `-`.
pub const SUBNET_NAME_END: &str = "subnet-name-end";
/// An ISE subnet name is longer than 80 characters.
pub const SUBNET_NAME_TOO_LONG: &str = "subnet-name-too-long";
/// Two ISE subnets share a name (Azure compares names without case).
pub const SUBNET_NAMES_DUPLICATE: &str = "subnet-names-duplicate";
/// An ISE subnet is smaller than /27.
pub const SUBNET_TOO_SMALL: &str = "subnet-too-small";
/// An ISE subnet is larger than /27, which brings nothing.
pub const SUBNET_LARGER_THAN_NEEDED: &str = "subnet-larger-than-needed";
/// A pinned ISE subnet is not inside one VNet prefix.
pub const SUBNET_OUTSIDE_VNET: &str = "subnet-outside-vnet";
/// Two ISE subnets overlap.
pub const SUBNETS_OVERLAP: &str = "subnets-overlap";
/// A pinned ISE subnet overlaps an existing subnet.
pub const SUBNET_OVERLAPS_EXISTING: &str = "subnet-overlaps-existing";
/// The free space cannot hold the ISE subnets still to allocate.
pub const ALLOCATION_NO_SPACE: &str = "allocation-no-space";
/// No free contiguous block was left, so the subnets are spread out.
pub const ALLOCATION_NOT_CONTIGUOUS: &str = "allocation-not-contiguous";

// --- the rest of the network -----------------------------------------------------
/// A custom DNS server is not an IPv4 address.
pub const DNS_SERVER_INVALID: &str = "dns-server-invalid";
/// A custom DNS server is a public resolver: the port-53 rule opens DNS to the Internet.
pub const DNS_SERVER_PUBLIC: &str = "dns-server-public";
/// A custom DNS server is Azure's own resolver, 168.63.129.16 (a note).
pub const DNS_SERVER_AZURE_RESOLVER: &str = "dns-server-azure-resolver";
/// An entry of an address list is not an IPv4 address or prefix.
pub const ADDRESS_LIST_INVALID: &str = "address-list-invalid";
/// An address list that must name public addresses names a private or special range.
pub const ADDRESS_NOT_PUBLIC: &str = "address-not-public";
/// An address that can never be a real peer: "this network", loopback, link-local,
/// multicast, reserved or broadcast.
pub const ADDRESS_NOT_USABLE: &str = "address-not-usable";
/// `0.0.0.0/0` in a list where allowing or routing every address defeats the list.
pub const ADDRESS_CATCH_ALL: &str = "address-catch-all";
/// External ISE without the connector outbound addresses for its extra inbound rule.
pub const CONNECTOR_ADDRESSES_MISSING: &str = "connector-addresses-missing";
/// Connector outbound addresses given for an Internal ISE, where no rule uses them.
pub const CONNECTOR_ADDRESSES_UNUSED: &str = "connector-addresses-unused";
/// External ISE whose port-443 rule allows the whole Internet: the caller addresses could
/// narrow it (a note).
pub const HTTPS_OPEN_TO_INTERNET: &str = "https-open-to-internet";
/// Caller addresses given for an Internal ISE, where no rule uses them.
pub const CALLER_ADDRESSES_UNUSED: &str = "caller-addresses-unused";
/// Azure Government without the addresses that replace a service tag that does not work there.
pub const GOVERNMENT_ADDRESSES_MISSING: &str = "government-addresses-missing";
/// Forced tunneling through a firewall without some of the dependency addresses that need
/// their own routes to the Internet (one finding naming every empty list).
pub const DEPENDENCY_ADDRESSES_MISSING: &str = "dependency-addresses-missing";
/// Dependency addresses given while no route uses them (no forced tunneling through a
/// firewall).
pub const DEPENDENCY_ADDRESSES_UNUSED: &str = "dependency-addresses-unused";
/// A dependency address overlaps the VNet's own space: a route to the Internet would
/// hijack the VNet's traffic.
pub const DEPENDENCY_ROUTE_OVERLAPS_VNET: &str = "dependency-route-overlaps-vnet";
/// An External ISE with forced tunneling through a firewall: replies to Internet callers of
/// its 443 endpoint follow the default route to the firewall (asymmetric routing); the message
/// gives the usual remedies.
pub const EXTERNAL_ISE_ASYMMETRIC_ROUTING: &str = "external-ise-asymmetric-routing";
/// Forced tunneling through an appliance without the appliance's IP address.
pub const FIREWALL_IP_MISSING: &str = "firewall-ip-missing";
/// The appliance's IP address is not one usable IPv4 address.
pub const FIREWALL_IP_INVALID: &str = "firewall-ip-invalid";
/// The appliance's IP address lies inside one of the ISE subnets, which must stay empty.
pub const FIREWALL_IP_IN_ISE_SUBNET: &str = "firewall-ip-in-ise-subnet";
/// The appliance's IP address is outside the VNet (right for a peered hub VNet; a note).
pub const FIREWALL_IP_OUTSIDE_VNET: &str = "firewall-ip-outside-vnet";
/// An appliance IP address given where no route uses it.
pub const FIREWALL_IP_UNUSED: &str = "firewall-ip-unused";
/// The route table goes past Azure's limit of routes per table.
pub const ROUTE_TABLE_LIMIT: &str = "route-table-limit";
/// The NSG rules name more addresses than Azure allows in one security group.
pub const NSG_ADDRESS_LIMIT: &str = "nsg-address-limit";

// --- certificates and connectors -------------------------------------------------
/// A certificate has no name, or the name is not a usable JSON key.
pub const CERTIFICATE_NAME_INVALID: &str = "certificate-name-invalid";
/// Two certificates share a name.
pub const CERTIFICATE_NAMES_DUPLICATE: &str = "certificate-names-duplicate";
/// A certificate's public part is empty or not base64.
pub const CERTIFICATE_BASE64_INVALID: &str = "certificate-base64-invalid";
/// A certificate decodes, but to neither a DER nor a PEM certificate.
pub const CERTIFICATE_NOT_RECOGNISED: &str = "certificate-not-recognised";
/// The certificates follow the REST API article, not the published REST specification.
pub const CERTIFICATES_OUTSIDE_SPEC: &str = "certificates-outside-spec";
/// A managed connector name is not a valid API name.
pub const CONNECTOR_NAME_INVALID: &str = "connector-name-invalid";
/// A managed connector is not one known to run in an ISE.
pub const CONNECTOR_UNKNOWN: &str = "connector-unknown";

// --- limits (see `validate::limits`) ----------------------------------------------
/// A text value is longer than the planner reads; the plan uses the field's default
/// (or, for a list entry, nothing) in its place.
pub const VALUE_TOO_LONG: &str = "value-too-long";
/// A list has more entries than the planner reads; the entries past the cap are ignored.
pub const LIST_TOO_LONG: &str = "list-too-long";
/// The virtual network would hold more subnets than Azure allows (3,000).
pub const VNET_SUBNET_LIMIT: &str = "vnet-subnet-limit";

// --- the Logic Apps Standard network (see `standard`) -----------------------------
/// A name the Standard network needs (logic app, storage account, plan, environment,
/// subnet) is empty.
pub const STANDARD_NAME_MISSING: &str = "standard-name-missing";
/// A Standard resource or subnet name breaks Azure's naming rules.
pub const STANDARD_NAME_INVALID: &str = "standard-name-invalid";
/// Two subnets of the Standard network share a name, or one has the name of a subnet that
/// stays in the VNet.
pub const STANDARD_SUBNET_NAMES_DUPLICATE: &str = "standard-subnet-names-duplicate";
/// A Standard subnet size is not a prefix length (a whole number from 0 to 32).
pub const STANDARD_SUBNET_SIZE_INVALID: &str = "standard-subnet-size-invalid";
/// The integration subnet is smaller than /28, the smallest virtual network integration takes.
pub const INTEGRATION_SUBNET_TOO_SMALL: &str = "integration-subnet-too-small";
/// The integration subnet is a /28: below the /27 the portal needs when it creates the subnet.
pub const INTEGRATION_SUBNET_BELOW_PORTAL_MINIMUM: &str = "integration-subnet-below-portal-minimum";
/// The integration subnet is smaller than the /26 the articles recommend.
pub const INTEGRATION_SUBNET_BELOW_RECOMMENDED: &str = "integration-subnet-below-recommended";
/// The App Service Environment subnet is smaller than /27, its minimum.
pub const ASE_SUBNET_TOO_SMALL: &str = "ase-subnet-too-small";
/// The App Service Environment subnet is smaller than the /24 its article recommends.
pub const ASE_SUBNET_BELOW_RECOMMENDED: &str = "ase-subnet-below-recommended";
/// The pinned private-endpoint subnet cannot hold the plan's private endpoints.
pub const PRIVATE_ENDPOINT_SUBNET_TOO_SMALL: &str = "private-endpoint-subnet-too-small";
/// A pinned Standard subnet is not inside one VNet prefix.
pub const STANDARD_SUBNET_OUTSIDE_VNET: &str = "standard-subnet-outside-vnet";
/// Two Standard subnets overlap.
pub const STANDARD_SUBNETS_OVERLAP: &str = "standard-subnets-overlap";
/// A pinned Standard subnet overlaps an existing subnet.
pub const STANDARD_SUBNET_OVERLAPS_EXISTING: &str = "standard-subnet-overlaps-existing";
/// A pinned Standard subnet overlaps an ISE subnet while the ISE's space is not reused.
pub const STANDARD_SUBNET_OVERLAPS_ISE: &str = "standard-subnet-overlaps-ise";
/// A Standard subnet lies in a range only the ISE article rules out (a note: no Standard
/// article repeats the rule).
pub const STANDARD_SUBNET_IN_ISE_ONLY_RANGE: &str = "standard-subnet-in-ise-only-range";
/// The free space cannot hold a Standard subnet still to allocate.
pub const STANDARD_ALLOCATION_NO_SPACE: &str = "standard-allocation-no-space";
/// The VNet has IPv6 address space, which virtual network integration does not allow.
pub const VNET_IPV6_INTEGRATION: &str = "vnet-ipv6-integration";
/// A third (or later) custom DNS server: the app settings carry two.
pub const DNS_SERVER_NOT_CARRIED: &str = "dns-server-not-carried";
/// Managed webhook (push) triggers and actions do not work behind the app's private endpoint.
pub const PUSH_TRIGGERS_PRIVATE_ENDPOINT: &str = "push-triggers-private-endpoint";
/// More access-restriction rules than App Service allows.
pub const ACCESS_RESTRICTION_LIMIT: &str = "access-restriction-limit";
/// Reusing the ISE's space was asked for, but the ISE plan has no placed subnets to reuse.
pub const REUSE_WITHOUT_ISE_SUBNETS: &str = "reuse-without-ise-subnets";
/// An internal App Service Environment outside the public cloud: its article gives no DNS
/// suffix for the zone.
pub const ASE_DNS_SUFFIX_UNKNOWN: &str = "ase-dns-suffix-unknown";
/// The appliance's IP address lies inside a pinned Standard subnet.
pub const FIREWALL_IP_IN_STANDARD_SUBNET: &str = "firewall-ip-in-standard-subnet";

/// Every code the Standard planner adds (it also uses shared ones: prefixes, DNS servers,
/// address lists, the appliance, limits).
pub const STANDARD: &[&str] = &[
    STANDARD_NAME_MISSING,
    STANDARD_NAME_INVALID,
    STANDARD_SUBNET_NAMES_DUPLICATE,
    STANDARD_SUBNET_SIZE_INVALID,
    INTEGRATION_SUBNET_TOO_SMALL,
    INTEGRATION_SUBNET_BELOW_PORTAL_MINIMUM,
    INTEGRATION_SUBNET_BELOW_RECOMMENDED,
    ASE_SUBNET_TOO_SMALL,
    ASE_SUBNET_BELOW_RECOMMENDED,
    PRIVATE_ENDPOINT_SUBNET_TOO_SMALL,
    STANDARD_SUBNET_OUTSIDE_VNET,
    STANDARD_SUBNETS_OVERLAP,
    STANDARD_SUBNET_OVERLAPS_EXISTING,
    STANDARD_SUBNET_OVERLAPS_ISE,
    STANDARD_SUBNET_IN_ISE_ONLY_RANGE,
    STANDARD_ALLOCATION_NO_SPACE,
    VNET_IPV6_INTEGRATION,
    DNS_SERVER_NOT_CARRIED,
    PUSH_TRIGGERS_PRIVATE_ENDPOINT,
    ACCESS_RESTRICTION_LIMIT,
    REUSE_WITHOUT_ISE_SUBNETS,
    ASE_DNS_SUFFIX_UNKNOWN,
    FIREWALL_IP_IN_STANDARD_SUBNET,
];

/// Every code, for documentation and tests.
pub const ALL: &[&str] = &[
    SUBSCRIPTION_ID_MISSING,
    SUBSCRIPTION_ID_INVALID,
    SUBSCRIPTION_ID_PLACEHOLDER,
    RESOURCE_GROUP_MISSING,
    RESOURCE_GROUP_INVALID,
    ISE_NAME_MISSING,
    ISE_NAME_INVALID,
    LOCATION_MISSING,
    LOCATION_UNKNOWN,
    LOCATION_CLOUD_MISMATCH,
    CAPACITY_INVALID,
    CAPACITY_OUT_OF_RANGE,
    CAPACITY_NOT_APPLICABLE,
    VNET_NAME_MISSING,
    VNET_NAME_INVALID,
    VNET_RESOURCE_GROUP_INVALID,
    VNET_PREFIX_MISSING,
    VNET_PREFIXES_OVERLAP,
    VNET_PREFIX_PUBLIC,
    CIDR_SYNTAX,
    CIDR_HOST_BITS,
    CIDR_IPV6,
    IPV6_IGNORED,
    ADDRESS_UNRESOLVABLE,
    ADDRESS_NOT_ALLOWED,
    EXISTING_SUBNET_OUTSIDE_VNET,
    EXISTING_SUBNETS_OVERLAP,
    EXISTING_ISE_SUBNET_UNBOUND,
    EXISTING_ISE_SUBNET_DELEGATED_ELSEWHERE,
    EXISTING_ISE_SUBNET_DELEGATED_FOR_PORTAL,
    ISE_SUBNETS_DELEGATED_TWICE,
    SUBNET_COUNT,
    SUBNET_NAME_MISSING,
    SUBNET_NAME_START,
    SUBNET_NAME_FORBIDDEN_CHAR,
    SUBNET_NAME_INVALID_CHAR,
    SUBNET_NAME_END,
    SUBNET_NAME_TOO_LONG,
    SUBNET_NAMES_DUPLICATE,
    SUBNET_TOO_SMALL,
    SUBNET_LARGER_THAN_NEEDED,
    SUBNET_OUTSIDE_VNET,
    SUBNETS_OVERLAP,
    SUBNET_OVERLAPS_EXISTING,
    ALLOCATION_NO_SPACE,
    ALLOCATION_NOT_CONTIGUOUS,
    DNS_SERVER_INVALID,
    DNS_SERVER_PUBLIC,
    DNS_SERVER_AZURE_RESOLVER,
    ADDRESS_LIST_INVALID,
    ADDRESS_NOT_PUBLIC,
    ADDRESS_NOT_USABLE,
    ADDRESS_CATCH_ALL,
    CONNECTOR_ADDRESSES_MISSING,
    CONNECTOR_ADDRESSES_UNUSED,
    HTTPS_OPEN_TO_INTERNET,
    CALLER_ADDRESSES_UNUSED,
    GOVERNMENT_ADDRESSES_MISSING,
    DEPENDENCY_ADDRESSES_MISSING,
    DEPENDENCY_ADDRESSES_UNUSED,
    DEPENDENCY_ROUTE_OVERLAPS_VNET,
    EXTERNAL_ISE_ASYMMETRIC_ROUTING,
    FIREWALL_IP_MISSING,
    FIREWALL_IP_INVALID,
    FIREWALL_IP_IN_ISE_SUBNET,
    FIREWALL_IP_OUTSIDE_VNET,
    FIREWALL_IP_UNUSED,
    ROUTE_TABLE_LIMIT,
    NSG_ADDRESS_LIMIT,
    CERTIFICATE_NAME_INVALID,
    CERTIFICATE_NAMES_DUPLICATE,
    CERTIFICATE_BASE64_INVALID,
    CERTIFICATE_NOT_RECOGNISED,
    CERTIFICATES_OUTSIDE_SPEC,
    CONNECTOR_NAME_INVALID,
    CONNECTOR_UNKNOWN,
    VALUE_TOO_LONG,
    LIST_TOO_LONG,
    VNET_SUBNET_LIMIT,
    STANDARD_NAME_MISSING,
    STANDARD_NAME_INVALID,
    STANDARD_SUBNET_NAMES_DUPLICATE,
    STANDARD_SUBNET_SIZE_INVALID,
    INTEGRATION_SUBNET_TOO_SMALL,
    INTEGRATION_SUBNET_BELOW_PORTAL_MINIMUM,
    INTEGRATION_SUBNET_BELOW_RECOMMENDED,
    ASE_SUBNET_TOO_SMALL,
    ASE_SUBNET_BELOW_RECOMMENDED,
    PRIVATE_ENDPOINT_SUBNET_TOO_SMALL,
    STANDARD_SUBNET_OUTSIDE_VNET,
    STANDARD_SUBNETS_OVERLAP,
    STANDARD_SUBNET_OVERLAPS_EXISTING,
    STANDARD_SUBNET_OVERLAPS_ISE,
    STANDARD_SUBNET_IN_ISE_ONLY_RANGE,
    STANDARD_ALLOCATION_NO_SPACE,
    VNET_IPV6_INTEGRATION,
    DNS_SERVER_NOT_CARRIED,
    PUSH_TRIGGERS_PRIVATE_ENDPOINT,
    ACCESS_RESTRICTION_LIMIT,
    REUSE_WITHOUT_ISE_SUBNETS,
    ASE_DNS_SUFFIX_UNKNOWN,
    FIREWALL_IP_IN_STANDARD_SUBNET,
];
