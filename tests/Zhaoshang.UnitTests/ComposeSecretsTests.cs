using System.Text.RegularExpressions;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.UnitTests;

/// <summary>
/// docker-compose.yml refuses to start without real secrets: every password and secret comes from a variable it
/// requires (<c>${VAR:?message}</c>), with no fallback to a development value.
/// </summary>
public sealed partial class ComposeSecretsTests
{
    private static readonly string Compose = File.ReadAllText(Repository.File("docker-compose.yml"));

    /// <summary>Each setting whose name says password, secret or key, and each connection string's password.</summary>
    public static TheoryData<string> SecretSettings()
    {
        var settings = new TheoryData<string>();
        foreach (var line in Compose.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#')))
        {
            if (SecretName().IsMatch(line.Split(':', 2)[0]) || line.Contains("Password=", StringComparison.Ordinal))
                settings.Add(line);
        }

        return settings;
    }

    [Fact]
    public void The_compose_file_has_secrets_to_check() => Assert.True(SecretSettings().Count >= 10);

    [Theory]
    [MemberData(nameof(SecretSettings))]
    public void Each_secret_comes_from_a_required_variable(string setting)
    {
        var value = setting.Contains("Password=", StringComparison.Ordinal)
            ? setting[(setting.IndexOf("Password=", StringComparison.Ordinal) + "Password=".Length)..]
            : setting.Split(':', 2)[1].Trim();
        Assert.Matches(RequiredVariable(), value);
    }

    [Fact]
    public void No_development_secret_or_password_is_written_in_it()
    {
        Assert.DoesNotContain(DevelopmentSecrets.Known, Compose.Contains);
        Assert.DoesNotMatch(DevelopmentPassword(), Compose);
    }

    [GeneratedRegex("(?i)(pass|secret|signingkey)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\$\{[A-Z0-9_]+:\?[^}]*\}")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@"\b\w+_dev\b")]
    private static partial Regex DevelopmentPassword();
}
