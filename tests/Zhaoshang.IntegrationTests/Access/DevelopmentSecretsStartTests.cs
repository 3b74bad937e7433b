using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// A service outside the Development environment (the fixture runs them as Production) does not start with the public
/// development webhook secret of deploy/local/dev.env, and says which setting holds it.
/// </summary>
[Collection(SystemCollection.Name)]
public class DevelopmentSecretsStartTests(SystemFixture system)
{
    [Fact]
    public async Task The_development_webhook_secret_stops_the_start_with_a_message_naming_its_setting()
    {
        var devEnv = File.ReadAllLines(Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "local", "dev.env"));
        var secret = devEnv.Single(l => l.StartsWith("ApprovalSystems__Secrets__tzxm=", StringComparison.Ordinal)).Split('=', 2)[1];
        // The log is appended to by every run: only what this start wrote counts.
        var path = Path.Combine(TestEnvironment.LogDirectory, "approval.log");
        var before = new FileInfo(path).Length;
        var exitCode = await system.Approval.RunFailingStartAsync(new Dictionary<string, string>
        {
            ["ApprovalSystems__Secrets__tzxm"] = secret,
        });
        Assert.NotEqual(0, exitCode);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(before, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var log = await reader.ReadToEndAsync();
        Assert.Contains("ApprovalSystems:Secrets:tzxm holds a development secret from deploy/local/dev.env", log);
        Assert.True(system.Approval.IsRunning);
    }
}
