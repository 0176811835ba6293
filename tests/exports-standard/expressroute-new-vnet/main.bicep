// ISE Network Planner 0.1.0: the Azure Logic Apps Standard network that replaces an integration service environment (ISE).
// Deploys a new virtual network with 2 subnets declared inline; a network security group with 3 security rules; a route table with 1 route; 5 private DNS zones, each linked to the virtual network; 5 private endpoints, each with its zone group; a new storage account that denies public network access; a Workflow Standard plan (WS1) and a new logic app joined to the integration subnet, with the plan's network settings.
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
          sourceAddressPrefix: '10.30.0.128/26'
          destinationAddressPrefix: '10.30.0.192/28'
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
          sourceAddressPrefix: '10.30.0.128/26'
          destinationAddressPrefix: '10.30.0.192/28'
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
          sourceAddressPrefix: '10.30.0.128/26'
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
        name: 'default-to-internet'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'Internet'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'standard-vnet'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.30.0.0/24'
      ]
    }
    subnets: [
      {
        name: 'logicapp-integration'
        properties: {
          addressPrefix: '10.30.0.128/26'
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
      }
      {
        name: 'logicapp-private-endpoints'
        properties: {
          addressPrefix: '10.30.0.192/28'
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
  dependsOn: [
    nsg1
    routeTable
  ]
}

resource integrationSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: 'logicapp-integration'
}

resource endpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: 'logicapp-private-endpoints'
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: 'logicappstorage1'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
  dependsOn: [
    vnet
  ]
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2024-01-01' = {
  name: 'logicappstorage1/default/logicapp-1'
  properties: {}
  dependsOn: [
    storage
    vnet
  ]
}

resource zone1 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.azurewebsites.net'
  location: 'global'
  dependsOn: [
    vnet
  ]
}

resource link1 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone1
  name: 'standard-vnet-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
  dependsOn: [
    vnet
  ]
}

resource zone2 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
  dependsOn: [
    vnet
  ]
}

resource link2 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone2
  name: 'standard-vnet-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
  dependsOn: [
    vnet
  ]
}

resource zone3 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.queue.core.windows.net'
  location: 'global'
  dependsOn: [
    vnet
  ]
}

resource link3 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone3
  name: 'standard-vnet-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
  dependsOn: [
    vnet
  ]
}

resource zone4 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.table.core.windows.net'
  location: 'global'
  dependsOn: [
    vnet
  ]
}

resource link4 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone4
  name: 'standard-vnet-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
  dependsOn: [
    vnet
  ]
}

resource zone5 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.file.core.windows.net'
  location: 'global'
  dependsOn: [
    vnet
  ]
}

resource link5 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone5
  name: 'standard-vnet-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
  dependsOn: [
    vnet
  ]
}

resource blobEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'logicappstorage1-blob-pe'
  location: 'westeurope'
  properties: {
    subnet: {
      id: endpointSubnet.id
    }
    privateLinkServiceConnections: [
      {
        name: 'logicappstorage1-blob-pe'
        properties: {
          privateLinkServiceId: storage.id
          groupIds: [
            'blob'
          ]
        }
      }
    ]
  }
  dependsOn: [
    storage
    vnet
  ]
}

resource blobZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: blobEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-blob-core-windows-net'
        properties: {
          privateDnsZoneId: zone2.id
        }
      }
    ]
  }
  dependsOn: [
    zone2
    vnet
  ]
}

resource queueEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'logicappstorage1-queue-pe'
  location: 'westeurope'
  properties: {
    subnet: {
      id: endpointSubnet.id
    }
    privateLinkServiceConnections: [
      {
        name: 'logicappstorage1-queue-pe'
        properties: {
          privateLinkServiceId: storage.id
          groupIds: [
            'queue'
          ]
        }
      }
    ]
  }
  dependsOn: [
    storage
    vnet
  ]
}

resource queueZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: queueEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-queue-core-windows-net'
        properties: {
          privateDnsZoneId: zone3.id
        }
      }
    ]
  }
  dependsOn: [
    zone3
    vnet
  ]
}

resource tableEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'logicappstorage1-table-pe'
  location: 'westeurope'
  properties: {
    subnet: {
      id: endpointSubnet.id
    }
    privateLinkServiceConnections: [
      {
        name: 'logicappstorage1-table-pe'
        properties: {
          privateLinkServiceId: storage.id
          groupIds: [
            'table'
          ]
        }
      }
    ]
  }
  dependsOn: [
    storage
    vnet
  ]
}

resource tableZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: tableEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-table-core-windows-net'
        properties: {
          privateDnsZoneId: zone4.id
        }
      }
    ]
  }
  dependsOn: [
    zone4
    vnet
  ]
}

resource fileEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'logicappstorage1-file-pe'
  location: 'westeurope'
  properties: {
    subnet: {
      id: endpointSubnet.id
    }
    privateLinkServiceConnections: [
      {
        name: 'logicappstorage1-file-pe'
        properties: {
          privateLinkServiceId: storage.id
          groupIds: [
            'file'
          ]
        }
      }
    ]
  }
  dependsOn: [
    storage
    vnet
  ]
}

resource fileZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: fileEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-file-core-windows-net'
        properties: {
          privateDnsZoneId: zone5.id
        }
      }
    ]
  }
  dependsOn: [
    zone5
    vnet
  ]
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: 'logicapp-plan'
  location: 'westeurope'
  kind: 'elastic'
  sku: {
    name: 'WS1'
    tier: 'WorkflowStandard'
  }
  dependsOn: [
    vnet
  ]
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: 'logicapp-1'
  location: 'westeurope'
  kind: 'functionapp,workflowapp'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: integrationSubnet.id
    outboundVnetRouting: {
      allTraffic: true
    }
    publicNetworkAccess: 'Disabled'
    siteConfig: {
      appSettings: [
        {
          name: 'APP_KIND'
          value: 'workflowApp'
        }
        {
          name: 'AzureFunctionsJobHost__extensionBundle__id'
          value: 'Microsoft.Azure.Functions.ExtensionBundle.Workflows'
        }
        {
          name: 'AzureFunctionsJobHost__extensionBundle__version'
          value: '[1.*, 2.0.0)'
        }
        {
          name: 'FUNCTIONS_EXTENSION_VERSION'
          value: '~4'
        }
        {
          name: 'FUNCTIONS_WORKER_RUNTIME'
          value: 'dotnet'
        }
        {
          name: 'AzureWebJobsStorage'
          value: concat('DefaultEndpointsProtocol=https;AccountName=', storage.name, ';AccountKey=', storage.listKeys().keys[0].value, ';EndpointSuffix=', environment().suffixes.storage)
        }
        {
          name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING'
          value: concat('DefaultEndpointsProtocol=https;AccountName=', storage.name, ';AccountKey=', storage.listKeys().keys[0].value, ';EndpointSuffix=', environment().suffixes.storage)
        }
        {
          name: 'WEBSITE_CONTENTSHARE'
          value: 'logicapp-1'
        }
        {
          name: 'WEBSITE_CONTENTOVERVNET'
          value: '1'
        }
      ]
    }
  }
  dependsOn: [
    plan
    share
    blobZoneGroup
    queueZoneGroup
    tableZoneGroup
    fileZoneGroup
    vnet
  ]
}

resource sitesEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'logicapp-1-sites-pe'
  location: 'westeurope'
  properties: {
    subnet: {
      id: endpointSubnet.id
    }
    privateLinkServiceConnections: [
      {
        name: 'logicapp-1-sites-pe'
        properties: {
          privateLinkServiceId: site.id
          groupIds: [
            'sites'
          ]
        }
      }
    ]
  }
  dependsOn: [
    site
    vnet
  ]
}

resource sitesZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: sitesEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-azurewebsites-net'
        properties: {
          privateDnsZoneId: zone1.id
        }
      }
    ]
  }
  dependsOn: [
    zone1
    vnet
  ]
}
