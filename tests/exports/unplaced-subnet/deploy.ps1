# ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
# Deploys 2 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 18 security rules.
# Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
# Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
# Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
# Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
# Run: ./deploy.ps1 in PowerShell 7 with the Az module, after Connect-AzAccount. It stops at the first error. Parameters: -Force, -TimeoutMinutes N, -PollSeconds N.
# Safe to run again: what exists is kept (the virtual network, the NSG, the route table) and their rules and routes replaced in place, a subnet an earlier run made is set (Set-AzVirtualNetworkSubnetConfig) rather than added, and the ISE request is not sent again while the ISE exists.
# NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying.
# INCOMPLETE: ISE subnet 3 of 4 has no address prefix (the planner could not place it): it is left out.
# INCOMPLETE: ISE subnet 4 of 4 has no address prefix (the planner could not place it): it is left out.
# INCOMPLETE: The ISE needs all four subnets: the ISE and its connectors are left out until every subnet is placed.
param(
  # Deploy although the design has errors (the header says NOT READY).
  [switch]$Force,
  # How long to wait for the ISE to be created, in minutes.
  [int]$TimeoutMinutes = 300,
  # Seconds between two checks of the ISE.
  [int]$PollSeconds = 60
)
$ErrorActionPreference = 'Stop'

if (-not $Force) {
  throw 'deploy.ps1: NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying. Nothing was deployed; run with -Force to deploy anyway.'
}
Write-Output -InputObject 'deploy.ps1: NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying. Deploying anyway (-Force).'

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
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-intersubnet' -Description 'Intersubnet communication within virtual network (ISE doc: Inbound security rules)' -Priority 100 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('10.0.0.0/26') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.0.0/26') -DestinationPortRange @('*'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-logic-app-https' -Description 'Communication to your logic app; runs history for logic app (ISE doc: Inbound security rules)' -Priority 110 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-designer-dynamic-properties' -Description 'Logic Apps designer - dynamic properties (ISE doc: Inbound security rules)' -Priority 120 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('LogicAppsManagement') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-network-health-check' -Description 'Network health check (ISE doc: Inbound security rules)' -Priority 130 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('LogicApps') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-connector-deployment' -Description 'Connector deployment (ISE doc: Inbound security rules)' -Priority 140 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AzureConnectors') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-app-service-management' -Description 'App Service Management dependency (ISE doc: Inbound security rules)' -Priority 150 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AppServiceManagement') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454', '455'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-traffic-manager' -Description 'Communication from Azure Traffic Manager (ISE doc: Inbound security rules)' -Priority 160 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AzureTrafficManager') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-api-management' -Description 'Connector policy deployment; API Management - management endpoint (ISE doc: Inbound security rules)' -Priority 170 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('ApiManagement') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('3443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-redis' -Description 'Access Azure Cache for Redis Instances between Role Instances (ISE doc: Inbound security rules)' -Priority 180 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('6379-6383'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-intersubnet' -Description 'Intersubnet communication within virtual network (ISE doc: Outbound security rules)' -Priority 100 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('10.0.0.0/26') -SourcePortRange @('*') -DestinationAddressPrefix @('10.0.0.0/26') -DestinationPortRange @('*'))
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

# INCOMPLETE: ISE subnet 3 of 4 is left out: the planner could not place it.

# INCOMPLETE: ISE subnet 4 of 4 is left out: the planner could not place it.
