#!/usr/bin/env bash
# shellcheck disable=SC1003,SC1111,SC1112,SC2016
# ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
# Deploys 4 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 20 security rules; the ISE (Microsoft.Logic/integrationServiceEnvironments, api-version 2019-05-01) with 2 managed connectors.
# Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
# Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
# Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
# Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
# Run: bash deploy.sh (after az login). It stops at the first failing command.
# Azure Government: run az cloud set --name AzureUSGovernment before az login.
set -euo pipefail

az account set \
  --subscription='f34b22a3-2202-4fb1-b040-1332bd928c84'

# The network security group and its rules (every field given: the CLI's defaults are port 80 and Allow).
az network nsg create \
  --name='ise-nsg' \
  --resource-group='contoso-rg' \
  --location='usgovvirginia'
az network nsg rule create \
  --name='ise-in-intersubnet' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='100' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.20.0.0/16' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.20.0.0/16' \
  --destination-port-ranges '*' \
  --description='Intersubnet communication within virtual network (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-logic-app-https' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='110' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'Internet' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '443' \
  --description='Communication to your logic app; runs history for logic app (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-designer-dynamic-properties' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='120' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '52.127.10.0/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' \
  --description='Logic Apps designer - dynamic properties (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-network-health-check' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='130' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '52.127.10.0/26' '52.127.11.0/26' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' \
  --description='Network health check (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-connector-deployment' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='140' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '52.127.12.0/27' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' \
  --description='Connector deployment (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-app-service-management' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='150' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'AppServiceManagement' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '454' '455' \
  --description='App Service Management dependency (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-traffic-manager' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='160' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'AzureTrafficManager' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '443' \
  --description='Communication from Azure Traffic Manager (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-api-management' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='170' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'ApiManagement' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '3443' \
  --description='Connector policy deployment; API Management - management endpoint (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-redis' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='180' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '6379-6383' \
  --description='Access Azure Cache for Redis Instances between Role Instances (ISE doc: Inbound security rules)'
az network nsg rule create \
  --name='ise-in-connector-outbound-ips' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='190' \
  --direction='Inbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '52.127.1.0/28' '52.127.2.16/28' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.20.0.0/16' \
  --destination-port-ranges '*' \
  --description='Permit traffic from connector outbound IP addresses (ISE doc: Create your ISE)'
az network nsg rule create \
  --name='ise-out-intersubnet' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='100' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes '10.20.0.0/16' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.20.0.0/16' \
  --destination-port-ranges '*' \
  --description='Intersubnet communication within virtual network (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-azure-active-directory' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='110' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureActiveDirectory' \
  --destination-port-ranges '80' '443' \
  --description='Azure Active Directory (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-storage' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='120' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'Storage' \
  --destination-port-ranges '80' '443' '445' \
  --description='Azure Storage dependency (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-connection-management' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='130' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AppService' \
  --destination-port-ranges '443' \
  --description='Connection management (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-diagnostics' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='140' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureMonitor' \
  --destination-port-ranges '443' \
  --description='Publish diagnostic logs & metrics (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-sql' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='150' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'Sql' \
  --destination-port-ranges '1433' \
  --description='Azure SQL dependency (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-resource-health' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='160' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureMonitor' \
  --destination-port-ranges '1886' \
  --description='Azure Resource Health (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-event-hub' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='170' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'EventHub' \
  --destination-port-ranges '5672' \
  --description='Dependency from Log to Event Hub policy and monitoring agent (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-redis' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='180' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '6379-6383' \
  --description='Access Azure Cache for Redis Instances between Role Instances (ISE doc: Outbound security rules)'
az network nsg rule create \
  --name='ise-out-dns' \
  --nsg-name='ise-nsg' \
  --resource-group='contoso-rg' \
  --priority='190' \
  --direction='Outbound' \
  --access='Allow' \
  --protocol='*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes '10.20.0.4' '10.20.0.5' \
  --destination-port-ranges '53' \
  --description='DNS name resolution (ISE doc: Outbound security rules)'

# ISE subnet 1 of 4 (subnets one at a time: parallel writes fail).
az network vnet subnet create \
  --name='ise-subnet-1' \
  --vnet-name='contoso-vnet' \
  --resource-group='contoso-rg' \
  --address-prefixes '10.20.1.0/27' \
  --network-security-group='ise-nsg' \
  --delegations='Microsoft.Logic/integrationServiceEnvironments'

# ISE subnet 2 of 4 (subnets one at a time: parallel writes fail).
az network vnet subnet create \
  --name='ise-subnet-2' \
  --vnet-name='contoso-vnet' \
  --resource-group='contoso-rg' \
  --address-prefixes '10.20.1.32/27' \
  --network-security-group='ise-nsg'

# ISE subnet 3 of 4 (subnets one at a time: parallel writes fail).
az network vnet subnet create \
  --name='ise-subnet-3' \
  --vnet-name='contoso-vnet' \
  --resource-group='contoso-rg' \
  --address-prefixes '10.20.1.64/27' \
  --network-security-group='ise-nsg'

# ISE subnet 4 of 4 (subnets one at a time: parallel writes fail).
az network vnet subnet create \
  --name='ise-subnet-4' \
  --vnet-name='contoso-vnet' \
  --resource-group='contoso-rg' \
  --address-prefixes '10.20.1.96/27' \
  --network-security-group='ise-nsg'

# The ISE (the CLI has no ISE command: a REST PUT; creating it takes hours).
ise_body() {
  cat <<'ISE_PLANNER_END_OF_JSON'
{
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
}
ISE_PLANNER_END_OF_JSON
}
az rest \
  --method='put' \
  --url='https://management.usgovcloudapi.net/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Logic/integrationServiceEnvironments/contoso-ise?api-version=2019-05-01' \
  --headers='Content-Type=application/json' \
  --body="$(ise_body)"

# A managed ISE connector.
az rest \
  --method='put' \
  --url='https://management.usgovcloudapi.net/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Logic/integrationServiceEnvironments/contoso-ise/managedApis/sql?api-version=2019-05-01' \
  --headers='Content-Type=application/json' \
  --body='{"location":"usgovvirginia"}'

# A managed ISE connector.
az rest \
  --method='put' \
  --url='https://management.usgovcloudapi.net/subscriptions/f34b22a3-2202-4fb1-b040-1332bd928c84/resourceGroups/contoso-rg/providers/Microsoft.Logic/integrationServiceEnvironments/contoso-ise/managedApis/servicebus?api-version=2019-05-01' \
  --headers='Content-Type=application/json' \
  --body='{"location":"usgovvirginia"}'
