#!/usr/bin/env bash
# Installs kubectl (with Kustomize v5) for KubernetesManifestTests, which render deploy/k8s with `kubectl kustomize`.
# Debian's own package (kubernetes-client, 1.20 in bookworm) embeds a Kustomize too old for these manifests, so this
# takes kubectl from the Kubernetes project's apt repository (pkgs.k8s.io, minor version ZS_KUBECTL_MINOR). Does
# nothing when a kubectl with Kustomize v5 or newer is already installed. The tests themselves need no network.
set -euo pipefail
minor=${ZS_KUBECTL_MINOR:-v1.32}
sudo_=""
[ "$(id -u)" -eq 0 ] || sudo_="sudo"

if command -v kubectl >/dev/null 2>&1 \
  && kubectl version --client 2>/dev/null | grep -Eq '^Kustomize Version: v([5-9]|[1-9][0-9])\.'; then
  exit 0
fi

echo "[kubectl] installing kubectl $minor from pkgs.k8s.io"
export DEBIAN_FRONTEND=noninteractive
$sudo_ apt-get update -qq
$sudo_ apt-get install -y -qq --no-install-recommends ca-certificates curl gpg >/dev/null
$sudo_ install -d -m 0755 /etc/apt/keyrings
curl -fsSL "https://pkgs.k8s.io/core:/stable:/$minor/deb/Release.key" \
  | $sudo_ gpg --batch --yes --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
echo "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/$minor/deb/ /" \
  | $sudo_ tee /etc/apt/sources.list.d/kubernetes.list >/dev/null
$sudo_ apt-get update -qq
$sudo_ apt-get install -y -qq --no-install-recommends kubectl >/dev/null
kubectl version --client
