using System.Text.Json.Nodes;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.UnitTests.Kubernetes;

/// <summary>
/// deploy/k8s renders (the base and the production overlay), every rendered object is valid for its kind — the
/// operators' custom resources included — and the broker's users, permissions and topology are provisioning's.
/// </summary>
public class KubernetesManifestTests
{
    private static readonly string[] Applications = ["lead", "project", "approval", "funding", "notification", "identity", "gateway"];

    [KubectlFact]
    public void Kubectl_has_a_Kustomize_that_knows_the_fields_the_manifests_use()
    {
        var version = RenderedManifests.KustomizeVersion();
        Assert.True(int.TryParse(version.Split('.')[0], out var major) && major >= 5,
            $"kubectl's Kustomize is {version}; deploy/k8s needs v5 or newer (deploy/k8s/install-kubectl.sh).");
    }

    [KubectlTheory]
    [InlineData(RenderedManifests.Base)]
    [InlineData(RenderedManifests.Production)]
    public void Every_rendered_object_is_valid_for_its_kind(string kustomization)
    {
        var objects = RenderedManifests.Of(kustomization);
        var problems = objects.SelectMany(o => KubernetesSchemas.Problems(o).Select(p => $"{KubernetesSchemas.NameOf(o)}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
        Assert.Contains(objects, o => (string?)o["kind"] == "RabbitmqCluster");
        Assert.Contains(objects, o => (string?)o["kind"] == "Cluster");
    }

    [KubectlTheory]
    [InlineData("Deployment", "lead", "/spec/template/spec/containers/0/readinessProbe", "periodSecond", 10)]
    [InlineData("Deployment", "lead", "/spec", "replicas", "two")]
    [InlineData("RabbitmqCluster", "zhaoshang-rabbitmq", "/spec", "replica", 3)]
    [InlineData("Cluster", "zhaoshang-postgres", "/spec/postgresql/synchronous", "number", "one")]
    [InlineData("Permission", "permission-lead", "/spec/permissions", "reed", ".*")]
    public void A_misspelt_field_or_a_wrong_type_fails_validation(string kind, string name, string path, string field, object value)
    {
        var original = RenderedManifests.Of(RenderedManifests.Production)
            .Single(o => (string?)o["kind"] == kind && (string?)o["metadata"]?["name"] == name);
        Assert.Empty(KubernetesSchemas.Problems(original));

        var broken = original.DeepClone().AsObject();
        var parent = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate((JsonNode)broken, (node, step) => int.TryParse(step, out var index) ? node[index]! : node[step]!);
        parent[field] = JsonValue.Create(value);

        var problems = KubernetesSchemas.Problems(broken);
        Assert.Contains(problems, p => p.StartsWith($"{path}/{field}", StringComparison.Ordinal));
    }

    [KubectlFact]
    public void Each_application_runs_at_least_twice_probed_limited_unprivileged_and_guarded()
    {
        var objects = RenderedManifests.Of(RenderedManifests.Production);
        JsonObject Find(string kind, string name) =>
            objects.SingleOrDefault(o => (string?)o["kind"] == kind && (string?)o["metadata"]?["name"] == name)
            ?? throw new Xunit.Sdk.XunitException($"No {kind} {name} is rendered.");

        foreach (var name in Applications)
        {
            var deployment = Find("Deployment", name);
            Assert.True((long)deployment["spec"]!["replicas"]! >= 2, $"{name} runs fewer than two replicas");
            var pod = deployment["spec"]!["template"]!["spec"]!;
            Assert.True((bool?)pod["securityContext"]!["runAsNonRoot"] == true, $"{name} may run as root");
            var container = pod["containers"]![0]!;
            Assert.Equal("/health/live", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/health/ready", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
            Assert.NotNull(container["resources"]!["requests"]!["memory"]);
            Assert.NotNull(container["resources"]!["limits"]!["memory"]);
            Assert.StartsWith($"ghcr.io/zhaoshang/{name}:", (string?)container["image"]);
            Assert.Equal(name, (string?)Find("HorizontalPodAutoscaler", name)["spec"]!["scaleTargetRef"]!["name"]);
            Assert.True((long)Find("HorizontalPodAutoscaler", name)["spec"]!["minReplicas"]! >= 2, $"{name} may scale below two");
            Assert.Equal(name, (string?)Find("PodDisruptionBudget", name)["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/name"]);
        }

        var deny = Find("NetworkPolicy", "default-deny")["spec"]!;
        Assert.Empty(deny["podSelector"]!.AsObject());
        Assert.Equal(["Ingress", "Egress"], deny["policyTypes"]!.AsArray().Select(t => (string?)t));
    }

    [KubectlFact]
    public void The_broker_users_and_their_permissions_are_those_provisioning_gives_them()
    {
        var objects = RenderedManifests.Of(RenderedManifests.Production);
        var users = objects.Where(o => (string?)o["kind"] == "User").ToDictionary(
            o => (string)o["metadata"]!["name"]!, o => UsernameInSecret(objects, (string)o["spec"]!["importCredentialsSecret"]!["name"]!));
        var rendered = objects.Where(o => (string?)o["kind"] == "Permission")
            .Select(o => new BrokerPermission(users[(string)o["spec"]!["userReference"]!["name"]!],
                (string)o["spec"]!["permissions"]!["configure"]!, (string)o["spec"]!["permissions"]!["write"]!,
                (string)o["spec"]!["permissions"]!["read"]!))
            .OrderBy(p => p.User, StringComparer.Ordinal).ToList();

        var expected = new BrokerTopology(BrokerTopology.Routes, ["tzxm"]).Permissions(new BrokerIdentities(""))
            .OrderBy(p => p.User, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rendered);
        Assert.All(objects.Where(o => (string?)o["kind"] == "User"), u => Assert.Empty(u["spec"]!["tags"]!.AsArray()));
    }

    [KubectlFact]
    public void The_broker_topology_is_the_one_provisioning_declares()
    {
        var objects = RenderedManifests.Of(RenderedManifests.Base);
        var topology = new BrokerTopology(BrokerTopology.Routes, ["tzxm"]);
        var serviceQueues = BrokerTopology.Routes.SelectMany(r => r.Services.Select(s => BrokerTopology.QueueOf(s, r.Message))).ToList();
        var queues = topology.Queues().Select(q => q.Queue)
            .Concat(serviceQueues.SelectMany(q => BrokerTopology.SetAsideSuffixes.Select(suffix => q + suffix)));
        var bindings = topology.Queues().SelectMany(q => new[] { (q.Exchange, q.Queue, "exchange"), (q.Queue, q.Queue, "queue") })
            .Concat(serviceQueues.SelectMany(q => BrokerTopology.SetAsideSuffixes.Select(suffix => (q + suffix, q + suffix, "queue"))));

        Assert.Equal(queues.Order(StringComparer.Ordinal),
            SpecsOf(objects, "Queue").Select(s => (string)s["name"]!).Order(StringComparer.Ordinal));
        Assert.All(SpecsOf(objects, "Queue"), s => Assert.Equal("quorum", (string?)s["type"]));
        Assert.Equal(bindings.Order(),
            SpecsOf(objects, "Binding").Select(s => ((string)s["source"]!, (string)s["destination"]!, (string)s["destinationType"]!)).Order());
        Assert.Equal("quorum", (string?)SpecsOf(objects, "Vhost").Single()["defaultQueueType"]);
    }

    private static IEnumerable<JsonNode> SpecsOf(IEnumerable<JsonObject> objects, string kind) =>
        objects.Where(o => (string?)o["kind"] == kind).Select(o => o["spec"]!);

    private static string UsernameInSecret(IEnumerable<JsonObject> objects, string secret)
    {
        var data = objects.Single(o => (string?)o["kind"] == "Secret" && (string?)o["metadata"]!["name"] == secret)["data"]!;
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)data["username"]!));
    }
}
