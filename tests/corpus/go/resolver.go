package discovery

import (
	"context"
	"fmt"
	"net"
	"sort"
	"sync"
	"time"
)

const cacheTTL = 30 * time.Second

type entry struct {
	addrs   []string
	expires time.Time
}

// Resolver finds backend instances through DNS SRV records published by Consul.
type Resolver struct {
	mu    sync.Mutex
	cache map[string]entry
	dns   *net.Resolver
}

func New(consulAddr string) *Resolver {
	return &Resolver{
		cache: make(map[string]entry),
		dns: &net.Resolver{
			PreferGo: true,
			Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
				d := net.Dialer{Timeout: 500 * time.Millisecond}
				return d.DialContext(ctx, "udp", consulAddr)
			},
		},
	}
}

func (r *Resolver) Lookup(ctx context.Context, service string) ([]string, error) {
	r.mu.Lock()
	if e, ok := r.cache[service]; ok && time.Now().Before(e.expires) {
		r.mu.Unlock()
		return e.addrs, nil
	}
	r.mu.Unlock()

	_, srvs, err := r.dns.LookupSRV(ctx, "", "", service+".service.consul")
	if err != nil {
		return nil, fmt.Errorf("discover %s: %w", service, err)
	}
	addrs := make([]string, 0, len(srvs))
	for _, s := range srvs {
		addrs = append(addrs, net.JoinHostPort(s.Target, fmt.Sprint(s.Port)))
	}
	sort.Strings(addrs)

	r.mu.Lock()
	r.cache[service] = entry{addrs: addrs, expires: time.Now().Add(cacheTTL)}
	r.mu.Unlock()
	return addrs, nil
}

// Forget drops a cached answer, e.g. after a connection failure. Only memory is touched.
func (r *Resolver) Forget(service string) {
	r.mu.Lock()
	delete(r.cache, service)
	r.mu.Unlock()
}

func ResolveHost(ctx context.Context, host string) (string, error) {
	ips, err := net.DefaultResolver.LookupHost(ctx, host)
	if err != nil || len(ips) == 0 {
		return "", fmt.Errorf("resolve %s: %v", host, err)
	}
	return ips[0], nil
}

// HostPort formats an address for logs; it does no lookup.
func HostPort(host string, port int) string {
	return net.JoinHostPort(host, fmt.Sprint(port))
}

// Snapshot returns the cached services, for the debug page.
func (r *Resolver) Snapshot() map[string][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string][]string, len(r.cache))
	for k, v := range r.cache {
		out[k] = append([]string(nil), v.addrs...)
	}
	return out
}
