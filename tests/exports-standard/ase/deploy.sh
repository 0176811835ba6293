#!/usr/bin/env bash
# shellcheck disable=SC1003,SC1111,SC1112,SC2016
# ISE Network Planner 0.1.0: the Azure Logic Apps Standard network that replaces an integration service environment (ISE).
# Deploys 2 subnets in the existing virtual network, one after another; a network security group with 5 security rules; 5 private DNS zones, each linked to the virtual network; 4 private endpoints, each with its zone group; a new storage account that denies public network access; an App Service Environment v3 with an internal virtual IP.
# Follows: Secure traffic between Standard logic apps and Azure virtual networks using private endpoints <https://learn.microsoft.com/azure/logic-apps/secure-single-tenant-workflow-virtual-network-private-endpoint>
# Follows: Deploy single-tenant Standard logic apps to private storage accounts using private endpoints <https://learn.microsoft.com/azure/logic-apps/deploy-single-tenant-logic-apps-private-storage-account>
# Follows: Integrate your app with an Azure virtual network <https://learn.microsoft.com/azure/app-service/overview-vnet-integration>
# Follows: Manage Azure App Service virtual network integration routing <https://learn.microsoft.com/azure/app-service/configure-vnet-integration-routing>
# Follows: Use private endpoints for Azure App Service apps <https://learn.microsoft.com/azure/app-service/overview-private-endpoint>
# Follows: Azure Private Endpoint private DNS zone values <https://learn.microsoft.com/azure/private-link/private-endpoint-dns>
# Follows: App Service Environment networking <https://learn.microsoft.com/azure/app-service/environment/networking>
# api-version 2024-05-01 for Microsoft.Network (subnets, network security groups, route tables, private endpoints and their zone groups) (specification/network/resource-manager/Microsoft.Network/stable/2024-05-01, as the ISE files).
# api-version 2024-06-01 for Microsoft.Network/privateDnsZones and their virtualNetworkLinks (specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json).
# api-version 2024-01-01 for Microsoft.Storage/storageAccounts and fileServices/shares (specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/storage.json).
# api-version 2024-11-01 for Microsoft.Web/serverfarms, sites and hostingEnvironments (specification/web/resource-manager/Microsoft.Web/AppService/stable/2024-11-01/WebApps.json: the first stable version with outboundVnetRouting.allTraffic, which the routing article recommends over the legacy vnetRouteAllEnabled that this version drops from the site).
# Run: bash deploy.sh (after az login). It stops at the first failing command. Options: --force, --timeout-minutes N, --poll-seconds N (bash deploy.sh --help).
# Safe to run again: what exists is looked up first and kept (the subnets are updated in place, the zones, links, endpoints, storage account and logic app are never created twice); the logic app's network properties (a PATCH), its app settings (merged) and the storage account's public access are written with the same values, which changes nothing.
# Creating the App Service Environment may take hours: the script waits for provisioningState Succeeded, 300 minutes at most unless --timeout-minutes says otherwise.
# The ISE's 4 subnets stay as they are: nothing here changes or deletes them, and the new subnets lie beside them.
# INCOMPLETE: The plan and logic app inside the App Service Environment are left out: no article read gives the plan's SKU for Standard on an App Service Environment v3; create them in the environment once it exists, with the plan's app settings.
# INCOMPLETE: The environment's private DNS zone is created and linked, but its records (*, @ and *.scm) need the environment's inbound address, known once it exists: add them then.
set -euo pipefail

usage() {
  cat <<'ISE_PLANNER_USAGE'
Usage: bash deploy.sh [--force] [--timeout-minutes N] [--poll-seconds N]
  --force              deploy although the design has errors (the header says NOT READY)
  --timeout-minutes N  how long to wait for the App Service Environment to be created (default 300)
  --poll-seconds N     seconds between two checks of the App Service Environment (default 60)
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

# Stops when a subnet an earlier run made has another prefix than the design's: a
# subnet's prefix is never changed here.
check_prefix() {
  local have
  have=$(az network vnet subnet show --name="$1" --vnet-name='ise-vnet' --resource-group='ise-rg' --query='addressPrefix || addressPrefixes[0]' --output='tsv')
  if [ "$have" != "$2" ]; then
    echo "deploy.sh: stopped: the subnet $1 exists with the prefix $have, not the design's $2. A subnet's prefix is never changed in place; delete the subnet or change the design, then run again." >&2
    exit 1
  fi
}

# The App Service Environment's provisioningState; empty when it does not exist (yet).
ase_state() {
  az rest --method='get' --url='https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/hostingEnvironments/contoso-ase?api-version=2024-11-01' --query='properties.provisioningState' --output='tsv' 2>/dev/null || true
}

# Waits until the App Service Environment is Succeeded: a line at every check, a stop with Azure's message when
# it Failed or was Canceled, a stop at the time-out (Azure goes on; run again to wait more).
wait_for_ase() {
  local start now state message
  start=$(date +%s)
  while :; do
    state=$(ase_state)
    now=$(date +%s)
    case "$state" in
      Succeeded)
        echo "deploy.sh: the App Service Environment is ready (provisioningState Succeeded) after $(( (now - start) / 60 )) minutes."
        return 0
        ;;
      Failed | Canceled)
        message=$(az monitor activity-log list --resource-id='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/hostingEnvironments/contoso-ase' --status='Failed' --offset='1d' --max-events='1' --query='[0].properties.statusMessage' --output='tsv' 2>/dev/null || true)
        echo "deploy.sh: the App Service Environment's creation ended with provisioningState $state: ${message:-Azure gave no message, see the activity log of the App Service Environment}" >&2
        exit 1
        ;;
    esac
    if [ $(( now - start )) -ge $(( timeout_minutes * 60 )) ]; then
      echo "deploy.sh: gave up waiting after $timeout_minutes minutes: the App Service Environment's provisioningState is ${state:-not reported}. Azure goes on creating it: run deploy.sh again to wait more (the request is not sent twice), or give --timeout-minutes." >&2
      exit 1
    fi
    echo "deploy.sh: waiting for the App Service Environment: provisioningState ${state:-not reported yet}, $(( (now - start) / 60 )) of $timeout_minutes minutes; next check in $poll_seconds seconds."
    sleep "$poll_seconds"
  done
}

az account set \
  --subscription='00000000-0000-0000-0000-000000000000'

# The network security group (created once, then kept) and its rules (each written whole: created, or updated in place; every field given, since the CLI's defaults are port 80 and Allow).
if exists az network nsg show --name='logicapp-ase-nsg' --resource-group='ise-rg'; then
  echo 'deploy.sh: the network security group exists: kept; its rules are written again in place.'
else
  az network nsg create \
    --name='logicapp-ase-nsg' \
    --resource-group='ise-rg' \
    --location='westeurope'
fi
az network nsg rule create \
  --name='allow-load-balancer-health' \
  --nsg-name='logicapp-ase-nsg' \
  --resource-group='ise-rg' \
  --priority='100' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'AzureLoadBalancer' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.1.0/24' \
  --destination-port-ranges '80' \
  --description='Allow internal health ping traffic (the minimum for the environment to work) (ASE networking doc: Ports and network restrictions)'
az network nsg rule create \
  --name='allow-virtual-network-app-traffic' \
  --nsg-name='logicapp-ase-nsg' \
  --resource-group='ise-rg' \
  --priority='110' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.1.0/24' \
  --destination-port-ranges '80' '443' \
  --description='Allow app traffic and internal health ping traffic (recommended) (ASE networking doc: Ports and network restrictions)'
az network nsg rule create \
  --name='allow-storage-https' \
  --nsg-name='logicapp-ase-nsg' \
  --resource-group='ise-rg' \
  --priority='100' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes '10.0.1.0/24' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.0.128/28' \
  --destination-port-ranges '443' \
  --description='The runtime'\''s storage account (blob, queue, table) through its private endpoints (Standard storage doc: Deploy using Azure portal or Visual '
az network nsg rule create \
  --name='allow-storage-smb' \
  --nsg-name='logicapp-ase-nsg' \
  --resource-group='ise-rg' \
  --priority='110' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes '10.0.1.0/24' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.0.128/28' \
  --destination-port-ranges '445' \
  --description='The runtime'\''s file share (SMB) through the storage account'\''s private endpoint (Standard storage doc: Deploy using Azure portal or Visual Stu'
az network nsg rule create \
  --name='allow-managed-connectors' \
  --nsg-name='logicapp-ase-nsg' \
  --resource-group='ise-rg' \
  --priority='120' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.0.1.0/24' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureConnectors' \
  --destination-port-ranges '*' \
  --description='Azure-hosted managed connectors (the managed API service); the article names no port (Standard VNet doc: Considerations for outbound traffic'

# The App Service Environment subnet (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='logicapp-ase' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  check_prefix 'logicapp-ase' '10.0.1.0/24'
  az network vnet subnet update \
    --name='logicapp-ase' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --network-security-group='logicapp-ase-nsg' \
    --delegations='Microsoft.Web/hostingEnvironments'
else
  az network vnet subnet create \
    --name='logicapp-ase' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --address-prefixes '10.0.1.0/24' \
    --network-security-group='logicapp-ase-nsg' \
    --delegations='Microsoft.Web/hostingEnvironments'
fi

# The private-endpoint subnet (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='logicapp-private-endpoints' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  check_prefix 'logicapp-private-endpoints' '10.0.0.128/28'
  az network vnet subnet update \
    --name='logicapp-private-endpoints' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --private-endpoint-network-policies='Disabled'
else
  az network vnet subnet create \
    --name='logicapp-private-endpoints' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --address-prefixes '10.0.0.128/28' \
    --private-endpoint-network-policies='Disabled'
fi

# The storage account (new: created once, denying public network access; then kept).
if exists az storage account show --name='logicappstorage1' --resource-group='ise-rg'; then
  echo 'deploy.sh: the storage account exists: kept.'
else
  az storage account create \
    --name='logicappstorage1' \
    --resource-group='ise-rg' \
    --location='westeurope' \
    --sku='Standard_LRS' \
    --kind='StorageV2' \
    --min-tls-version='TLS1_2' \
    --allow-blob-public-access='false' \
    --public-network-access='Disabled' \
    --default-action='Deny' \
    --bypass='AzureServices'
fi

# The private DNS zones and their links to the virtual network (each created once: az fails to create one that exists).
if exists az network private-dns zone show --name='privatelink.blob.core.windows.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.blob.core.windows.net' \
    --resource-group='ise-rg'
fi
if exists az network private-dns link vnet show --name='ise-vnet-link' --zone-name='privatelink.blob.core.windows.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='ise-vnet-link' \
    --zone-name='privatelink.blob.core.windows.net' \
    --resource-group='ise-rg' \
    --virtual-network='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet' \
    --registration-enabled='false'
fi
if exists az network private-dns zone show --name='privatelink.queue.core.windows.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.queue.core.windows.net' \
    --resource-group='ise-rg'
fi
if exists az network private-dns link vnet show --name='ise-vnet-link' --zone-name='privatelink.queue.core.windows.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='ise-vnet-link' \
    --zone-name='privatelink.queue.core.windows.net' \
    --resource-group='ise-rg' \
    --virtual-network='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet' \
    --registration-enabled='false'
fi
if exists az network private-dns zone show --name='privatelink.table.core.windows.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.table.core.windows.net' \
    --resource-group='ise-rg'
fi
if exists az network private-dns link vnet show --name='ise-vnet-link' --zone-name='privatelink.table.core.windows.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='ise-vnet-link' \
    --zone-name='privatelink.table.core.windows.net' \
    --resource-group='ise-rg' \
    --virtual-network='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet' \
    --registration-enabled='false'
fi
if exists az network private-dns zone show --name='privatelink.file.core.windows.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.file.core.windows.net' \
    --resource-group='ise-rg'
fi
if exists az network private-dns link vnet show --name='ise-vnet-link' --zone-name='privatelink.file.core.windows.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='ise-vnet-link' \
    --zone-name='privatelink.file.core.windows.net' \
    --resource-group='ise-rg' \
    --virtual-network='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet' \
    --registration-enabled='false'
fi
if exists az network private-dns zone show --name='contoso-ase.appserviceenvironment.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='contoso-ase.appserviceenvironment.net' \
    --resource-group='ise-rg'
fi
if exists az network private-dns link vnet show --name='ise-vnet-link' --zone-name='contoso-ase.appserviceenvironment.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='ise-vnet-link' \
    --zone-name='contoso-ase.appserviceenvironment.net' \
    --resource-group='ise-rg' \
    --virtual-network='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet' \
    --registration-enabled='false'
fi

# The private endpoint for blob (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='logicappstorage1-blob-pe' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='logicappstorage1-blob-pe' \
    --resource-group='ise-rg' \
    --location='westeurope' \
    --subnet='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-private-endpoints' \
    --private-connection-resource-id='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Storage/storageAccounts/logicappstorage1' \
    --group-id='blob' \
    --connection-name='logicappstorage1-blob-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='logicappstorage1-blob-pe' \
  --resource-group='ise-rg' \
  --name='default' \
  --private-dns-zone='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net' \
  --zone-name='privatelink-blob-core-windows-net'

# The private endpoint for queue (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='logicappstorage1-queue-pe' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='logicappstorage1-queue-pe' \
    --resource-group='ise-rg' \
    --location='westeurope' \
    --subnet='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-private-endpoints' \
    --private-connection-resource-id='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Storage/storageAccounts/logicappstorage1' \
    --group-id='queue' \
    --connection-name='logicappstorage1-queue-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='logicappstorage1-queue-pe' \
  --resource-group='ise-rg' \
  --name='default' \
  --private-dns-zone='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.queue.core.windows.net' \
  --zone-name='privatelink-queue-core-windows-net'

# The private endpoint for table (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='logicappstorage1-table-pe' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='logicappstorage1-table-pe' \
    --resource-group='ise-rg' \
    --location='westeurope' \
    --subnet='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-private-endpoints' \
    --private-connection-resource-id='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Storage/storageAccounts/logicappstorage1' \
    --group-id='table' \
    --connection-name='logicappstorage1-table-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='logicappstorage1-table-pe' \
  --resource-group='ise-rg' \
  --name='default' \
  --private-dns-zone='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.table.core.windows.net' \
  --zone-name='privatelink-table-core-windows-net'

# The private endpoint for file (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='logicappstorage1-file-pe' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='logicappstorage1-file-pe' \
    --resource-group='ise-rg' \
    --location='westeurope' \
    --subnet='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-private-endpoints' \
    --private-connection-resource-id='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Storage/storageAccounts/logicappstorage1' \
    --group-id='file' \
    --connection-name='logicappstorage1-file-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='logicappstorage1-file-pe' \
  --resource-group='ise-rg' \
  --name='default' \
  --private-dns-zone='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net' \
  --zone-name='privatelink-file-core-windows-net'

# The App Service Environment v3 (a REST PUT, sent unless it exists), then the wait until it
# is created.
ase_body() {
  cat <<'ISE_PLANNER_END_OF_JSON'
{
  "location": "westeurope",
  "kind": "ASEv3",
  "properties": {
    "virtualNetwork": {
      "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-ase"
    },
    "internalLoadBalancingMode": "Web, Publishing"
  }
}
ISE_PLANNER_END_OF_JSON
}
echo "deploy.sh: creating the App Service Environment may take hours; this script waits for it up to $timeout_minutes minutes (--timeout-minutes), checking every $poll_seconds seconds."
state=$(ase_state)
case "$state" in
  Succeeded) echo 'deploy.sh: the App Service Environment exists (provisioningState Succeeded): the request is not sent again.' ;;
  '' | Failed | Canceled)
    if [ -n "$state" ]; then echo "deploy.sh: the App Service Environment exists with provisioningState $state: sending the request again."; fi
    az rest \
      --method='put' \
      --url='https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/hostingEnvironments/contoso-ase?api-version=2024-11-01' \
      --headers='Content-Type=application/json' \
      --body="$(ase_body)"
    ;;
  *) echo "deploy.sh: the App Service Environment is being created (provisioningState $state): waiting for it; the request is not sent again." ;;
esac
wait_for_ase

# The storage account refuses public traffic (only these settings; written every run, the same values change nothing).
az storage account update \
  --name='logicappstorage1' \
  --resource-group='ise-rg' \
  --public-network-access='Disabled' \
  --default-action='Deny' \
  --bypass='AzureServices'
