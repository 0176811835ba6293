//! Azure's clouds: the public cloud, Azure Government and Azure China, each with its own
//! management host and storage suffix; and how a name goes into a management URL.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};

/// Characters escaped in a URL path segment: all but RFC 3986's unreserved ones.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A name as one segment of a management URL's path, percent-encoded.
pub fn url_segment(value: &str) -> String {
    match value {
        // Clients collapse these as relative paths; encoded, they stay a name.
        "." => "%2E".into(),
        ".." => "%2E%2E".into(),
        _ => utf8_percent_encode(value, SEGMENT).to_string(),
    }
}

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

    /// The suffix of its storage endpoints (`EndpointSuffix` in a connection string).
    pub fn storage_suffix(self) -> &'static str {
        match self {
            Cloud::Public => "core.windows.net",
            Cloud::Government => "core.usgovcloudapi.net",
            Cloud::China => "core.chinacloudapi.cn",
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
