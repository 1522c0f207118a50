#!/usr/bin/env python3
"""Checks docker-compose.yml: Debian's docker-compose validates it, and the lab's services,
images, proxies, host names and loopback-only published ports are there.

Usage: check_compose.py REPOSITORY_ROOT. Exits 77 (skipped) when docker-compose or
python3-yaml is missing.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

SKIPPED = 77

EXPECTED_IMAGES = {
    "toxiproxy": "ghcr.io/shopify/toxiproxy:2.12.0",
    "mysql": "mysql:8.0",
    "rabbitmq": "rabbitmq:3-management",
    "mongo": "mongo:6.0",
}
HEALTH_CHECKED = ["toxiproxy", "mysql", "rabbitmq", "mongo", "redis", "postgres"]
BUILT = ["order-api", "notifier", "demo-http"]
EXPECTED_PROXIES = {
    "mysql_proxy": ("0.0.0.0:6061", "mysql:3306"),
    "rabbitmq_proxy": ("0.0.0.0:6062", "rabbitmq:5672"),
    "mongo_proxy": ("0.0.0.0:6063", "mongo:27017"),
    "redis_proxy": ("0.0.0.0:6064", "redis:6379"),
    "postgres_proxy": ("0.0.0.0:6065", "postgres:5432"),
    "demo_api": ("0.0.0.0:18080", "demo-http:18081"),
}
EXPECTED_DEPENDENCIES = {
    "order-api": {"toxiproxy", "mysql", "rabbitmq"},
    "notifier": {"toxiproxy", "rabbitmq", "mongo"},
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def published_ports(service):
    """Returns (host_ip, published, target) for each port, long or short syntax."""
    result = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            result.append((port.get("host_ip", ""), str(port.get("published")),
                           str(port.get("target"))))
        else:
            parts = str(port).split("/")[0].split(":")
            host_ip = parts[0] if len(parts) == 3 else ""
            result.append((host_ip, parts[-2] if len(parts) > 1 else "", parts[-1]))
    return result


def check_services(services):
    for name, image in EXPECTED_IMAGES.items():
        check(services.get(name, {}).get("image") == image,
              f"service {name} should use image {image}")
    for name in ["redis", "postgres"]:
        check(name in services, f"service {name} is missing")
    for name in HEALTH_CHECKED:
        check("healthcheck" in services.get(name, {}), f"service {name} has no healthcheck")
    for name in BUILT:
        build = services.get(name, {}).get("build", {})
        dockerfile = build.get("dockerfile", "") if isinstance(build, dict) else ""
        check(dockerfile.endswith("docker/Dockerfile"),
              f"service {name} should be built from docker/Dockerfile, has {build!r}")
    for name, dependencies in EXPECTED_DEPENDENCIES.items():
        depends_on = services.get(name, {}).get("depends_on", {})
        check(isinstance(depends_on, dict), f"{name}: depends_on should list conditions")
        for dependency in dependencies:
            condition = depends_on.get(dependency, {}) if isinstance(depends_on, dict) else {}
            check(condition.get("condition") == "service_healthy",
                  f"{name} should wait for {dependency} to be healthy")


def check_ports(services):
    for name, service in services.items():
        for host_ip, published, _ in published_ports(service):
            check(host_ip == "127.0.0.1",
                  f"{name} publishes port {published} on {host_ip or 'every interface'}, "
                  "not 127.0.0.1")
    toxiproxy = {published for _, published, _ in published_ports(services["toxiproxy"])}
    for port in ["8474", "6061", "6062", "6063", "6064", "6065", "18080"]:
        check(port in toxiproxy, f"toxiproxy does not publish port {port}")
    check(("127.0.0.1", "8081", "8081") in published_ports(services["order-api"]),
          "order-api should publish 127.0.0.1:8081")
    check(("127.0.0.1", "8082", "8082") in published_ports(services["notifier"]),
          "notifier should publish 127.0.0.1:8082")
    check(("127.0.0.1", "18081", "18081") in published_ports(services["demo-http"]),
          "demo-http should publish 127.0.0.1:18081, where the labs check it")


def check_toxiproxy_config(root, services):
    toxiproxy = services["toxiproxy"]
    command = " ".join(toxiproxy.get("command", []))
    check("-config=" in command, f"toxiproxy is not started with -config: {command!r}")
    mounted = [v for v in toxiproxy.get("volumes", []) if "toxiproxy.json" in str(v)]
    check(mounted, "toxiproxy.json is not mounted into the toxiproxy service")
    proxies = {p["name"]: p for p in json.loads((root / "docker/toxiproxy.json").read_text())}
    for name, (listen, upstream) in EXPECTED_PROXIES.items():
        proxy = proxies.get(name)
        check(proxy is not None, f"docker/toxiproxy.json has no proxy {name}")
        if proxy:
            check(proxy["listen"] == listen, f"{name} listens on {proxy['listen']}, not {listen}")
            check(proxy["upstream"] == upstream,
                  f"{name} forwards to {proxy['upstream']}, not {upstream}")


def check_host_names(services):
    environment = services["order-api"].get("environment", {})
    check("toxiproxy:6061" in str(environment.get("CHAOSLAB_MYSQL_URL")),
          "order-api should reach MySQL through toxiproxy:6061")
    check("toxiproxy:6062" in str(environment.get("CHAOSLAB_AMQP_URL")),
          "order-api should reach RabbitMQ through toxiproxy:6062")
    environment = services["notifier"].get("environment", {})
    check("toxiproxy:6063" in str(environment.get("CHAOSLAB_MONGODB_URL")),
          "notifier should reach MongoDB through toxiproxy:6063")
    mysql = services["mysql"].get("environment", {})
    check(mysql.get("MYSQL_DATABASE") == "orders" and mysql.get("MYSQL_USER") == "chaoslab",
          "mysql should create database orders and user chaoslab")
    check("mysql_native_password" in " ".join(services["mysql"].get("command", [])),
          "mysql should default to mysql_native_password, which libmariadb logs in with")


def main():
    root = Path(sys.argv[1])
    compose = shutil.which("docker-compose")
    if not compose:
        print("docker-compose is not installed (apt-get install docker-compose); skipping")
        return SKIPPED
    try:
        import yaml
    except ImportError:
        print("python3-yaml is not installed (apt-get install python3-yaml); skipping")
        return SKIPPED

    file = str(root / "docker-compose.yml")
    validated = subprocess.run([compose, "-f", file, "config", "-q"],
                               capture_output=True, text=True)
    if validated.returncode != 0:
        print(f"docker-compose config -q rejected {file}:\n{validated.stderr}")
        return 1
    # The normalised output resolves anchors and merges, as docker-compose will run it.
    resolved = subprocess.run([compose, "-f", file, "config"], capture_output=True, text=True,
                              check=True)
    services = yaml.safe_load(resolved.stdout)["services"]

    check_services(services)
    check_ports(services)
    check_toxiproxy_config(root, services)
    check_host_names(services)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(failures)} problem(s) in {file}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
