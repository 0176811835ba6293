#!/usr/bin/env bash
# shellcheck disable=SC1003,SC1111,SC1112,SC2016
# ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
# Deploys 2 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 18 security rules.
# Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
# Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
# Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
# Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
# Run: bash deploy.sh (after az login). It stops at the first failing command. Options: --force, --timeout-minutes N, --poll-seconds N (bash deploy.sh --help).
# Safe to run again: what exists is kept (the virtual network, the NSG, the route table), rules and routes are written again in place, existing subnets are updated rather than created, and the ISE request is not sent again while the ISE exists.
# NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying.
# INCOMPLETE: ISE subnet 3 of 4 has no address prefix (the planner could not place it): it is left out.
# INCOMPLETE: ISE subnet 4 of 4 has no address prefix (the planner could not place it): it is left out.
# INCOMPLETE: The ISE needs all four subnets: the ISE and its connectors are left out until every subnet is placed.
set -euo pipefail

usage() {
  cat <<'ISE_PLANNER_USAGE'
Usage: bash deploy.sh [--force] [--timeout-minutes N] [--poll-seconds N]
  --force              deploy although the design has errors (the header says NOT READY)
  --timeout-minutes N  how long to wait for the ISE to be created (default 300)
  --poll-seconds N     seconds between two checks of the ISE (default 60)
ISE_PLANNER_USAGE
}

force=0
timeout_minutes=300
poll_seconds=60
while [ "$#" -gt 0 ]; do
  case "$1" in
    --force) force=1 ;;
    --timeout-minutes=*) timeout_minutes=${1#*=} ;;
    --timeout-minutes) timeout_minutes=${2-}; [ "$#" -gt 1 ] && shift ;;
    --poll-seconds=*) poll_seconds=${1#*=} ;;
    --poll-seconds) poll_seconds=${2-}; [ "$#" -gt 1 ] && shift ;;
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

if [ "$force" != 1 ]; then
  echo 'deploy.sh: NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying. Nothing was deployed; run with --force to deploy anyway.' >&2
  exit 1
fi
echo 'deploy.sh: NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying. Deploying anyway (--force).'

# Whether a resource exists: its show command succeeds; az exits 3 for a missing one. Any
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

# Stops when an ISE subnet an earlier run made has another prefix than the design's: a
# subnet's prefix is never changed here.
check_prefix() {
  local have
  have=$(az network vnet subnet show --name="$1" --vnet-name='ise-vnet' --resource-group='ise-rg' --query='addressPrefix || addressPrefixes[0]' --output='tsv')
  if [ "$have" != "$2" ]; then
    echo "deploy.sh: stopped: the subnet $1 exists with the prefix $have, not the design's $2. An ISE subnet's prefix cannot change once the ISE exists; delete the subnet or change the design, then run again." >&2
    exit 1
  fi
}

az account set \
  --subscription='00000000-0000-0000-0000-000000000000'

# The virtual network's DNS servers must be the design's: the NSG opens port 53 to those
# only, and the ISE must find them set before it is created.
want_dns=''
have_dns=$(az network vnet show --name='ise-vnet' --resource-group='ise-rg' --query='dhcpOptions.dnsServers' --output='tsv' | sort)
if [ "$have_dns" != "$want_dns" ]; then
  echo "deploy.sh: stopped: the virtual network's DNS servers ($(printf '%s' "${have_dns:-none: Azure-provided DNS}" | tr '\n' ' ')) differ from the design's ($(printf '%s' "${want_dns:-none: Azure-provided DNS}" | tr '\n' ' ')). The NSG's port-53 rule is made for the design's servers, and the ISE needs the VNet's DNS set before it is created. Set the VNet's DNS servers (az network vnet update --dns-servers ...) or change the design, then run again." >&2
  exit 1
fi

# The network security group (created once, then kept) and its rules (each written whole: created, or updated in place; every field given, since the CLI's defaults are port 80 and Allow).
if exists az network nsg show --name='ise-nsg' --resource-group='ise-rg'; then
  echo 'deploy.sh: the network security group exists: kept; its rules are written again in place.'
else
  az network nsg create \
    --name='ise-nsg' \
    --resource-group='ise-rg' \
    --location='westeurope'
fi
az network nsg rule create \
  --name='ise-in-intersubnet' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='100' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.0.0.0/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.0.0/26' \
  --destination-port-ranges '*' \
  --description='Intersubnet communication within virtual network (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-logic-app-https' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='110' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '443' \
  --description='Communication to your logic app; runs history for logic app (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-designer-dynamic-properties' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='120' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'LogicAppsManagement' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' \
  --description='Logic Apps designer - dynamic properties (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-network-health-check' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='130' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'LogicApps' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' \
  --description='Network health check (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-connector-deployment' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='140' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'AzureConnectors' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' \
  --description='Connector deployment (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-app-service-management' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='150' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'AppServiceManagement' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' '455' \
  --description='App Service Management dependency (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-traffic-manager' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='160' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'AzureTrafficManager' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' \
  --description='Communication from Azure Traffic Manager (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-api-management' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='170' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'ApiManagement' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '3443' \
  --description='Connector policy deployment; API Management - management endpoint (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-redis' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='180' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '6379-6383' \
  --description='Access Azure Cache for Redis Instances between Role Instances (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-out-intersubnet' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='100' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.0.0.0/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.0.0/26' \
  --destination-port-ranges '*' \
  --description='Intersubnet communication within virtual network (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-azure-active-directory' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='110' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureActiveDirectory' \
  --destination-port-ranges '80' '443' \
  --description='Azure Active Directory (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-storage' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='120' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'Storage' \
  --destination-port-ranges '80' '443' '445' \
  --description='Azure Storage dependency (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-connection-management' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='130' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AppService' \
  --destination-port-ranges '443' \
  --description='Connection management (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-diagnostics' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='140' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureMonitor' \
  --destination-port-ranges '443' \
  --description='Publish diagnostic logs & metrics (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-sql' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='150' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'Sql' \
  --destination-port-ranges '1433' \
  --description='Azure SQL dependency (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-resource-health' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='160' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureMonitor' \
  --destination-port-ranges '1886' \
  --description='Azure Resource Health (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-event-hub' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='170' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'EventHub' \
  --destination-port-ranges '5672' \
  --description='Dependency from Log to Event Hub policy and monitoring agent (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-redis' \
  --nsg-name='ise-nsg' \
  --resource-group='ise-rg' \
  --priority='180' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '6379-6383' \
  --description='Access Azure Cache for Redis Instances between Role Instances (ISE doc: Outbound security rules)'

# ISE subnet 1 of 4 (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='ise-subnet-1' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  check_prefix 'ise-subnet-1' '10.0.0.0/27'
  az network vnet subnet update \
    --name='ise-subnet-1' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --network-security-group='ise-nsg' \
    --delegations='Microsoft.Logic/integrationServiceEnvironments'
else
  az network vnet subnet create \
    --name='ise-subnet-1' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --address-prefixes '10.0.0.0/27' \
    --network-security-group='ise-nsg' \
    --delegations='Microsoft.Logic/integrationServiceEnvironments'
fi

# ISE subnet 2 of 4 (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='ise-subnet-2' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  check_prefix 'ise-subnet-2' '10.0.0.32/27'
  az network vnet subnet update \
    --name='ise-subnet-2' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --network-security-group='ise-nsg'
else
  az network vnet subnet create \
    --name='ise-subnet-2' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --address-prefixes '10.0.0.32/27' \
    --network-security-group='ise-nsg'
fi

# INCOMPLETE: ISE subnet 3 of 4 is left out: the planner could not place it.

# INCOMPLETE: ISE subnet 4 of 4 is left out: the planner could not place it.
