using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.OpenApi;

/// <summary>
/// The console generates its API types and its permission table (from each operation's <c>x-roles</c>) from the
/// snapshots in <c>console/openapi/</c>, so a snapshot that drifts from the service's live document would let the
/// console call an API that is no longer there, or show a button a role can no longer use. With
/// <c>ZS_UPDATE_OPENAPI_SNAPSHOTS=1</c> the test writes the live documents there instead of failing.
/// </summary>
[Collection(SystemCollection.Name)]
public class OpenApiSnapshotTests(SystemFixture system)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Chinese summaries stay readable in the snapshot.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Theory]
    [MemberData(nameof(LiveDocuments.Services), MemberType = typeof(LiveDocuments))]
    public async Task The_console_snapshot_equals_the_live_document(string name)
    {
        var live = JsonNode.Parse(await LiveDocuments.FetchAsync(system, name))!;
        var file = Path.Combine(TestEnvironment.RepositoryRoot, "console", "openapi", $"{name.ToLowerInvariant()}.json");

        if (Environment.GetEnvironmentVariable("ZS_UPDATE_OPENAPI_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(file, live.ToJsonString(Indented) + "\n");
            return;
        }

        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(file));
        Assert.True(JsonNode.DeepEquals(snapshot, live),
            $"console/openapi/{name.ToLowerInvariant()}.json differs from {name}'s /openapi/v1.json: run "
            + $"`ZS_UPDATE_OPENAPI_SNAPSHOTS=1 dotnet test tests/Zhaoshang.IntegrationTests -c Release --filter OpenApiSnapshotTests`, "
            + "rebuild the console (npm run build in console/) and commit both.");
    }
}
