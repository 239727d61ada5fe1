# Builds the quotes service into a static binary and ships it on distroless.

ARG GO_VERSION=1.22

FROM golang:${GO_VERSION}-alpine AS build
RUN apk add --no-cache git ca-certificates tzdata
WORKDIR /src

COPY go.mod go.sum ./
RUN go mod download

COPY cmd ./cmd
COPY internal ./internal

ARG VERSION=0.0.0-dev
ARG COMMIT=unknown
ENV CGO_ENABLED=0 GOOS=linux GOARCH=amd64
RUN go build -trimpath \
    -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" \
    -o /out/quotes ./cmd/quotes

RUN go test ./internal/... -run 'Unit' -count=1

FROM gcr.io/distroless/static-debian12:nonroot

COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/quotes /quotes

ENV LISTEN_ADDR=:8443

EXPOSE 8443

USER nonroot:nonroot

ENTRYPOINT ["/quotes"]
CMD ["--config", "/etc/quotes/config.yaml"]
