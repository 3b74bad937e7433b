using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Zhaoshang.UnitTests.Kubernetes;

/// <summary>
/// The JSON Schemas of deploy/k8s/schemas (one per apiVersion and kind, derived from Kubernetes' OpenAPI and the
/// operators' CRDs by its generate.py), and what an object breaks of its kind's schema.
/// </summary>
internal static class KubernetesSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema?> Schemas = new();

    /// <summary>The schema's file name: <c>apps/v1</c> <c>Deployment</c> is <c>apps_v1_Deployment.json</c>.</summary>
    public static string FileOf(string apiVersion, string kind) => $"{apiVersion.Replace('/', '_')}_{kind}.json";

    /// <summary>What is wrong with the object (each location and message), or nothing when it validates.</summary>
    public static IReadOnlyList<string> Problems(JsonObject manifest)
    {
        var apiVersion = manifest["apiVersion"]?.GetValue<string>() ?? "";
        var kind = manifest["kind"]?.GetValue<string>() ?? "";
        var file = FileOf(apiVersion, kind);
        var schema = Schemas.GetOrAdd(file, name =>
        {
            var path = Repository.File("deploy", "k8s", "schemas", name);
            return File.Exists(path) ? JsonSchema.FromText(File.ReadAllText(path)) : null;
        });
        if (schema is null)
            return [$"no schema for {apiVersion} {kind} (deploy/k8s/schemas/{file}): add the kind to generate.py"];

        var results = schema.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];
        return [.. (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Distinct()];
    }

    /// <summary>The object as the test messages name it.</summary>
    public static string NameOf(JsonObject manifest) =>
        $"{manifest["kind"]} {manifest["metadata"]?["name"]}";
}
