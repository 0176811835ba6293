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
# Run: ./deploy.ps1 in PowerShell 7 with the Az modules (Az.Network, Az.PrivateDns, Az.Storage, Az.Websites, Az.Functions), after Connect-AzAccount. It stops at the first error. Parameters: -Force, -TimeoutMinutes N, -PollSeconds N.
# Safe to run again: every New- is behind a Get- that found nothing (the zones, links, endpoints, storage account, plan and logic app are never created twice); the zone groups, the logic app's network properties (a PATCH), its app settings (merged) and the storage account's public access are written with the same values, which changes nothing.
# REUSES THE ISE'S ADDRESS SPACE: delete the ISE first (Azure releases its 4 subnets some time after); until they are gone the new subnets overlap them and cannot be created.
param(
  # Deploy although the design has errors (the header says NOT READY).
  [switch]$Force,
  # How long to wait for the App Service Environment to be created, in minutes.
  [int]$TimeoutMinutes = 300,
  # Seconds between two checks of the App Service Environment.
  [int]$PollSeconds = 60
)
$ErrorActionPreference = 'Stop'

Set-AzContext -Subscription '00000000-0000-0000-0000-000000000000' | Out-Null

# The new subnets reuse the ISE's address space: stop while any of the ISE's subnets exists.
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$iseSubnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-1' -ErrorAction SilentlyContinue
if ($null -ne $iseSubnet) {
  throw 'deploy.ps1: stopped: the ISE''s subnet ise-subnet-1 (10.0.0.0/27) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.'
}
$iseSubnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-2' -ErrorAction SilentlyContinue
if ($null -ne $iseSubnet) {
  throw 'deploy.ps1: stopped: the ISE''s subnet ise-subnet-2 (10.0.0.32/27) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.'
}
$iseSubnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-3' -ErrorAction SilentlyContinue
if ($null -ne $iseSubnet) {
  throw 'deploy.ps1: stopped: the ISE''s subnet ise-subnet-3 (10.0.0.64/27) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.'
}
$iseSubnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-4' -ErrorAction SilentlyContinue
if ($null -ne $iseSubnet) {
  throw 'deploy.ps1: stopped: the ISE''s subnet ise-subnet-4 (10.0.0.96/27) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.'
}

# The network security group (created once, then kept) and its rules.
$rules = @(
  (New-AzNetworkSecurityRuleConfig -Name 'allow-storage-https' -Description 'The runtime''s storage account (blob, queue, table) through its private endpoints (Standard VNet doc: Considerations for outbound traffic thr' -Priority 100 -Direction 'Outbound' -Access 'Allow' -Protocol 'Tcp' -SourceAddressPrefix @('10.0.0.0/26') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.0.64/28') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'allow-storage-smb' -Description 'The runtime''s file share (SMB) through the storage account''s private endpoint (Standard VNet doc: Considerations for outbound traffic throug' -Priority 110 -Direction 'Outbound' -Access 'Allow' -Protocol 'Tcp' -SourceAddressPrefix @('10.0.0.0/26') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.0.64/28') -DestinationPortRange @('445'))
  (New-AzNetworkSecurityRuleConfig -Name 'allow-managed-connectors' -Description 'Azure-hosted managed connectors (the managed API service); the article names no port (Standard VNet doc: Considerations for outbound traffic' -Priority 120 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('10.0.0.0/26') -SourcePortRange @('*') -DestinationAddressPrefix @('AzureConnectors') -DestinationPortRange @('*'))
)
$nsg1 = Get-AzNetworkSecurityGroup -Name 'logicapp-integration-nsg' -ResourceGroupName 'ise-rg' -ErrorAction SilentlyContinue
if ($null -eq $nsg1) {
  $nsg1 = New-AzNetworkSecurityGroup -Name 'logicapp-integration-nsg' -ResourceGroupName 'ise-rg' -Location 'westeurope' -SecurityRules $rules -Force
} else {
  Write-Output -InputObject 'deploy.ps1: the network security group exists: kept; its rules are replaced in place.'
  foreach ($rule in $rules) {
    $old = $nsg1.SecurityRules | Where-Object -Property 'Name' -EQ -Value $rule.Name
    if ($null -ne $old) { [void]$nsg1.SecurityRules.Remove($old) }
    $nsg1.SecurityRules.Add($rule)
  }
  $nsg1 = Set-AzNetworkSecurityGroup -NetworkSecurityGroup $nsg1
}

# The integration subnet (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$delegation = New-AzDelegation -Name 'serverFarms' -ServiceName 'Microsoft.Web/serverFarms'
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-integration' -ErrorAction SilentlyContinue
if ($null -eq $subnet) {
  $vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-integration' -AddressPrefix @('10.0.0.0/26') -NetworkSecurityGroup $nsg1 -Delegation $delegation
} else {
  if (@($subnet.AddressPrefix) -notcontains '10.0.0.0/26') {
    throw 'deploy.ps1: stopped: the subnet logicapp-integration exists with another prefix than the design''s 10.0.0.0/26. A subnet''s prefix is never changed in place; delete the subnet or change the design, then run again.'
  }
  $vnet = Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-integration' -AddressPrefix @('10.0.0.0/26') -NetworkSecurityGroup $nsg1 -Delegation $delegation
}
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# The private-endpoint subnet (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-private-endpoints' -ErrorAction SilentlyContinue
if ($null -eq $subnet) {
  $vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-private-endpoints' -AddressPrefix @('10.0.0.64/28') -PrivateEndpointNetworkPoliciesFlag 'Disabled'
} else {
  if (@($subnet.AddressPrefix) -notcontains '10.0.0.64/28') {
    throw 'deploy.ps1: stopped: the subnet logicapp-private-endpoints exists with another prefix than the design''s 10.0.0.64/28. A subnet''s prefix is never changed in place; delete the subnet or change the design, then run again.'
  }
  $vnet = Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-private-endpoints' -AddressPrefix @('10.0.0.64/28') -PrivateEndpointNetworkPoliciesFlag 'Disabled'
}
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# The storage account (new: created once, denying public network access; then kept).
$storage = Get-AzStorageAccount -ResourceGroupName 'ise-rg' -Name 'logicappstorage1' -ErrorAction SilentlyContinue
if ($null -eq $storage) {
  $storage = New-AzStorageAccount -ResourceGroupName 'ise-rg' -Name 'logicappstorage1' -Location 'westeurope' -SkuName 'Standard_LRS' -Kind 'StorageV2' -MinimumTlsVersion 'TLS1_2' -AllowBlobPublicAccess $false -PublicNetworkAccess 'Disabled'
} else {
  Write-Output -InputObject 'deploy.ps1: the storage account exists: kept.'
}

# The private DNS zones and their links to the virtual network (each created once: New- fails on one that exists).
$zone = Get-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.azurewebsites.net' -ErrorAction SilentlyContinue
if ($null -eq $zone) {
  $zone = New-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.azurewebsites.net'
} else {
  Write-Output -InputObject 'deploy.ps1: the private DNS zone exists: kept.'
}
$link = Get-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.azurewebsites.net' -Name 'ise-vnet-link' -ErrorAction SilentlyContinue
if ($null -eq $link) {
  $link = New-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.azurewebsites.net' -Name 'ise-vnet-link' -VirtualNetworkId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet'
} else {
  Write-Output -InputObject 'deploy.ps1: the zone''s link to the virtual network exists: kept.'
}
$zone = Get-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.blob.core.windows.net' -ErrorAction SilentlyContinue
if ($null -eq $zone) {
  $zone = New-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.blob.core.windows.net'
} else {
  Write-Output -InputObject 'deploy.ps1: the private DNS zone exists: kept.'
}
$link = Get-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.blob.core.windows.net' -Name 'ise-vnet-link' -ErrorAction SilentlyContinue
if ($null -eq $link) {
  $link = New-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.blob.core.windows.net' -Name 'ise-vnet-link' -VirtualNetworkId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet'
} else {
  Write-Output -InputObject 'deploy.ps1: the zone''s link to the virtual network exists: kept.'
}
$zone = Get-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.queue.core.windows.net' -ErrorAction SilentlyContinue
if ($null -eq $zone) {
  $zone = New-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.queue.core.windows.net'
} else {
  Write-Output -InputObject 'deploy.ps1: the private DNS zone exists: kept.'
}
$link = Get-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.queue.core.windows.net' -Name 'ise-vnet-link' -ErrorAction SilentlyContinue
if ($null -eq $link) {
  $link = New-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.queue.core.windows.net' -Name 'ise-vnet-link' -VirtualNetworkId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet'
} else {
  Write-Output -InputObject 'deploy.ps1: the zone''s link to the virtual network exists: kept.'
}
$zone = Get-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.table.core.windows.net' -ErrorAction SilentlyContinue
if ($null -eq $zone) {
  $zone = New-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.table.core.windows.net'
} else {
  Write-Output -InputObject 'deploy.ps1: the private DNS zone exists: kept.'
}
$link = Get-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.table.core.windows.net' -Name 'ise-vnet-link' -ErrorAction SilentlyContinue
if ($null -eq $link) {
  $link = New-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.table.core.windows.net' -Name 'ise-vnet-link' -VirtualNetworkId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet'
} else {
  Write-Output -InputObject 'deploy.ps1: the zone''s link to the virtual network exists: kept.'
}
$zone = Get-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.file.core.windows.net' -ErrorAction SilentlyContinue
if ($null -eq $zone) {
  $zone = New-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'privatelink.file.core.windows.net'
} else {
  Write-Output -InputObject 'deploy.ps1: the private DNS zone exists: kept.'
}
$link = Get-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.file.core.windows.net' -Name 'ise-vnet-link' -ErrorAction SilentlyContinue
if ($null -eq $link) {
  $link = New-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'privatelink.file.core.windows.net' -Name 'ise-vnet-link' -VirtualNetworkId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet'
} else {
  Write-Output -InputObject 'deploy.ps1: the zone''s link to the virtual network exists: kept.'
}

# The private-endpoint subnet.
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$endpointSubnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-private-endpoints'

# The private endpoint for blob (created once) and its zone group (written whole).
$connection = New-AzPrivateLinkServiceConnection -Name 'logicappstorage1-blob-pe' -PrivateLinkServiceId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Storage/storageAccounts/logicappstorage1' -GroupId @('blob')
$endpoint = Get-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicappstorage1-blob-pe' -ErrorAction SilentlyContinue
if ($null -eq $endpoint) {
  $endpoint = New-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicappstorage1-blob-pe' -Location 'westeurope' -Subnet $endpointSubnet -PrivateLinkServiceConnection $connection
} else {
  Write-Output -InputObject 'deploy.ps1: the private endpoint exists: kept.'
}
$zoneConfig = New-AzPrivateDnsZoneConfig -Name 'privatelink-blob-core-windows-net' -PrivateDnsZoneId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net'
New-AzPrivateDnsZoneGroup -ResourceGroupName 'ise-rg' -PrivateEndpointName 'logicappstorage1-blob-pe' -Name 'default' -PrivateDnsZoneConfig $zoneConfig -Force | Out-Null

# The private endpoint for queue (created once) and its zone group (written whole).
$connection = New-AzPrivateLinkServiceConnection -Name 'logicappstorage1-queue-pe' -PrivateLinkServiceId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Storage/storageAccounts/logicappstorage1' -GroupId @('queue')
$endpoint = Get-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicappstorage1-queue-pe' -ErrorAction SilentlyContinue
if ($null -eq $endpoint) {
  $endpoint = New-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicappstorage1-queue-pe' -Location 'westeurope' -Subnet $endpointSubnet -PrivateLinkServiceConnection $connection
} else {
  Write-Output -InputObject 'deploy.ps1: the private endpoint exists: kept.'
}
$zoneConfig = New-AzPrivateDnsZoneConfig -Name 'privatelink-queue-core-windows-net' -PrivateDnsZoneId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.queue.core.windows.net'
New-AzPrivateDnsZoneGroup -ResourceGroupName 'ise-rg' -PrivateEndpointName 'logicappstorage1-queue-pe' -Name 'default' -PrivateDnsZoneConfig $zoneConfig -Force | Out-Null

# The private endpoint for table (created once) and its zone group (written whole).
$connection = New-AzPrivateLinkServiceConnection -Name 'logicappstorage1-table-pe' -PrivateLinkServiceId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Storage/storageAccounts/logicappstorage1' -GroupId @('table')
$endpoint = Get-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicappstorage1-table-pe' -ErrorAction SilentlyContinue
if ($null -eq $endpoint) {
  $endpoint = New-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicappstorage1-table-pe' -Location 'westeurope' -Subnet $endpointSubnet -PrivateLinkServiceConnection $connection
} else {
  Write-Output -InputObject 'deploy.ps1: the private endpoint exists: kept.'
}
$zoneConfig = New-AzPrivateDnsZoneConfig -Name 'privatelink-table-core-windows-net' -PrivateDnsZoneId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.table.core.windows.net'
New-AzPrivateDnsZoneGroup -ResourceGroupName 'ise-rg' -PrivateEndpointName 'logicappstorage1-table-pe' -Name 'default' -PrivateDnsZoneConfig $zoneConfig -Force | Out-Null

# The private endpoint for file (created once) and its zone group (written whole).
$connection = New-AzPrivateLinkServiceConnection -Name 'logicappstorage1-file-pe' -PrivateLinkServiceId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Storage/storageAccounts/logicappstorage1' -GroupId @('file')
$endpoint = Get-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicappstorage1-file-pe' -ErrorAction SilentlyContinue
if ($null -eq $endpoint) {
  $endpoint = New-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicappstorage1-file-pe' -Location 'westeurope' -Subnet $endpointSubnet -PrivateLinkServiceConnection $connection
} else {
  Write-Output -InputObject 'deploy.ps1: the private endpoint exists: kept.'
}
$zoneConfig = New-AzPrivateDnsZoneConfig -Name 'privatelink-file-core-windows-net' -PrivateDnsZoneId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net'
New-AzPrivateDnsZoneGroup -ResourceGroupName 'ise-rg' -PrivateEndpointName 'logicappstorage1-file-pe' -Name 'default' -PrivateDnsZoneConfig $zoneConfig -Force | Out-Null

# The Workflow Standard plan (WS1; created once, then kept; there is no cmdlet for it).
$plan = Get-AzAppServicePlan -ResourceGroupName 'ise-rg' -Name 'logicapp-plan' -ErrorAction SilentlyContinue
if ($null -eq $plan) {
  $planBody = '{"location":"westeurope","kind":"elastic","sku":{"name":"WS1","tier":"WorkflowStandard"}}'
  $response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/serverfarms/logicapp-plan?api-version=2024-11-01' -Payload $planBody
  if ($response.StatusCode -ge 300) { throw ('The plan request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }
} else {
  Write-Output -InputObject 'deploy.ps1: the plan exists: kept.'
}

# The logic app's content share (made over ARM, no public access needed; created once).
$share = Get-AzRmStorageShare -ResourceGroupName 'ise-rg' -StorageAccountName 'logicappstorage1' -Name 'logicapp-1' -ErrorAction SilentlyContinue
if ($null -eq $share) {
  $share = New-AzRmStorageShare -ResourceGroupName 'ise-rg' -StorageAccountName 'logicappstorage1' -Name 'logicapp-1'
} else {
  Write-Output -InputObject 'deploy.ps1: the content share exists: kept.'
}

# The logic app (created once; never twice, which would replace its settings): the ARM shape of the site, with virtual network integration, all traffic through it and its content share over the VNet from the start.
$site = Get-AzWebApp -ResourceGroupName 'ise-rg' -Name 'logicapp-1' -ErrorAction SilentlyContinue
if ($null -eq $site) {
  $storageKey = (Get-AzStorageAccountKey -ResourceGroupName 'ise-rg' -Name 'logicappstorage1')[0].Value
  $siteBody = '{"location":"westeurope","kind":"functionapp,workflowapp","properties":{"serverFarmId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/serverfarms/logicapp-plan","httpsOnly":true,"virtualNetworkSubnetId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-integration","outboundVnetRouting":{"allTraffic":true},"publicNetworkAccess":"Disabled","siteConfig":{"appSettings":[{"name":"APP_KIND","value":"workflowApp"},{"name":"AzureFunctionsJobHost__extensionBundle__id","value":"Microsoft.Azure.Functions.ExtensionBundle.Workflows"},{"name":"AzureFunctionsJobHost__extensionBundle__version","value":"[1.*, 2.0.0)"},{"name":"FUNCTIONS_EXTENSION_VERSION","value":"~4"},{"name":"FUNCTIONS_WORKER_RUNTIME","value":"dotnet"},{"name":"AzureWebJobsStorage","value":"DefaultEndpointsProtocol=https;AccountName=logicappstorage1;AccountKey=' + $storageKey + ';EndpointSuffix=core.windows.net"},{"name":"WEBSITE_CONTENTAZUREFILECONNECTIONSTRING","value":"DefaultEndpointsProtocol=https;AccountName=logicappstorage1;AccountKey=' + $storageKey + ';EndpointSuffix=core.windows.net"},{"name":"WEBSITE_CONTENTSHARE","value":"logicapp-1"},{"name":"WEBSITE_CONTENTOVERVNET","value":"1"}]}}}'
  $response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/sites/logicapp-1?api-version=2024-11-01' -Payload $siteBody
  if ($response.StatusCode -ge 300) { throw ('The logic app request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }
} else {
  Write-Output -InputObject 'deploy.ps1: the logic app exists: kept.'
}

# The logic app's network settings: a PATCH of only these properties (written every run; the same values change nothing).
$siteNetwork = '{"properties":{"virtualNetworkSubnetId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-integration","outboundVnetRouting":{"allTraffic":true},"publicNetworkAccess":"Disabled"}}'
$response = Invoke-AzRestMethod -Method 'PATCH' -Path '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/sites/logicapp-1?api-version=2024-11-01' -Payload $siteNetwork
if ($response.StatusCode -ge 300) { throw ('The logic app''s network settings failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }
# Its app settings (merged with the others).
Update-AzFunctionAppSetting -ResourceGroupName 'ise-rg' -Name 'logicapp-1' -AppSetting @{ 'WEBSITE_CONTENTOVERVNET' = '1' } -Force | Out-Null

# The private endpoint for sites (created once) and its zone group (written whole).
$connection = New-AzPrivateLinkServiceConnection -Name 'logicapp-1-sites-pe' -PrivateLinkServiceId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/sites/logicapp-1' -GroupId @('sites')
$endpoint = Get-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicapp-1-sites-pe' -ErrorAction SilentlyContinue
if ($null -eq $endpoint) {
  $endpoint = New-AzPrivateEndpoint -ResourceGroupName 'ise-rg' -Name 'logicapp-1-sites-pe' -Location 'westeurope' -Subnet $endpointSubnet -PrivateLinkServiceConnection $connection
} else {
  Write-Output -InputObject 'deploy.ps1: the private endpoint exists: kept.'
}
$zoneConfig = New-AzPrivateDnsZoneConfig -Name 'privatelink-azurewebsites-net' -PrivateDnsZoneId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/privateDnsZones/privatelink.azurewebsites.net'
New-AzPrivateDnsZoneGroup -ResourceGroupName 'ise-rg' -PrivateEndpointName 'logicapp-1-sites-pe' -Name 'default' -PrivateDnsZoneConfig $zoneConfig -Force | Out-Null

# The storage account refuses public traffic (only these settings; written every run, the same values change nothing).
Set-AzStorageAccount -ResourceGroupName 'ise-rg' -Name 'logicappstorage1' -PublicNetworkAccess 'Disabled' -Force | Out-Null
Update-AzStorageAccountNetworkRuleSet -ResourceGroupName 'ise-rg' -Name 'logicappstorage1' -DefaultAction 'Deny' -Bypass 'AzureServices' | Out-Null
