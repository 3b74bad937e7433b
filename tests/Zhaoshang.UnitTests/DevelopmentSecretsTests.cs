using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.UnitTests;

/// <summary>The development secrets of deploy/local/dev.env are refused outside the Development environment.</summary>
public sealed class DevelopmentSecretsTests
{
    /// <summary>The secrets in dev.env: every value of a key that names a key, a secret or a password.</summary>
    public static TheoryData<string, string> DevEnvSecrets()
    {
        var secrets = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Repository.File("deploy", "local", "dev.env")))
        {
            if (line.Split('=', 2) is [var key, var value] && !key.StartsWith('#')
                && new[] { "Key", "Secret", "Password" }.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase)))
                secrets.Add(key, value);
        }

        return secrets;
    }

    private static WebApplicationBuilder Builder(string environment, string key, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration[key.Replace("__", ":")] = value;
        return builder;
    }

    [Theory]
    [MemberData(nameof(DevEnvSecrets))]
    public void Each_secret_of_dev_env_is_refused_outside_development(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder(Environments.Production, key, value).RefuseDevelopmentSecrets());
        Assert.Contains($"{key.Replace("__", ":")} holds a development secret", error.Message);
        Assert.DoesNotContain(value, error.Message);
        Builder(Environments.Development, key, value).RefuseDevelopmentSecrets();
    }

    [Fact]
    public void Own_secrets_are_accepted_everywhere() =>
        Builder(Environments.Production, "ApprovalSystems:Secrets:tzxm", "a-secret-of-the-production-deployment-0123456789").RefuseDevelopmentSecrets();
}
