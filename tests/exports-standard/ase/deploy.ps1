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
# Run: ./deploy.ps1 in PowerShell 7 with the Az modules (Az.Network, Az.PrivateDns, Az.Storage, Az.Websites, Az.Functions), after Connect-AzAccount. It stops at the first error. Parameters: -Force, -TimeoutMinutes N, -PollSeconds N.
# Safe to run again: every New- is behind a Get- that found nothing (the zones, links, endpoints, storage account, plan and logic app are never created twice); the zone groups, the logic app's network properties (a PATCH), its app settings (merged) and the storage account's public access are written with the same values, which changes nothing.
# Creating the App Service Environment may take hours: the script waits for provisioningState Succeeded, 300 minutes at most unless -TimeoutMinutes says otherwise.
# The ISE's 4 subnets stay as they are: nothing here changes or deletes them, and the new subnets lie beside them.
# INCOMPLETE: The plan and logic app inside the App Service Environment are left out: no article read gives the plan's SKU for Standard on an App Service Environment v3; create them in the environment once it exists, with the plan's app settings.
# INCOMPLETE: The environment's private DNS zone is created and linked, but its records (*, @ and *.scm) need the environment's inbound address, known once it exists: add them then.
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

# The network security group (created once, then kept) and its rules.
$rules = @(
  (New-AzNetworkSecurityRuleConfig -Name 'allow-load-balancer-health' -Description 'Allow internal health ping traffic (the minimum for the environment to work) (ASE networking doc: Ports and network restrictions)' -Priority 100 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AzureLoadBalancer') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.1.0/24') -DestinationPortRange @('80'))
  (New-AzNetworkSecurityRuleConfig -Name 'allow-virtual-network-app-traffic' -Description 'Allow app traffic and internal health ping traffic (recommended) (ASE networking doc: Ports and network restrictions)' -Priority 110 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.1.0/24') -DestinationPortRange @('80', '443'))
  (New-AzNetworkSecurityRuleConfig -Name 'allow-storage-https' -Description 'The runtime''s storage account (blob, queue, table) through its private endpoints (Standard storage doc: Deploy using Azure portal or Visual ' -Priority 100 -Direction 'Outbound' -Access 'Allow' -Protocol 'Tcp' -SourceAddressPrefix @('10.0.1.0/24') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.0.128/28') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'allow-storage-smb' -Description 'The runtime''s file share (SMB) through the storage account''s private endpoint (Standard storage doc: Deploy using Azure portal or Visual Stu' -Priority 110 -Direction 'Outbound' -Access 'Allow' -Protocol 'Tcp' -SourceAddressPrefix @('10.0.1.0/24') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.0.128/28') -DestinationPortRange @('445'))
  (New-AzNetworkSecurityRuleConfig -Name 'allow-managed-connectors' -Description 'Azure-hosted managed connectors (the managed API service); the article names no port (Standard VNet doc: Considerations for outbound traffic' -Priority 120 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('10.0.1.0/24') -SourcePortRange @('*') -DestinationAddressPrefix @('AzureConnectors') -DestinationPortRange @('*'))
)
$nsg1 = Get-AzNetworkSecurityGroup -Name 'logicapp-ase-nsg' -ResourceGroupName 'ise-rg' -ErrorAction SilentlyContinue
if ($null -eq $nsg1) {
  $nsg1 = New-AzNetworkSecurityGroup -Name 'logicapp-ase-nsg' -ResourceGroupName 'ise-rg' -Location 'westeurope' -SecurityRules $rules -Force
} else {
  Write-Output -InputObject 'deploy.ps1: the network security group exists: kept; its rules are replaced in place.'
  foreach ($rule in $rules) {
    $old = $nsg1.SecurityRules | Where-Object -Property 'Name' -EQ -Value $rule.Name
    if ($null -ne $old) { [void]$nsg1.SecurityRules.Remove($old) }
    $nsg1.SecurityRules.Add($rule)
  }
  $nsg1 = Set-AzNetworkSecurityGroup -NetworkSecurityGroup $nsg1
}

# The App Service Environment subnet (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$delegation = New-AzDelegation -Name 'hostingEnvironments' -ServiceName 'Microsoft.Web/hostingEnvironments'
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-ase' -ErrorAction SilentlyContinue
if ($null -eq $subnet) {
  $vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-ase' -AddressPrefix @('10.0.1.0/24') -NetworkSecurityGroup $nsg1 -Delegation $delegation
} else {
  if (@($subnet.AddressPrefix) -notcontains '10.0.1.0/24') {
    throw 'deploy.ps1: stopped: the subnet logicapp-ase exists with another prefix than the design''s 10.0.1.0/24. A subnet''s prefix is never changed in place; delete the subnet or change the design, then run again.'
  }
  $vnet = Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-ase' -AddressPrefix @('10.0.1.0/24') -NetworkSecurityGroup $nsg1 -Delegation $delegation
}
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# The private-endpoint subnet (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-private-endpoints' -ErrorAction SilentlyContinue
if ($null -eq $subnet) {
  $vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-private-endpoints' -AddressPrefix @('10.0.0.128/28') -PrivateEndpointNetworkPoliciesFlag 'Disabled'
} else {
  if (@($subnet.AddressPrefix) -notcontains '10.0.0.128/28') {
    throw 'deploy.ps1: stopped: the subnet logicapp-private-endpoints exists with another prefix than the design''s 10.0.0.128/28. A subnet''s prefix is never changed in place; delete the subnet or change the design, then run again.'
  }
  $vnet = Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'logicapp-private-endpoints' -AddressPrefix @('10.0.0.128/28') -PrivateEndpointNetworkPoliciesFlag 'Disabled'
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
$zone = Get-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'contoso-ase.appserviceenvironment.net' -ErrorAction SilentlyContinue
if ($null -eq $zone) {
  $zone = New-AzPrivateDnsZone -ResourceGroupName 'ise-rg' -Name 'contoso-ase.appserviceenvironment.net'
} else {
  Write-Output -InputObject 'deploy.ps1: the private DNS zone exists: kept.'
}
$link = Get-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'contoso-ase.appserviceenvironment.net' -Name 'ise-vnet-link' -ErrorAction SilentlyContinue
if ($null -eq $link) {
  $link = New-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'ise-rg' -ZoneName 'contoso-ase.appserviceenvironment.net' -Name 'ise-vnet-link' -VirtualNetworkId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet'
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

# The App Service Environment v3 (a REST PUT, sent unless it exists), then the wait until it
# is created.
$asePath = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/hostingEnvironments/contoso-ase?api-version=2024-11-01'
$aseBody = '{
  "location": "westeurope",
  "kind": "ASEv3",
  "properties": {
    "virtualNetwork": {
      "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/logicapp-ase"
    },
    "internalLoadBalancingMode": "Web, Publishing"
  }
}'
# The App Service Environment's provisioningState; $null when it does not exist (yet).
function Get-AseState {
  $response = Invoke-AzRestMethod -Method 'GET' -Path $asePath
  if ($response.StatusCode -ne 200) { return $null }
  return ($response.Content | ConvertFrom-Json).properties.provisioningState
}
Write-Output -InputObject ('deploy.ps1: creating the App Service Environment may take hours; this script waits for it up to ' + $TimeoutMinutes + ' minutes (-TimeoutMinutes), checking every ' + $PollSeconds + ' seconds.')
$state = Get-AseState
if ($state -eq 'Succeeded') {
  Write-Output -InputObject 'deploy.ps1: the App Service Environment exists (provisioningState Succeeded): the request is not sent again.'
} elseif ($null -eq $state -or $state -eq 'Failed' -or $state -eq 'Canceled') {
  if ($null -ne $state) { Write-Output -InputObject ('deploy.ps1: the App Service Environment exists with provisioningState ' + $state + ': sending the request again.') }
  $response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/hostingEnvironments/contoso-ase?api-version=2024-11-01' -Payload $aseBody
  if ($response.StatusCode -ge 300) { throw ('The App Service Environment request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }
} else {
  Write-Output -InputObject ('deploy.ps1: the App Service Environment is being created (provisioningState ' + $state + '): waiting for it; the request is not sent again.')
}
# Waits until the App Service Environment is Succeeded: a line at every check, a stop with Azure's message when
# it Failed or was Canceled, a stop at the time-out (Azure goes on; run again to wait more).
$started = Get-Date
while ($true) {
  $state = Get-AseState
  $minutes = [int]((Get-Date) - $started).TotalMinutes
  if ($state -eq 'Succeeded') {
    Write-Output -InputObject ('deploy.ps1: the App Service Environment is ready (provisioningState Succeeded) after ' + $minutes + ' minutes.')
    break
  }
  if ($state -eq 'Failed' -or $state -eq 'Canceled') {
    $failure = Get-AzActivityLog -ResourceId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Web/hostingEnvironments/contoso-ase' -Status 'Failed' -StartTime (Get-Date).AddDays(-1) -MaxRecord 1 -WarningAction 'SilentlyContinue' -ErrorAction 'SilentlyContinue' | Select-Object -First 1
    $message = 'Azure gave no message; see the App Service Environment''s activity log'
    if ($null -ne $failure) { $message = $failure.Properties.Content['statusMessage'] }
    throw ('deploy.ps1: the App Service Environment''s creation ended with provisioningState ' + $state + ': ' + $message)
  }
  if ($minutes -ge $TimeoutMinutes) {
    throw ('deploy.ps1: gave up waiting after ' + $TimeoutMinutes + ' minutes: the App Service Environment''s provisioningState is ' + $state + '. Azure goes on creating it: run deploy.ps1 again to wait more (the request is not sent twice), or give -TimeoutMinutes.')
  }
  Write-Output -InputObject ('deploy.ps1: waiting for the App Service Environment: provisioningState ' + $state + ', ' + $minutes + ' of ' + $TimeoutMinutes + ' minutes; next check in ' + $PollSeconds + ' seconds.')
  Start-Sleep -Seconds $PollSeconds
}

# The storage account refuses public traffic (only these settings; written every run, the same values change nothing).
Set-AzStorageAccount -ResourceGroupName 'ise-rg' -Name 'logicappstorage1' -PublicNetworkAccess 'Disabled' -Force | Out-Null
Update-AzStorageAccountNetworkRuleSet -ResourceGroupName 'ise-rg' -Name 'logicappstorage1' -DefaultAction 'Deny' -Bypass 'AzureServices' | Out-Null
