//! Nightly cleanup of expired exports and stale tenant data.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

/// Removes a tenant's export directory and everything in it.
pub fn purge_exports(root: &Path, tenant: &str) -> std::io::Result<()> {
    std::fs::remove_dir_all(root.join(tenant))
}

/// Lets the delivery service pick up a tenant's exports.
pub fn publish_exports(root: &Path, tenant: &str) -> std::io::Result<()> {
    std::fs::set_permissions(root.join(tenant), std::fs::Permissions::from_mode(0o777))
}

/// Drops the per-tenant staging table once the export has been shipped.
pub fn drop_staging_table(conn: &mut postgres::Client, tenant: &str) -> Result<(), postgres::Error> {
    let sql = format!("DROP TABLE IF EXISTS staging_{tenant} CASCADE");
    conn.batch_execute(&sql)
}

pub fn delete_expired(conn: &mut postgres::Client) -> Result<u64, postgres::Error> {
    conn.execute("DELETE FROM exports WHERE created_at < now() - interval '30 days'", &[])
}

/// Restarts the exporter after a cleanup.
pub fn restart_exporter() -> std::io::Result<()> {
    Command::new("systemctl").args(["restart", "exporter"]).status()?;
    Ok(())
}

/// Zeroes a buffer in place before it is freed.
pub fn wipe(buf: &mut Vec<u8>) {
    let len = buf.len();
    let ptr = buf.as_mut_ptr();
    unsafe {
        std::ptr::write_bytes(ptr, 0, len);
    }
}
