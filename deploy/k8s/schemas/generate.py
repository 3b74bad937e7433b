#!/usr/bin/env python3
"""Regenerates the JSON Schemas (2020-12) the manifest test validates each rendered object against, one file per kind.

Usage: generate.py KUBERNETES_OPENAPI_V3_DIR CLUSTER_OPERATOR_DIR TOPOLOGY_OPERATOR_DIR CLOUDNATIVE_PG_DIR
(checkouts at the commits README.md names; the first is a directory of Kubernetes' api/openapi-spec/v3 files laid out
as api/v1.json, apis/apps/v1.json ...). Only the kinds listed below are written.

Each schema is closed where the upstream one is: an object that lists its properties gets additionalProperties false
unless upstream says otherwise (a map, x-kubernetes-preserve-unknown-fields, an embedded resource), so a misspelt field
fails as the API server's strict field validation would. A custom resource's metadata gets Kubernetes' ObjectMeta.
"""
import json
import pathlib
import sys

import yaml

BUILTINS = [
    ("v1", "Namespace", "api/v1.json", "io.k8s.api.core.v1.Namespace"),
    ("v1", "ConfigMap", "api/v1.json", "io.k8s.api.core.v1.ConfigMap"),
    ("v1", "Secret", "api/v1.json", "io.k8s.api.core.v1.Secret"),
    ("v1", "Service", "api/v1.json", "io.k8s.api.core.v1.Service"),
    ("apps/v1", "Deployment", "apis/apps/v1.json", "io.k8s.api.apps.v1.Deployment"),
    ("policy/v1", "PodDisruptionBudget", "apis/policy/v1.json", "io.k8s.api.policy.v1.PodDisruptionBudget"),
    ("autoscaling/v2", "HorizontalPodAutoscaler", "apis/autoscaling/v2.json", "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler"),
    ("networking.k8s.io/v1", "NetworkPolicy", "apis/networking.k8s.io/v1.json", "io.k8s.api.networking.v1.NetworkPolicy"),
    ("networking.k8s.io/v1", "Ingress", "apis/networking.k8s.io/v1.json", "io.k8s.api.networking.v1.Ingress"),
]

# (source argument index, CRD file under config/crd/bases)
CRDS = [
    (1, "rabbitmq.com_rabbitmqclusters.yaml"),
    (2, "rabbitmq.com_users.yaml"),
    (2, "rabbitmq.com_permissions.yaml"),
    (2, "rabbitmq.com_vhosts.yaml"),
    (2, "rabbitmq.com_policies.yaml"),
    (2, "rabbitmq.com_queues.yaml"),
    (2, "rabbitmq.com_exchanges.yaml"),
    (2, "rabbitmq.com_bindings.yaml"),
    (3, "postgresql.cnpg.io_clusters.yaml"),
    (3, "postgresql.cnpg.io_databases.yaml"),
]
CRD_VERSIONS = {"rabbitmq.com": "v1beta1", "postgresql.cnpg.io": "v1"}
OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"


def close(node):
    """Rewrites OpenAPI references to $defs and closes every object schema upstream leaves closed."""
    if isinstance(node, list):
        return [close(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: close(v) for k, v in node.items() if k != "properties"}
    if "properties" in node:
        out["properties"] = {name: close(v) for name, v in node["properties"].items()}
    if isinstance(out.get("$ref"), str):
        out["$ref"] = out["$ref"].replace("#/components/schemas/", "#/$defs/")
    if node.get("nullable"):
        out.pop("nullable")
        if "type" in out:
            out["type"] = [out["type"], "null"]
    open_ended = node.get("x-kubernetes-preserve-unknown-fields") or node.get("x-kubernetes-embedded-resource")
    if "properties" in node and "additionalProperties" not in node and not open_ended:
        out["additionalProperties"] = False
    return out


def referenced(schemas, name, seen):
    if name in seen:
        return
    seen.add(name)
    text = json.dumps(schemas[name])
    for part in text.split('"#/components/schemas/')[1:]:
        referenced(schemas, part.split('"', 1)[0], seen)


def with_defs(api_version, kind, root, schemas, names):
    root = dict(root)
    root["properties"] = dict(root["properties"])
    root["properties"]["apiVersion"] = {"const": api_version}
    root["properties"]["kind"] = {"const": kind}
    root["required"] = sorted(set(root.get("required", [])) | {"apiVersion", "kind", "metadata"})
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"{api_version} {kind}"}
    schema.update(close(root))
    schema["$defs"] = {n: close(schemas[n]) for n in sorted(names)}
    return schema


def write(out_dir, api_version, kind, schema):
    path = out_dir / f"{api_version.replace('/', '_')}_{kind}.json"
    path.write_text(json.dumps(schema, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path.name}")


def main(kubernetes, *operators):
    out_dir = pathlib.Path(__file__).resolve().parent
    core = json.loads((pathlib.Path(kubernetes) / "api/v1.json").read_text())["components"]["schemas"]
    for api_version, kind, file, name in BUILTINS:
        schemas = json.loads((pathlib.Path(kubernetes) / file).read_text())["components"]["schemas"]
        names = set()
        referenced(schemas, name, names)
        names.discard(name)
        write(out_dir, api_version, kind, with_defs(api_version, kind, schemas[name], schemas, names))
    meta_names = set()
    referenced(core, OBJECT_META, meta_names)
    for source, file in CRDS:
        crd = yaml.safe_load((pathlib.Path(operators[source - 1]) / "config/crd/bases" / file).read_text())
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        version = next(v for v in crd["spec"]["versions"] if v["name"] == CRD_VERSIONS[group])
        root = dict(version["schema"]["openAPIV3Schema"])
        root["properties"] = dict(root["properties"])
        root["properties"]["metadata"] = {"$ref": f"#/components/schemas/{OBJECT_META}"}
        api_version = f"{group}/{version['name']}"
        write(out_dir, api_version, kind, with_defs(api_version, kind, root, core, meta_names))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
