package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is everything the billing service reads at start-up.
type Config struct {
	Env            string
	HTTPPort       int
	DatabaseURL    string
	StripeKey      string
	RequestTimeout time.Duration
	MaxRetries     int
	Features       map[string]bool
}

var defaults = Config{
	Env:            "production",
	HTTPPort:       8080,
	RequestTimeout: 10 * time.Second,
	MaxRetries:     3,
}

func Load() (*Config, error) {
	c := defaults
	c.Env = getenv("APP_ENV", c.Env)
	if p := os.Getenv("HTTP_PORT"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, fmt.Errorf("HTTP_PORT: %w", err)
		}
		c.HTTPPort = n
	}
	if t := os.Getenv("REQUEST_TIMEOUT"); t != "" {
		d, err := time.ParseDuration(t)
		if err != nil {
			return nil, fmt.Errorf("REQUEST_TIMEOUT: %w", err)
		}
		c.RequestTimeout = d
	}
	c.Features = parseFeatures(os.Getenv("FEATURES"))
	c.DatabaseURL = os.Getenv("DATABASE_URL")
	c.StripeKey = os.Getenv("STRIPE_SECRET_KEY")
	if c.DatabaseURL == "" {
		return nil, fmt.Errorf("DATABASE_URL is required")
	}
	return &c, nil
}

const localDSN = "postgres://billing:billing_local_pw@localhost:5432/billing?sslmode=disable"

// LocalDefaults is used by `make run` on a laptop.
func LocalDefaults() *Config {
	c := defaults
	c.Env = "local"
	c.DatabaseURL = localDSN
	return &c
}

// parseFeatures turns "invoices_v2,fast_export=false" into flags.
func parseFeatures(s string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, val, found := strings.Cut(part, "=")
		out[name] = !found || val == "true"
	}
	return out
}

func getenv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// String prints the config with secrets masked, for the start-up log.
func (c *Config) String() string {
	return fmt.Sprintf("env=%s port=%d timeout=%s retries=%d features=%v db=%s",
		c.Env, c.HTTPPort, c.RequestTimeout, c.MaxRetries, c.Features, mask(c.DatabaseURL))
}

func mask(s string) string {
	if len(s) < 8 {
		return "****"
	}
	return s[:4] + "****"
}
