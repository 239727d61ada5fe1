package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const testTimeout = 2 * time.Second

var testKey = []byte("not-a-real-key-only-for-tests")

func newTestAuth() *Authenticator {
	return &Authenticator{
		HMACKey:     testKey,
		ServiceKeys: map[string]string{"billing": "test-service-key"},
	}
}

func TestServiceKeyIsAccepted(t *testing.T) {
	a := newTestAuth()
	h := a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	}))
	req := httptest.NewRequest(http.MethodGet, "/v1/things", nil)
	req.Header.Set("X-Service-Name", "billing")
	req.Header.Set("X-Service-Key", "test-service-key")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusTeapot {
		t.Fatalf("got %d", rec.Code)
	}
}

func TestMissingTokenIsRejected(t *testing.T) {
	a := newTestAuth()
	h := a.Middleware(http.NotFoundHandler())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("got %d", rec.Code)
	}
}

func TestTokenizeSplitsOnPunctuation(t *testing.T) {
	got := tokenize("Red, GREEN;blue")
	if strings.Join(got, "|") != "red|green|blue" {
		t.Fatalf("got %v", got)
	}
}

func TestServerRespondsInTime(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	client := &http.Client{Timeout: testTimeout}
	resp, err := client.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}
