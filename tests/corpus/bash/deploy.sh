#!/usr/bin/env bash
# Deploys the API to the given environment: build, push, migrate, roll out.
set -euo pipefail

ENVIRONMENT="${1:-staging}"
REGION="${AWS_REGION:-eu-west-1}"
TIMEOUT="${ROLLOUT_TIMEOUT:-300s}"
REGISTRY="123456789012.dkr.ecr.${REGION}.amazonaws.com"
IMAGE="${REGISTRY}/api:$(git rev-parse --short HEAD)"

log() {
  printf '\033[1;34m==>\033[0m %s\n' "$*"
}

die() {
  printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

case "$ENVIRONMENT" in
  staging|production) ;;
  *) die "unknown environment: $ENVIRONMENT" ;;
esac

log "building $IMAGE"
docker build --pull -t "$IMAGE" .

log "logging in to ECR"
aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$REGISTRY"

docker push "$IMAGE"

log "applying infrastructure"
terraform -chdir="infra/$ENVIRONMENT" apply -auto-approve \
  -var "image=$IMAGE" \
  -var "region=$REGION"

log "running migrations"
kubectl --context "$ENVIRONMENT" -n api run "migrate-$(date +%s)" --rm -i --restart=Never --image="$IMAGE" -- ./bin/migrate up

log "rolling out"
helm upgrade --install api ./charts/api \
  --kube-context "$ENVIRONMENT" \
  --namespace api \
  --set image.tag="${IMAGE##*:}" \
  --set replicaCount="$([ "$ENVIRONMENT" = production ] && echo 6 || echo 2)" \
  --wait --timeout "$TIMEOUT"

if ! kubectl --context "$ENVIRONMENT" -n api rollout status deploy/api --timeout="$TIMEOUT"; then
  helm rollback api --kube-context "$ENVIRONMENT" --namespace api
  die "rollout failed, rolled back"
fi

log "done: $IMAGE is live in $ENVIRONMENT"
