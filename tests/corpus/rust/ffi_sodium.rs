//! Thin bindings to libsodium for sealing webhook payloads.

use std::ffi::{c_char, c_int, c_uchar, c_ulonglong, CStr};
use std::ptr;

pub const KEY_BYTES: usize = 32;
pub const NONCE_BYTES: usize = 24;
pub const MAC_BYTES: usize = 16;

#[link(name = "sodium")]
unsafe extern "C" {
    fn sodium_init() -> c_int;
    fn randombytes_buf(buf: *mut c_uchar, size: usize);
    fn crypto_secretbox_easy(
        c: *mut c_uchar,
        m: *const c_uchar,
        mlen: c_ulonglong,
        n: *const c_uchar,
        k: *const c_uchar,
    ) -> c_int;
    fn sodium_version_string() -> *const c_char;
}

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("libsodium failed to initialise")]
    Init,
    #[error("encryption failed")]
    Encrypt,
}

pub fn init() -> Result<(), SealError> {
    // sodium_init returns 1 when already initialised, which is fine.
    if unsafe { sodium_init() } < 0 {
        return Err(SealError::Init);
    }
    Ok(())
}

pub fn random_nonce() -> [u8; NONCE_BYTES] {
    let mut nonce = [0u8; NONCE_BYTES];
    unsafe { randombytes_buf(nonce.as_mut_ptr(), nonce.len()) };
    nonce
}

pub fn seal(key: &[u8; KEY_BYTES], message: &[u8]) -> Result<Vec<u8>, SealError> {
    let nonce = random_nonce();
    let mut out = vec![0u8; NONCE_BYTES + MAC_BYTES + message.len()];
    out[..NONCE_BYTES].copy_from_slice(&nonce);
    let rc = unsafe {
        crypto_secretbox_easy(
            out.as_mut_ptr().add(NONCE_BYTES),
            message.as_ptr(),
            message.len() as c_ulonglong,
            nonce.as_ptr(),
            key.as_ptr(),
        )
    };
    if rc != 0 {
        return Err(SealError::Encrypt);
    }
    Ok(out)
}

pub fn version() -> String {
    let raw = unsafe { sodium_version_string() };
    if raw == ptr::null() {
        return String::from("unknown");
    }
    unsafe { CStr::from_ptr(raw) }.to_string_lossy().into_owned()
}

/// Hex rendering for debug output of *public* values such as nonces.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lowercase() {
        assert_eq!(to_hex(&[0xAB, 0x01]), "ab01");
    }

    #[test]
    fn sealed_output_has_room_for_nonce_and_mac() {
        init().unwrap();
        let key = [7u8; KEY_BYTES];
        let sealed = seal(&key, b"hello").unwrap();
        assert_eq!(sealed.len(), NONCE_BYTES + MAC_BYTES + 5);
    }
}
