//! `ise-plan`: the planning library on the command line, for pipelines. Reads a design (a
//! file saved from the page, or flags), prints JSON on stdout and findings on stderr.
//!
//! Exit status: 0 no error findings; 1 the design has errors (stdout still carries the
//! output); 2 bad usage or an unreadable design file.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, ValueEnum};
    use ise_planner::design::{
        default_subnets, AccessEndpoint, Cloud, Deployment, Design, ExistingSubnet,
        ForcedTunneling, NextHop, Sku, SubnetSpec,
    };
    use ise_planner::export::tables::PlanTable;
    use ise_planner::export::Format;
    use ise_planner::import::service_tags::ServiceTags;
    use ise_planner::import::vnet::{self as vnet_import, MAX_IMPORT_BYTES};
    use ise_planner::ise::placement::with_placements;
    use ise_planner::{export, plan, Plan};
    use std::io::{Read, Write};
    use std::process::ExitCode;

    #[derive(Copy, Clone, Debug, ValueEnum)]
    enum Access {
        Internal,
        External,
    }
    #[derive(Copy, Clone, Debug, ValueEnum)]
    enum SkuArg {
        Premium,
        Developer,
    }
    #[derive(Copy, Clone, Debug, ValueEnum)]
    enum CloudArg {
        Public,
        Government,
    }
    #[derive(Copy, Clone, Debug, ValueEnum)]
    enum Deploy {
        Portal,
        Rest,
    }
    #[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
    enum Tunnel {
        /// ExpressRoute with forced tunneling: 0.0.0.0/0 → Internet on every ISE subnet.
        #[value(name = "expressroute", alias = "express-route")]
        ExpressRoute,
        /// Through a firewall or appliance: the default route to it, dependency routes to the
        /// Internet, service endpoints.
        Firewall,
        /// No forced tunneling (turns off what a design file turned on).
        None,
    }
    #[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
    enum Hop {
        /// The firewall or appliance, by its private IP address (--firewall-ip).
        Appliance,
        /// The virtual network gateway.
        Gateway,
    }
    #[derive(Copy, Clone, Debug, Default, ValueEnum)]
    enum Emit {
        /// The whole plan: findings, subnets, NSG rules, routes, requests, checklist.
        #[default]
        Plan,
        /// The ISE PUT request body alone.
        RestBody,
        /// The ISE PUT request: method, url, headers, body.
        RestRequest,
        /// NSG security rules in the ARM shape, inbound and outbound.
        Nsg,
        /// Routes in the ARM shape.
        Routes,
        /// The effective design, loadable again with --design, with the planner's placements.
        Design,
        /// ARM template (azuredeploy.json): subnets, NSG, route table, ISE, connectors.
        Arm,
        /// Bicep file (main.bicep).
        Bicep,
        /// Terraform configuration (main.tf): azurerm network, azapi ISE.
        Terraform,
        /// Azure CLI bash script (deploy.sh).
        Azcli,
        /// Azure PowerShell script (deploy.ps1).
        Powershell,
        /// One table as CSV (RFC 4180), chosen with --table.
        Csv,
    }
    #[derive(Copy, Clone, Debug, ValueEnum)]
    enum TableArg {
        Subnets,
        Inbound,
        Outbound,
        Routes,
    }

    /// Plan the network of an Azure Logic Apps integration service environment (ISE): four
    /// /27 subnets, NSG rules, routes and the REST request that creates it.
    ///
    /// Flags given beside --design override the file. Findings go to stderr; the output
    /// chosen with --emit goes to stdout as pretty JSON (CSV for --emit csv; the template or
    /// script itself for arm, bicep, terraform, azcli and powershell). Exit status: 0 no
    /// errors, 1 the design has errors (the output is still printed), 2 bad usage or an
    /// unreadable design or VNet file.
    #[derive(Parser, Debug)]
    #[command(name = "ise-plan", version, max_term_width = 100, override_usage = USAGE)]
    struct Args {
        /// A design saved from the page or by `--emit design` (`-` reads stdin).
        #[arg(long, value_name = "FILE")]
        design: Option<String>,
        /// An existing VNet as JSON (`az network vnet show`, `az network vnet subnet list`,
        /// Azure's REST/ARM shape, `Get-AzVirtualNetwork | ConvertTo-Json -Depth 10`; `-`
        /// reads stdin): its name, address space and named subnets replace the design's;
        /// flags given beside it override it.
        #[arg(long = "import-vnet", value_name = "FILE")]
        import_vnet: Option<String>,
        /// Azure's Service Tags file (the weekly "Azure IP Ranges and Service Tags" JSON,
        /// `ServiceTags_Public_*.json`; `-` reads stdin): fills the dependency addresses for
        /// the design's region and, in Azure Government, the addresses that replace the
        /// service tags that do not work there. Applied after every other flag.
        #[arg(long = "service-tags", value_name = "FILE")]
        service_tags: Option<String>,
        /// A VNet address prefix; repeat for several (replaces the design's list).
        #[arg(long = "vnet-prefix", value_name = "CIDR")]
        vnet_prefix: Vec<String>,
        /// A subnet that already exists in the VNet, `CIDR` or `NAME=CIDR`; repeat for
        /// several (replaces the list).
        #[arg(long = "existing-subnet", value_name = "[NAME=]CIDR")]
        existing_subnet: Vec<String>,
        /// An ISE subnet pinned to a prefix; repeat up to four times. Subnets not given are
        /// allocated. `NAME=` names a subnet without pinning it.
        #[arg(long, value_name = "NAME=CIDR")]
        subnet: Vec<String>,
        /// The access endpoint; fixed after creation.
        #[arg(long, value_enum)]
        access: Option<Access>,
        /// The SKU; fixed after creation.
        #[arg(long, value_enum)]
        sku: Option<SkuArg>,
        /// Premium: additional processing units, 0-10 (sent as sku.capacity; Developer sends 0).
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        capacity: Option<i64>,
        /// The ISE name.
        #[arg(long)]
        name: Option<String>,
        /// The Azure region, such as westeurope.
        #[arg(long, value_name = "REGION")]
        location: Option<String>,
        /// The subscription ID (a GUID).
        #[arg(long, value_name = "ID")]
        subscription: Option<String>,
        /// The resource group of the ISE (and of the VNet unless the design says otherwise).
        #[arg(long = "resource-group", value_name = "RG")]
        resource_group: Option<String>,
        /// The virtual network's name.
        #[arg(long = "vnet-name", value_name = "NAME")]
        vnet_name: Option<String>,
        /// The Azure cloud.
        #[arg(long, value_enum)]
        cloud: Option<CloudArg>,
        /// portal: no delegation; rest (also ARM and PowerShell): one subnet delegated.
        #[arg(long, value_enum)]
        deploy: Option<Deploy>,
        /// Forced tunneling: expressroute (0.0.0.0/0 → Internet on every ISE subnet; what a
        /// bare --forced-tunneling means), firewall (the default route to your firewall or
        /// gateway, the dependency addresses routed to the Internet) or none.
        #[arg(
            long = "forced-tunneling",
            value_enum,
            value_name = "MODE",
            num_args = 0..=1,
            default_missing_value = "expressroute"
        )]
        forced_tunneling: Option<Tunnel>,
        /// The firewall's private IP address, the default route's next hop (sets next hop
        /// appliance) when forced tunneling goes through a firewall.
        #[arg(long = "firewall-ip", value_name = "IP")]
        firewall_ip: Option<String>,
        /// The default route's next hop when forced tunneling goes through a firewall:
        /// appliance (its IP from --firewall-ip) or gateway (the virtual network gateway).
        #[arg(long = "firewall-next-hop", value_enum)]
        firewall_next_hop: Option<Hop>,
        /// A custom DNS server of the VNet; repeat for several (replaces the list).
        #[arg(long = "dns-server", value_name = "IP")]
        dns_server: Vec<String>,
        /// What to print on stdout.
        #[arg(long, value_enum, default_value_t = Emit::Plan)]
        emit: Emit,
        /// The table --emit csv prints.
        #[arg(long, value_enum)]
        table: Option<TableArg>,
    }

    const USAGE: &str = "ise-plan [--design FILE] [--import-vnet FILE] [--service-tags FILE]
                [--vnet-prefix CIDR]... [--existing-subnet [NAME=]CIDR]...
                [--subnet NAME=CIDR]... [--access internal|external] [--sku premium|developer]
                [--capacity N] [--name NAME] [--location REGION] [--subscription ID]
                [--resource-group RG] [--vnet-name NAME] [--cloud public|government]
                [--deploy portal|rest] [--forced-tunneling [expressroute|firewall|none]]
                [--firewall-ip IP] [--firewall-next-hop appliance|gateway] [--dns-server IP]...
                [--emit plan|rest-body|rest-request|nsg|routes|design|csv|
                        arm|bicep|terraform|azcli|powershell]
                [--table subnets|inbound|outbound|routes]";

    /// Fails with a usage message and exit status 2.
    struct Usage(String);

    pub fn main() -> ExitCode {
        let args = match Args::try_parse() {
            Ok(args) => args,
            Err(e) => {
                let _ = e.print();
                return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
            }
        };
        let design = match check_table(&args).and_then(|()| effective_design(&args)) {
            Ok(d) => d,
            Err(Usage(message)) => {
                say(&format!("ise-plan: {message}\n"));
                return ExitCode::from(2);
            }
        };
        let plan = plan(&design);
        let mut lines = String::new();
        for f in &plan.findings {
            lines.push_str(&format!(
                "{}[{}] {}: {}\n",
                f.severity.as_str(),
                f.code,
                f.field,
                f.message
            ));
        }
        say(&lines);
        let status = if plan.has_errors() { 1 } else { 0 };
        match print(&output(&args, &design, &plan)) {
            Ok(()) => ExitCode::from(status),
            // The reader went away (`ise-plan | head`): nothing is left to tell it, and the
            // plan's own status still holds.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(status),
            Err(e) => {
                say(&format!("ise-plan: cannot write the output: {e}\n"));
                ExitCode::from(2)
            }
        }
    }

    /// Writes the output and a line break on stdout, and flushes it: an error (a closed
    /// pipe, a full disk) is returned, never a panic.
    fn print(text: &str) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    /// Writes to stderr; when stderr itself is closed or full there is nobody left to tell.
    fn say(text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
    }

    /// The most `--design` reads: 64 MiB. A larger file, or an endless stream on stdin,
    /// stops there with an error.
    const MAX_DESIGN_BYTES: usize = ise_planner::design::Design::MAX_FILE_BYTES;

    fn too_large(what: &str) -> Usage {
        Usage(format!(
            "{what} is larger than 64 MiB ({MAX_DESIGN_BYTES} bytes), the most ise-plan reads; a design is far smaller, so check that this is the right file"
        ))
    }

    /// Reads at most [`MAX_DESIGN_BYTES`] of UTF-8 text, checking the encoding as it reads.
    /// `what` names the source in messages.
    fn read_text(mut input: impl Read, what: &str) -> Result<String, Usage> {
        let not_utf8 = |offset: usize| {
            Usage(format!(
                "{what} is not UTF-8 text (invalid byte at offset {offset}); save the design as UTF-8"
            ))
        };
        let mut text: Vec<u8> = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        // `text[..valid]` is known to be UTF-8; the rest is at most an unfinished character.
        let mut valid = 0;
        loop {
            let n = match input.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Usage(format!("cannot read {what}: {e}"))),
            };
            if text.len() + n > MAX_DESIGN_BYTES {
                return Err(too_large(what));
            }
            text.extend_from_slice(&chunk[..n]);
            match std::str::from_utf8(&text[valid..]) {
                Ok(_) => valid = text.len(),
                Err(e) if e.error_len().is_some() => return Err(not_utf8(valid + e.valid_up_to())),
                Err(e) => valid += e.valid_up_to(),
            }
        }
        if valid < text.len() {
            return Err(not_utf8(valid));
        }
        String::from_utf8(text).map_err(|e| not_utf8(e.utf8_error().valid_up_to()))
    }

    /// Reads the design at `path` (`-`: stdin); fields of the wrong type are reported as
    /// warnings on stderr and take their defaults.
    fn read_design(path: &str) -> Result<Design, Usage> {
        let text = if path == "-" {
            read_text(std::io::stdin().lock(), "the design on stdin")?
        } else {
            let what = format!("design file {path:?}");
            let file =
                std::fs::File::open(path).map_err(|e| Usage(format!("cannot read {what}: {e}")))?;
            // A regular file's size is known before reading it.
            if file
                .metadata()
                .is_ok_and(|m| m.is_file() && m.len() > MAX_DESIGN_BYTES as u64)
            {
                return Err(too_large(&what));
            }
            read_text(file, &what)?
        };
        let loaded = Design::load(&text)
            .map_err(|e| Usage(format!("cannot use design file {path:?}: {e}")))?;
        let mut warnings = String::new();
        for field in &loaded.dropped {
            warnings.push_str(&format!(
                "ise-plan: warning: design file {path:?}: {field} has the wrong type; it was ignored and its default used\n"
            ));
        }
        say(&warnings);
        Ok(loaded.design)
    }

    /// `--table` goes with `--emit csv`, and `--emit csv` needs it.
    fn check_table(args: &Args) -> Result<(), Usage> {
        match (args.emit, args.table) {
            (Emit::Csv, None) => Err(Usage(
                "--emit csv prints one table: add --table subnets|inbound|outbound|routes".into(),
            )),
            (Emit::Csv, Some(_)) | (_, None) => Ok(()),
            (_, Some(_)) => Err(Usage(
                "--table chooses the table of --emit csv; add --emit csv".into(),
            )),
        }
    }

    /// Reads the file of `--import-vnet` (at most [`MAX_IMPORT_BYTES`]) and applies it.
    fn import_vnet(path: &str, design: &mut Design) -> Result<(), Usage> {
        let what = if path == "-" {
            "stdin".to_string()
        } else {
            format!("{path:?}")
        };
        let mut bytes = Vec::new();
        let read = if path == "-" {
            std::io::stdin()
                .take(MAX_IMPORT_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        } else {
            std::fs::File::open(path)
                .and_then(|f| f.take(MAX_IMPORT_BYTES as u64 + 1).read_to_end(&mut bytes))
        };
        read.map_err(|e| Usage(format!("cannot read the VNet from {what}: {e}")))?;
        let summary = vnet_import::import_bytes(&bytes, design)
            .map_err(|e| Usage(format!("cannot import the VNet from {what}: {e}")))?;
        say(&format!(
            "ise-plan: {summary} — read as {}.\n",
            summary.source.describe()
        ));
        for note in &summary.notes {
            say(&format!("ise-plan: note: {note}\n"));
        }
        Ok(())
    }

    /// An existing subnet from `--existing-subnet`: `10.0.0.0/24`, or `web=10.0.0.0/24` with
    /// its name.
    fn existing(flag: &str) -> ExistingSubnet {
        match flag.split_once('=') {
            Some((name, prefix)) => ExistingSubnet {
                name: name.to_string(),
                prefix: prefix.to_string(),
                ..ExistingSubnet::default()
            },
            None => flag.into(),
        }
    }

    /// Reads Azure's Service Tags file (`-`: stdin) and fills the design's dependency (and
    /// Azure Government) addresses for its region.
    fn import_service_tags(path: &str, design: &mut Design) -> Result<(), Usage> {
        let what = if path == "-" {
            "the Service Tags file on stdin".to_string()
        } else {
            format!("Service Tags file {path:?}")
        };
        let text = if path == "-" {
            read_text(std::io::stdin().lock(), &what)?
        } else {
            let file =
                std::fs::File::open(path).map_err(|e| Usage(format!("cannot read {what}: {e}")))?;
            read_text(file, &what)?
        };
        let tags = ServiceTags::parse(&text).map_err(|e| Usage(format!("{what}: {e}")))?;
        let summary = tags.import_into(design);
        say(&format!("ise-plan: {summary} from {what}.\n"));
        Ok(())
    }

    fn effective_design(args: &Args) -> Result<Design, Usage> {
        let stdin_users = [&args.design, &args.import_vnet, &args.service_tags]
            .iter()
            .filter(|a| a.as_deref() == Some("-"))
            .count();
        if stdin_users > 1 {
            return Err(Usage(
                "only one of --design, --import-vnet and --service-tags can read stdin (-); give the others as files".into(),
            ));
        }
        let mut d = match &args.design {
            Some(path) => read_design(path)?,
            None => Design::default(),
        };
        if let Some(path) = &args.import_vnet {
            import_vnet(path, &mut d)?;
        }
        if !args.vnet_prefix.is_empty() {
            d.vnet.address_prefixes = args.vnet_prefix.clone();
        }
        if !args.existing_subnet.is_empty() {
            d.vnet.existing_subnets = args.existing_subnet.iter().map(|s| existing(s)).collect();
        }
        if !args.subnet.is_empty() {
            d.subnets = subnets(&args.subnet)?;
        }
        if let Some(a) = args.access {
            d.access_endpoint = match a {
                Access::Internal => AccessEndpoint::Internal,
                Access::External => AccessEndpoint::External,
            };
        }
        if let Some(s) = args.sku {
            d.sku = match s {
                SkuArg::Premium => Sku::Premium,
                SkuArg::Developer => Sku::Developer,
            };
        }
        if let Some(c) = args.capacity {
            d.additional_capacity = c.into();
        }
        let set = |target: &mut String, value: &Option<String>| {
            if let Some(v) = value {
                *target = v.clone();
            }
        };
        set(&mut d.name, &args.name);
        set(&mut d.location, &args.location);
        set(&mut d.subscription_id, &args.subscription);
        set(&mut d.resource_group, &args.resource_group);
        set(&mut d.vnet.name, &args.vnet_name);
        if let Some(c) = args.cloud {
            d.cloud = match c {
                CloudArg::Public => Cloud::Public,
                CloudArg::Government => Cloud::Government,
            };
        }
        if let Some(dep) = args.deploy {
            d.deployment = match dep {
                Deploy::Portal => Deployment::Portal,
                Deploy::Rest => Deployment::Rest,
            };
        }
        if let Some(mode) = args.forced_tunneling {
            d.forced_tunneling = match mode {
                Tunnel::ExpressRoute => ForcedTunneling::ExpressRoute,
                Tunnel::Firewall => ForcedTunneling::Firewall,
                Tunnel::None => ForcedTunneling::None,
            };
        }
        if args.firewall_ip.is_some() && args.firewall_next_hop == Some(Hop::Gateway) {
            return Err(Usage("--firewall-ip is the appliance's address; it cannot go with --firewall-next-hop gateway (the gateway needs no address)".into()));
        }
        if let Some(ip) = &args.firewall_ip {
            d.firewall.next_hop = NextHop::VirtualAppliance;
            d.firewall.appliance_ip = ip.clone();
        }
        if let Some(hop) = args.firewall_next_hop {
            d.firewall.next_hop = match hop {
                Hop::Appliance => NextHop::VirtualAppliance,
                Hop::Gateway => NextHop::VirtualNetworkGateway,
            };
        }
        if !args.dns_server.is_empty() {
            d.dns_servers = args.dns_server.clone();
        }
        // Last: the region and cloud chosen above decide which tags are read.
        if let Some(path) = &args.service_tags {
            import_service_tags(path, &mut d)?;
        }
        Ok(d)
    }

    /// The ISE subnets from `--subnet NAME=CIDR` flags, filled up to four with unpinned
    /// subnets under the default names not already taken.
    fn subnets(flags: &[String]) -> Result<Vec<SubnetSpec>, Usage> {
        if flags.len() > 4 {
            return Err(Usage(format!(
                "--subnet was given {} times; an ISE has exactly four subnets",
                flags.len()
            )));
        }
        let mut specs = Vec::new();
        for flag in flags {
            let (name, prefix) = flag.split_once('=').ok_or_else(|| {
                Usage(format!(
                    "--subnet {flag:?} should be NAME=CIDR, for example --subnet ise-1=10.0.0.0/27"
                ))
            })?;
            specs.push(SubnetSpec {
                name: name.to_string(),
                prefix: prefix.to_string(),
                ..SubnetSpec::default()
            });
        }
        for default in default_subnets() {
            if specs.len() == 4 {
                break;
            }
            if !specs
                .iter()
                .any(|s| s.name.eq_ignore_ascii_case(&default.name))
            {
                specs.push(default);
            }
        }
        Ok(specs)
    }

    /// What goes to stdout, ending in a line break.
    fn output(args: &Args, design: &Design, plan: &Plan) -> String {
        let value = match args.emit {
            Emit::Plan => serde_json::to_value(plan),
            Emit::RestBody => Ok(plan.rest.create.body.clone().unwrap_or_default()),
            Emit::RestRequest => serde_json::to_value(&plan.rest.create),
            Emit::Nsg => Ok(serde_json::Value::Array(
                plan.nsg_rules.iter().map(|r| r.to_arm()).collect(),
            )),
            Emit::Routes => Ok(serde_json::Value::Array(
                plan.routes.iter().map(|r| r.to_arm()).collect(),
            )),
            // With the plan's placements in `placed`, so that the file keeps its subnets where
            // they are when it is edited and planned again (in the page or here).
            Emit::Design => {
                return with_placements(design, plan)
                    .as_ref()
                    .unwrap_or(design)
                    .to_json()
                    + "\n"
            }
            Emit::Csv => {
                let table = match args.table.unwrap_or(TableArg::Subnets) {
                    TableArg::Subnets => PlanTable::Subnets,
                    TableArg::Inbound => PlanTable::Inbound,
                    TableArg::Outbound => PlanTable::Outbound,
                    TableArg::Routes => PlanTable::Routes,
                };
                return export::csv::plan_table(plan, table);
            }
            Emit::Arm => return with_newline(Format::Arm.render(design, plan)),
            Emit::Bicep => return with_newline(Format::Bicep.render(design, plan)),
            Emit::Terraform => return with_newline(Format::Terraform.render(design, plan)),
            Emit::Azcli => return with_newline(Format::AzCli.render(design, plan)),
            Emit::Powershell => return with_newline(Format::PowerShell.render(design, plan)),
        };
        value
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
            + "\n"
    }

    /// Text files end with one line break, whatever the generator wrote.
    fn with_newline(mut text: String) -> String {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text
    }
}
