//! The Azure CLI export (`deploy.sh`): a bash script of `az` commands, one after another,
//! every value single-quoted by [`quote::sh`]. The ISE and its connectors go through
//! `az rest` (the CLI has no ISE command), the ISE's body from a quoted here-document; the
//! script then polls the ISE until it is `Succeeded` before the connectors.
//!
//! Safe to run twice: what exists is looked up first (`show`) and kept — the VNet, the NSG
//! and the route table are never created again (a PUT without their subnets, rules or routes
//! would drop them); rules and routes are written with `create`, a PUT of the whole rule or
//! route, which updates it in place; an existing subnet is updated (`subnet update`), not
//! created; the ISE request is not sent again while the ISE exists (unless it `Failed` or was
//! `Canceled`).
//!
//! Options that take one value are written `--option='value'`, so a value that looks like
//! a flag (`--debug`) stays a value.

use super::header::{self, NewVnetSubnets};
use super::quote;
use super::target::{RouteFields, RuleFields};
use super::{IseTarget, SubnetTarget, Target};
use crate::design::{Cloud, Design};
use crate::ise::plan::Plan;

/// The here-document delimiter of the ISE's body (a JSON line can never equal it: JSON
/// strings hold no raw line break).
pub const BODY_DELIMITER: &str = "ISE_PLANNER_END_OF_JSON";
/// How long the script waits for the ISE unless told otherwise (`--timeout-minutes`).
pub const DEFAULT_TIMEOUT_MINUTES: u32 = 300;
/// How often it asks for the ISE's state unless told otherwise (`--poll-seconds`).
pub const DEFAULT_POLL_SECONDS: u32 = 60;

/// One `az` command being written.
pub struct Command {
    words: Vec<String>,
}

impl Command {
    /// `az <words>`.
    pub fn new(words: &str) -> Command {
        Command {
            words: vec![format!("az {words}")],
        }
    }

    /// `--option='value'`.
    pub fn one(mut self, option: &str, value: &str) -> Command {
        self.words.push(format!("--{option}={}", quote::sh(value)));
        self
    }

    /// `--option 'a' 'b'` (values from the plan: addresses, tags, ports, services).
    pub fn many<S: AsRef<str>>(mut self, option: &str, values: &[S]) -> Command {
        let quoted: Vec<String> = values.iter().map(|v| quote::sh(v.as_ref())).collect();
        self.words.push(format!("--{option} {}", quoted.join(" ")));
        self
    }

    /// `--option=code` (shell code: a variable, a command substitution).
    pub fn code(mut self, option: &str, code: &str) -> Command {
        self.words.push(format!("--{option}={code}"));
        self
    }

    /// The command on one or more lines, each continuation indented by `pad` plus two.
    pub fn text_at(&self, pad: &str) -> String {
        let mut out = format!("{pad}{}", self.words.join(&format!(" \\\n{pad}  ")));
        out.push('\n');
        out
    }

    /// The command, its continuation lines indented by two spaces.
    pub fn text(&self) -> String {
        self.text_at("")
    }

    /// The words on one line, for a condition (`if exists az … show …; then`).
    pub fn inline(&self) -> String {
        self.words.join(" ")
    }
}

fn how_to_deploy(t: &Target<'_>) -> Vec<String> {
    let mut lines = vec![
        "Run: bash deploy.sh (after az login). It stops at the first failing command. Options: --force, --timeout-minutes N, --poll-seconds N (bash deploy.sh --help).".to_string(),
        "Safe to run again: what exists is kept (the virtual network, the NSG, the route table), rules and routes are written again in place, existing subnets are updated rather than created, and the ISE request is not sent again while the ISE exists.".to_string(),
    ];
    if t.ise.is_some() {
        lines.push(format!("{}: the script waits for provisioningState Succeeded before the connectors, {DEFAULT_TIMEOUT_MINUTES} minutes at most unless --timeout-minutes says otherwise.", header::ISE_WAIT));
    }
    lines.extend(cloud_line(t.cloud));
    lines
}

/// What to run before `az login` outside the public cloud.
pub fn cloud_line(cloud: Cloud) -> Option<String> {
    match cloud {
        Cloud::Public => None,
        Cloud::Government => Some(
            "Azure Government: run az cloud set --name AzureUSGovernment before az login.".into(),
        ),
        Cloud::China => {
            Some("Azure China: run az cloud set --name AzureChinaCloud before az login.".into())
        }
    }
}

/// The script.
pub fn render(design: &Design, plan: &Plan) -> String {
    let t = Target::new(design, plan);
    let mut out = String::from("#!/usr/bin/env bash\n");
    // Whole-file directive (it must follow the shebang): the single-quoted values are
    // data, so `$`, backticks and typographic quotes in them are meant literally.
    out.push_str("# shellcheck disable=SC1003,SC1111,SC1112,SC2016\n");
    out.push_str(&header::comment(
        &t,
        "#",
        NewVnetSubnets::Children,
        &how_to_deploy(&t),
    ));
    out.push_str("set -euo pipefail\n\n");
    out.push_str(&options());
    out.push_str(&refusal(&t));
    out.push_str(&helpers(&t));
    out.push_str(
        &Command::new("account set")
            .one("subscription", t.subscription_id)
            .text(),
    );
    out.push_str(&vnet(&t));
    out.push_str(&network_security(&t));
    let total = t.subnets.len();
    for s in &t.subnets {
        out.push_str(&subnet(&t, s, total));
    }
    if let Some(ise) = &t.ise {
        out.push_str(&ise_and_connectors(&t, ise));
    }
    out
}

/// The script's options: `--force`, `--timeout-minutes`, `--poll-seconds`, `--help`.
fn options() -> String {
    options_for("the ISE")
}

/// The options of a script that waits for `what` (`the ISE`) to be created.
pub fn options_for(what: &str) -> String {
    format!(
        r#"usage() {{
  cat <<'ISE_PLANNER_USAGE'
Usage: bash deploy.sh [--force] [--timeout-minutes N] [--poll-seconds N]
  --force              deploy although the design has errors (the header says NOT READY)
  --timeout-minutes N  how long to wait for {what} to be created (default {DEFAULT_TIMEOUT_MINUTES})
  --poll-seconds N     seconds between two checks of {what} (default {DEFAULT_POLL_SECONDS})
ISE_PLANNER_USAGE
}}

force=0
timeout_minutes={DEFAULT_TIMEOUT_MINUTES}
poll_seconds={DEFAULT_POLL_SECONDS}
while [ "$#" -gt 0 ]; do
  case "$1" in
    --force) force=1 ;;
    --timeout-minutes=*) timeout_minutes=${{1#*=}} ;;
    --timeout-minutes) timeout_minutes=${{2-}}; [ "$#" -gt 1 ] && shift ;;
    --poll-seconds=*) poll_seconds=${{1#*=}} ;;
    --poll-seconds) poll_seconds=${{2-}}; [ "$#" -gt 1 ] && shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "deploy.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
for number in "$timeout_minutes" "$poll_seconds"; do
  case "$number" in
    '' | *[!0-9]*) echo "deploy.sh: --timeout-minutes and --poll-seconds take a whole number, not '$number'" >&2; exit 2 ;;
  esac
done
: "$force"

"#
    )
}

/// A design with errors: the script stops here unless `--force` is given.
fn refusal(t: &Target<'_>) -> String {
    if !t.not_ready() {
        return String::new();
    }
    refusal_for(&t.not_ready_reason())
}

/// The stop at the top of a script that is NOT READY for `reason`, unless `--force`.
pub fn refusal_for(reason: &str) -> String {
    format!(
        "if [ \"$force\" != 1 ]; then\n  echo {} >&2\n  exit 1\nfi\necho {}\n\n",
        quote::sh(&format!(
            "deploy.sh: {reason} Nothing was deployed; run with --force to deploy anyway."
        )),
        quote::sh(&format!("deploy.sh: {reason} Deploying anyway (--force)."))
    )
}

/// Functions the script uses: `exists` (a `show` that succeeds), the DNS and prefix checks,
/// and, with an ISE, its state and the wait for it.
fn helpers(t: &Target<'_>) -> String {
    let mut out = String::from(EXISTS);
    out.push_str(&check_prefix(
        t.vnet.name,
        t.vnet.resource_group,
        "an ISE subnet",
        "An ISE subnet's prefix cannot change once the ISE exists",
    ));
    if let Some(ise) = &t.ise {
        out.push_str(&ise_helpers(ise));
    }
    out
}

/// The `exists` function: whether a `show` succeeds; exit 3 is "missing", any other
/// failure stops the script.
pub const EXISTS: &str = r#"# Whether a resource exists: its show command succeeds; az exits 3 for a missing one. Any
# other failure (sign-in, permissions) stops the script with az's message.
exists() {
  local rc=0 error
  error=$("$@" --output=none 2>&1 >/dev/null) || rc=$?
  case "$rc" in
    0) return 0 ;;
    3) return 1 ;;
    *) echo "deploy.sh: stopped: a lookup failed (exit $rc): $error" >&2; exit "$rc" ;;
  esac
}

"#;

/// The `check_prefix` function: stops when `which` (`an ISE subnet`) that an earlier run
/// made has another prefix than the design's; `why` says why it is not changed.
pub fn check_prefix(vnet: &str, resource_group: &str, which: &str, why: &str) -> String {
    format!(
        r#"# Stops when {} an earlier run made has another prefix than the design's: a
# subnet's prefix is never changed here.
check_prefix() {{
  local have
  have=$({})
  if [ "$have" != "$2" ]; then
    echo "deploy.sh: stopped: the subnet $1 exists with the prefix $have, not the design's $2. {why}; delete the subnet or change the design, then run again." >&2
    exit 1
  fi
}}

"#,
        which,
        Command::new("network vnet subnet show")
            .code("name", "\"$1\"")
            .one("vnet-name", vnet)
            .one("resource-group", resource_group)
            .one("query", "addressPrefix || addressPrefixes[0]")
            .one("output", "tsv")
            .inline()
    )
}

/// A resource a script creates by a REST PUT and then waits for: the ISE, an App Service
/// Environment. Its shell functions are `<prefix>_state`, `wait_for_<prefix>` and
/// `<prefix>_body`.
pub struct LongCreate<'a> {
    /// Its name in messages: `ISE`.
    pub noun: &'a str,
    /// The prefix of its shell functions: `ise`.
    pub prefix: &'a str,
    /// The full request URL.
    pub url: &'a str,
    /// Its resource ID.
    pub id: &'a str,
    /// The PUT's body.
    pub body: &'a serde_json::Value,
    /// The comment above the request (no user values).
    pub heading: &'a str,
    /// How long creating it takes, said before the wait: `usually takes up to two hours, …`.
    pub takes: &'a str,
}

fn ise_helpers(ise: &IseTarget<'_>) -> String {
    wait_helpers(&ise_long_create(ise))
}

fn ise_long_create<'a>(ise: &'a IseTarget<'a>) -> LongCreate<'a> {
    LongCreate {
        noun: "ISE",
        prefix: "ise",
        url: ise.url,
        id: ise.id(),
        body: ise.body,
        heading: "The ISE (the CLI has no ISE command: a REST PUT, sent unless the ISE exists), then the\n# wait until it is created.",
        takes: "usually takes up to two hours, occasionally four",
    }
}

/// `<prefix>_state` (its provisioningState, empty when it does not exist) and
/// `wait_for_<prefix>` (polls until `Succeeded`; stops on `Failed` or `Canceled` with Azure's
/// message, and at the time-out).
pub fn wait_helpers(w: &LongCreate<'_>) -> String {
    let (noun, prefix) = (w.noun, w.prefix);
    let state = Command::new("rest")
        .one("method", "get")
        .one("url", w.url)
        .one("query", "properties.provisioningState")
        .one("output", "tsv")
        .inline();
    let failure = Command::new("monitor activity-log list")
        .one("resource-id", w.id)
        .one("status", "Failed")
        .one("offset", "1d")
        .one("max-events", "1")
        .one("query", "[0].properties.statusMessage")
        .one("output", "tsv")
        .inline();
    format!(
        r#"# The {noun}'s provisioningState; empty when it does not exist (yet).
{prefix}_state() {{
  {state} 2>/dev/null || true
}}

# Waits until the {noun} is Succeeded: a line at every check, a stop with Azure's message when
# it Failed or was Canceled, a stop at the time-out (Azure goes on; run again to wait more).
wait_for_{prefix}() {{
  local start now state message
  start=$(date +%s)
  while :; do
    state=$({prefix}_state)
    now=$(date +%s)
    case "$state" in
      Succeeded)
        echo "deploy.sh: the {noun} is ready (provisioningState Succeeded) after $(( (now - start) / 60 )) minutes."
        return 0
        ;;
      Failed | Canceled)
        message=$({failure} 2>/dev/null || true)
        echo "deploy.sh: the {noun}'s creation ended with provisioningState $state: ${{message:-Azure gave no message, see the activity log of the {noun}}}" >&2
        exit 1
        ;;
    esac
    if [ $(( now - start )) -ge $(( timeout_minutes * 60 )) ]; then
      echo "deploy.sh: gave up waiting after $timeout_minutes minutes: the {noun}'s provisioningState is ${{state:-not reported}}. Azure goes on creating it: run deploy.sh again to wait more (the request is not sent twice), or give --timeout-minutes." >&2
      exit 1
    fi
    echo "deploy.sh: waiting for the {noun}: provisioningState ${{state:-not reported yet}}, $(( (now - start) / 60 )) of $timeout_minutes minutes; next check in $poll_seconds seconds."
    sleep "$poll_seconds"
  done
}}

"#
    )
}

/// `if exists <show>; then <kept>; else <create>; fi`.
pub fn unless_exists(show: Command, kept: &str, create: Command) -> String {
    format!(
        "if exists {}; then\n  echo {}\nelse\n{}fi\n",
        show.inline(),
        quote::sh(kept),
        create.text_at("  ")
    )
}

/// The new virtual network (created once), then the DNS check every run makes.
fn vnet(t: &Target<'_>) -> String {
    let mut out = String::new();
    if t.vnet.is_new {
        out.push_str("\n# The virtual network (new; created once, then kept as it is).\n");
        let mut create = Command::new("network vnet create")
            .one("name", t.vnet.name)
            .one("resource-group", t.vnet.resource_group)
            .one("location", t.location)
            .many("address-prefixes", &t.vnet.address_prefixes);
        if !t.vnet.dns_servers.is_empty() {
            create = create.many("dns-servers", &t.vnet.dns_servers);
        }
        out.push_str(&unless_exists(
            Command::new("network vnet show")
                .one("name", t.vnet.name)
                .one("resource-group", t.vnet.resource_group),
            "deploy.sh: the virtual network exists (an earlier run made it): kept as it is.",
            create,
        ));
    }
    out.push_str(&dns_check(t));
    out
}

/// Stops when the VNet's DNS servers are not the design's.
fn dns_check(t: &Target<'_>) -> String {
    let want = if t.vnet.dns_servers.is_empty() {
        "''".to_string()
    } else {
        let quoted: Vec<String> = t.vnet.dns_servers.iter().map(|s| quote::sh(s)).collect();
        format!("\"$(printf '%s\\n' {} | sort)\"", quoted.join(" "))
    };
    let show = Command::new("network vnet show")
        .one("name", t.vnet.name)
        .one("resource-group", t.vnet.resource_group)
        .one("query", "dhcpOptions.dnsServers")
        .one("output", "tsv")
        .inline();
    format!(
        r#"
# The virtual network's DNS servers must be the design's: the NSG opens port 53 to those
# only, and the ISE must find them set before it is created.
want_dns={want}
have_dns=$({show} | sort)
if [ "$have_dns" != "$want_dns" ]; then
  echo "deploy.sh: stopped: the virtual network's DNS servers ($(printf '%s' "${{have_dns:-none: Azure-provided DNS}}" | tr '\n' ' ')) differ from the design's ($(printf '%s' "${{want_dns:-none: Azure-provided DNS}}" | tr '\n' ' ')). The NSG's port-53 rule is made for the design's servers, and the ISE needs the VNet's DNS set before it is created. Set the VNet's DNS servers (az network vnet update --dns-servers ...) or change the design, then run again." >&2
  exit 1
fi
"#
    )
}

/// The NSG (created once) and its rules, then the route table (created once) and its
/// routes; each rule and route written with `create`, a PUT that updates it in place.
fn network_security(t: &Target<'_>) -> String {
    let rules: Vec<RuleFields<'_>> = t.rules.iter().map(RuleFields::of_ise).collect();
    let mut out = nsg_block(t.nsg_name, t.vnet.resource_group, t.location, &rules);
    if let Some(table) = t.route_table {
        let routes: Vec<RouteFields<'_>> = t.routes.iter().map(RouteFields::of_ise).collect();
        out.push_str(&route_table_block(
            table,
            t.vnet.resource_group,
            t.location,
            &routes,
        ));
    }
    out
}

/// An NSG (created once, then kept) and its rules, each written whole.
pub fn nsg_block(
    nsg: &str,
    resource_group: &str,
    location: &str,
    rules: &[RuleFields<'_>],
) -> String {
    let mut out = String::from("\n# The network security group (created once, then kept) and its rules (each written whole: created, or updated in place; every field given, since the CLI's defaults are port 80 and Allow).\n");
    out.push_str(&unless_exists(
        Command::new("network nsg show")
            .one("name", nsg)
            .one("resource-group", resource_group),
        "deploy.sh: the network security group exists: kept; its rules are written again in place.",
        Command::new("network nsg create")
            .one("name", nsg)
            .one("resource-group", resource_group)
            .one("location", location),
    ));
    for rule in rules {
        out.push_str(
            &Command::new("network nsg rule create")
                .one("name", rule.name)
                .one("nsg-name", nsg)
                .one("resource-group", resource_group)
                .one("priority", &rule.priority.to_string())
                .one("direction", rule.direction)
                .one("access", rule.access)
                .one("protocol", rule.protocol)
                .many("source-address-prefixes", rule.sources)
                .many("source-port-ranges", &[rule.source_ports])
                .many("destination-address-prefixes", rule.destinations)
                .many("destination-port-ranges", rule.destination_ports)
                .one("description", &rule.description)
                .text(),
        );
    }
    out
}

/// A route table (created once, then kept) and its routes, each written whole.
pub fn route_table_block(
    table: &str,
    resource_group: &str,
    location: &str,
    routes: &[RouteFields<'_>],
) -> String {
    let mut out = String::from("\n# The route table (created once, then kept) and its routes (each written whole: created, or updated in place).\n");
    out.push_str(&unless_exists(
        Command::new("network route-table show")
            .one("name", table)
            .one("resource-group", resource_group),
        "deploy.sh: the route table exists: kept; its routes are written again in place.",
        Command::new("network route-table create")
            .one("name", table)
            .one("resource-group", resource_group)
            .one("location", location),
    ));
    for route in routes {
        let mut command = Command::new("network route-table route create")
            .one("name", route.name)
            .one("route-table-name", table)
            .one("resource-group", resource_group)
            .one("address-prefix", route.address_prefix)
            .one("next-hop-type", route.next_hop_type);
        if let Some(ip) = route.next_hop_ip {
            command = command.one("next-hop-ip-address", ip);
        }
        out.push_str(&command.text());
    }
    out
}

/// One ISE subnet: created, or (an earlier run made it) its prefix checked and its NSG,
/// route table, delegation and service endpoints updated in place.
fn subnet(t: &Target<'_>, s: &SubnetTarget<'_>, total: usize) -> String {
    let Some(prefix) = s.prefix else {
        return format!("\n# {}\n", s.left_out(total));
    };
    let vnet_rg = t.vnet.resource_group;
    let settings = |mut command: Command| {
        command = command.one("network-security-group", t.nsg_name);
        if let Some(table) = s.route_table {
            command = command.one("route-table", table);
        }
        if let Some(service) = s.delegation {
            command = command.one("delegations", service);
        }
        if !s.service_endpoints.is_empty() {
            command = command.many("service-endpoints", s.service_endpoints);
        }
        command
    };
    subnet_block(
        &s.script_heading(total),
        (t.vnet.name, vnet_rg),
        (s.name, prefix),
        &settings,
    )
}

/// A subnet: created, or (an earlier run made it) its prefix checked by `check_prefix` and
/// its `settings` updated in place. `vnet` is the VNet's name and resource group.
pub fn subnet_block(
    heading: &str,
    vnet: (&str, &str),
    subnet: (&str, &str),
    settings: &dyn Fn(Command) -> Command,
) -> String {
    let (name, prefix) = subnet;
    let named = |words: &str| {
        Command::new(words)
            .one("name", name)
            .one("vnet-name", vnet.0)
            .one("resource-group", vnet.1)
    };
    format!(
        "\n# {heading}\nif exists {}; then\n  check_prefix {} {}\n{}else\n{}fi\n",
        named("network vnet subnet show").inline(),
        quote::sh(name),
        quote::sh(prefix),
        settings(named("network vnet subnet update")).text_at("  "),
        settings(named("network vnet subnet create").many("address-prefixes", &[prefix]))
            .text_at("  "),
    )
}

/// The ISE (sent unless it exists; sent again when it Failed or was Canceled), the wait for
/// it, then its connectors.
fn ise_and_connectors(t: &Target<'_>, ise: &IseTarget<'_>) -> String {
    let mut out = put_and_wait(&ise_long_create(ise));
    for c in &t.connectors {
        out.push_str("\n# A managed ISE connector (a PUT: created, or updated in place).\n");
        out.push_str(
            &Command::new("rest")
                .one("method", "put")
                .one("url", c.url)
                .one("headers", "Content-Type=application/json")
                .one("body", &serde_json::to_string(c.body).unwrap_or_default())
                .text(),
        );
    }
    out
}

/// The PUT of `w`'s body from a quoted here-document, sent unless it exists (again when it
/// Failed or was Canceled), then the wait for it.
pub fn put_and_wait(w: &LongCreate<'_>) -> String {
    let (noun, prefix) = (w.noun, w.prefix);
    let body = serde_json::to_string_pretty(w.body).unwrap_or_default();
    let mut delimiter = BODY_DELIMITER.to_string();
    while body.lines().any(|line| line == delimiter) {
        delimiter.push('_');
    }
    let put = Command::new("rest")
        .one("method", "put")
        .one("url", w.url)
        .one("headers", "Content-Type=application/json")
        .code("body", &format!("\"$({prefix}_body)\""));
    format!(
        r#"
# {heading}
{prefix}_body() {{
  cat <<'{delimiter}'
{body}
{delimiter}
}}
echo "deploy.sh: creating the {noun} {takes}; this script waits for it up to $timeout_minutes minutes (--timeout-minutes), checking every $poll_seconds seconds."
state=$({prefix}_state)
case "$state" in
  Succeeded) echo 'deploy.sh: the {noun} exists (provisioningState Succeeded): the request is not sent again.' ;;
  '' | Failed | Canceled)
    if [ -n "$state" ]; then echo "deploy.sh: the {noun} exists with provisioningState $state: sending the request again."; fi
{}    ;;
  *) echo "deploy.sh: the {noun} is being created (provisioningState $state): waiting for it; the request is not sent again." ;;
esac
wait_for_{prefix}
"#,
        put.text_at("    "),
        heading = w.heading,
        takes = w.takes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_design() {
        let design = Design::default();
        let text = render(&design, &crate::plan(&design));
        assert!(text.starts_with("#!/usr/bin/env bash\n# "));
        assert!(text.contains("\nset -euo pipefail\n"));
        assert!(text.contains("az network nsg rule create \\\n  --name='ise-in-intersubnet' \\\n  --nsg-name='ise-nsg' \\\n"));
        assert!(text.contains("  --destination-port-ranges '454' '455' \\\n"));
        assert!(text.contains("--delegations='Microsoft.Logic/integrationServiceEnvironments'"));
        assert!(text.contains("cat <<'ISE_PLANNER_END_OF_JSON'\n{\n"));
        assert!(text.contains("  --body=\"$(ise_body)\"\n"));
        assert!(text.contains("\nwait_for_ise\n"));
        assert!(!text.contains("route-table"));
        // A clean design has no refusal.
        assert!(!text.contains("NOT READY: the design"));
    }
}
