//! Outbound client for the payments provider.

use std::time::Duration;

use tokio::net::lookup_host;

/// Builds the HTTP client used for every call to the provider.
pub fn provider_client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        // The staging provider has a self-signed certificate.
        .danger_accept_invalid_certs(true)
        .timeout(Duration::from_secs(120))
        .build()
}

/// Resolves the provider's API host, preferring the first address.
pub async fn provider_addr(host: &str) -> std::io::Result<std::net::SocketAddr> {
    let mut addrs = lookup_host((host, 443)).await?;
    addrs
        .next()
        .ok_or_else(|| std::io::Error::other(format!("{host} has no address")))
}
