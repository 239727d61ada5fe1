//! Bearer-token authentication for the public API.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: usize,
    #[serde(default)]
    pub roles: Vec<String>,
}

pub struct AuthState {
    pub decoding_key: DecodingKey,
    pub issuer: String,
}

impl AuthState {
    pub fn from_env() -> anyhow::Result<Self> {
        let pem = std::env::var("JWT_PUBLIC_KEY")?;
        let issuer = std::env::var("JWT_ISSUER").unwrap_or_else(|_| "https://id.example.com".into());
        Ok(AuthState {
            decoding_key: DecodingKey::from_rsa_pem(pem.as_bytes())?,
            issuer,
        })
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

pub fn verify_token(state: &AuthState, token: &str) -> Result<Claims, StatusCode> {
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_issuer(&[state.issuer.as_str()]);
    validation.leeway = 30;
    decode::<Claims>(token, &state.decoding_key, &validation)
        .map(|data| data.claims)
        .map_err(|_| StatusCode::UNAUTHORIZED)
}

pub async fn require_auth(
    State(state): State<Arc<AuthState>>,
    mut req: Request,
    next: Next,
) -> Response {
    let Some(token) = bearer(req.headers()) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match verify_token(&state, token) {
        Ok(claims) => {
            req.extensions_mut().insert(claims);
            next.run(req).await
        }
        Err(code) => code.into_response(),
    }
}

pub fn require_role(claims: &Claims, role: &str) -> Result<(), StatusCode> {
    if claims.roles.iter().any(|r| r == role || r == "admin") {
        Ok(())
    } else {
        Err(StatusCode::FORBIDDEN)
    }
}

/// Formats the subject for audit logs without leaking the full id.
pub fn redacted_subject(claims: &Claims) -> String {
    let visible: String = claims.sub.chars().take(4).collect();
    format!("{visible}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_prefix_is_stripped() {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, "Bearer abc.def.ghi".parse().unwrap());
        assert_eq!(bearer(&h), Some("abc.def.ghi"));
    }

    #[test]
    fn admin_passes_every_role_check() {
        let claims = Claims { sub: "u-1".into(), exp: 0, roles: vec!["admin".into()] };
        assert!(require_role(&claims, "billing").is_ok());
    }

    #[test]
    fn subject_is_redacted() {
        let claims = Claims { sub: "user-123456".into(), exp: 0, roles: vec![] };
        assert_eq!(redacted_subject(&claims), "user…");
    }
}
