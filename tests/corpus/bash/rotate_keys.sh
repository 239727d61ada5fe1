#!/usr/bin/env bash
# Rotates the CI user's access key and the service TLS certificate.
set -euo pipefail

CI_USER="${CI_USER:-ci-deployer}"
NAMESPACE="${NAMESPACE:-payments}"
CERT_DAYS=90
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

note() { echo "-- $*"; }

note "creating a new access key for $CI_USER"
new_key_json=$(aws iam create-access-key --user-name "$CI_USER")
new_id=$(jq -r .AccessKey.AccessKeyId <<<"$new_key_json")
new_secret=$(jq -r .AccessKey.SecretAccessKey <<<"$new_key_json")

note "storing it in Vault"
vault kv put secret/ci/aws access_key_id="$new_id" secret_access_key="$new_secret"

note "removing old keys"
for old in $(aws iam list-access-keys --user-name "$CI_USER" --query 'AccessKeyMetadata[].AccessKeyId' --output text); do
  if [[ "$old" != "$new_id" ]]; then
    aws iam delete-access-key --user-name "$CI_USER" --access-key-id "$old"
  fi
done

note "attaching the deploy policy"
aws iam attach-user-policy --user-name "$CI_USER" --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser

note "issuing a new certificate"
openssl req -x509 -nodes -newkey rsa:2048 -sha256 \
  -days "$CERT_DAYS" \
  -subj "/CN=payments.internal" \
  -keyout "$OUT/tls.key" -out "$OUT/tls.crt"

kubectl -n "$NAMESPACE" create secret tls payments-tls \
  --cert="$OUT/tls.crt" --key="$OUT/tls.key" \
  --dry-run=client -o yaml | kubectl apply -f -

note "fingerprint"
openssl x509 -in "$OUT/tls.crt" -noout -fingerprint -sha256 | cut -d= -f2

note "summary"
printf '%-14s %s\n' "user" "$CI_USER" "key" "${new_id:0:4}…" "namespace" "$NAMESPACE"
