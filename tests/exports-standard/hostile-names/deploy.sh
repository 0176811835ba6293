#!/usr/bin/env bash
# shellcheck disable=SC1003,SC1111,SC1112,SC2016
# ISE Network Planner 0.1.0: the Azure Logic Apps Standard network that replaces an integration service environment (ISE).
# Deploys 2 subnets in the existing virtual network, one after another; a network security group with 3 security rules; 5 private DNS zones, each linked to the virtual network; 5 private endpoints, each with its zone group; a new storage account that denies public network access; a Workflow Standard plan (WS1) and a new logic app joined to the integration subnet, with the plan's network settings.
# Follows: Secure traffic between Standard logic apps and Azure virtual networks using private endpoints <https://learn.microsoft.com/azure/logic-apps/secure-single-tenant-workflow-virtual-network-private-endpoint>
# Follows: Deploy single-tenant Standard logic apps to private storage accounts using private endpoints <https://learn.microsoft.com/azure/logic-apps/deploy-single-tenant-logic-apps-private-storage-account>
# Follows: Integrate your app with an Azure virtual network <https://learn.microsoft.com/azure/app-service/overview-vnet-integration>
# Follows: Manage Azure App Service virtual network integration routing <https://learn.microsoft.com/azure/app-service/configure-vnet-integration-routing>
# Follows: Use private endpoints for Azure App Service apps <https://learn.microsoft.com/azure/app-service/overview-private-endpoint>
# Follows: Azure Private Endpoint private DNS zone values <https://learn.microsoft.com/azure/private-link/private-endpoint-dns>
# api-version 2024-05-01 for Microsoft.Network (subnets, network security groups, route tables, private endpoints and their zone groups) (specification/network/resource-manager/Microsoft.Network/stable/2024-05-01, as the ISE files).
# api-version 2024-06-01 for Microsoft.Network/privateDnsZones and their virtualNetworkLinks (specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json).
# api-version 2024-01-01 for Microsoft.Storage/storageAccounts and fileServices/shares (specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/storage.json).
# api-version 2024-11-01 for Microsoft.Web/serverfarms, sites and hostingEnvironments (specification/web/resource-manager/Microsoft.Web/AppService/stable/2024-11-01/WebApps.json: the first stable version with outboundVnetRouting.allTraffic, which the routing article recommends over the legacy vnetRouteAllEnabled that this version drops from the site).
# Run: bash deploy.sh (after az login). It stops at the first failing command. Options: --force, --timeout-minutes N, --poll-seconds N (bash deploy.sh --help).
# Safe to run again: what exists is looked up first and kept (the subnets are updated in place, the zones, links, endpoints, storage account and logic app are never created twice); the logic app's network properties (a PATCH), its app settings (merged) and the storage account's public access are written with the same values, which changes nothing.
# A new logic app is created as the ARM route of the private-storage article does: its storage account denies public traffic from the start, its content share is made over ARM, and the app is created with virtual network integration, outboundVnetRouting.allTraffic (Microsoft.Web 2024-11-01) and WEBSITE_CONTENTOVERVNET=1, so no public access is needed.
# The ISE's 4 subnets stay as they are: nothing here changes or deletes them, and the new subnets lie beside them.
# NOT READY: the design has errors (standard-name-invalid); fix them in the planner before deploying.
set -euo pipefail

usage() {
  cat <<'ISE_PLANNER_USAGE'
Usage: bash deploy.sh [--force] [--timeout-minutes N] [--poll-seconds N]
  --force              deploy although the design has errors (the header says NOT READY)
  --timeout-minutes N  how long to wait for the App Service Environment (this design has none) to be created (default 300)
  --poll-seconds N     seconds between two checks of the App Service Environment (this design has none) (default 60)
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
  echo 'deploy.sh: NOT READY: the design has errors (standard-name-invalid); fix them in the planner before deploying. Nothing was deployed; run with --force to deploy anyway.' >&2
  exit 1
fi
echo 'deploy.sh: NOT READY: the design has errors (standard-name-invalid); fix them in the planner before deploying. Deploying anyway (--force).'

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
  have=$(az network vnet subnet show --name="$1" --vnet-name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' --query='addressPrefix || addressPrefixes[0]' --output='tsv')
  if [ "$have" != "$2" ]; then
    echo "deploy.sh: stopped: the subnet $1 exists with the prefix $have, not the design's $2. A subnet's prefix is never changed in place; delete the subnet or change the design, then run again." >&2
    exit 1
  fi
}

az account set \
  --subscription='--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)'

# The network security group (created once, then kept) and its rules (each written whole: created, or updated in place; every field given, since the CLI's defaults are port 80 and Allow).
if exists az network nsg show --name='subq'\''"`’‘‚‛“”$(touch pwned-subnet)-nsg' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the network security group exists: kept; its rules are written again in place.'
else
  az network nsg create \
    --name='subq'\''"`’‘‚‛“”$(touch pwned-subnet)-nsg' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --location='westeurope'\'';touchpwned-location'
fi
az network nsg rule create \
  --name='allow-storage-https' \
  --nsg-name='subq'\''"`’‘‚‛“”$(touch pwned-subnet)-nsg' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --priority='100' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes '10.0.0.128/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.0.192/28' \
  --destination-port-ranges '443' \
  --description='The runtime'\''s storage account (blob, queue, table) through its private endpoints (Standard VNet doc: Considerations for outbound traffic thr'
az network nsg rule create \
  --name='allow-storage-smb' \
  --nsg-name='subq'\''"`’‘‚‛“”$(touch pwned-subnet)-nsg' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --priority='110' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes '10.0.0.128/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.0.192/28' \
  --destination-port-ranges '445' \
  --description='The runtime'\''s file share (SMB) through the storage account'\''s private endpoint (Standard VNet doc: Considerations for outbound traffic throug'
az network nsg rule create \
  --name='allow-managed-connectors' \
  --nsg-name='subq'\''"`’‘‚‛“”$(touch pwned-subnet)-nsg' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --priority='120' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.0.0.128/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureConnectors' \
  --destination-port-ranges '*' \
  --description='Azure-hosted managed connectors (the managed API service); the article names no port (Standard VNet doc: Considerations for outbound traffic'

# The integration subnet (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='subq'\''"`’‘‚‛“”$(touch pwned-subnet)' --vnet-name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  check_prefix 'subq'\''"`’‘‚‛“”$(touch pwned-subnet)' '10.0.0.128/26'
  az network vnet subnet update \
    --name='subq'\''"`’‘‚‛“”$(touch pwned-subnet)' \
    --vnet-name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --network-security-group='subq'\''"`’‘‚‛“”$(touch pwned-subnet)-nsg' \
    --delegations='Microsoft.Web/serverFarms'
else
  az network vnet subnet create \
    --name='subq'\''"`’‘‚‛“”$(touch pwned-subnet)' \
    --vnet-name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --address-prefixes '10.0.0.128/26' \
    --network-security-group='subq'\''"`’‘‚‛“”$(touch pwned-subnet)-nsg' \
    --delegations='Microsoft.Web/serverFarms'
fi

# The private-endpoint subnet (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' --vnet-name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  check_prefix '[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' '10.0.0.192/28'
  az network vnet subnet update \
    --name='[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' \
    --vnet-name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --private-endpoint-network-policies='Disabled'
else
  az network vnet subnet create \
    --name='[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' \
    --vnet-name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --address-prefixes '10.0.0.192/28' \
    --private-endpoint-network-policies='Disabled'
fi

# The storage account (new: created once, denying public network access; then kept).
if exists az storage account show --name='st'\''$(touch pwned)`x`' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the storage account exists: kept.'
else
  az storage account create \
    --name='st'\''$(touch pwned)`x`' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --location='westeurope'\'';touchpwned-location' \
    --sku='Standard_LRS' \
    --kind='StorageV2' \
    --min-tls-version='TLS1_2' \
    --allow-blob-public-access='false' \
    --public-network-access='Disabled' \
    --default-action='Deny' \
    --bypass='AzureServices'
fi

# The private DNS zones and their links to the virtual network (each created once: az fails to create one that exists).
if exists az network private-dns zone show --name='privatelink.azurewebsites.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.azurewebsites.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'
fi
if exists az network private-dns link vnet show --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' --zone-name='privatelink.azurewebsites.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' \
    --zone-name='privatelink.azurewebsites.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --virtual-network='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --registration-enabled='false'
fi
if exists az network private-dns zone show --name='privatelink.blob.core.windows.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.blob.core.windows.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'
fi
if exists az network private-dns link vnet show --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' --zone-name='privatelink.blob.core.windows.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' \
    --zone-name='privatelink.blob.core.windows.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --virtual-network='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --registration-enabled='false'
fi
if exists az network private-dns zone show --name='privatelink.queue.core.windows.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.queue.core.windows.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'
fi
if exists az network private-dns link vnet show --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' --zone-name='privatelink.queue.core.windows.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' \
    --zone-name='privatelink.queue.core.windows.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --virtual-network='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --registration-enabled='false'
fi
if exists az network private-dns zone show --name='privatelink.table.core.windows.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.table.core.windows.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'
fi
if exists az network private-dns link vnet show --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' --zone-name='privatelink.table.core.windows.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' \
    --zone-name='privatelink.table.core.windows.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --virtual-network='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --registration-enabled='false'
fi
if exists az network private-dns zone show --name='privatelink.file.core.windows.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.file.core.windows.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'
fi
if exists az network private-dns link vnet show --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' --zone-name='privatelink.file.core.windows.net' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”-link' \
    --zone-name='privatelink.file.core.windows.net' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --virtual-network='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”' \
    --registration-enabled='false'
fi

# The private endpoint for blob (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='st'\''$(touch pwned)`x`-blob-pe' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='st'\''$(touch pwned)`x`-blob-pe' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --location='westeurope'\'';touchpwned-location' \
    --subnet='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”/subnets/[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' \
    --private-connection-resource-id='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Storage/storageAccounts/st'\''$(touch pwned)`x`' \
    --group-id='blob' \
    --connection-name='st'\''$(touch pwned)`x`-blob-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='st'\''$(touch pwned)`x`-blob-pe' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --name='default' \
  --private-dns-zone='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net' \
  --zone-name='privatelink-blob-core-windows-net'

# The private endpoint for queue (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='st'\''$(touch pwned)`x`-queue-pe' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='st'\''$(touch pwned)`x`-queue-pe' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --location='westeurope'\'';touchpwned-location' \
    --subnet='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”/subnets/[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' \
    --private-connection-resource-id='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Storage/storageAccounts/st'\''$(touch pwned)`x`' \
    --group-id='queue' \
    --connection-name='st'\''$(touch pwned)`x`-queue-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='st'\''$(touch pwned)`x`-queue-pe' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --name='default' \
  --private-dns-zone='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/privateDnsZones/privatelink.queue.core.windows.net' \
  --zone-name='privatelink-queue-core-windows-net'

# The private endpoint for table (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='st'\''$(touch pwned)`x`-table-pe' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='st'\''$(touch pwned)`x`-table-pe' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --location='westeurope'\'';touchpwned-location' \
    --subnet='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”/subnets/[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' \
    --private-connection-resource-id='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Storage/storageAccounts/st'\''$(touch pwned)`x`' \
    --group-id='table' \
    --connection-name='st'\''$(touch pwned)`x`-table-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='st'\''$(touch pwned)`x`-table-pe' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --name='default' \
  --private-dns-zone='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/privateDnsZones/privatelink.table.core.windows.net' \
  --zone-name='privatelink-table-core-windows-net'

# The private endpoint for file (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='st'\''$(touch pwned)`x`-file-pe' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='st'\''$(touch pwned)`x`-file-pe' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --location='westeurope'\'';touchpwned-location' \
    --subnet='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”/subnets/[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' \
    --private-connection-resource-id='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Storage/storageAccounts/st'\''$(touch pwned)`x`' \
    --group-id='file' \
    --connection-name='st'\''$(touch pwned)`x`-file-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='st'\''$(touch pwned)`x`-file-pe' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --name='default' \
  --private-dns-zone='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net' \
  --zone-name='privatelink-file-core-windows-net'

# The Workflow Standard plan (WS1; created once, then kept).
if exists az appservice plan show --name='plan'\''; touch pwned-plan; '\''' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the plan exists: kept.'
else
  az rest \
    --method='put' \
    --url='https://management.azure.com/subscriptions/--debugq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%28touch%20pwned-subscription%29/resourceGroups/rg%3B%26%7C%24%28touch%20pwned-rg%29%60touch%20pwned-rg2%60%09tab%0Dcr%0Alf/providers/Microsoft.Web/serverfarms/plan%27%3B%20touch%20pwned-plan%3B%20%27?api-version=2024-11-01' \
    --headers='Content-Type=application/json' \
    --body='{"location":"westeurope'\'';touchpwned-location","kind":"elastic","sku":{"name":"WS1","tier":"WorkflowStandard"}}'
fi

# The logic app's content share (made over ARM, no public access needed; created once).
if exists az storage share-rm show --storage-account='st'\''$(touch pwned)`x`' --name='[app]q'\''"`’‘‚‛“”${home}%{x}' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the content share exists: kept.'
else
  az storage share-rm create \
    --storage-account='st'\''$(touch pwned)`x`' \
    --name='[app]q'\''"`’‘‚‛“”${home}%{x}' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'
fi

# The logic app (created once): the ARM shape of the site, with virtual network integration, all traffic through it and its content share over the VNet from the start.
site_body() {
  printf '%s%s%s%s%s' '{"location":"westeurope'\'';touchpwned-location","kind":"functionapp,workflowapp","properties":{"serverFarmId":"/subscriptions/--debugq'\''\"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`\ttab\rcr\nlf/providers/Microsoft.Web/serverfarms/plan'\''; touch pwned-plan; '\''","httpsOnly":true,"virtualNetworkSubnetId":"/subscriptions/--debugq'\''\"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`\ttab\rcr\nlf/providers/Microsoft.Network/virtualNetworks/vnet\n'\''@\nISE_PLANNER_END_OF_JSON\n--flag\n#q'\''\"`’‘‚‛“”/subnets/subq'\''\"`’‘‚‛“”$(touch pwned-subnet)","outboundVnetRouting":{"allTraffic":true},"publicNetworkAccess":"Disabled","siteConfig":{"appSettings":[{"name":"APP_KIND","value":"workflowApp"},{"name":"AzureFunctionsJobHost__extensionBundle__id","value":"Microsoft.Azure.Functions.ExtensionBundle.Workflows"},{"name":"AzureFunctionsJobHost__extensionBundle__version","value":"[1.*, 2.0.0)"},{"name":"FUNCTIONS_EXTENSION_VERSION","value":"~4"},{"name":"FUNCTIONS_WORKER_RUNTIME","value":"dotnet"},{"name":"AzureWebJobsStorage","value":"DefaultEndpointsProtocol=https;AccountName=st'\''$(touch pwned)`x`;AccountKey=' "$storage_key" ';EndpointSuffix=core.windows.net"},{"name":"WEBSITE_CONTENTAZUREFILECONNECTIONSTRING","value":"DefaultEndpointsProtocol=https;AccountName=st'\''$(touch pwned)`x`;AccountKey=' "$storage_key" ';EndpointSuffix=core.windows.net"},{"name":"WEBSITE_CONTENTSHARE","value":"[app]q'\''\"`’‘‚‛“”${home}%{x}"},{"name":"WEBSITE_CONTENTOVERVNET","value":"1"}]}}}'
}
if exists az logicapp show --name='[app]q'\''"`’‘‚‛“”${HOME}%{x}' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the logic app exists: kept (it is never created twice: that would replace its settings).'
else
  storage_key=$(az storage account keys list --account-name='st'\''$(touch pwned)`x`' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' --query='[0].value' --output='tsv')
  az rest \
    --method='put' \
    --url='https://management.azure.com/subscriptions/--debugq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%28touch%20pwned-subscription%29/resourceGroups/rg%3B%26%7C%24%28touch%20pwned-rg%29%60touch%20pwned-rg2%60%09tab%0Dcr%0Alf/providers/Microsoft.Web/sites/%5Bapp%5Dq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%7BHOME%7D%25%7Bx%7D?api-version=2024-11-01' \
    --headers='Content-Type=application/json' \
    --body="$(site_body)"
fi

# The logic app's network settings: a PATCH of only these properties (written every run; the same values change nothing).
az rest \
  --method='patch' \
  --url='https://management.azure.com/subscriptions/--debugq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%28touch%20pwned-subscription%29/resourceGroups/rg%3B%26%7C%24%28touch%20pwned-rg%29%60touch%20pwned-rg2%60%09tab%0Dcr%0Alf/providers/Microsoft.Web/sites/%5Bapp%5Dq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%7BHOME%7D%25%7Bx%7D?api-version=2024-11-01' \
  --headers='Content-Type=application/json' \
  --body='{"properties":{"virtualNetworkSubnetId":"/subscriptions/--debugq'\''\"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`\ttab\rcr\nlf/providers/Microsoft.Network/virtualNetworks/vnet\n'\''@\nISE_PLANNER_END_OF_JSON\n--flag\n#q'\''\"`’‘‚‛“”/subnets/subq'\''\"`’‘‚‛“”$(touch pwned-subnet)","outboundVnetRouting":{"allTraffic":true},"publicNetworkAccess":"Disabled"}}'
# Its app settings (az merges them with the others).
az logicapp config appsettings set \
  --name='[app]q'\''"`’‘‚‛“”${HOME}%{x}' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --settings 'WEBSITE_CONTENTOVERVNET=1'

# The private endpoint for sites (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='[app]q'\''"`’‘‚‛“”${HOME}%{x}-sites-pe' --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='[app]q'\''"`’‘‚‛“”${HOME}%{x}-sites-pe' \
    --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
    --location='westeurope'\'';touchpwned-location' \
    --subnet='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/virtualNetworks/vnet
'\''@
ISE_PLANNER_END_OF_JSON
--flag
#q'\''"`’‘‚‛“”/subnets/[concat('\''x'\'')]ünïcødé-网络-😀 --name�nul
'\''@' \
    --private-connection-resource-id='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Web/sites/[app]q'\''"`’‘‚‛“”${HOME}%{x}' \
    --group-id='sites' \
    --connection-name='[app]q'\''"`’‘‚‛“”${HOME}%{x}-sites-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='[app]q'\''"`’‘‚‛“”${HOME}%{x}-sites-pe' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --name='default' \
  --private-dns-zone='/subscriptions/--debugq'\''"`’‘‚‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net' \
  --zone-name='privatelink-azurewebsites-net'

# The storage account refuses public traffic (only these settings; written every run, the same values change nothing).
az storage account update \
  --name='st'\''$(touch pwned)`x`' \
  --resource-group='rg;&|$(touch pwned-rg)`touch pwned-rg2`	tabcr
lf' \
  --public-network-access='Disabled' \
  --default-action='Deny' \
  --bypass='AzureServices'
