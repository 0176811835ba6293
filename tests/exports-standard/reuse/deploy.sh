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
# REUSES THE ISE'S ADDRESS SPACE: delete the ISE first (Azure releases its 4 subnets some time after); until they are gone the new subnets overlap them and cannot be created.
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

az account set \
  --subscription='00000000-0000-0000-0000-000000000000'

# The new subnets reuse the ISE's address space: stop while any of the ISE's subnets exists.
if exists az network vnet subnet show --name='ise-subnet-1' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  echo 'deploy.sh: stopped: the ISE'\''s subnet ise-subnet-1 (10.0.0.0/27) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.' >&2
  exit 1
fi
if exists az network vnet subnet show --name='ise-subnet-2' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  echo 'deploy.sh: stopped: the ISE'\''s subnet ise-subnet-2 (10.0.0.32/27) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.' >&2
  exit 1
fi
if exists az network vnet subnet show --name='ise-subnet-3' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  echo 'deploy.sh: stopped: the ISE'\''s subnet ise-subnet-3 (10.0.0.64/27) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.' >&2
  exit 1
fi
if exists az network vnet subnet show --name='ise-subnet-4' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  echo 'deploy.sh: stopped: the ISE'\''s subnet ise-subnet-4 (10.0.0.96/27) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.' >&2
  exit 1
fi

# The network security group (created once, then kept) and its rules (each written whole: created, or updated in place; every field given, since the CLI's defaults are port 80 and Allow).
if exists az network nsg show --name='logicapp-integration-nsg' --resource-group='ise-rg'; then
  echo 'deploy.sh: the network security group exists: kept; its rules are written again in place.'
else
  az network nsg create \
    --name='logicapp-integration-nsg' \
    --resource-group='ise-rg' \
    --location='westeurope'
fi
az network nsg rule create \
  --name='allow-storage-https' \
  --nsg-name='logicapp-integration-nsg' \
  --resource-group='ise-rg' \
  --priority='100' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes '10.0.0.0/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.0.64/28' \
  --destination-port-ranges '443' \
  --description='The runtime'\''s storage account (blob, queue, table) through its private endpoints (Standard VNet doc: Considerations for outbound traffic thr'
az network nsg rule create \
  --name='allow-storage-smb' \
  --nsg-name='logicapp-integration-nsg' \
  --resource-group='ise-rg' \
  --priority='110' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='Tcp' \
  --source-address-prefixes '10.0.0.0/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.0.0.64/28' \
  --destination-port-ranges '445' \
  --description='The runtime'\''s file share (SMB) through the storage account'\''s private endpoint (Standard VNet doc: Considerations for outbound traffic throug'
az network nsg rule create \
  --name='allow-managed-connectors' \
  --nsg-name='logicapp-integration-nsg' \
  --resource-group='ise-rg' \
  --priority='120' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.0.0.0/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureConnectors' \
  --destination-port-ranges '*' \
  --description='Azure-hosted managed connectors (the managed API service); the article names no port (Standard VNet doc: Considerations for outbound traffic'

# The integration subnet (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='logicapp-integration' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  check_prefix 'logicapp-integration' '10.0.0.0/26'
  az network vnet subnet update \
    --name='logicapp-integration' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --network-security-group='logicapp-integration-nsg' \
    --delegations='Microsoft.Web/serverFarms'
else
  az network vnet subnet create \
    --name='logicapp-integration' \
    --vnet-name='ise-vnet' \
    --resource-group='ise-rg' \
    --address-prefixes '10.0.0.0/26' \
    --network-security-group='logicapp-integration-nsg' \
    --delegations='Microsoft.Web/serverFarms'
fi

# The private-endpoint subnet (subnets one at a time: parallel writes fail).
if exists az network vnet subnet show --name='logicapp-private-endpoints' --vnet-name='ise-vnet' --resource-group='ise-rg'; then
  check_prefix 'logicapp-private-endpoints' '10.0.0.64/28'
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
    --address-prefixes '10.0.0.64/28' \
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
if exists az network private-dns zone show --name='privatelink.azurewebsites.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private DNS zone exists: kept.'
else
  az network private-dns zone create \
    --name='privatelink.azurewebsites.net' \
    --resource-group='ise-rg'
fi
if exists az network private-dns link vnet show --name='ise-vnet-link' --zone-name='privatelink.azurewebsites.net' --resource-group='ise-rg'; then
  echo 'deploy.sh: the zone'\''s link to the virtual network exists: kept.'
else
  az network private-dns link vnet create \
    --name='ise-vnet-link' \
    --zone-name='privatelink.azurewebsites.net' \
    --resource-group='ise-rg' \
    --virtual-network='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet' \
    --registration-enabled='false'
fi
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

# The Workflow Standard plan (WS1; created once, then kept).
if exists az appservice plan show --name='logicapp-plan' --resource-group='ise-rg'; then
  echo 'deploy.sh: the plan exists: kept.'
else
  az rest \
    --method='put' \
    --url='https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/serverfarms/logicapp-plan?api-version=2024-11-01' \
    --headers='Content-Type=application/json' \
    --body='{"location":"westeurope","kind":"elastic","sku":{"name":"WS1","tier":"WorkflowStandard"}}'
fi

# The logic app's content share (made over ARM, no public access needed; created once).
if exists az storage share-rm show --storage-account='logicappstorage1' --name='logicapp-1' --resource-group='ise-rg'; then
  echo 'deploy.sh: the content share exists: kept.'
else
  az storage share-rm create \
    --storage-account='logicappstorage1' \
    --name='logicapp-1' \
    --resource-group='ise-rg'
fi

# The logic app (created once): the ARM shape of the site, with virtual network integration, all traffic through it and its content share over the VNet from the start.
site_body() {
  printf '%s%s%s%s%s' '{"location":"westeurope","kind":"functionapp,workflowapp","properties":{"serverFarmId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/serverfarms/logicapp-plan","httpsOnly":true,"virtualNetworkSubnetId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-integration","outboundVnetRouting":{"allTraffic":true},"publicNetworkAccess":"Disabled","siteConfig":{"appSettings":[{"name":"APP_KIND","value":"workflowApp"},{"name":"AzureFunctionsJobHost__extensionBundle__id","value":"Microsoft.Azure.Functions.ExtensionBundle.Workflows"},{"name":"AzureFunctionsJobHost__extensionBundle__version","value":"[1.*, 2.0.0)"},{"name":"FUNCTIONS_EXTENSION_VERSION","value":"~4"},{"name":"FUNCTIONS_WORKER_RUNTIME","value":"dotnet"},{"name":"AzureWebJobsStorage","value":"DefaultEndpointsProtocol=https;AccountName=logicappstorage1;AccountKey=' "$storage_key" ';EndpointSuffix=core.windows.net"},{"name":"WEBSITE_CONTENTAZUREFILECONNECTIONSTRING","value":"DefaultEndpointsProtocol=https;AccountName=logicappstorage1;AccountKey=' "$storage_key" ';EndpointSuffix=core.windows.net"},{"name":"WEBSITE_CONTENTSHARE","value":"logicapp-1"},{"name":"WEBSITE_CONTENTOVERVNET","value":"1"}]}}}'
}
if exists az logicapp show --name='logicapp-1' --resource-group='ise-rg'; then
  echo 'deploy.sh: the logic app exists: kept (it is never created twice: that would replace its settings).'
else
  storage_key=$(az storage account keys list --account-name='logicappstorage1' --resource-group='ise-rg' --query='[0].value' --output='tsv')
  az rest \
    --method='put' \
    --url='https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/sites/logicapp-1?api-version=2024-11-01' \
    --headers='Content-Type=application/json' \
    --body="$(site_body)"
fi

# The logic app's network settings: a PATCH of only these properties (written every run; the same values change nothing).
az rest \
  --method='patch' \
  --url='https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/sites/logicapp-1?api-version=2024-11-01' \
  --headers='Content-Type=application/json' \
  --body='{"properties":{"virtualNetworkSubnetId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-integration","outboundVnetRouting":{"allTraffic":true},"publicNetworkAccess":"Disabled"}}'
# Its app settings (az merges them with the others).
az logicapp config appsettings set \
  --name='logicapp-1' \
  --resource-group='ise-rg' \
  --settings 'WEBSITE_CONTENTOVERVNET=1'

# The private endpoint for sites (created once) and its zone group (written whole).
if exists az network private-endpoint show --name='logicapp-1-sites-pe' --resource-group='ise-rg'; then
  echo 'deploy.sh: the private endpoint exists: kept.'
else
  az network private-endpoint create \
    --name='logicapp-1-sites-pe' \
    --resource-group='ise-rg' \
    --location='westeurope' \
    --subnet='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-private-endpoints' \
    --private-connection-resource-id='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/sites/logicapp-1' \
    --group-id='sites' \
    --connection-name='logicapp-1-sites-pe'
fi
az network private-endpoint dns-zone-group create \
  --endpoint-name='logicapp-1-sites-pe' \
  --resource-group='ise-rg' \
  --name='default' \
  --private-dns-zone='/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net' \
  --zone-name='privatelink-azurewebsites-net'

# The storage account refuses public traffic (only these settings; written every run, the same values change nothing).
az storage account update \
  --name='logicappstorage1' \
  --resource-group='ise-rg' \
  --public-network-access='Disabled' \
  --default-action='Deny' \
  --bypass='AzureServices'
