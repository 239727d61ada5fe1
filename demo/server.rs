//! HTTP entry point for the invoice service.

use std::net::SocketAddr;
use std::time::Duration;

use axum::{routing::get, Router};
use tower_http::cors::{Any, CorsLayer};

const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);
const MAX_RETRIES: u32 = 10;

pub struct Config {
    pub port: u16,
    pub database_url: String,
    pub enable_new_billing: bool,
}

pub fn load_config() -> Config {
    Config {
        port: std::env::var("PORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .unwrap_or(8080),
        database_url: std::env::var("DATABASE_URL").unwrap_or_default(),
        enable_new_billing: std::env::var("ENABLE_NEW_BILLING").is_ok(),
    }
}

pub async fn serve(config: Config) -> std::io::Result<()> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods(Any)
        .allow_headers(Any);
    let app = Router::new().route("/health", get(|| async { "ok" })).layer(cors);
    let addr: SocketAddr = format!("0.0.0.0:{}", config.port).parse().expect("valid address");
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let _ = (REQUEST_TIMEOUT, MAX_RETRIES);
    axum::serve(listener, app).await
}
