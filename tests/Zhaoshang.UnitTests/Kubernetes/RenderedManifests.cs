using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Zhaoshang.UnitTests.Kubernetes;

/// <summary>
/// What <c>kubectl kustomize</c> renders from deploy/k8s, as JSON objects. The production overlay's Secrets come from
/// files that are never committed, so it is rendered from a copy of deploy/k8s whose secrets folder is secrets.example.
/// </summary>
internal static partial class RenderedManifests
{
    public const string Base = "base";
    public const string Production = "overlays/production";

    private static readonly Dictionary<string, IReadOnlyList<JsonObject>> Cache = [];

    /// <summary>Why the tests that need kubectl cannot run here, or null when they can.</summary>
    public static string? KubectlMissing { get; } = FindKubectl();

    public static IReadOnlyList<JsonObject> Of(string kustomization)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(kustomization, out var objects))
                Cache[kustomization] = objects = Render(kustomization);
            return objects;
        }
    }

    private static IReadOnlyList<JsonObject> Render(string kustomization)
    {
        var copy = Directory.CreateTempSubdirectory("zhaoshang-k8s-");
        try
        {
            CopyDirectory(Repository.File("deploy", "k8s"), copy.FullName);
            var production = Path.Combine(copy.FullName, "overlays", "production");
            CopyDirectory(Path.Combine(production, "secrets.example"), Path.Combine(production, "secrets"));
            var (exitCode, output, error) = Kubectl("kustomize", Path.Combine(copy.FullName, kustomization));
            Assert.True(exitCode == 0, $"kubectl kustomize deploy/k8s/{kustomization} failed: {error}");
            return FromYaml(output);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    /// <summary>Every document of a YAML stream as JSON, scalars typed as YAML 1.2's core schema types them.</summary>
    public static IReadOnlyList<JsonObject> FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => (JsonObject)ToJson(d.RootNode)!)];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => ScalarToJson(scalar),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            return JsonValue.Create(bool.Parse(text));
        if (IntegerPattern().IsMatch(text))
            return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        if (FloatPattern().IsMatch(text))
            return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    private static (int ExitCode, string Output, string Error) Kubectl(params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static string? FindKubectl()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        return path.Any(dir => File.Exists(Path.Combine(dir, "kubectl")))
            ? null
            : "kubectl is not installed: deploy/k8s/install-kubectl.sh installs it (the manifests are then rendered and validated).";
    }

    /// <summary>The Kustomize kubectl embeds, which must know the kustomization fields deploy/k8s uses (v5).</summary>
    public static string KustomizeVersion()
    {
        var (_, output, _) = Kubectl("version", "--client");
        return KustomizeVersionPattern().Match(output) is { Success: true } match ? match.Groups[1].Value : "unknown";
    }

    [GeneratedRegex(@"Kustomize Version: v?(\S+)")]
    private static partial Regex KustomizeVersionPattern();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}

/// <summary>A test that needs kubectl: skipped, saying how to install it, where there is none.</summary>
internal sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute() => Skip = RenderedManifests.KubectlMissing;
}

/// <summary>A theory that needs kubectl.</summary>
internal sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute() => Skip = RenderedManifests.KubectlMissing;
}
