# Edge nginx for the marketing site: static files plus a reverse proxy to the API.
FROM nginx:1.27-alpine

RUN apk add --no-cache curl

COPY nginx/nginx.conf /etc/nginx/nginx.conf
COPY nginx/conf.d/ /etc/nginx/conf.d/
COPY site/dist/ /usr/share/nginx/html/

COPY certs/site.crt /etc/nginx/tls/site.crt
COPY certs/site.key /etc/nginx/tls/site.key
RUN mkdir -p /var/cache/nginx/proxy && chmod -R 777 /var/cache/nginx

ENV API_UPSTREAM=http://api.internal:8080 \
    CLIENT_MAX_BODY_SIZE=10m \
    PROXY_READ_TIMEOUT=30s

EXPOSE 80
EXPOSE 443

HEALTHCHECK --interval=10s --timeout=2s \
  CMD curl -fsS http://127.0.0.1/healthz || exit 1

# nginx drops privileges for its workers itself.
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]

# Labels for the registry UI.
LABEL maintainer="web-platform@example.com" \
      org.opencontainers.image.title="marketing-edge" \
      org.opencontainers.image.vendor="Acme"
