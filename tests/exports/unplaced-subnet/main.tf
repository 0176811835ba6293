# ISE Network Planner 0.1.0: the network of an Azure Logic Apps integration service environment (ISE).
# Deploys 2 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 18 security rules.
# Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.
# Follows: Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) <https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment>
# Follows: Create an integration service environment (ISE) by using the Logic Apps REST API <https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api>
# Networking api-version 2024-05-01 (Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01).
# Deploy: terraform init && terraform apply (signed in with az login to the design's subscription).
# A second terraform plan after apply shows no changes: Terraform keeps what it created in its state, and every attribute Azure fills in is given here (the delegation's actions) or left to the provider (the VNet's subnets, which are separate resources).
# DNS: the design uses Azure-provided DNS, so the existing virtual network must not have custom DNS servers (the NSG has no port-53 rule for them); this file does not change them: check with az network vnet show --query dhcpOptions.dnsServers before deploying.
# The configuration refuses to plan while the design has errors: it requires the variable deploy_despite_errors, which only true satisfies (terraform apply -var deploy_despite_errors=true deploys anyway).
# NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying.
# INCOMPLETE: ISE subnet 3 of 4 has no address prefix (the planner could not place it): it is left out.
# INCOMPLETE: ISE subnet 4 of 4 has no address prefix (the planner could not place it): it is left out.
# INCOMPLETE: The ISE needs all four subnets: the ISE and its connectors are left out until every subnet is placed.

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.0, < 5.0"
    }
    azapi = {
      source  = "Azure/azapi"
      version = ">= 2.0, < 3.0"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = "00000000-0000-0000-0000-000000000000"
  environment     = "public"
}

provider "azapi" {
  subscription_id = "00000000-0000-0000-0000-000000000000"
  environment     = "public"
}

variable "deploy_despite_errors" {
  type        = bool
  description = "NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying. Set to true to deploy anyway."
  validation {
    condition     = var.deploy_despite_errors
    error_message = "NOT READY: the design has errors (allocation-no-space); fix them in the planner before deploying. Set deploy_despite_errors to true to deploy anyway."
  }
}

data "azurerm_virtual_network" "ise" {
  name                = "ise-vnet"
  resource_group_name = "ise-rg"
}

resource "azurerm_network_security_group" "ise" {
  name                = "ise-nsg"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  security_rule {
    name                       = "ise-in-intersubnet"
    description                = "Intersubnet communication within virtual network (ISE doc: Inbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "10.0.0.0/26"
    destination_address_prefix = "10.0.0.0/26"
    access                     = "Allow"
    priority                   = 100
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "ise-in-logic-app-https"
    description                = "Communication to your logic app; runs history for logic app (ISE doc: Inbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 110
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "ise-in-designer-dynamic-properties"
    description                = "Logic Apps designer - dynamic properties (ISE doc: Inbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "454"
    source_address_prefix      = "LogicAppsManagement"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 120
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "ise-in-network-health-check"
    description                = "Network health check (ISE doc: Inbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "454"
    source_address_prefix      = "LogicApps"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 130
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "ise-in-connector-deployment"
    description                = "Connector deployment (ISE doc: Inbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "454"
    source_address_prefix      = "AzureConnectors"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 140
    direction                  = "Inbound"
  }
  security_rule {
    name              = "ise-in-app-service-management"
    description       = "App Service Management dependency (ISE doc: Inbound security rules)"
    protocol          = "*"
    source_port_range = "*"
    destination_port_ranges = [
      "454",
      "455",
    ]
    source_address_prefix      = "AppServiceManagement"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 150
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "ise-in-traffic-manager"
    description                = "Communication from Azure Traffic Manager (ISE doc: Inbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "454"
    source_address_prefix      = "AzureTrafficManager"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 160
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "ise-in-api-management"
    description                = "Connector policy deployment; API Management - management endpoint (ISE doc: Inbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "3443"
    source_address_prefix      = "ApiManagement"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 170
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "ise-in-redis"
    description                = "Access Azure Cache for Redis Instances between Role Instances (ISE doc: Inbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "6379-6383"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 180
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "ise-out-intersubnet"
    description                = "Intersubnet communication within virtual network (ISE doc: Outbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "10.0.0.0/26"
    destination_address_prefix = "10.0.0.0/26"
    access                     = "Allow"
    priority                   = 100
    direction                  = "Outbound"
  }
  security_rule {
    name              = "ise-out-azure-active-directory"
    description       = "Azure Active Directory (ISE doc: Outbound security rules)"
    protocol          = "*"
    source_port_range = "*"
    destination_port_ranges = [
      "80",
      "443",
    ]
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "AzureActiveDirectory"
    access                     = "Allow"
    priority                   = 110
    direction                  = "Outbound"
  }
  security_rule {
    name              = "ise-out-storage"
    description       = "Azure Storage dependency (ISE doc: Outbound security rules)"
    protocol          = "*"
    source_port_range = "*"
    destination_port_ranges = [
      "80",
      "443",
      "445",
    ]
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "Storage"
    access                     = "Allow"
    priority                   = 120
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "ise-out-connection-management"
    description                = "Connection management (ISE doc: Outbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "AppService"
    access                     = "Allow"
    priority                   = 130
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "ise-out-diagnostics"
    description                = "Publish diagnostic logs & metrics (ISE doc: Outbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "AzureMonitor"
    access                     = "Allow"
    priority                   = 140
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "ise-out-sql"
    description                = "Azure SQL dependency (ISE doc: Outbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "1433"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "Sql"
    access                     = "Allow"
    priority                   = 150
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "ise-out-resource-health"
    description                = "Azure Resource Health (ISE doc: Outbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "1886"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "AzureMonitor"
    access                     = "Allow"
    priority                   = 160
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "ise-out-event-hub"
    description                = "Dependency from Log to Event Hub policy and monitoring agent (ISE doc: Outbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "5672"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "EventHub"
    access                     = "Allow"
    priority                   = 170
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "ise-out-redis"
    description                = "Access Azure Cache for Redis Instances between Role Instances (ISE doc: Outbound security rules)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "6379-6383"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "VirtualNetwork"
    access                     = "Allow"
    priority                   = 180
    direction                  = "Outbound"
  }
}

resource "azurerm_subnet" "ise_1" {
  name                 = "ise-subnet-1"
  resource_group_name  = "ise-rg"
  virtual_network_name = data.azurerm_virtual_network.ise.name
  address_prefixes = [
    "10.0.0.0/27",
  ]
  delegation {
    name = "integrationServiceEnvironments"
    service_delegation {
      name = "Microsoft.Logic/integrationServiceEnvironments"
      actions = [
        "Microsoft.Network/virtualNetworks/subnets/action",
      ]
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "ise_1" {
  subnet_id                 = azurerm_subnet.ise_1.id
  network_security_group_id = azurerm_network_security_group.ise.id
}

resource "azurerm_subnet" "ise_2" {
  name                 = "ise-subnet-2"
  resource_group_name  = "ise-rg"
  virtual_network_name = data.azurerm_virtual_network.ise.name
  address_prefixes = [
    "10.0.0.32/27",
  ]
  depends_on = [
    azurerm_subnet_network_security_group_association.ise_1,
  ]
}

resource "azurerm_subnet_network_security_group_association" "ise_2" {
  subnet_id                 = azurerm_subnet.ise_2.id
  network_security_group_id = azurerm_network_security_group.ise.id
}

# INCOMPLETE: ISE subnet 3 of 4 is left out: the planner could not place it.

# INCOMPLETE: ISE subnet 4 of 4 is left out: the planner could not place it.
