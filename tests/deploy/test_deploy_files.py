"""The deployment files, checked offline: Kubernetes manifests against
Kubernetes' schemas (kubernetes-validate), and what the manifests, the compose
file, the HAProxy configuration and the Dockerfile say about the service
against the service itself. Running them is scripts/image-test.sh's and
scripts/cluster-test.sh's job (podman, minutes); these catch a broken file
in a second."""

from __future__ import annotations

import re
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from app import create_app
from converters import converter_from_config

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
KUBERNETES = DEPLOY / "kubernetes"
# The oldest and the newest Kubernetes whose schemas kubernetes-validate ships.
KUBERNETES_VERSIONS = ("1.25.0", kubernetes_validate.latest_version())


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def manifests() -> dict[str, dict]:
    """Every resource the kustomization applies, by kind."""
    listed = load_yaml(KUBERNETES / "kustomization.yaml")["resources"]
    resources = [load_yaml(KUBERNETES / name) for name in listed]
    return {resource["kind"]: resource for resource in resources}


@pytest.fixture(scope="module")
def routes() -> set[str]:
    app = create_app({"TESTING": True, "PDF_BACKEND": "none"})
    return {rule.rule for rule in app.url_map.iter_rules()}


@pytest.fixture(scope="module")
def pdf_worst_seconds() -> float:
    """How long the service may hold one PDF request with its default settings:
    the queue wait, then a conversion and its one retry (docs/converters.md)."""
    # A remote converter reads the same settings and starts no LibreOffice.
    converter = converter_from_config({"PDF_BACKEND": "remote", "PDF_REMOTE_SERVERS": "127.0.0.1:9"})
    try:
        status = converter.status()
    finally:
        converter.close()
    return status["queue_wait"] + 2 * status["timeout"]


def test_kustomization_applies_every_manifest():
    listed = set(load_yaml(KUBERNETES / "kustomization.yaml")["resources"])
    present = {path.name for path in KUBERNETES.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == present
    assert set(manifests()) == {"Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"}


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("kind", ["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"])
def test_manifest_is_valid_kubernetes(kind, version):
    kubernetes_validate.validate(manifests()[kind], version, strict=True)  # raises on any unknown or wrong field


def test_validation_catches_a_wrong_field():
    """The check above can fail: a misspelt probe field is refused."""
    deployment = manifests()["Deployment"]
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    container["readinessProbe"]["periodSecond"] = 2
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSIONS[-1], strict=True)


def test_deployment_probes_and_ports_reach_the_service(routes):
    resources = manifests()
    pod = resources["Deployment"]["spec"]["template"]["spec"]
    container = pod["containers"][0]
    env = {item["name"]: item["value"] for item in container["env"]}
    port = {item["name"]: item["containerPort"] for item in container["ports"]}["http"]
    assert int(env["PORT"]) == port
    probes = {name: container[name]["httpGet"] for name in ("startupProbe", "livenessProbe", "readinessProbe")}
    assert {probe["port"] for probe in probes.values()} == {"http"}
    assert probes["livenessProbe"]["path"] == "/healthz" and probes["readinessProbe"]["path"] == "/readyz"
    assert {probe["path"] for probe in probes.values()} <= routes
    assert resources["Service"]["spec"]["ports"][0]["targetPort"] == "http"


def test_selectors_match_the_pods():
    resources = manifests()
    deployment = resources["Deployment"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert resources["Service"]["spec"]["selector"].items() <= labels.items()
    assert resources["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    target = resources["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])


def test_losing_one_pod_keeps_the_service():
    resources = manifests()
    minimum = resources["HorizontalPodAutoscaler"]["spec"]["minReplicas"]
    assert minimum >= 2 and resources["Deployment"]["spec"]["replicas"] >= minimum
    assert resources["PodDisruptionBudget"]["spec"]["minAvailable"] == minimum - 1
    assert resources["Deployment"]["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0


def test_pod_runs_as_the_image_user_read_only():
    pod = manifests()["Deployment"]["spec"]["template"]["spec"]
    container = pod["containers"][0]
    image_user = re.search(r"^USER (\d+)$", (ROOT / "Dockerfile").read_text(), re.MULTILINE).group(1)
    assert pod["securityContext"]["runAsUser"] == int(image_user)
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert {mount["mountPath"] for mount in container["volumeMounts"]} == {"/tmp"}


def test_grace_period_lets_the_slowest_pdf_finish(pdf_worst_seconds):
    pod = manifests()["Deployment"]["spec"]["template"]["spec"]
    pre_stop = pod["containers"][0]["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    assert pod["terminationGracePeriodSeconds"] >= int(pre_stop[1]) + pdf_worst_seconds


def test_resources_hold_the_libreoffice_pool():
    """The pool is pinned (a container sees the node's CPUs) and fits the memory limit."""
    container = manifests()["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    env = {item["name"]: item["value"] for item in container["env"]}
    libreoffice_mib = 210  # peak of one instance before recycling (README "Performance")
    limit_mib = int(container["resources"]["limits"]["memory"].removesuffix("Gi")) * 1024
    assert int(env["PLANS_PDF_POOL_SIZE"]) * libreoffice_mib + 250 <= limit_mib
    assert int(env["PLANS_RENDER_WORKERS"]) >= 1


def haproxy_config() -> list[list[str]]:
    lines = (DEPLOY / "haproxy" / "haproxy.cfg").read_text().splitlines()
    return [line.split("#")[0].split() for line in lines if line.split("#")[0].strip()]


def backend_directives() -> list[list[str]]:
    directives, inside = [], False
    for words in haproxy_config():
        if words[0] in ("global", "defaults", "frontend", "backend", "resolvers", "listen"):
            inside = words == ["backend", "plans"]
        elif inside:
            directives.append(words)
    return directives


def test_balancer_checks_readiness_and_retries_elsewhere(routes):
    directives = backend_directives()
    assert ["option", "httpchk", "GET", "/readyz"] in directives and "/readyz" in routes
    retry_on = next(words[1:] for words in directives if words[0] == "retry-on")
    assert {"conn-failure", "empty-response"} <= set(retry_on)
    assert "response-timeout" not in retry_on  # a slow request would slow a second replica too
    assert ["option", "redispatch", "1"] in directives  # every retry to another replica
    assert int(next(words[1] for words in directives if words[0] == "retries")) >= 1
    checks = [word for words in directives if words[0] == "default-server" for word in words]
    assert "check" in checks and "resolvers" in checks


def test_balancer_waits_longer_than_the_slowest_pdf(pdf_worst_seconds):
    timeouts = {words[1]: words[2] for words in haproxy_config() if words[0] == "timeout" and len(words) == 3}
    assert int(timeouts["server"].removesuffix("s")) > pdf_worst_seconds
    assert int(timeouts["client"].removesuffix("s")) >= int(timeouts["server"].removesuffix("s"))


def test_compose_wires_the_balancer_to_the_replicas():
    compose = load_yaml(DEPLOY / "compose.yaml")
    service, balancer = compose["services"]["plans"], compose["services"]["balancer"]
    template = next(words for words in backend_directives() if words[0] == "server-template")
    host, port = template[3].split(":")
    assert host == "plans" and int(service["environment"]["PORT"]) == int(port)
    assert service["deploy"]["replicas"] == "${REPLICAS:-2}"
    assert (DEPLOY / service["build"] / "Dockerfile").is_file()
    mounted = balancer["volumes"][0].split(":")
    assert (DEPLOY / mounted[0]).resolve() == DEPLOY / "haproxy" / "haproxy.cfg"
    assert mounted[1] == "/etc/haproxy/haproxy.cfg"
    assert (DEPLOY / balancer["build"] / "Containerfile").is_file()
    frontend_port = next(words[1] for words in haproxy_config() if words[0] == "bind").lstrip(":")
    assert any(mapping.endswith(f":{frontend_port}") and "${PORT" in mapping for mapping in balancer["ports"])


def test_compose_replicas_match_the_kubernetes_pods():
    """One sizing of a replica, wherever it runs."""
    compose_env = load_yaml(DEPLOY / "compose.yaml")["services"]["plans"]["environment"]
    container = manifests()["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    kubernetes_env = {item["name"]: item["value"] for item in container["env"]}
    assert compose_env == kubernetes_env
