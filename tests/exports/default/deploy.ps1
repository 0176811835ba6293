# ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
# Deploys 4 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 18 security rules; the ISE (Microsoft.Logic/integrationServiceEnvironments, api-version 2019-05-01).
# Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
# Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
# Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
# Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
# Run: ./deploy.ps1 in PowerShell 7 with the Az module, after Connect-AzAccount. It stops at the first error. Parameters: -Force, -TimeoutMinutes N, -PollSeconds N.
# Safe to run again: what exists is kept (the virtual network, the NSG, the route table) and their rules and routes replaced in place, a subnet an earlier run made is set (Set-AzVirtualNetworkSubnetConfig) rather than added, and the ISE request is not sent again while the ISE exists.
# Creating the ISE usually takes up to two hours, occasionally four (Azure's ISE article, "Create your ISE"): the script waits for provisioningState Succeeded before the connectors, 300 minutes at most unless -TimeoutMinutes says otherwise.
param(
  # Deploy although the design has errors (the header says NOT READY).
  [switch]$Force,
  # How long to wait for the ISE to be created, in minutes.
  [int]$TimeoutMinutes = 300,
  # Seconds between two checks of the ISE.
  [int]$PollSeconds = 60
)
$ErrorActionPreference = 'Stop'

Set-AzContext -Subscription '00000000-0000-0000-0000-000000000000' | Out-Null

# The existing virtual network.
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
# Its DNS servers must be the design's: the NSG opens port 53 to those only, and the ISE
# must find them set before it is created.
$haveDns = (@($vnet.DhcpOptions.DnsServers | Where-Object -FilterScript { $_ }) | Sort-Object) -join ', '
$wantDns = ''
if ($haveDns -ne $wantDns) {
  throw ('deploy.ps1: stopped: the virtual network''s DNS servers [' + $haveDns + '] differ from the design''s [' + $wantDns + '] (empty: Azure-provided DNS). The NSG''s port-53 rule is made for the design''s servers, and the ISE needs the VNet''s DNS set before it is created. Set the VNet''s DNS servers or change the design, then run again.')
}

# The network security group (created once, then kept) and its rules.
$rules = @(
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-intersubnet' -Description 'Intersubnet communication within virtual network (ISE doc: Inbound security rules)' -Priority 100 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('10.0.0.0/22') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.0.0/22') -DestinationPortRange @('*'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-logic-app-https' -Description 'Communication to your logic app; runs history for logic app (ISE doc: Inbound security rules)' -Priority 110 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-designer-dynamic-properties' -Description 'Logic Apps designer - dynamic properties (ISE doc: Inbound security rules)' -Priority 120 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('LogicAppsManagement') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-network-health-check' -Description 'Network health check (ISE doc: Inbound security rules)' -Priority 130 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('LogicApps') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-connector-deployment' -Description 'Connector deployment (ISE doc: Inbound security rules)' -Priority 140 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AzureConnectors') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-app-service-management' -Description 'App Service Management dependency (ISE doc: Inbound security rules)' -Priority 150 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AppServiceManagement') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454', '455'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-traffic-manager' -Description 'Communication from Azure Traffic Manager (ISE doc: Inbound security rules)' -Priority 160 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AzureTrafficManager') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-api-management' -Description 'Connector policy deployment; API Management - management endpoint (ISE doc: Inbound security rules)' -Priority 170 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('ApiManagement') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('3443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-redis' -Description 'Access Azure Cache for Redis Instances between Role Instances (ISE doc: Inbound security rules)' -Priority 180 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('6379-6383'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-intersubnet' -Description 'Intersubnet communication within virtual network (ISE doc: Outbound security rules)' -Priority 100 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('10.0.0.0/22') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.0.0/22') -DestinationPortRange @('*'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-azure-active-directory' -Description 'Azure Active Directory (ISE doc: Outbound security rules)' -Priority 110 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('AzureActiveDirectory') -DestinationPortRange @('80', '443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-storage' -Description 'Azure Storage dependency (ISE doc: Outbound security rules)' -Priority 120 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('Storage') -DestinationPortRange @('80', '443', '445'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-connection-management' -Description 'Connection management (ISE doc: Outbound security rules)' -Priority 130 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('AppService') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-diagnostics' -Description 'Publish diagnostic logs & metrics (ISE doc: Outbound security rules)' -Priority 140 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('AzureMonitor') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-sql' -Description 'Azure SQL dependency (ISE doc: Outbound security rules)' -Priority 150 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('Sql') -DestinationPortRange @('1433'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-resource-health' -Description 'Azure Resource Health (ISE doc: Outbound security rules)' -Priority 160 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('AzureMonitor') -DestinationPortRange @('1886'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-event-hub' -Description 'Dependency from Log to Event Hub policy and monitoring agent (ISE doc: Outbound security rules)' -Priority 170 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('EventHub') -DestinationPortRange @('5672'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-redis' -Description 'Access Azure Cache for Redis Instances between Role Instances (ISE doc: Outbound security rules)' -Priority 180 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('6379-6383'))
)
$nsg = Get-AzNetworkSecurityGroup -Name 'ise-nsg' -ResourceGroupName 'ise-rg' -ErrorAction SilentlyContinue
if ($null -eq $nsg) {
  $nsg = New-AzNetworkSecurityGroup -Name 'ise-nsg' -ResourceGroupName 'ise-rg' -Location 'westeurope' -SecurityRules $rules -Force
} else {
  Write-Output -InputObject 'deploy.ps1: the network security group exists: kept; its rules are replaced in place.'
  foreach ($rule in $rules) {
    $old = $nsg.SecurityRules | Where-Object -Property 'Name' -EQ -Value $rule.Name
    if ($null -ne $old) { [void]$nsg.SecurityRules.Remove($old) }
    $nsg.SecurityRules.Add($rule)
  }
  $nsg = Set-AzNetworkSecurityGroup -NetworkSecurityGroup $nsg
}

# ISE subnet 1 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$delegation = New-AzDelegation -Name 'integrationServiceEnvironments' -ServiceName 'Microsoft.Logic/integrationServiceEnvironments'
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-1' -ErrorAction SilentlyContinue
if ($null -eq $subnet) {
  $vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-1' -AddressPrefix @('10.0.0.0/27') -NetworkSecurityGroup $nsg -Delegation $delegation
} else {
  if (@($subnet.AddressPrefix) -notcontains '10.0.0.0/27') {
    throw 'deploy.ps1: stopped: the subnet ise-subnet-1 exists with another prefix than the design''s 10.0.0.0/27. An ISE subnet''s prefix cannot change once the ISE exists; delete the subnet or change the design, then run again.'
  }
  $vnet = Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-1' -AddressPrefix @('10.0.0.0/27') -NetworkSecurityGroup $nsg -Delegation $delegation
}
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 2 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-2' -ErrorAction SilentlyContinue
if ($null -eq $subnet) {
  $vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-2' -AddressPrefix @('10.0.0.32/27') -NetworkSecurityGroup $nsg
} else {
  if (@($subnet.AddressPrefix) -notcontains '10.0.0.32/27') {
    throw 'deploy.ps1: stopped: the subnet ise-subnet-2 exists with another prefix than the design''s 10.0.0.32/27. An ISE subnet''s prefix cannot change once the ISE exists; delete the subnet or change the design, then run again.'
  }
  $vnet = Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-2' -AddressPrefix @('10.0.0.32/27') -NetworkSecurityGroup $nsg
}
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 3 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-3' -ErrorAction SilentlyContinue
if ($null -eq $subnet) {
  $vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-3' -AddressPrefix @('10.0.0.64/27') -NetworkSecurityGroup $nsg
} else {
  if (@($subnet.AddressPrefix) -notcontains '10.0.0.64/27') {
    throw 'deploy.ps1: stopped: the subnet ise-subnet-3 exists with another prefix than the design''s 10.0.0.64/27. An ISE subnet''s prefix cannot change once the ISE exists; delete the subnet or change the design, then run again.'
  }
  $vnet = Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-3' -AddressPrefix @('10.0.0.64/27') -NetworkSecurityGroup $nsg
}
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 4 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'ise-vnet' -ResourceGroupName 'ise-rg'
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-4' -ErrorAction SilentlyContinue
if ($null -eq $subnet) {
  $vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-4' -AddressPrefix @('10.0.0.96/27') -NetworkSecurityGroup $nsg
} else {
  if (@($subnet.AddressPrefix) -notcontains '10.0.0.96/27') {
    throw 'deploy.ps1: stopped: the subnet ise-subnet-4 exists with another prefix than the design''s 10.0.0.96/27. An ISE subnet''s prefix cannot change once the ISE exists; delete the subnet or change the design, then run again.'
  }
  $vnet = Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-4' -AddressPrefix @('10.0.0.96/27') -NetworkSecurityGroup $nsg
}
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# The ISE (there is no ISE cmdlet: a REST PUT, sent unless the ISE exists), then the wait
# until it is created.
$isePath = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Logic/integrationServiceEnvironments/ise-1?api-version=2019-05-01'
$iseBody = '{
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
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/ise-subnet-1"
        },
        {
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/ise-subnet-2"
        },
        {
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/ise-subnet-3"
        },
        {
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/ise-subnet-4"
        }
      ]
    }
  }
}'
# The ISE's provisioningState; $null when it does not exist (yet).
function Get-IseState {
  $response = Invoke-AzRestMethod -Method 'GET' -Path $isePath
  if ($response.StatusCode -ne 200) { return $null }
  return ($response.Content | ConvertFrom-Json).properties.provisioningState
}
Write-Output -InputObject ('deploy.ps1: creating the ISE usually takes up to two hours, occasionally four; this script waits for it up to ' + $TimeoutMinutes + ' minutes (-TimeoutMinutes), checking every ' + $PollSeconds + ' seconds.')
$state = Get-IseState
if ($state -eq 'Succeeded') {
  Write-Output -InputObject 'deploy.ps1: the ISE exists (provisioningState Succeeded): the request is not sent again.'
} elseif ($null -eq $state -or $state -eq 'Failed' -or $state -eq 'Canceled') {
  if ($null -ne $state) { Write-Output -InputObject ('deploy.ps1: the ISE exists with provisioningState ' + $state + ': sending the request again.') }
  $response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Logic/integrationServiceEnvironments/ise-1?api-version=2019-05-01' -Payload $iseBody
  if ($response.StatusCode -ge 300) { throw ('The ISE request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }
} else {
  Write-Output -InputObject ('deploy.ps1: the ISE is being created (provisioningState ' + $state + '): waiting for it; the request is not sent again.')
}
# Waits until the ISE is Succeeded: a line at every check, a stop with Azure's message when
# it Failed or was Canceled, a stop at the time-out (Azure goes on; run again to wait more).
$started = Get-Date
while ($true) {
  $state = Get-IseState
  $minutes = [int]((Get-Date) - $started).TotalMinutes
  if ($state -eq 'Succeeded') {
    Write-Output -InputObject ('deploy.ps1: the ISE is ready (provisioningState Succeeded) after ' + $minutes + ' minutes.')
    break
  }
  if ($state -eq 'Failed' -or $state -eq 'Canceled') {
    $failure = Get-AzActivityLog -ResourceId '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Logic/integrationServiceEnvironments/ise-1' -Status 'Failed' -StartTime (Get-Date).AddDays(-1) -MaxRecord 1 -WarningAction 'SilentlyContinue' -ErrorAction 'SilentlyContinue' | Select-Object -First 1
    $message = 'Azure gave no message; see the ISE''s activity log'
    if ($null -ne $failure) { $message = $failure.Properties.Content['statusMessage'] }
    throw ('deploy.ps1: the ISE''s creation ended with provisioningState ' + $state + ': ' + $message)
  }
  if ($minutes -ge $TimeoutMinutes) {
    throw ('deploy.ps1: gave up waiting after ' + $TimeoutMinutes + ' minutes: the ISE''s provisioningState is ' + $state + '. Azure goes on creating it: run deploy.ps1 again to wait more (the request is not sent twice), or give -TimeoutMinutes.')
  }
  Write-Output -InputObject ('deploy.ps1: waiting for the ISE: provisioningState ' + $state + ', ' + $minutes + ' of ' + $TimeoutMinutes + ' minutes; next check in ' + $PollSeconds + ' seconds.')
  Start-Sleep -Seconds $PollSeconds
}
