//! Nightly maintenance: purge expired rows, archive exports, evolve the schema.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::PgPool;
use tracing::{info, warn};

const RETENTION_DAYS: i64 = 30;
const PURGE_BATCH: i64 = 5_000;
const STATEMENT_TIMEOUT: Duration = Duration::from_secs(120);

pub struct Maintenance {
    pool: PgPool,
    export_root: PathBuf,
    /// Last run per table, kept in memory only for the status page.
    last_run: HashMap<String, chrono::DateTime<chrono::Utc>>,
}

impl Maintenance {
    pub fn new(pool: PgPool, export_root: PathBuf) -> Self {
        Maintenance { pool, export_root, last_run: HashMap::new() }
    }

    pub async fn purge_expired_sessions(&mut self) -> sqlx::Result<u64> {
        let mut total = 0;
        loop {
            let done = sqlx::query(
                "DELETE FROM sessions WHERE id IN (
                    SELECT id FROM sessions
                    WHERE expires_at < now() - make_interval(days => $1)
                    LIMIT $2)",
            )
            .bind(RETENTION_DAYS as i32)
            .bind(PURGE_BATCH)
            .execute(&self.pool)
            .await?
            .rows_affected();
            total += done;
            if done < PURGE_BATCH as u64 {
                break;
            }
        }
        self.last_run.insert("sessions".into(), chrono::Utc::now());
        Ok(total)
    }

    pub async fn migrate_add_region(&self) -> sqlx::Result<()> {
        sqlx::query("ALTER TABLE accounts ADD COLUMN IF NOT EXISTS region TEXT NOT NULL DEFAULT 'eu'")
            .execute(&self.pool)
            .await?;
        sqlx::query("CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_region ON accounts (region)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_timeout(&self) -> sqlx::Result<()> {
        let ms = STATEMENT_TIMEOUT.as_millis();
        sqlx::query(&format!("SET statement_timeout = {ms}")).execute(&self.pool).await?;
        Ok(())
    }

    pub fn remove_export(&self, tenant: &str) -> std::io::Result<()> {
        let dir = self.export_root.join(tenant);
        if dir.starts_with(&self.export_root) && dir != self.export_root {
            warn!(tenant, "removing exported data");
            std::fs::remove_dir_all(&dir)?;
        }
        Ok(())
    }

    /// Forgets the in-memory status of a table; nothing is deleted from the database.
    pub fn forget(&mut self, table: &str) {
        self.last_run.remove(table);
    }

    pub fn status_line(&self) -> String {
        let mut tables: Vec<_> = self.last_run.iter().collect();
        tables.sort_by_key(|(t, _)| t.as_str());
        tables
            .into_iter()
            .map(|(t, at)| format!("{t}: {}", at.format("%Y-%m-%d %H:%M")))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn export_path(root: &Path, tenant: &str, day: &str) -> PathBuf {
    root.join(tenant).join(format!("{day}.csv.gz"))
}

pub fn log_plan(root: &Path) {
    info!(path = %export_path(root, "example", "2024-01-01").display(), "export layout");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_paths_are_per_tenant() {
        let p = export_path(Path::new("/srv/exports"), "acme", "2024-02-03");
        assert_eq!(p, PathBuf::from("/srv/exports/acme/2024-02-03.csv.gz"));
    }

    #[test]
    fn removing_a_temp_dir_in_a_test_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::remove_dir_all(dir.path().join("a")).unwrap();
    }
}
