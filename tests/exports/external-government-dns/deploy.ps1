# ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
# Deploys 4 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 20 security rules; the ISE (Microsoft.Logic/integrationServiceEnvironments, api-version 2019-05-01) with 2 managed connectors.
# Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
# Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
# Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
# Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
# Run: ./deploy.ps1 in PowerShell 7 with the Az module, after Connect-AzAccount. It stops at the first error.
# Azure Government: Connect-AzAccount -Environment AzureUSGovernment.
$ErrorActionPreference = 'Stop'

Set-AzContext -Subscription 'f34b22a3-2202-4fb1-b040-1332bd928c84' | Out-Null

# The network security group and its rules.
$rules = @(
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-intersubnet' -Description 'Intersubnet communication within virtual network (ISE doc: Inbound security rules)' -Priority 100 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('10.20.0.0/16') -SourcePortRange @('*') -DestinationAddressPrefix @('10.20.0.0/16') -DestinationPortRange @('*'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-logic-app-https' -Description 'Communication to your logic app; runs history for logic app (ISE doc: Inbound security rules)' -Priority 110 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('Internet') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-designer-dynamic-properties' -Description 'Logic Apps designer - dynamic properties (ISE doc: Inbound security rules)' -Priority 120 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('52.127.10.0/26') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-network-health-check' -Description 'Network health check (ISE doc: Inbound security rules)' -Priority 130 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('52.127.10.0/26', '52.127.11.0/26') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-connector-deployment' -Description 'Connector deployment (ISE doc: Inbound security rules)' -Priority 140 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('52.127.12.0/27') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-app-service-management' -Description 'App Service Management dependency (ISE doc: Inbound security rules)' -Priority 150 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AppServiceManagement') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('454', '455'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-traffic-manager' -Description 'Communication from Azure Traffic Manager (ISE doc: Inbound security rules)' -Priority 160 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('AzureTrafficManager') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-api-management' -Description 'Connector policy deployment; API Management - management endpoint (ISE doc: Inbound security rules)' -Priority 170 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('ApiManagement') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('3443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-redis' -Description 'Access Azure Cache for Redis Instances between Role Instances (ISE doc: Inbound security rules)' -Priority 180 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('6379-6383'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-connector-outbound-ips' -Description 'Permit traffic from connector outbound IP addresses (ISE doc: Create your ISE)' -Priority 190 -Direction 'Inbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('52.127.1.0/28', '52.127.2.16/28') -SourcePortRange @('*') -DestinationAddressPrefix @('10.20.0.0/16') -DestinationPortRange @('*'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-intersubnet' -Description 'Intersubnet communication within virtual network (ISE doc: Outbound security rules)' -Priority 100 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('10.20.0.0/16') -SourcePortRange @('*') -DestinationAddressPrefix @('10.20.0.0/16') -DestinationPortRange @('*'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-azure-active-directory' -Description 'Azure Active Directory (ISE doc: Outbound security rules)' -Priority 110 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('AzureActiveDirectory') -DestinationPortRange @('80', '443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-storage' -Description 'Azure Storage dependency (ISE doc: Outbound security rules)' -Priority 120 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('Storage') -DestinationPortRange @('80', '443', '445'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-connection-management' -Description 'Connection management (ISE doc: Outbound security rules)' -Priority 130 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('AppService') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-diagnostics' -Description 'Publish diagnostic logs & metrics (ISE doc: Outbound security rules)' -Priority 140 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('AzureMonitor') -DestinationPortRange @('443'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-sql' -Description 'Azure SQL dependency (ISE doc: Outbound security rules)' -Priority 150 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('Sql') -DestinationPortRange @('1433'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-resource-health' -Description 'Azure Resource Health (ISE doc: Outbound security rules)' -Priority 160 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('AzureMonitor') -DestinationPortRange @('1886'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-event-hub' -Description 'Dependency from Log to Event Hub policy and monitoring agent (ISE doc: Outbound security rules)' -Priority 170 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('EventHub') -DestinationPortRange @('5672'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-redis' -Description 'Access Azure Cache for Redis Instances between Role Instances (ISE doc: Outbound security rules)' -Priority 180 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('VirtualNetwork') -DestinationPortRange @('6379-6383'))
  (New-AzNetworkSecurityRuleConfig -Name 'ise-out-dns' -Description 'DNS name resolution (ISE doc: Outbound security rules)' -Priority 190 -Direction 'Outbound' -Access 'Allow' -Protocol '*' -SourceAddressPrefix @('VirtualNetwork') -SourcePortRange @('*') -DestinationAddressPrefix @('10.20.0.4', '10.20.0.5') -DestinationPortRange @('53'))
)
$nsg = New-AzNetworkSecurityGroup -Name 'ise-nsg' -ResourceGroupName 'contoso-rg' -Location 'usgovvirginia' -SecurityRules $rules -Force

# ISE subnet 1 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'contoso-vnet' -ResourceGroupName 'contoso-rg'
$delegation = New-AzDelegation -Name 'integrationServiceEnvironments' -ServiceName 'Microsoft.Logic/integrationServiceEnvironments'
$vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-1' -AddressPrefix @('10.20.1.0/27') -NetworkSecurityGroup $nsg -Delegation $delegation
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 2 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'contoso-vnet' -ResourceGroupName 'contoso-rg'
$vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-2' -AddressPrefix @('10.20.1.32/27') -NetworkSecurityGroup $nsg
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 3 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'contoso-vnet' -ResourceGroupName 'contoso-rg'
$vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-3' -AddressPrefix @('10.20.1.64/27') -NetworkSecurityGroup $nsg
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# ISE subnet 4 of 4 (subnets one at a time: parallel writes fail).
$vnet = Get-AzVirtualNetwork -Name 'contoso-vnet' -ResourceGroupName 'contoso-rg'
$vnet = Add-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name 'ise-subnet-4' -AddressPrefix @('10.20.1.96/27') -NetworkSecurityGroup $nsg
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet

# The ISE (there is no ISE cmdlet: a REST PUT; creating it takes hours).
$iseBody = '{
  "id": "/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Logic/integrationServiceEnvironments/contoso-ise",
  "name": "contoso-ise",
  "type": "Microsoft.Logic/integrationServiceEnvironments",
  "location": "usgovvirginia",
  "sku": {
    "name": "Developer",
    "capacity": 0
  },
  "properties": {
    "networkConfiguration": {
      "accessEndpoint": {
        "type": "External"
      },
      "subnets": [
        {
          "id": "/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Network/virtualNetworks/contoso-vnet/subnets/ise-subnet-1"
        },
        {
          "id": "/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Network/virtualNetworks/contoso-vnet/subnets/ise-subnet-2"
        },
        {
          "id": "/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Network/virtualNetworks/contoso-vnet/subnets/ise-subnet-3"
        },
        {
          "id": "/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Network/virtualNetworks/contoso-vnet/subnets/ise-subnet-4"
        }
      ]
    },
    "certificates": {
      "rootCertificate": {
        "publicCertificate": "MIIBCgKCAQEAww==",
        "kind": "TrustedRoot"
      }
    }
  }
}'
$response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Logic/integrationServiceEnvironments/contoso-ise?api-version=2019-05-01' -Payload $iseBody
if ($response.StatusCode -ge 300) { throw ('The ISE request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }

# A managed ISE connector.
$connectorBody = '{"location":"usgovvirginia"}'
$response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Logic/integrationServiceEnvironments/contoso-ise/managedApis/sql?api-version=2019-05-01' -Payload $connectorBody
if ($response.StatusCode -ge 300) { throw ('A connector request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }

# A managed ISE connector.
$connectorBody = '{"location":"usgovvirginia"}'
$response = Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Logic/integrationServiceEnvironments/contoso-ise/managedApis/servicebus?api-version=2019-05-01' -Payload $connectorBody
if ($response.StatusCode -ge 300) { throw ('A connector request failed: HTTP ' + $response.StatusCode + ' ' + $response.Content) }
