//! SSH signatures on sign-offs, made and checked the way git does (`ssh-keygen -Y`), with the
//! namespace `redline`. The only module that runs ssh-keygen.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::review::Signoff;

pub const NAMESPACE: &str = "redline";

#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    #[error("could not run ssh-keygen: {0} (install OpenSSH's ssh-keygen)")]
    Spawn(std::io::Error),
    #[error("ssh-keygen could not sign with {key}: {message}")]
    Sign { key: String, message: String },
    #[error("sign-off by {reviewer} has no signature, and the review policy requires one")]
    Missing { reviewer: String },
    #[error(
        "sign-off by {reviewer} has a signature that does not verify against {signers}: {message}"
    )]
    Invalid {
        reviewer: String,
        signers: String,
        message: String,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The exact bytes a sign-off's signature covers: everything but the signature itself.
pub fn payload(s: &Signoff) -> String {
    format!(
        "redline sign-off v1\nkey {}\nreviewer {}\nat {}\n",
        s.key, s.reviewer, s.at
    )
}

/// `~/x` as a path under the home directory, as git reads `user.signingkey`.
pub fn expand_home(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

/// Signs `signoff` with the private key at `key` (or the public key of an agent-held key, as
/// `ssh-keygen -Y sign` accepts) and returns the armoured signature.
pub fn sign(signoff: &Signoff, key: &Path) -> Result<String, SignatureError> {
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", NAMESPACE, "-f"])
        .arg(key)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(SignatureError::Spawn)?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(payload(signoff).as_bytes())?;
    }
    let out = child.wait_with_output()?;
    if !out.status.success() {
        return Err(SignatureError::Sign {
            key: key.display().to_string(),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Checks that `signoff` carries a signature by its reviewer's key as listed in
/// `allowed_signers` (git's format: `email namespaces="redline" ssh-ed25519 AAAA...`).
pub fn verify(signoff: &Signoff, allowed_signers: &Path) -> Result<(), SignatureError> {
    let Some(signature) = &signoff.signature else {
        return Err(SignatureError::Missing {
            reviewer: signoff.reviewer.clone(),
        });
    };
    let invalid = |message: String| SignatureError::Invalid {
        reviewer: signoff.reviewer.clone(),
        signers: allowed_signers.display().to_string(),
        message,
    };
    if !allowed_signers.is_file() {
        return Err(invalid("the allowed-signers file does not exist".into()));
    }
    let mut sig_file = tempfile::NamedTempFile::new()?;
    sig_file.write_all(signature.as_bytes())?;
    sig_file.flush()?;
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "verify", "-n", NAMESPACE, "-f"])
        .arg(allowed_signers)
        .arg("-I")
        .arg(&signoff.reviewer)
        .arg("-s")
        .arg(sig_file.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(SignatureError::Spawn)?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(payload(signoff).as_bytes())?;
    }
    let out = child.wait_with_output()?;
    if out.status.success() {
        Ok(())
    } else {
        let mut message = String::from_utf8_lossy(&out.stderr).trim().to_string();
        if message.is_empty() {
            message = String::from_utf8_lossy(&out.stdout).trim().to_string();
        }
        Err(invalid(message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keygen(dir: &Path, name: &str) -> std::path::PathBuf {
        let key = dir.join(name);
        let ok = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
            .arg(&key)
            .status()
            .expect("ssh-keygen runs")
            .success();
        assert!(ok);
        key
    }

    #[test]
    fn a_signature_verifies_only_for_its_reviewer_and_text() {
        let dir = tempfile::tempdir().unwrap();
        let alice = keygen(dir.path(), "alice");
        let mallory = keygen(dir.path(), "mallory");
        let pubkey = std::fs::read_to_string(alice.with_extension("pub")).unwrap();
        let signers = dir.path().join("allowed_signers");
        std::fs::write(
            &signers,
            format!("alice@example.com namespaces=\"redline\" {pubkey}"),
        )
        .unwrap();
        let mut s = Signoff {
            reviewer: "alice@example.com".into(),
            at: 1_700_000_000,
            key: "abc".into(),
            signature: None,
        };
        assert!(matches!(
            verify(&s, &signers),
            Err(SignatureError::Missing { .. })
        ));
        s.signature = Some(sign(&s, &alice).unwrap());
        verify(&s, &signers).unwrap();

        let mut other_text = s.clone();
        other_text.key = "abd".into();
        assert!(verify(&other_text, &signers).is_err());

        let mut forged = s.clone();
        forged.signature = Some(sign(&forged, &mallory).unwrap());
        assert!(verify(&forged, &signers).is_err());
    }
}
