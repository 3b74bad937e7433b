using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>Everyone who may knock: staff of each role and scope, and the credentials that must not work.</summary>
internal static class Callers
{
    public const string OtherDistrict = "呈贡区";
    public const string OtherPark = "曲靖经济技术开发区";

    public static readonly IReadOnlyDictionary<string, string?> Tokens = new Dictionary<string, string?>
    {
        ["anonymous"] = null,
        ["expired"] = Infrastructure.Tokens.For("bureau", lifetime: TimeSpan.FromMinutes(-10)),
        ["wrong-key"] = Infrastructure.Tokens.For("bureau", key: "another-issuer-signing-key-0123456789abcdef"),
        ["no-role"] = Infrastructure.Tokens.For(""),
        ["bureau"] = Infrastructure.Tokens.Bureau,
        ["district"] = Infrastructure.Tokens.For("district", district: Journey.District),
        ["other-district"] = Infrastructure.Tokens.For("district", district: OtherDistrict),
        ["park"] = Infrastructure.Tokens.For("park", park: Journey.Park),
        ["other-park"] = Infrastructure.Tokens.For("park", park: OtherPark),
        ["finance"] = Infrastructure.Tokens.For("finance"),
        ["auditor"] = Infrastructure.Tokens.For("auditor"),
    };

    /// <summary>Expected status per caller: those not named get <paramref name="otherwise"/>; bad credentials always 401.</summary>
    public static Dictionary<string, int> Expect(int otherwise, params (string Caller, int Status)[] statuses)
    {
        var expected = Tokens.Keys.ToDictionary(c => c, _ => otherwise);
        foreach (var caller in new[] { "anonymous", "expired", "wrong-key", "no-role" })
            expected[caller] = 401;
        foreach (var (caller, status) in statuses)
            expected[caller] = status;
        return expected;
    }
}
