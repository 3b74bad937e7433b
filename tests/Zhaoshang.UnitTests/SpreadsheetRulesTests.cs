using System.Security.Claims;
using Zhaoshang.Lead.Enterprises;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.UnitTests;

public class SpreadsheetRulesTests
{
    private static SheetRow Row(int number, params (string Header, object? Value)[] cells) =>
        new(number, cells.ToDictionary(c => c.Header, c => c.Value));

    /// <summary>A valid USCC (GB 32100-2015 check character B).</summary>
    private const string Uscc = "91530100MA6K8X5R7B";

    [Fact]
    public void A_row_reads_as_the_form_would_send_it_role_and_priority_in_the_words_staff_use()
    {
        var (request, problems) = EnterpriseSheet.Read(Row(5,
            (EnterpriseSheet.Name, " 云南测试企业 "), (EnterpriseSheet.Uscc, Uscc.ToLowerInvariant()), (EnterpriseSheet.HqRegion, "长三角"),
            (EnterpriseSheet.IndustryChain, "绿色铝"), (EnterpriseSheet.ChainRole, "链主"), (EnterpriseSheet.Priority, "A类")), Seed.Dictionaries);
        Assert.Empty(problems);
        Assert.Equal(("云南测试企业", Uscc, ChainRole.ChainLeader, EnterprisePriority.A),
            (request!.Name, request.Uscc, request.ChainRole!.Value, request.Priority!.Value));
    }

    [Fact]
    public void Each_problem_names_its_row_and_the_column_as_the_sheet_heads_it()
    {
        var (request, problems) = EnterpriseSheet.Read(Row(17,
            (EnterpriseSheet.Name, "  "), (EnterpriseSheet.Uscc, "91530100MA6K8X5R7C"), (EnterpriseSheet.HqRegion, "长三角"),
            (EnterpriseSheet.IndustryChain, "绿色铝"), (EnterpriseSheet.ChainRole, "龙头"), (EnterpriseSheet.Priority, "S")), Seed.Dictionaries);
        Assert.Null(request);
        Assert.Equal(
            [EnterpriseSheet.ChainRole, EnterpriseSheet.Priority, EnterpriseSheet.Name, EnterpriseSheet.Uscc],
            problems.Select(p => p.Column));
        Assert.All(problems, p => Assert.Equal(17, p.Row));
    }

    [Fact]
    public void An_enterprise_abroad_needs_no_uscc()
    {
        var (request, problems) = EnterpriseSheet.Read(Row(2,
            (EnterpriseSheet.Name, "Foreign Co."), (EnterpriseSheet.HqRegion, "境外"), (EnterpriseSheet.IndustryChain, "生物医药"),
            (EnterpriseSheet.ChainRole, "配套")), Seed.Dictionaries);
        Assert.Empty(problems);
        Assert.Null(request!.Uscc);
        Assert.Null(request.Priority);
    }

    [Theory]
    [InlineData("bureau", false)]
    [InlineData("district", false)]
    [InlineData("auditor", false)]
    [InlineData("park", true)]
    [InlineData("finance", true)]
    public void The_uscc_is_masked_for_the_roles_that_do_not_work_the_list(string role, bool masked)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Actor.RoleClaim, role)], "test", "sub", Actor.RoleClaim));
        Assert.Equal(masked ? "9153************7B" : Uscc, SensitiveData.For(user, Uscc));
    }
}
