#!/usr/bin/env python3
"""Writes base/rabbitmq/users.yaml and base/rabbitmq/topology.yaml from the route map of BrokerTopology.Routes
(shared/Zhaoshang.Platform/Messaging/BrokerTopology.cs): each service's and approval system's user with the permissions
the map gives it, and every exchange, queue and binding provisioning declares (tools/Zhaoshang.BrokerSetup does the same
on a local broker). KubernetesManifestTests fails when these files and the map disagree; run this after changing it.

Usage: deploy/k8s/generate-broker.py [approval systems, default: tzxm]
"""
import pathlib
import re
import sys

# (contract, publishers, consuming services, to the approval systems) — as BrokerTopology.Routes.
ROUTES = [
    ("CooperationIntentConverted", ["lead"], ["project"], False),
    ("CooperationIntentTransferred", ["lead"], [], False),
    ("CooperationIntentOverdue", ["lead"], ["notification"], False),
    ("ProjectOpened", ["project"], ["lead"], False),
    ("ProjectSigned", ["project"], ["approval", "funding"], False),
    ("ProjectLandAcquired", ["project"], ["approval"], False),
    ("ProjectStateChanged", ["project"], ["funding"], False),
    ("ProjectTransferred", ["project"], ["approval", "funding"], False),
    ("ParkRenamed", ["project"], ["approval", "funding"], False),
    ("ApprovalCaseOpened", ["approval"], ["project"], False),
    ("PreLandApprovalsCompleted", ["approval"], ["project"], False),
    ("ConstructionPermitIssued", ["approval"], ["project"], False),
    ("ApprovalItemReturned", ["approval"], ["project"], False),
    ("ApprovalItemRejected", ["approval"], ["project"], False),
    ("ApprovalItemOverdue", ["approval"], ["notification"], False),
    ("ApprovalItemGranted", ["approval"], ["project"], False),
    ("ApprovalSubmissionRequested", ["approval"], [], True),
    ("ApprovalDecisionReported", ["approval-systems"], ["approval"], False),
    ("FundingLedgerOpened", ["funding"], ["project"], False),
    ("FundsVerified", ["funding"], ["project"], False),
    ("WarningRaised", ["lead", "project", "approval"], ["notification"], False),
    ("WarningCleared", ["lead", "project", "approval"], ["notification"], False),
    ("ReminderDue", ["lead", "project"], ["notification"], False),
    ("WorkingCalendarChanged", ["project"], ["lead", "approval", "funding", "notification"], False),
    ("DictionariesChanged", ["project"], ["lead", "funding"], False),
]
SERVICES = sorted({s for _, publishers, services, _ in ROUTES for s in publishers + services} - {"approval-systems"})
SET_ASIDE = ["_error", "_skipped"]
CLUSTER = "  rabbitmqClusterReference:\n    name: zhaoshang-rabbitmq\n"
VHOST = "zhaoshang"


def kebab(text):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", text).lower()


def exchange_of(contract):
    return f"Zhaoshang.Contracts:{contract}"


def queue_of(service, contract):
    return kebab(service + contract)


def k8s_name(prefix, name):
    return prefix + "-" + re.sub(r"[^a-z0-9-]+", "-", kebab(name).lower()).strip("-")


def escape(name):
    return name.replace(".", r"\.")  # the only regex character in these names, as .NET's Regex.Escape writes it


def pattern(alternatives):
    names = [a for a in alternatives if a]
    return "^$" if not names else "^(" + "|".join(names) + ")$"


def service_permission(service):
    published = [escape(exchange_of(c)) for c, publishers, _, _ in ROUTES if service in publishers]
    queues = [escape(queue_of(service, c)) for c, _, services, _ in ROUTES if service in services]
    own = "(" + "|".join(queues) + ")" if queues else None
    return (pattern(published + [own]), pattern(published + [own + "(_error|_skipped)?" if own else None]), pattern([own]))


def system_permission(system):
    published = [escape(exchange_of(c)) for c, publishers, _, _ in ROUTES if "approval-systems" in publishers]
    return ("^$", pattern(published), pattern([escape(f"approval-system-{system}")]))


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def users(systems):
    accounts = [(s, f"zs_{s}", f"rabbitmq-user-{s}", service_permission(s)) for s in SERVICES]
    accounts += [(f"system-{s}", f"zs_system_{s}", f"rabbitmq-user-system-{s}", system_permission(s)) for s in systems]
    docs = []
    for name, user, secret, (configure, write, read) in accounts:
        docs.append(f"""apiVersion: rabbitmq.com/v1beta1
kind: User
metadata:
  name: {k8s_name("user", name)}
  annotations:
    zhaoshang/broker-user: {user}
spec:
{CLUSTER}  # No tags: no application user may use the management UI or API.
  tags: []
  importCredentialsSecret:
    name: {secret}
""")
        docs.append(f"""apiVersion: rabbitmq.com/v1beta1
kind: Permission
metadata:
  name: {k8s_name("permission", name)}
spec:
{CLUSTER}  vhost: {VHOST}
  userReference:
    name: {k8s_name("user", name)}
  permissions:
    configure: {quote(configure)}
    write: {quote(write)}
    read: {quote(read)}
""")
    return docs


def exchange(name):
    return f"""apiVersion: rabbitmq.com/v1beta1
kind: Exchange
metadata:
  name: {k8s_name("exchange", name.replace("Zhaoshang.Contracts:", "contract-"))}
spec:
{CLUSTER}  vhost: {VHOST}
  name: {quote(name)}
  type: fanout
  durable: true
  autoDelete: false
"""


def queue(name):
    return f"""apiVersion: rabbitmq.com/v1beta1
kind: Queue
metadata:
  name: {k8s_name("queue", name)}
spec:
{CLUSTER}  vhost: {VHOST}
  name: {name}
  type: quorum
  durable: true
  autoDelete: false
"""


def binding(source, destination, destination_type):
    label = source.replace("Zhaoshang.Contracts:", "contract-") + "-to-" + destination
    return f"""apiVersion: rabbitmq.com/v1beta1
kind: Binding
metadata:
  name: {k8s_name("binding", label)}
spec:
{CLUSTER}  vhost: {VHOST}
  source: {quote(source)}
  destination: {quote(destination)}
  destinationType: {destination_type}
"""


def topology(systems):
    """MassTransit's shape, as BrokerTopology.DeclareAsync: contract exchange -> exchange named like the queue -> queue."""
    docs = [exchange(exchange_of(c)) for c, _, _, _ in ROUTES]
    for contract, _, services, to_systems in ROUTES:
        queues = [queue_of(s, contract) for s in services]
        queues += [f"approval-system-{s}" for s in systems] if to_systems else []
        for name in queues:
            docs += [exchange(name), queue(name), binding(name, name, "queue"), binding(exchange_of(contract), name, "exchange")]
    for contract, _, services, _ in ROUTES:
        for name in (queue_of(s, contract) + suffix for s in services for suffix in SET_ASIDE):
            docs += [exchange(name), queue(name), binding(name, name, "queue")]
    return docs


def main(systems):
    here = pathlib.Path(__file__).resolve().parent / "base" / "rabbitmq"
    header = "# Generated by deploy/k8s/generate-broker.py from BrokerTopology.Routes; do not edit by hand.\n"
    (here / "users.yaml").write_text(header + "---\n".join(users(systems)), encoding="utf-8")
    (here / "topology.yaml").write_text(header + "---\n".join(topology(systems)), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:] or ["tzxm"])
