using System.Net;
using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// Keys, secrets, tokens, signatures and passwords never reach a service's log: after valid and refused bearer tokens,
/// valid and forged webhook signatures, a failing message and a failed database login, the run's logs (which show
/// those events) contain none of them.
/// </summary>
[Collection(SystemCollection.Name)]
public class LogSecretsTests(SystemFixture system)
{
    private const string BearerRefused = "Bearer was not authenticated";

    [Fact]
    public async Task Keys_secrets_tokens_signatures_and_passwords_never_reach_the_service_logs()
    {
        ServiceProcess[] services = [system.Lead, system.Project, system.Approval, system.Funding];
        var refusalsBefore = services.ToDictionary(s => s.Name, s => Occurrences(ReadLog(s), BearerRefused));
        var secrets = new Dictionary<string, string>
        {
            ["the provider's client secret"] = Tokens.CliSecret,
            ["the demo users' password"] = Tokens.DemoPassword,
            ["the identity database password"] = TestEnvironment.DatabasePassword("Identity"),
            ["tzxm's webhook secret"] = ApprovalSystem.Secret,
            [$"{ApprovalSystem.Throttled}'s webhook secret"] = ApprovalSystem.ThrottledSecret,
            ["the RabbitMQ password"] = TestEnvironment.BrokerPassword(TestEnvironment.ServiceBrokerUser("Approval")),
        };
        foreach (var service in services)
            secrets[$"the {service.Name} database password"] = TestEnvironment.DatabasePassword(service.Name);

        // The provider's signing key (the base64 of its PEM, line by line).
        foreach (var (line, i) in File.ReadAllLines(Directory.GetFiles(TestEnvironment.IdentityKeyDirectory, "signing-*.pem")[0])
                     .Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select((l, i) => (l, i)))
            secrets[$"line {i} of the provider's signing key"] = line;

        // Staff tokens: two valid, one signed with another key, one expired, one not a JWT at all.
        (string Token, bool Valid)[] tokens =
        [
            (Tokens.Bureau, true), (Tokens.For("auditor"), true),
            (Tokens.Forge("bureau", key: Tokens.NewKey()), false),
            (Tokens.Forge("bureau", lifetime: TimeSpan.FromHours(-2)), false), ($"not-a-jwt-{Guid.NewGuid():N}", false),
        ];
        foreach (var ((token, _), i) in tokens.Select((t, i) => (t, i)))
        {
            secrets[$"bearer token {i}"] = token;
            if (token.Split('.') is [_, _, var signature])
                secrets[$"the signature of bearer token {i}"] = signature;
        }

        foreach (var service in services)
        {
            foreach (var (token, valid) in tokens)
            {
                using var client = system.Client(service, token);
                using var response = await client.GetAsync($"/api/audit?recordId={Guid.NewGuid()}");
                Assert.Equal(valid ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }

        // Webhooks: one validly signed, one signed with a guessed secret.
        foreach (var (secret, expected) in new[] { (ApprovalSystem.Secret, HttpStatusCode.Accepted), ("a-guessed-webhook-secret", HttpStatusCode.Unauthorized) })
        {
            using var request = ApprovalSystem.SignedDecision(Decision($"LOG-{Guid.NewGuid():N}"), secret: secret);
            secrets[$"the X-Zhaoshang-Signature sent with {(expected == HttpStatusCode.Accepted ? "the right" : "a guessed")} secret"] =
                request.Headers.GetValues("X-Zhaoshang-Signature").Single();
            using var client = system.Client(system.Approval, token: null);
            using var response = await client.SendAsync(request);
            Assert.Equal(expected, response.StatusCode);
        }

        // A message that can never apply is logged with its exception on its way to the _error queue.
        var marker = $"LOGPROBE-{Guid.NewGuid():N}";
        await system.Broker.PublishAsync(Guid.NewGuid(), new ApprovalDecisionReported(
            ApprovalSystem.Name, marker, Guid.Empty, "no-such-item", "Granted", DateTimeOffset.UtcNow, null, null));

        // A database login that fails: the service refuses to start and says why.
        var wrongPassword = $"wrong-password-{Guid.NewGuid():N}";
        secrets["a wrong database password"] = wrongPassword;
        var exitCode = await system.Funding.RunFailingStartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = TestEnvironment.ConnectionString(system.Funding.Name, wrongPassword),
        });
        Assert.NotEqual(0, exitCode);

        // The logs are the live ones of this run: they show each of those events...
        foreach (var service in services)
        {
            await Eventually.AssertAsync(() => Task.FromResult(Occurrences(ReadLog(service), BearerRefused)),
                n => n >= refusalsBefore[service.Name] + tokens.Count(t => !t.Valid), $"{service.Name}'s log shows the refused tokens");
        }

        await Eventually.AssertAsync(() => Task.FromResult(ReadLog(system.Approval)), log => log.Contains(marker),
            "the approval log shows the failed message");
        Assert.Contains("password authentication failed", ReadLog(system.Funding));

        // ...and none of the secrets.
        foreach (var file in Directory.GetFiles(TestEnvironment.LogDirectory, "*.log"))
        {
            var log = ReadLog(file);
            foreach (var (what, secret) in secrets)
                Assert.False(log.Contains(secret, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains {what}");
        }
    }

    private static string Decision(string decisionId) => JsonSerializer.Serialize(new
    {
        decisionId, projectId = Guid.NewGuid(), itemCode = "filing", outcome = "Granted", decidedAt = DateTimeOffset.UtcNow,
    });

    private static string ReadLog(ServiceProcess service) =>
        ReadLog(Path.Combine(TestEnvironment.LogDirectory, $"{service.Name.ToLowerInvariant()}.log"));

    // The services' output is still being written to these files.
    private static string ReadLog(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
