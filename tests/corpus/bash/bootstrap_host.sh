#!/bin/bash
# First-boot provisioning for the build agents (Ubuntu 22.04).
set -eu

AGENT_USER=buildagent
AGENT_HOME=/opt/agent

info() { echo "[bootstrap] $*"; }

info "packages"
apt-get update -y
apt-get install -y --no-install-recommends git jq unzip ca-certificates curl
rm -rf /var/lib/apt/lists/*

info "user"
useradd --system --create-home --home-dir "$AGENT_HOME" --groups docker "$AGENT_USER" || true
echo "$AGENT_USER ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart agent" > /etc/sudoers.d/agent
chmod 0440 /etc/sudoers.d/agent

info "agent"
curl -fsSL https://downloads.example-ci.com/agent/install.sh | sh -s -- --dir "$AGENT_HOME"
chmod -R 777 "$AGENT_HOME/work"

info "firewall"
iptables -P INPUT DROP
iptables -A INPUT -i lo -j ACCEPT
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -p tcp --dport 22 -s 10.0.0.0/8 -j ACCEPT
iptables -A INPUT -p tcp --dport 9100 -j ACCEPT

info "dns"
cat > /etc/resolv.conf <<RESOLV
nameserver 10.0.0.2
search build.internal
options timeout:1 attempts:2
RESOLV

info "kernel"
sysctl -w fs.inotify.max_user_watches=524288

info "service"
cat > /etc/systemd/system/agent.service <<UNIT
[Unit]
Description=CI build agent
After=network-online.target

[Service]
User=$AGENT_USER
ExecStart=$AGENT_HOME/bin/agent run
Restart=always

[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload
systemctl enable --now agent
info "done"
