using System.Security.Claims;
using Zhaoshang.Identity.Users;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.UnitTests;

/// <summary>The provider's account rules and the claims a user's token carries; the services' rules for accepting them.</summary>
public class StaffAccountTests
{
    [Theory]
    [InlineData("bureau", null, null, new string[0])]
    [InlineData("district", "安宁市", null, new string[0])]
    [InlineData("park", null, "安宁工业园区", new string[0])]
    [InlineData("district", null, null, new[] { "district" })]
    [InlineData("district", "安宁市", "安宁工业园区", new[] { "park" })]
    [InlineData("park", "安宁市", null, new[] { "district", "park" })]
    [InlineData("finance", "安宁市", null, new[] { "district" })]
    [InlineData("auditor", null, "安宁工业园区", new[] { "park" })]
    [InlineData("admin", null, null, new[] { "role" })]
    [InlineData("approval-system", null, null, new[] { "role" })]
    public void Each_role_names_exactly_the_scope_it_needs(string role, string? district, string? park, string[] wrongFields)
    {
        Assert.Equal(wrongFields, Fields(new ValidationErrors().CheckScope(role, district, park)));
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("          ", false)]
    [InlineData("ten-chars!", true)]
    [InlineData("安宁市投资促进局密码", true)]
    public void Passwords_have_at_least_ten_characters(string password, bool valid) =>
        Assert.Equal(valid, new ValidationErrors().CheckPassword(password).IsValid);

    [Theory]
    [InlineData("anning-park", true)]
    [InlineData("li.ke_zhang", true)]
    [InlineData("安宁", false)]
    [InlineData("two words", false)]
    [InlineData("", false)]
    public void Usernames_are_plain_ascii(string username, bool valid) =>
        Assert.Equal(valid, new ValidationErrors().CheckUsername(username).IsValid);

    [Fact]
    public void A_token_carries_the_users_subject_name_role_and_only_the_scope_of_its_role()
    {
        var district = new StaffUser(Guid.NewGuid(), "anning", "安宁市投资促进局 李科长", Roles.District, "安宁市", null, false, 1);
        Assert.Equal(
            [("sub", "anning"), ("name", "安宁市投资促进局 李科长"), ("role", "district"), ("district", "安宁市")],
            district.Claims().Select(c => (c.Type, c.Value)));
        var park = district with { Username = "p", Role = Roles.Park, District = null, Park = "安宁工业园区" };
        Assert.Equal(["sub", "name", "role", "park"], park.Claims().Select(c => c.Type));
        var finance = district with { Role = Roles.Finance, District = null };
        Assert.Equal(["sub", "name", "role"], finance.Claims().Select(c => c.Type));
    }

    [Theory]
    [InlineData("s", "bureau", null, null, true)]
    [InlineData("s", "district", "安宁市", null, true)]
    [InlineData("s", "park", null, "安宁工业园区", true)]
    [InlineData("s", "district", null, null, false)]
    [InlineData("s", "district", " ", null, false)]
    [InlineData("s", "district", null, "安宁工业园区", false)]
    [InlineData("s", "park", null, null, false)]
    [InlineData("s", "park", "安宁市", null, false)]
    [InlineData(null, "bureau", null, null, false)]
    [InlineData("s", null, null, null, false)]
    public void The_services_accept_a_token_only_with_subject_role_and_the_scope_of_its_role(
        string? subject, string? role, string? district, string? park, bool accepted)
    {
        var claims = new (string Type, string? Value)[] { ("sub", subject), ("role", role), ("district", district), ("park", park) }
            .Where(c => c.Value is not null).Select(c => new Claim(c.Type, c.Value!));
        Assert.Equal(accepted, ScopeRules.Refusal(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))) is null);
    }

    [Fact]
    public void District_staff_without_a_district_narrow_to_nothing_never_to_everything()
    {
        Assert.Equal("安宁市", new Actor("a", Roles.District, "安宁市").OwnDistrict);
        Assert.Equal("", new Actor("a", Roles.District).OwnDistrict);
        Assert.Null(new Actor("b", Roles.Bureau).OwnDistrict);
        Assert.Null(new Actor("c", Roles.Auditor, "安宁市").OwnDistrict);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5105/", false, false, true)]
    [InlineData("http://[::1]:5105/", false, false, true)]
    [InlineData("http://identity:8080/", false, false, true)]
    [InlineData("http://sso.km.gov.cn/", false, false, false)]
    [InlineData("http://10.1.2.3/", false, false, false)]
    [InlineData("http://sso.km.gov.cn/", false, true, true)]
    [InlineData("https://sso.km.gov.cn/", true, false, true)]
    [InlineData("", true, false, false)]
    public void Plain_http_metadata_only_on_loopback_a_container_network_or_in_development(string authority, bool requireHttps, bool development, bool valid)
    {
        var options = new BearerTokenOptions { Authority = authority, RequireHttpsMetadata = requireHttps };
        var error = Record.Exception(() => options.Validate(development));
        Assert.Equal(valid, error is null);
    }

    private static IEnumerable<string> Fields(ValidationErrors errors) =>
        errors.IsValid ? [] : errors.ToProblem().ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal);
}
