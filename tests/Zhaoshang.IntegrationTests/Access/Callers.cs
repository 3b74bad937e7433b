using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>Everyone who may knock: staff of each role and scope, and the credentials that must not work.</summary>
internal static class Callers
{
    public const string OtherDistrict = "呈贡区";
    public const string OtherPark = "曲靖经济技术开发区";

    /// <summary>
    /// Credentials refused everywhere (401): none; tokens the provider would never issue — expired, signed with another
    /// key, of another issuer, for another audience, without a role, district or park staff without their district or park.
    /// </summary>
    public static readonly string[] Refused =
        ["anonymous", "expired", "wrong-key", "wrong-issuer", "wrong-audience", "no-role", "district-without-district", "park-without-park"];

    public static readonly string[] Names =
        [.. Refused, "bureau", "district", "other-district", "park", "other-park", "finance", "auditor"];

    // Built on first use in a test, when the provider runs: the test cases are enumerated before it starts.
    private static readonly Lazy<IReadOnlyDictionary<string, string?>> AllTokens = new(() => new Dictionary<string, string?>
    {
        ["anonymous"] = null,
        ["expired"] = Infrastructure.Tokens.Forge("bureau", lifetime: TimeSpan.FromMinutes(-10)),
        ["wrong-key"] = Infrastructure.Tokens.Forge("bureau", key: Infrastructure.Tokens.ForeignKey),
        ["wrong-issuer"] = Infrastructure.Tokens.Forge("bureau", issuer: "https://sso.example.gov.cn/"),
        ["wrong-audience"] = Infrastructure.Tokens.Forge("bureau", audience: "another-api"),
        ["no-role"] = Infrastructure.Tokens.Forge(""),
        ["district-without-district"] = Infrastructure.Tokens.Forge("district"),
        ["park-without-park"] = Infrastructure.Tokens.Forge("park"),
        ["bureau"] = Infrastructure.Tokens.Bureau,
        ["district"] = Infrastructure.Tokens.For("district", district: Journey.District),
        ["other-district"] = Infrastructure.Tokens.For("district", district: OtherDistrict),
        ["park"] = Infrastructure.Tokens.For("park", park: Journey.Park),
        ["other-park"] = Infrastructure.Tokens.For("park", park: OtherPark),
        ["finance"] = Infrastructure.Tokens.For("finance"),
        ["auditor"] = Infrastructure.Tokens.For("auditor"),
    });

    public static IReadOnlyDictionary<string, string?> Tokens => AllTokens.Value;

    /// <summary>Expected status per caller: those not named get <paramref name="otherwise"/>; bad credentials always 401.</summary>
    public static Dictionary<string, int> Expect(int otherwise, params (string Caller, int Status)[] statuses)
    {
        var expected = Names.ToDictionary(c => c, _ => otherwise);
        foreach (var caller in Refused)
            expected[caller] = 401;
        foreach (var (caller, status) in statuses)
            expected[caller] = status;
        return expected;
    }
}
