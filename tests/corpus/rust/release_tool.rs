//! `release` — rolls a service out to a cluster and waits for it to become healthy.

use std::collections::BTreeMap;
use std::net::ToSocketAddrs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

#[derive(Debug, Clone)]
pub struct Release {
    pub service: String,
    pub image: String,
    pub namespace: String,
    pub values: BTreeMap<String, String>,
}

/// A stable key for the local build cache: the same inputs produce the same key.
pub fn cache_key(release: &Release) -> String {
    let mut h = Sha256::new();
    h.update(release.service.as_bytes());
    h.update(release.image.as_bytes());
    for (k, v) in &release.values {
        h.update(k.as_bytes());
        h.update(v.as_bytes());
    }
    format!("{:x}", h.finalize())
}

pub fn helm_upgrade(release: &Release) -> anyhow::Result<()> {
    let mut cmd = Command::new("helm");
    cmd.args(["upgrade", "--install", &release.service, "./charts/service"])
        .args(["--namespace", &release.namespace])
        .arg("--set")
        .arg(format!("image={}", release.image))
        .arg("--atomic");
    for (k, v) in &release.values {
        cmd.arg("--set").arg(format!("{k}={v}"));
    }
    let status = cmd.stdout(Stdio::inherit()).status()?;
    anyhow::ensure!(status.success(), "helm exited with {status}");
    Ok(())
}

fn registry_token() -> anyhow::Result<String> {
    Ok(std::env::var("REGISTRY_TOKEN")?)
}

pub fn login_registry(registry: &str) -> anyhow::Result<()> {
    let token = registry_token()?;
    let mut child = Command::new("docker")
        .args(["login", registry, "--username", "ci", "--password-stdin"])
        .stdin(Stdio::piped())
        .spawn()?;
    use std::io::Write;
    child.stdin.take().unwrap().write_all(token.as_bytes())?;
    anyhow::ensure!(child.wait()?.success(), "docker login failed");
    Ok(())
}

fn resolve(host: &str, port: u16) -> Option<std::net::SocketAddr> {
    (host, port).to_socket_addrs().ok()?.next()
}

pub fn wait_until_healthy(host: &str, port: u16) -> bool {
    let deadline = Instant::now() + Duration::from_secs(300);
    while Instant::now() < deadline {
        if let Some(addr) = resolve(host, port) {
            if std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok() {
                return true;
            }
        }
        std::thread::sleep(Duration::from_secs(5));
    }
    false
}

pub fn summary(release: &Release) -> String {
    format!(
        "{} -> {} ({}), {} overrides",
        release.service,
        release.image,
        release.namespace,
        release.values.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Release {
        Release {
            service: "billing".into(),
            image: "registry.local/billing:1.4.2".into(),
            namespace: "prod".into(),
            values: BTreeMap::from([("replicas".into(), "3".into())]),
        }
    }

    #[test]
    fn cache_key_is_stable() {
        assert_eq!(cache_key(&sample()), cache_key(&sample()));
    }

    #[test]
    fn summary_mentions_overrides() {
        assert!(summary(&sample()).ends_with("1 overrides"));
    }
}
