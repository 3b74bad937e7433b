using System.Text.Json;

namespace Zhaoshang.UnitTests;

/// <summary>
/// No database or broker password sits in a service's or tool's appsettings file: connection strings and the broker's
/// login come from the environment (run.sh, the test fixture, the tools' launchers, docker-compose).
/// </summary>
public sealed class AppSettingsTests
{
    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var folder in new[] { "services", "tools" })
        {
            foreach (var file in Directory.EnumerateFiles(Repository.File(folder), "appsettings*.json", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                             && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
                files.Add(Path.GetRelativePath(Repository.Root, file));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void An_appsettings_file_holds_no_password(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Repository.File(file)));
        Assert.Empty(Passwords(json.RootElement, ""));
    }

    private static IEnumerable<string> Passwords(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name.Contains("password", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                ? [$"{path}{p.Name}"]
                : Passwords(p.Value, $"{path}{p.Name}:")),
        JsonValueKind.String when element.GetString()!.Contains("password=", StringComparison.OrdinalIgnoreCase) => [path],
        _ => [],
    };
}
