#!/usr/bin/env bash
# shellcheck disable=SC1003,SC1111,SC1112,SC2016
# ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
# Deploys a new virtual network; 4 ISE subnets as child resources of the new virtual network, created one after another; one network security group with 18 security rules; the ISE (Microsoft.Logic/integrationServiceEnvironments, api-version 2019-05-01).
# Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
# Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
# Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
# Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
# Run: bash deploy.sh (after az login). It stops at the first failing command. Options: --force, --timeout-minutes N, --poll-seconds N (bash deploy.sh --help).
# Safe to run again: what exists is kept (the virtual network, the NSG, the route table), rules and routes are written again in place, existing subnets are updated rather than created, and the ISE request is not sent again while the ISE exists.
# Creating the ISE usually takes up to two hours, occasionally four (Azure's ISE article, "Create your ISE"): the script waits for provisioningState Succeeded before the connectors, 300 minutes at most unless --timeout-minutes says otherwise.
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
  have=$(az network vnet subnet show --name="$1" --vnet-name='ise-new-vnet' --resource-group='network-rg' --query='addressPrefix || addressPrefixes[0]' --output='tsv')
  if [ "$have" != "$2" ]; then
    echo "deploy.sh: stopped: the subnet $1 exists with the prefix $have, not the design's $2. An ISE subnet's prefix cannot change once the ISE exists; delete the subnet or change the design, then run again." >&2
    exit 1
  fi
}

# The ISE's provisioningState; empty when it does not exist (yet).
ise_state() {
  az rest --method='get' --url='https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Logic/integrationServiceEnvironments/ise-1?api-version=2019-05-01' --query='properties.provisioningState' --output='tsv' 2>/dev/null || true
}

# Waits until the ISE is Succeeded: a line at every check, a stop with Azure's message when
# it Failed or was Canceled, a stop at the time-out (Azure goes on; run again to wait more).
wait_for_ise() {
  local start now state message
  start=$(date +%s)
  while :; do
    state=$(ise_state)
    now=$(date +%s)
    case "$state" in
      Succeeded)
        echo "deploy.sh: the ISE is ready (provisioningState Succeeded) after $(( (now - start) / 60 )) minutes."
        return 0
        ;;
      Failed | Canceled)
        message=$(az monitor activity-log list --resource-id='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Logic/integrationServiceEnvironments/ise-1' --status='Failed' --offset='1d' --max-events='1' --query='[0].properties.statusMessage' --output='tsv' 2>/dev/null || true)
        echo "deploy.sh: the ISE's creation ended with provisioningState $state: ${message:-Azure gave no message, see the activity log of the ISE}" >&2
        exit 1
        ;;
    esac
    if [ $(( now - start )) -ge $(( timeout_minutes * 60 )) ]; then
      echo "deploy.sh: gave up waiting after $timeout_minutes minutes: the ISE's provisioningState is ${state:-not reported}. Azure goes on creating it: run deploy.sh again to wait more (the request is not sent twice), or give --timeout-minutes." >&2
      exit 1
    fi
    echo "deploy.sh: waiting for the ISE: provisioningState ${state:-not reported yet}, $(( (now - start) / 60 )) of $timeout_minutes minutes; next check in $poll_seconds seconds."
    sleep "$poll_seconds"
  done
}

az account set \
  --subscription='00000000-0000-0000-0000-000000000000'

# The virtual network (new; created once, then kept as it is).
if exists az network vnet show --name='ise-new-vnet' --resource-group='network-rg'; then
  echo 'deploy.sh: the virtual network exists (an earlier run made it): kept as it is.'
else
  az network vnet create \
    --name='ise-new-vnet' \
    --resource-group='network-rg' \
    --location='westeurope' \
    --address-prefixes '10.50.0.0/24' '10.60.0.0/24'
fi

# The virtual network's DNS servers must be the design's: the NSG opens port 53 to those
# only, and the ISE must find them set before it is created.
want_dns=''
have_dns=$(az network vnet show --name='ise-new-vnet' --resource-group='network-rg' --query='dhcpOptions.dnsServers' --output='tsv' | sort)
if [ "$have_dns" != "$want_dns" ]; then
  echo "deploy.sh: stopped: the virtual network's DNS servers ($(printf '%s' "${have_dns:-none: Azure-provided DNS}" | tr '\n' ' ')) differ from the design's ($(printf '%s' "${want_dns:-none: Azure-provided DNS}" | tr '\n' ' ')). The NSG's port-53 rule is made for the design's servers, and the ISE needs the VNet's DNS set before it is created. Set the VNet's DNS servers (az network vnet update --dns-servers ...) or change the design, then run again." >&2
  exit 1
fi

# The network security group (created once, then kept) and its rules (each written whole: created, or updated in place; every field given, since the CLI's defaults are port 80 and Allow).
if exists az network nsg show --name='ise-nsg' --resource-group='network-rg'; then
  echo 'deploy.sh: the network security group exists: kept; its rules are written again in place.'
else
  az network nsg create \
    --name='ise-nsg' \
    --resource-group='network-rg' \
    --location='westeurope'
fi
az network nsg rule create \
  --name='ise-in-intersubnet' \
  --nsg-name='ise-nsg' \
  --resource-group='network-rg' \
  --priority='100' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.50.0.0/24' '10.60.0.0/24' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.50.0.0/24' '10.60.0.0/24' \
  --destination-port-ranges '*' \
  --description='Intersubnet communication within virtual network (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-logic-app-https' \
  --nsg-name='ise-nsg' \
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
  --priority='100' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.50.0.0/24' '10.60.0.0/24' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.50.0.0/24' '10.60.0.0/24' \
  --destination-port-ranges '*' \
  --description='Intersubnet communication within virtual network (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-azure-active-directory' \
  --nsg-name='ise-nsg' \
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
  --resource-group='network-rg' \
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
if exists az network vnet subnet show --name='ise-subnet-1' --vnet-name='ise-new-vnet' --resource-group='network-rg'; then
  check_prefix 'ise-subnet-1' '10.50.0.0/27'
  az network vnet subnet update \
    --name='ise-subnet-1' \
    --vnet-name='ise-new-vnet' \
    --resource-group='network-rg' \
    --network-security-group='ise-nsg' \
    --delegations='Microsoft.Logic/integrationServiceEnvironments'
else
  az network vnet subnet create \
    --name='ise-subnet-1' \
    --vnet-name='ise-new-vnet' \
    --resource-group='network-rg' \
    --address-prefixes '10.50.0.0/27' \
    --network-security-group='ise-nsg' \
    --delegations='Microsoft.Logic/integrationServiceEnvironments'
fi

# ISE subnet 2 of 4 (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='ise-subnet-2' --vnet-name='ise-new-vnet' --resource-group='network-rg'; then
  check_prefix 'ise-subnet-2' '10.50.0.32/27'
  az network vnet subnet update \
    --name='ise-subnet-2' \
    --vnet-name='ise-new-vnet' \
    --resource-group='network-rg' \
    --network-security-group='ise-nsg'
else
  az network vnet subnet create \
    --name='ise-subnet-2' \
    --vnet-name='ise-new-vnet' \
    --resource-group='network-rg' \
    --address-prefixes '10.50.0.32/27' \
    --network-security-group='ise-nsg'
fi

# ISE subnet 3 of 4 (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='ise-subnet-3' --vnet-name='ise-new-vnet' --resource-group='network-rg'; then
  check_prefix 'ise-subnet-3' '10.50.0.64/27'
  az network vnet subnet update \
    --name='ise-subnet-3' \
    --vnet-name='ise-new-vnet' \
    --resource-group='network-rg' \
    --network-security-group='ise-nsg'
else
  az network vnet subnet create \
    --name='ise-subnet-3' \
    --vnet-name='ise-new-vnet' \
    --resource-group='network-rg' \
    --address-prefixes '10.50.0.64/27' \
    --network-security-group='ise-nsg'
fi

# ISE subnet 4 of 4 (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='ise-subnet-4' --vnet-name='ise-new-vnet' --resource-group='network-rg'; then
  check_prefix 'ise-subnet-4' '10.60.0.224/27'
  az network vnet subnet update \
    --name='ise-subnet-4' \
    --vnet-name='ise-new-vnet' \
    --resource-group='network-rg' \
    --network-security-group='ise-nsg'
else
  az network vnet subnet create \
    --name='ise-subnet-4' \
    --vnet-name='ise-new-vnet' \
    --resource-group='network-rg' \
    --address-prefixes '10.60.0.224/27' \
    --network-security-group='ise-nsg'
fi

# The ISE (the CLI has no ISE command: a REST PUT, sent unless the ISE exists), then the
# wait until it is created.
ise_body() {
  cat <<'ISE_PLANNER_END_OF_JSON'
{
  "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Logic/integrationServiceEnvironments/ise-1",
  "name": "ise-1",
  "type": "Microsoft.Logic/integrationServiceEnvironments",
  "location": "westeurope",
  "sku": {
    "name": "Premium",
    "capacity": 0
  },
  "properties": {
    "networkConfiguration": {
      "accessEndpoint": {
        "type": "Internal"
      },
      "subnets": [
        {
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/ise-new-vnet/subnets/ise-subnet-1"
        },
        {
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/ise-new-vnet/subnets/ise-subnet-2"
        },
        {
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/ise-new-vnet/subnets/ise-subnet-3"
        },
        {
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/ise-new-vnet/subnets/ise-subnet-4"
        }
      ]
    }
  }
}
ISE_PLANNER_END_OF_JSON
}
echo "deploy.sh: creating the ISE usually takes up to two hours, occasionally four; this script waits for it up to $timeout_minutes minutes (--timeout-minutes), checking every $poll_seconds seconds."
state=$(ise_state)
case "$state" in
  Succeeded) echo 'deploy.sh: the ISE exists (provisioningState Succeeded): the request is not sent again.' ;;
  '' | Failed | Canceled)
    if [ -n "$state" ]; then echo "deploy.sh: the ISE exists with provisioningState $state: sending the request again."; fi
    az rest \
      --method='put' \
      --url='https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Logic/integrationServiceEnvironments/ise-1?api-version=2019-05-01' \
      --headers='Content-Type=application/json' \
      --body="$(ise_body)"
    ;;
  *) echo "deploy.sh: the ISE is being created (provisioningState $state): waiting for it; the request is not sent again." ;;
esac
wait_for_ise
