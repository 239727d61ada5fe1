package com.example.orders.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class AccountCleanupJob {

    private static final Logger log = LoggerFactory.getLogger(AccountCleanupJob.class);
    private static final Path EXPORT_ROOT = Paths.get(System.getenv().getOrDefault("EXPORT_ROOT", "/srv/exports"));

    private final JdbcTemplate jdbc;
    private final Map<Long, Instant> lastSeen = new HashMap<>();

    public AccountCleanupJob(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public interface AccountRepository {
        @Modifying
        @Query("delete from Account a where a.closedAt < :cutoff")
        int deleteClosedBefore(Instant cutoff);
    }

    @Scheduled(cron = "0 30 3 * * *")
    @Transactional
    public void purgeClosedAccounts() {
        Instant cutoff = Instant.now().minus(90, ChronoUnit.DAYS);
        int orders = jdbc.update("DELETE FROM orders WHERE account_id IN (SELECT id FROM accounts WHERE closed_at < ?)", cutoff);
        int accounts = jdbc.update("DELETE FROM accounts WHERE closed_at < ?", cutoff);
        log.info("purged {} accounts and {} orders", accounts, orders);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void deleteExports(long accountId) throws IOException {
        Path dir = EXPORT_ROOT.resolve(Long.toString(accountId)).normalize();
        if (!dir.startsWith(EXPORT_ROOT)) {
            throw new IllegalArgumentException("bad account id");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Tracks activity for the admin dashboard only; nothing is persisted. */
    public void touch(long accountId) {
        lastSeen.put(accountId, Instant.now());
    }

    public void forget(long accountId) {
        lastSeen.remove(accountId);
    }

    public int trackedAccounts() {
        return lastSeen.size();
    }
}
