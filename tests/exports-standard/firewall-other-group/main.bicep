// ISE Network Planner 0.1.0: the Azure Logic Apps Standard network that replaces an integration service environment (ISE).
// Deploys 2 subnets in the existing virtual network, one after another; a network security group with 3 security rules; a route table with 1 route; 5 private DNS zones, each linked to the virtual network; 5 private endpoints, each with its zone group; a new storage account that denies public network access; a Workflow Standard plan (WS1) and a new logic app joined to the integration subnet, with the plan's network settings.
// Follows: Secure traffic between Standard logic apps and Azure virtual networks using private endpoints <https://learn.microsoft.com/azure/logic-apps/secure-single-tenant-workflow-virtual-network-private-endpoint>
// Follows: Deploy single-tenant Standard logic apps to private storage accounts using private endpoints <https://learn.microsoft.com/azure/logic-apps/deploy-single-tenant-logic-apps-private-storage-account>
// Follows: Integrate your app with an Azure virtual network <https://learn.microsoft.com/azure/app-service/overview-vnet-integration>
// Follows: Manage Azure App Service virtual network integration routing <https://learn.microsoft.com/azure/app-service/configure-vnet-integration-routing>
// Follows: Use private endpoints for Azure App Service apps <https://learn.microsoft.com/azure/app-service/overview-private-endpoint>
// Follows: Azure Private Endpoint private DNS zone values <https://learn.microsoft.com/azure/private-link/private-endpoint-dns>
// api-version 2024-05-01 for Microsoft.Network (subnets, network security groups, route tables, private endpoints and their zone groups) (specification/network/resource-manager/Microsoft.Network/stable/2024-05-01, as the ISE files).
// api-version 2024-06-01 for Microsoft.Network/privateDnsZones and their virtualNetworkLinks (specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json).
// api-version 2024-01-01 for Microsoft.Storage/storageAccounts and fileServices/shares (specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/storage.json).
// api-version 2024-11-01 for Microsoft.Web/serverfarms, sites and hostingEnvironments (specification/web/resource-manager/Microsoft.Web/AppService/stable/2024-11-01/WebApps.json: the first stable version with outboundVnetRouting.allTraffic, which the routing article recommends over the legacy vnetRouteAllEnabled that this version drops from the site).
// Deploy to the virtual network's resource group, in the design's subscription: az deployment group create --resource-group <the VNet's resource group> --template-file main.bicep (PowerShell: New-AzResourceGroupDeployment -ResourceGroupName <the VNet's resource group> -TemplateFile main.bicep).
// A second deployment (incremental mode) changes nothing: every resource is written again as it is (NSG rules, routes and zone groups added by hand are removed); the existing virtual network's other subnets and settings, and the ISE's subnets, are not touched.
// The ISE's 4 subnets stay as they are: nothing here changes or deletes them, and the new subnets lie beside them.
// INCOMPLETE: The design's resource group (the logic app's, its storage, endpoints and zones) is not the virtual network's, and a Bicep file deploys to one: this file holds the network only. Deploy the rest with the ARM template (a nested deployment), or the Azure CLI or PowerShell file.

resource nsg1 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'logicapp-integration-nsg'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'allow-storage-https'
        properties: {
          description: 'The runtime\'s storage account (blob, queue, table) through its private endpoints (Standard VNet doc: Considerations for outbound traffic thr'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: '10.0.0.128/26'
          destinationAddressPrefix: '10.0.0.192/28'
          access: 'Allow'
          priority: 100
          direction: 'Outbound'
        }
      }
      {
        name: 'allow-storage-smb'
        properties: {
          description: 'The runtime\'s file share (SMB) through the storage account\'s private endpoint (Standard VNet doc: Considerations for outbound traffic throug'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '445'
          sourceAddressPrefix: '10.0.0.128/26'
          destinationAddressPrefix: '10.0.0.192/28'
          access: 'Allow'
          priority: 110
          direction: 'Outbound'
        }
      }
      {
        name: 'allow-managed-connectors'
        properties: {
          description: 'Azure-hosted managed connectors (the managed API service); the article names no port (Standard VNet doc: Considerations for outbound traffic'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '*'
          sourceAddressPrefix: '10.0.0.128/26'
          destinationAddressPrefix: 'AzureConnectors'
          access: 'Allow'
          priority: 120
          direction: 'Outbound'
        }
      }
    ]
  }
}

resource routeTable 'Microsoft.Network/routeTables@2024-05-01' = {
  name: 'logicapp-route-table'
  location: 'westeurope'
  properties: {
    routes: [
      {
        name: 'default-to-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: '10.0.3.4'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'ise-vnet'
}

resource integrationSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'logicapp-integration'
  properties: {
    addressPrefix: '10.0.0.128/26'
    networkSecurityGroup: {
      id: nsg1.id
    }
    routeTable: {
      id: routeTable.id
    }
    delegations: [
      {
        name: 'serverFarms'
        properties: {
          serviceName: 'Microsoft.Web/serverFarms'
        }
      }
    ]
  }
  dependsOn: [
    nsg1
    routeTable
  ]
}

resource endpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'logicapp-private-endpoints'
  properties: {
    addressPrefix: '10.0.0.192/28'
    privateEndpointNetworkPolicies: 'Disabled'
  }
  dependsOn: [
    integrationSubnet
  ]
}
