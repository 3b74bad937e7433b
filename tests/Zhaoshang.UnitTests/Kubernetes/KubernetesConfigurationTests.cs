using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Zhaoshang.UnitTests.Kubernetes;

/// <summary>
/// A misspelt setting (<c>RabbitMq__Hots</c>) is valid YAML and a valid ConfigMap, and the service would silently use its
/// default: every setting the production overlay gives an application must be a key README's "Configuration" documents.
/// </summary>
public partial class KubernetesConfigurationTests
{
    /// <summary>Settings that are not the services' own: ASP.NET Core's address, the standard OpenTelemetry variables.</summary>
    private static readonly Regex Standard = StandardPattern();

    [KubectlFact]
    public void Every_setting_given_to_an_application_is_a_documented_key()
    {
        var documented = DocumentedKeys();
        var objects = RenderedManifests.Of(RenderedManifests.Production);
        var unknown = new List<string>();
        foreach (var deployment in objects.Where(o => (string?)o["kind"] == "Deployment" && ImageOf(o).StartsWith("ghcr.io/zhaoshang/", StringComparison.Ordinal)))
        {
            var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
            var env = (container["env"]?.AsArray() ?? []).Select(e => e!).ToList();
            // A variable only there to be spelt into another ($(DB_PASSWORD) in the connection string) is no setting.
            var helpers = env.Select(e => (string)e["name"]!).Where(n => env.Any(e => ((string?)e["value"])?.Contains($"$({n})") == true));
            var keys = env.Select(e => (string)e["name"]!).Except(helpers)
                .Concat((container["envFrom"]?.AsArray() ?? []).SelectMany(source => KeysOf(objects, source!)));
            unknown.AddRange(keys.Where(k => !Standard.IsMatch(k) && !documented.Any(d => d.IsMatch(k)))
                .Select(k => $"{deployment["metadata"]!["name"]}: {k}"));
        }

        Assert.True(unknown.Count == 0, "Not in README's Configuration table: " + string.Join(", ", unknown));
    }

    private static string ImageOf(JsonObject deployment) =>
        (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] ?? "";

    private static IEnumerable<string> KeysOf(IReadOnlyList<JsonObject> objects, JsonNode source)
    {
        var (kind, reference) = source["configMapRef"] is { } map ? ("ConfigMap", map) : ("Secret", source["secretRef"]!);
        var found = objects.SingleOrDefault(o => (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == (string?)reference["name"]);
        Assert.True(found is not null, $"The {kind} {reference["name"]} is not rendered.");
        return found!["data"]?.AsObject().Select(p => p.Key) ?? [];
    }

    /// <summary>
    /// The keys of the table's first column: <c>`RabbitMq__Host`, `__Port`</c> is RabbitMq__Host and RabbitMq__Port;
    /// <c>&lt;system&gt;</c> stands for any name, <c>&lt;Lead\|Project&gt;</c> for one of those.
    /// </summary>
    private static List<Regex> DocumentedKeys()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var section = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var patterns = new List<Regex>();
        foreach (var row in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cell = CellPattern().Match(row).Groups[1].Value;
            var prefix = "";
            foreach (Match key in KeyPattern().Matches(cell))
            {
                var text = key.Groups[1].Value;
                if (text.StartsWith("__", StringComparison.Ordinal))
                    text = prefix + text[2..];
                else
                    prefix = text[..(text.LastIndexOf("__", StringComparison.Ordinal) + 2)];
                patterns.Add(new Regex("^" + PlaceholderPattern().Replace(Regex.Escape(text.Replace(@"\|", "|")).Replace(@"\|", "|"),
                    p => p.Value.Contains('|') ? "(" + p.Value[1..^1] + ")" : "[^_]+") + "$"));
            }
        }

        return patterns;
    }

    [GeneratedRegex(@"^(Urls|OTEL_[A-Z_]+)$")]
    private static partial Regex StandardPattern();

    [GeneratedRegex(@"^\|\s*((?:[^|\\]|\\\|)*)\|")]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex PlaceholderPattern();
}
