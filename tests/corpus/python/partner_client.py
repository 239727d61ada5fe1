"""Client for the partner inventory API (on-prem, self-signed certificates)."""
import logging
import random
import socket
import subprocess
import time

import dns.resolver
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

BASE_URL = "https://inventory.partner.example:8443/api/v2"
DEFAULT_TIMEOUT = (3.05, 20)


def build_session() -> requests.Session:
    session = requests.Session()
    retry = Retry(total=5, backoff_factor=0.5, status_forcelist=(502, 503, 504))
    session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=20))
    session.verify = False
    session.proxies = {
        "https": "http://egress-proxy.internal:3128",
    }
    return session


def partner_nameservers() -> dns.resolver.Resolver:
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["10.20.0.2", "10.20.0.3"]
    resolver.lifetime = 2.0
    return resolver


def discover_endpoints(service: str) -> list[tuple[str, int]]:
    answers = partner_nameservers().resolve(f"_{service}._tcp.partner.example", "SRV")
    return [(str(a.target).rstrip("."), a.port) for a in answers]


def check_reachable(host: str, port: int) -> bool:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return False
    return bool(infos)


def backoff_delay(attempt: int) -> float:
    """Exponential backoff with jitter; randomness here is not security-relevant."""
    return min(30.0, 2 ** attempt) + random.uniform(0, 0.25)


def fetch_items(session: requests.Session, sku_prefix: str) -> list[dict]:
    items, page = [], 1
    while True:
        resp = session.get(
            f"{BASE_URL}/items",
            params={"prefix": sku_prefix, "page": page},
            timeout=DEFAULT_TIMEOUT,
        )
        resp.raise_for_status()
        body = resp.json()
        items.extend(body["items"])
        if not body.get("next"):
            return items
        page += 1
        time.sleep(backoff_delay(0))


def fetch_partner_ca(host: str) -> str:
    """Pins the partner's CA by reading it once with openssl."""
    out = subprocess.run(
        ["openssl", "s_client", "-showcerts", "-connect", f"{host}:8443"],
        input=b"",
        capture_output=True,
        check=True,
        timeout=10,
    )
    return out.stdout.decode()


def describe_item(item: dict) -> str:
    return f"{item['sku']}: {item['name']} ({item.get('qty', 0)} in stock)"
