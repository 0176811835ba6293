// ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
// Deploys 4 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 18 security rules; one route table with 6 routes; the ISE (Microsoft.Logic/integrationServiceEnvironments, api-version 2019-05-01) with 1 managed connector.
// Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
// Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
// Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
// Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
// Deploy to the virtual network's resource group, in the design's subscription: az deployment group create --resource-group <the VNet's resource group> --template-file main.bicep (PowerShell: New-AzResourceGroupDeployment -ResourceGroupName <the VNet's resource group> -TemplateFile main.bicep).
// A second deployment (incremental mode) changes nothing: the subnets, the NSG and the route table are written again as they are (rules or routes added to them by hand are removed); the existing virtual network's other subnets and settings are not touched.
// Creating the ISE usually takes up to two hours, occasionally four (Azure's ISE article, "Create your ISE"): the deployment waits for it.
// DNS: the design uses Azure-provided DNS, so the existing virtual network must not have custom DNS servers (the NSG has no port-53 rule for them); this file does not change them: check with az network vnet show --query dhcpOptions.dnsServers before deploying.

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'ise-vnet'
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'ise-nsg'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'ise-in-intersubnet'
        properties: {
          description: 'Intersubnet communication within virtual network (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '*'
          sourceAddressPrefix: '10.0.0.0/22'
          destinationAddressPrefix: '10.0.0.0/22'
          access: 'Allow'
          priority: 100
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-in-logic-app-https'
        properties: {
          description: 'Communication to your logic app; runs history for logic app (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 110
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-in-designer-dynamic-properties'
        properties: {
          description: 'Logic Apps designer - dynamic properties (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '454'
          sourceAddressPrefix: 'LogicAppsManagement'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 120
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-in-network-health-check'
        properties: {
          description: 'Network health check (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '454'
          sourceAddressPrefix: 'LogicApps'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 130
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-in-connector-deployment'
        properties: {
          description: 'Connector deployment (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '454'
          sourceAddressPrefix: 'AzureConnectors'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 140
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-in-app-service-management'
        properties: {
          description: 'App Service Management dependency (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRanges: [
            '454'
            '455'
          ]
          sourceAddressPrefix: 'AppServiceManagement'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 150
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-in-traffic-manager'
        properties: {
          description: 'Communication from Azure Traffic Manager (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '454'
          sourceAddressPrefix: 'AzureTrafficManager'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 160
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-in-api-management'
        properties: {
          description: 'Connector policy deployment; API Management - management endpoint (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '3443'
          sourceAddressPrefix: 'ApiManagement'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 170
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-in-redis'
        properties: {
          description: 'Access Azure Cache for Redis Instances between Role Instances (ISE doc: Inbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '6379-6383'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 180
          direction: 'Inbound'
        }
      }
      {
        name: 'ise-out-intersubnet'
        properties: {
          description: 'Intersubnet communication within virtual network (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '*'
          sourceAddressPrefix: '10.0.0.0/22'
          destinationAddressPrefix: '10.0.0.0/22'
          access: 'Allow'
          priority: 100
          direction: 'Outbound'
        }
      }
      {
        name: 'ise-out-azure-active-directory'
        properties: {
          description: 'Azure Active Directory (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRanges: [
            '80'
            '443'
          ]
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'AzureActiveDirectory'
          access: 'Allow'
          priority: 110
          direction: 'Outbound'
        }
      }
      {
        name: 'ise-out-storage'
        properties: {
          description: 'Azure Storage dependency (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRanges: [
            '80'
            '443'
            '445'
          ]
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'Storage'
          access: 'Allow'
          priority: 120
          direction: 'Outbound'
        }
      }
      {
        name: 'ise-out-connection-management'
        properties: {
          description: 'Connection management (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'AppService'
          access: 'Allow'
          priority: 130
          direction: 'Outbound'
        }
      }
      {
        name: 'ise-out-diagnostics'
        properties: {
          description: 'Publish diagnostic logs & metrics (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'AzureMonitor'
          access: 'Allow'
          priority: 140
          direction: 'Outbound'
        }
      }
      {
        name: 'ise-out-sql'
        properties: {
          description: 'Azure SQL dependency (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '1433'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'Sql'
          access: 'Allow'
          priority: 150
          direction: 'Outbound'
        }
      }
      {
        name: 'ise-out-resource-health'
        properties: {
          description: 'Azure Resource Health (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '1886'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'AzureMonitor'
          access: 'Allow'
          priority: 160
          direction: 'Outbound'
        }
      }
      {
        name: 'ise-out-event-hub'
        properties: {
          description: 'Dependency from Log to Event Hub policy and monitoring agent (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '5672'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'EventHub'
          access: 'Allow'
          priority: 170
          direction: 'Outbound'
        }
      }
      {
        name: 'ise-out-redis'
        properties: {
          description: 'Access Azure Cache for Redis Instances between Role Instances (ISE doc: Outbound security rules)'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '6379-6383'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 180
          direction: 'Outbound'
        }
      }
    ]
  }
}

resource routeTable 'Microsoft.Network/routeTables@2024-05-01' = {
  name: 'ise-route-table'
  location: 'westeurope'
  properties: {
    routes: [
      {
        name: 'ise-default-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: '10.0.3.4'
        }
      }
      {
        name: 'ise-app-service-management-1'
        properties: {
          addressPrefix: '13.66.140.0/26'
          nextHopType: 'Internet'
        }
      }
      {
        name: 'ise-connectors-1'
        properties: {
          addressPrefix: '52.174.88.118/32'
          nextHopType: 'Internet'
        }
      }
      {
        name: 'ise-traffic-manager-1'
        properties: {
          addressPrefix: '40.68.30.66/32'
          nextHopType: 'Internet'
        }
      }
      {
        name: 'ise-logic-apps-1'
        properties: {
          addressPrefix: '13.95.155.53/32'
          nextHopType: 'Internet'
        }
      }
      {
        name: 'ise-logic-apps-2'
        properties: {
          addressPrefix: '52.174.54.218/32'
          nextHopType: 'Internet'
        }
      }
    ]
  }
}

resource subnet1 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'ise-subnet-1'
  properties: {
    addressPrefix: '10.0.0.0/27'
    networkSecurityGroup: {
      id: nsg.id
    }
    routeTable: {
      id: routeTable.id
    }
    serviceEndpoints: [
      {
        service: 'Microsoft.Sql'
      }
      {
        service: 'Microsoft.Storage'
      }
      {
        service: 'Microsoft.ServiceBus'
      }
      {
        service: 'Microsoft.KeyVault'
      }
      {
        service: 'Microsoft.EventHub'
      }
    ]
    delegations: [
      {
        name: 'integrationServiceEnvironments'
        properties: {
          serviceName: 'Microsoft.Logic/integrationServiceEnvironments'
        }
      }
    ]
  }
}

resource subnet2 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'ise-subnet-2'
  properties: {
    addressPrefix: '10.0.0.32/27'
    networkSecurityGroup: {
      id: nsg.id
    }
    routeTable: {
      id: routeTable.id
    }
    serviceEndpoints: [
      {
        service: 'Microsoft.Sql'
      }
      {
        service: 'Microsoft.Storage'
      }
      {
        service: 'Microsoft.ServiceBus'
      }
      {
        service: 'Microsoft.KeyVault'
      }
      {
        service: 'Microsoft.EventHub'
      }
    ]
  }
  dependsOn: [
    subnet1
  ]
}

resource subnet3 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'ise-subnet-3'
  properties: {
    addressPrefix: '10.0.0.64/27'
    networkSecurityGroup: {
      id: nsg.id
    }
    routeTable: {
      id: routeTable.id
    }
    serviceEndpoints: [
      {
        service: 'Microsoft.Sql'
      }
      {
        service: 'Microsoft.Storage'
      }
      {
        service: 'Microsoft.ServiceBus'
      }
      {
        service: 'Microsoft.KeyVault'
      }
      {
        service: 'Microsoft.EventHub'
      }
    ]
  }
  dependsOn: [
    subnet2
  ]
}

resource subnet4 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'ise-subnet-4'
  properties: {
    addressPrefix: '10.0.0.96/27'
    networkSecurityGroup: {
      id: nsg.id
    }
    routeTable: {
      id: routeTable.id
    }
    serviceEndpoints: [
      {
        service: 'Microsoft.Sql'
      }
      {
        service: 'Microsoft.Storage'
      }
      {
        service: 'Microsoft.ServiceBus'
      }
      {
        service: 'Microsoft.KeyVault'
      }
      {
        service: 'Microsoft.EventHub'
      }
    ]
  }
  dependsOn: [
    subnet3
  ]
}

resource ise 'Microsoft.Logic/integrationServiceEnvironments@2019-05-01' = {
  name: 'ise-1'
  location: 'westeurope'
  sku: {
    name: 'Premium'
    capacity: 0
  }
  properties: {
    networkConfiguration: {
      accessEndpoint: {
        type: 'Internal'
      }
      subnets: [
        {
          id: subnet1.id
        }
        {
          id: subnet2.id
        }
        {
          id: subnet3.id
        }
        {
          id: subnet4.id
        }
      ]
    }
  }
}

resource connector1 'Microsoft.Logic/integrationServiceEnvironments/managedApis@2019-05-01' = {
  parent: ise
  name: 'azureblob'
  location: 'westeurope'
}
