using Zhaoshang.Platform.Spreadsheets;
using Zhaoshang.Project.Import;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.UnitTests;

/// <summary>The rules a row of the 存量项目 台账 meets, each problem naming its row and column.</summary>
public class ProjectSheetRulesTests
{
    private const string Uscc = "91530100MA6K0EXA04";
    private const string CompanyUscc = "91530111MA6N2C8B3X";
    private static readonly ImportPark Anning = new(Guid.NewGuid(), "安宁工业园区", "安宁市");
    private static readonly ImportPark Jingkai = new(Guid.NewGuid(), "昆明经济技术开发区", "官渡区");

    private static readonly ImportReference Reference = new(
        new Dictionary<string, string> { ["新材料"] = "新材料", ["先进装备制造"] = "装备制造", ["装备制造"] = "装备制造" },
        new HashSet<string> { "安宁市", "官渡区" },
        new Dictionary<string, ImportPark> { [Anning.Name] = Anning, [Jingkai.Name] = Jingkai },
        null, new DateOnly(2026, 12, 3));

    private static Dictionary<string, object?> Started() => new()
    {
        [ProjectSheet.Name] = "年产5万吨新材料项目", [ProjectSheet.Enterprise] = "云南示例材料有限公司", [ProjectSheet.EnterpriseUscc] = Uscc.ToLowerInvariant(),
        [ProjectSheet.Industry] = "先进装备制造", [ProjectSheet.District] = "安宁市", [ProjectSheet.Park] = "安宁工业园区",
        [ProjectSheet.AgreementNo] = "AN-2024-01", [ProjectSheet.SignedOn] = new DateTime(2024, 3, 15), [ProjectSheet.Investment] = 120000000.5,
        [ProjectSheet.Stage] = "已开工", [ProjectSheet.Company] = "安宁示例公司", [ProjectSheet.CompanyUscc] = CompanyUscc,
        [ProjectSheet.ParcelId] = "AN-07", [ProjectSheet.AreaMu] = "88.5", [ProjectSheet.LandContractDate] = "2024/6/20",
        [ProjectSheet.LandAcquiredOn] = "2024-07-01", [ProjectSheet.StartedOn] = "2024年9月10日",
    };

    private static (ImportedProject? Project, IReadOnlyList<RowProblem> Problems) Read(
        Dictionary<string, object?> cells, ImportReference? reference = null, int row = 7) =>
        ProjectSheet.Read(new SheetRow(row, cells), reference ?? Reference);

    private static Dictionary<string, object?> With(params (string Column, object? Value)[] changes)
    {
        var cells = Started();
        foreach (var (column, value) in changes)
            cells[column] = value;
        return cells;
    }

    [Fact]
    public void A_started_project_reads_with_its_days_in_any_common_spelling_the_industry_by_its_dictionary_name_and_the_yuan_to_the_fen()
    {
        var (project, problems) = Read(Started());
        Assert.Empty(problems);
        Assert.Equal((ProjectState.UnderConstruction, "装备制造", Uscc, 120_000_000.50m, Anning),
            (project!.Stage, project.Industry, project.EnterpriseUscc, project.ContractedInvestment, project.Park));
        Assert.Equal((new DateOnly(2024, 3, 15), new DateOnly(2024, 6, 20), new DateOnly(2024, 9, 10)),
            (project.SignedOn, project.LandContractDate!.Value, project.ConstructionStartedOn!.Value));
        Assert.Equal([(ProjectState.Registered, null), (ProjectState.LandAcquired, new DateOnly(2024, 7, 1)), (ProjectState.UnderConstruction, new DateOnly(2024, 9, 10))],
            project.StagesAfterSigning().ToList());
    }

    [Theory]
    [InlineData(ProjectSheet.Industry, "火星采矿")]
    [InlineData(ProjectSheet.District, "火星区")]
    [InlineData(ProjectSheet.Park, "昆明经济技术开发区")]
    [InlineData(ProjectSheet.Park, "不存在园区")]
    [InlineData(ProjectSheet.EnterpriseUscc, "91530100MA6K0EXA05")]
    [InlineData(ProjectSheet.Investment, "0")]
    [InlineData(ProjectSheet.Investment, "100.001")]
    [InlineData(ProjectSheet.Investment, "一亿")]
    [InlineData(ProjectSheet.Stage, "已竣工")]
    [InlineData(ProjectSheet.SignedOn, "2026-12-04")]
    [InlineData(ProjectSheet.SignedOn, "15/03/2024")]
    [InlineData(ProjectSheet.StartedOn, "2024-06-30")]
    [InlineData(ProjectSheet.LandAcquiredOn, "2024-06-01")]
    [InlineData(ProjectSheet.ParcelId, null)]
    [InlineData(ProjectSheet.CompanyUscc, null)]
    [InlineData(ProjectSheet.ProductionOn, "2025-01-01")]
    public void A_bad_cell_is_one_problem_naming_its_row_and_column(string column, string? value)
    {
        var (project, problems) = Read(With((column, value)));
        Assert.Null(project);
        var problem = Assert.Single(problems);
        Assert.Equal((7, column), (problem.Row, problem.Column));
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason));
    }

    [Fact]
    public void Dates_go_forwards_from_signing_to_land_to_start_to_production()
    {
        var (_, problems) = Read(With((ProjectSheet.Stage, "已投产"), (ProjectSheet.ProductionOn, "2024-09-01")));
        Assert.Equal([ProjectSheet.ProductionOn], problems.Select(p => p.Column));
        Assert.Empty(Read(With((ProjectSheet.Stage, "已投产"), (ProjectSheet.ProductionOn, "2024-09-10"))).Problems);
    }

    [Fact]
    public void District_staff_import_only_their_district_and_missing_required_cells_are_each_named()
    {
        var theirs = Reference with { OnlyDistrict = "官渡区" };
        Assert.Equal([ProjectSheet.District], Read(Started(), theirs).Problems.Select(p => p.Column));

        var (_, problems) = Read(new Dictionary<string, object?> { [ProjectSheet.Stage] = "已签约" }, row: 3);
        Assert.Equal(
            [ProjectSheet.Name, ProjectSheet.Enterprise, ProjectSheet.Industry, ProjectSheet.District, ProjectSheet.Park, ProjectSheet.AgreementNo,
             ProjectSheet.SignedOn, ProjectSheet.Investment],
            problems.Select(p => p.Column));
        Assert.All(problems, p => Assert.Equal(3, p.Row));
    }
}
