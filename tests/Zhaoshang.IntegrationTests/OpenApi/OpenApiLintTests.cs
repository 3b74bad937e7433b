using System.Diagnostics;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.OpenApi;

/// <summary>
/// Each service's <c>/openapi/v1.json</c> (kept in <c>.run/openapi/</c>) passes Redocly's lint with the ruleset of
/// <c>tools/openapi-lint/redocly.yaml</c>: no error, and no warning either — a rule the documents do not follow is
/// switched off there, with the reason.
/// </summary>
[Collection(SystemCollection.Name)]
public class OpenApiLintTests(SystemFixture system)
{
    private static readonly string Tool = Path.Combine(TestEnvironment.RepositoryRoot, "tools", "openapi-lint");

    [Theory]
    [MemberData(nameof(LiveDocuments.Services), MemberType = typeof(LiveDocuments))]
    public async Task The_openapi_document_passes_the_linter(string name)
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(TestEnvironment.RepositoryRoot, ".run", "openapi")).FullName,
            $"{name.ToLowerInvariant()}.json");
        await File.WriteAllTextAsync(file, await LiveDocuments.FetchAsync(system, name));

        var cli = Path.Combine(Tool, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), "The Redocly CLI is not installed: run `npm ci --prefix tools/openapi-lint` (deploy/local/test.sh does).");
        var (exitCode, output, errors) = await RunNodeAsync(cli, "lint", "--config", Path.Combine(Tool, "redocly.yaml"), "--format=json", file);
        Assert.True(output.TrimStart().StartsWith('{'), $"redocly lint {file} exited with {exitCode} and no report:\n{output}\n{errors}");
        var problems = JsonDocument.Parse(output).RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} at "
                + $"{p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(exitCode == 0 && problems.Count == 0,
            $"redocly lint {file} exited with {exitCode}:\n{string.Join('\n', problems)}\n{errors}");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Tool };
        // No usage reports or update checks from a test run.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("redocly lint took more than two minutes.");
        }

        return (process.ExitCode, await output, await errors);
    }
}
