//! HTTP(S) front door of the ingest service.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::{get, post};
use axum::{Json, Router};
use axum_server::tls_rustls::RustlsConfig;
use serde::Serialize;
use tower_http::cors::{Any, CorsLayer};
use tower_http::timeout::TimeoutLayer;

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub addr: SocketAddr,
    pub request_timeout: Duration,
    pub max_body_bytes: usize,
}

impl ServerConfig {
    pub fn from_env() -> Self {
        let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8443);
        ServerConfig {
            addr: SocketAddr::from(([0, 0, 0, 0], port)),
            request_timeout: Duration::from_secs(
                std::env::var("REQUEST_TIMEOUT_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(15),
            ),
            max_body_bytes: 2 * 1024 * 1024,
        }
    }
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
}

async fn health() -> Json<Health> {
    Json(Health { status: "ok", version: env!("CARGO_PKG_VERSION") })
}

async fn ingest(Json(batch): Json<Vec<serde_json::Value>>) -> Json<usize> {
    Json(batch.len())
}

pub fn router(cfg: &ServerConfig) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods(Any)
        .allow_headers(Any);
    Router::new()
        .route("/healthz", get(health))
        .route("/v1/ingest", post(ingest))
        .layer(cors)
        .layer(TimeoutLayer::new(cfg.request_timeout))
        .layer(axum::extract::DefaultBodyLimit::max(cfg.max_body_bytes))
}

async fn tls_config() -> anyhow::Result<RustlsConfig> {
    let cert = std::env::var("TLS_CERT_PATH").unwrap_or_else(|_| "/etc/ingest/tls.crt".into());
    let key = std::env::var("TLS_KEY_PATH").unwrap_or_else(|_| "/etc/ingest/tls.key".into());
    Ok(RustlsConfig::from_pem_file(cert, key).await?)
}

pub async fn serve(cfg: ServerConfig) -> anyhow::Result<()> {
    let app = router(&cfg);
    let tls = tls_config().await?;
    let handle = axum_server::Handle::new();
    let shutdown = handle.clone();
    tokio::spawn(async move {
        tokio::signal::ctrl_c().await.ok();
        shutdown.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    tracing::info!(addr = %cfg.addr, "listening");
    axum_server::bind_rustls(cfg.addr, tls)
        .handle(handle)
        .serve(app.into_make_service())
        .await?;
    Ok(())
}

pub type Shared = Arc<ServerConfig>;

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn health_reports_ok() {
        let Json(h) = health().await;
        assert_eq!(h.status, "ok");
    }

    #[test]
    fn test_config_uses_a_short_timeout() {
        let cfg = ServerConfig {
            addr: "127.0.0.1:0".parse().unwrap(),
            request_timeout: Duration::from_millis(50),
            max_body_bytes: 1024,
        };
        let _ = router(&cfg);
    }
}
