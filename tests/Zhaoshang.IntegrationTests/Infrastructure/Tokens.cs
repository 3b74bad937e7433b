using Zhaoshang.Load;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>Bearer tokens as the bureau's identity provider would issue them, signed with the test key.</summary>
internal static class Tokens
{
    public const string SigningKey = "zhaoshang-integration-test-signing-key-0123456789";

    public static string For(string role, string? district = null, string? park = null, string key = SigningKey, TimeSpan? lifetime = null) =>
        StaffTokens.Issue(key, $"test-{role}-{district ?? park ?? "city"}", role, lifetime ?? TimeSpan.FromHours(1), district, park);

    public static readonly string Bureau = For("bureau");
}
