package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

type Store struct {
	db          *sql.DB
	snapshotDir string
}

func Open(dsn, snapshotDir string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(25)
	db.SetMaxIdleConns(5)
	db.SetConnMaxLifetime(30 * time.Minute)
	return &Store{db: db, snapshotDir: snapshotDir}, nil
}

type Order struct {
	ID        int64
	Customer  string
	CreatedAt time.Time
	TotalCts  int64
}

func (s *Store) RecentOrders(ctx context.Context, customer string, limit int) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, customer, created_at, total_cents FROM orders
		 WHERE customer = $1 ORDER BY created_at DESC LIMIT $2`, customer, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Customer, &o.CreatedAt, &o.TotalCts); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func (s *Store) DeleteCustomer(ctx context.Context, customer string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer = $1)`, customer); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM orders WHERE customer = $1`, customer); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) ResetReporting(ctx context.Context) error {
	stmts := []string{
		`DROP TABLE IF EXISTS reporting_daily`,
		`TRUNCATE TABLE reporting_events`,
	}
	for _, q := range stmts {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// PruneSnapshots removes on-disk snapshots older than keep.
func (s *Store) PruneSnapshots(keep time.Duration) error {
	entries, err := os.ReadDir(s.snapshotDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < keep {
			continue
		}
		if err := os.RemoveAll(filepath.Join(s.snapshotDir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func writeTemp(data []byte) (string, error) {
	f, err := os.CreateTemp("", "export-*.csv")
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

func FormatCents(c int64) string {
	return fmt.Sprintf("%d.%02d", c/100, c%100)
}
