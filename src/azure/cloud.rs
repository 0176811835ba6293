//! Azure's clouds: the public cloud, Azure Government and Azure China, each with its own
//! management host.

use serde::{Deserialize, Serialize};

/// The Azure cloud; it decides the management host and which service tags work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cloud {
    #[default]
    Public,
    Government,
    China,
}

impl Cloud {
    /// The Azure Resource Manager host of this cloud.
    pub fn management_host(self) -> &'static str {
        match self {
            Cloud::Public => "management.azure.com",
            Cloud::Government => "management.usgovcloudapi.net",
            Cloud::China => "management.chinacloudapi.cn",
        }
    }

    /// The name people use.
    pub fn display_name(self) -> &'static str {
        match self {
            Cloud::Public => "Azure public",
            Cloud::Government => "Azure Government",
            Cloud::China => "Azure China (21Vianet)",
        }
    }
}
