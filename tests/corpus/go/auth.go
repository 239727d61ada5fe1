package api

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type ctxKey int

const userKey ctxKey = iota

// Principal is the authenticated caller attached to a request context.
type Principal struct {
	Subject string
	Roles   []string
	Expires time.Time
}

func (p Principal) HasRole(role string) bool {
	for _, r := range p.Roles {
		if r == role {
			return true
		}
	}
	return false
}

type Authenticator struct {
	HMACKey     []byte
	ServiceKeys map[string]string
}

func (a *Authenticator) parseToken(raw string) (*Principal, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected signing method")
		}
		return a.HMACKey, nil
	}, jwt.WithExpirationRequired(), jwt.WithLeeway(time.Minute))
	if err != nil {
		return nil, err
	}
	sub, _ := claims.GetSubject()
	exp, _ := claims.GetExpirationTime()
	p := &Principal{Subject: sub, Expires: exp.Time}
	if roles, ok := claims["roles"].([]any); ok {
		for _, r := range roles {
			if s, ok := r.(string); ok {
				p.Roles = append(p.Roles, s)
			}
		}
	}
	return p, nil
}

func (a *Authenticator) checkServiceKey(service, key string) bool {
	want, ok := a.ServiceKeys[service]
	return ok && subtle.ConstantTimeCompare([]byte(want), []byte(key)) == 1
}

func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if svc := r.Header.Get("X-Service-Name"); svc != "" {
			if !a.checkServiceKey(svc, r.Header.Get("X-Service-Key")) {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			ctx := context.WithValue(r.Context(), userKey, &Principal{Subject: "svc:" + svc, Roles: []string{"service"}})
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		p, err := a.parseToken(raw)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, p)))
	})
}

func RequireRole(role string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, _ := r.Context().Value(userKey).(*Principal)
		if p == nil || !(p.HasRole(role) || p.HasRole("admin")) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next(w, r)
	}
}

// FromContext returns the caller, for handlers that only display it.
func FromContext(ctx context.Context) *Principal {
	p, _ := ctx.Value(userKey).(*Principal)
	return p
}

// tokenize splits a search string into terms; unrelated to auth tokens.
func tokenize(q string) []string {
	return strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return r == ' ' || r == ',' || r == ';'
	})
}
