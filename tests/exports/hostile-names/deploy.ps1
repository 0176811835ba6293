# ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
# Deploys 4 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 18 security rules; the ISE (Microsoft.Logic/integrationServiceEnvironments, api-version 2019-05-01) with 1 managed connector.
# Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
# Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
# Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
# Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
# Run: ./deploy.ps1 in PowerShell 7 with the Az module, after Connect-AzAccount. It stops at the first error.
# NOT READY: the design has errors (subscription-id-invalid, resource-group-invalid, vnet-resource-group-invalid, vnet-name-invalid, ise-name-invalid, subnet-name-invalid-char, subnet-name-forbidden-char, subnet-name-start, certificate-name-invalid, connector-name-invalid); fix them in the planner before deploying.
$ErrorActionPreference = 'Stop'

Set-AzContext -Subscription '--debugq''"`’’‘‘‚‚‛‛“”$(touch pwned-subscription)' | Out-Null

# The network security group and its rules.
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
$nsg = New-AzNetworkSecurityGroup -Name 'ise-nsg' -ResourceGroupName 'net-rg${HOME}%{if x}$$${y}\\' -Location 'westeurope'';touchpwned-location' -SecurityRules $rules -Force

# ISE subnet 1 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'vnet
''@
ISE_PLANNER_END_OF_JSON
--flag
#q''"`’’‘‘‚‚‛‛“”' -ResourceGroupName 'net-rg${HOME}%{if x}$$${y}\\'
$delegation = New-AzDelegation -Name 'integrationServiceEnvironments' -ServiceName 'Microsoft.Logic/integrationServiceEnvironments'
$vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'subq''"`’’‘‘‚‚‛‛“”$(touch pwned-subnet)' -AddressPrefix @('10.0.0.0/27') -NetworkSecurityGroup $nsg -Delegation $delegation
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 2 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'vnet
''@
ISE_PLANNER_END_OF_JSON
--flag
#q''"`’’‘‘‚‚‛‛“”' -ResourceGroupName 'net-rg${HOME}%{if x}$$${y}\\'
$vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'a/b?c=d&e|f;g>h<i' -AddressPrefix @('10.0.0.32/27') -NetworkSecurityGroup $nsg
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 3 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'vnet
''@
ISE_PLANNER_END_OF_JSON
--flag
#q''"`’’‘‘‚‚‛‛“”' -ResourceGroupName 'net-rg${HOME}%{if x}$$${y}\\'
$vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name '[concat(''x'')]ünïcødé-网络-😀' -AddressPrefix @('10.0.0.64/27') -NetworkSecurityGroup $nsg
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 4 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'vnet
''@
ISE_PLANNER_END_OF_JSON
--flag
#q''"`’’‘‘‚‚‛‛“”' -ResourceGroupName 'net-rg${HOME}%{if x}$$${y}\\'
$vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name '--name�nul‮bidi
''@' -AddressPrefix @('10.0.0.96/27') -NetworkSecurityGroup $nsg
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# The ISE (there is no ISE cmdlet: a REST PUT; creating it takes hours).
$iseBody = '{
  "id": "/subscriptions/--debugq''\"`’’‘‘‚‚‛‛“”$(touch pwned-subscription)/resourceGroups/rg;&|$(touch pwned-rg)`touch pwned-rg2`\ttab\rcr\nlf/providers/Microsoft.Logic/integrationServiceEnvironments/[ise]q''\"`’’‘‘‚‚‛‛“”${HOME}%{x}",
  "name": "[ise]q''\"`’’‘‘‚‚‛‛“”${HOME}%{x}",
  "type": "Microsoft.Logic/integrationServiceEnvironments",
  "location": "westeurope'';touchpwned-location",
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
          "id": "/subscriptions/--debugq''\"`’’‘‘‚‚‛‛“”$(touch pwned-subscription)/resourceGroups/net-rg${HOME}%{if x}$$${y}\\\\/providers/Microsoft.Network/virtualNetworks/vnet\n''@\nISE_PLANNER_END_OF_JSON\n--flag\n#q''\"`’’‘‘‚‚‛‛“”/subnets/subq''\"`’’‘‘‚‚‛‛“”$(touch pwned-subnet)"
        },
        {
          "id": "/subscriptions/--debugq''\"`’’‘‘‚‚‛‛“”$(touch pwned-subscription)/resourceGroups/net-rg${HOME}%{if x}$$${y}\\\\/providers/Microsoft.Network/virtualNetworks/vnet\n''@\nISE_PLANNER_END_OF_JSON\n--flag\n#q''\"`’’‘‘‚‚‛‛“”/subnets/a/b?c=d&e|f;g>h<i"
        },
        {
          "id": "/subscriptions/--debugq''\"`’’‘‘‚‚‛‛“”$(touch pwned-subscription)/resourceGroups/net-rg${HOME}%{if x}$$${y}\\\\/providers/Microsoft.Network/virtualNetworks/vnet\n''@\nISE_PLANNER_END_OF_JSON\n--flag\n#q''\"`’’‘‘‚‚‛‛“”/subnets/[concat(''x'')]\u0007ünïcødé-网络-😀"
        },
        {
          "id": "/subscriptions/--debugq''\"`’’‘‘‚‚‛‛“”$(touch pwned-subscription)/resourceGroups/net-rg${HOME}%{if x}$$${y}\\\\/providers/Microsoft.Network/virtualNetworks/vnet\n''@\nISE_PLANNER_END_OF_JSON\n--flag\n#q''\"`’’‘‘‚‚‛‛“”/subnets/--name\u0000nul‮bidi\r\n''@"
        }
      ]
    },
    "certificates": {
      "ok-cert": {
        "publicCertificate": "MIIBCgKCAQEAww==",
        "kind": "TrustedRoot"
      }
    }
  }
}'
$response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/--debugq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%28touch%20pwned-subscription%29/resourceGroups/rg%3B%26%7C%24%28touch%20pwned-rg%29%60touch%20pwned-rg2%60%09tab%0Dcr%0Alf/providers/Microsoft.Logic/integrationServiceEnvironments/%5Bise%5Dq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%7BHOME%7D%25%7Bx%7D?api-version=2019-05-01' -Payload $iseBody
if ($response.StatusCode -ge 300) { throw ('The ISE request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }

# A managed ISE connector.
$connectorBody = '{"location":"westeurope'';touchpwned-location"}'
$response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/--debugq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%28touch%20pwned-subscription%29/resourceGroups/rg%3B%26%7C%24%28touch%20pwned-rg%29%60touch%20pwned-rg2%60%09tab%0Dcr%0Alf/providers/Microsoft.Logic/integrationServiceEnvironments/%5Bise%5Dq%27%22%60%E2%80%99%E2%80%98%E2%80%9A%E2%80%9B%E2%80%9C%E2%80%9D%24%7BHOME%7D%25%7Bx%7D/managedApis/sql?api-version=2019-05-01' -Payload $connectorBody
if ($response.StatusCode -ge 300) { throw ('A connector request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }
