using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Spreadsheets;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.Import;

/// <summary>
/// The 存量项目 台账 as a sheet: its columns (Chinese headings, as bureaus keep them) and the rules a row must meet to be
/// one <see cref="ImportedProject"/>. Every problem names the row and the column, so staff correct the cell itself.
/// </summary>
public static class ProjectSheet
{
    public const string Name = "项目名称", Enterprise = "投资企业", EnterpriseUscc = "企业统一社会信用代码", Industry = "行业",
        District = "区县", Park = "园区", AgreementNo = "协议编号", SignedOn = "签约日期", Investment = "协议投资额(元)", Stage = "当前阶段",
        Company = "项目公司", CompanyUscc = "项目公司统一社会信用代码", ParcelId = "地块编号", AreaMu = "面积(亩)",
        LandContractDate = "土地出让合同日期", LandAcquiredOn = "拿地日期", StartedOn = "开工日期", ProductionOn = "投产日期",
        Content = "建设内容", Location = "建设地点", PlannedStart = "计划开工", PlannedFinish = "计划竣工";

    public static readonly string[] Required = [Name, Enterprise, Industry, District, Park, AgreementNo, SignedOn, Investment, Stage];

    public static readonly string[] Columns =
    [
        Name, Enterprise, EnterpriseUscc, Industry, District, Park, AgreementNo, SignedOn, Investment, Stage, Company, CompanyUscc,
        ParcelId, AreaMu, LandContractDate, LandAcquiredOn, StartedOn, ProductionOn, Content, Location, PlannedStart, PlannedFinish,
    ];

    public static readonly IReadOnlyDictionary<string, ProjectState> StageNames =
        ImportedProject.Stages.ToDictionary(stage => ProjectExportApi.StateNames[stage]);

    /// <summary>What <c>projects.area_mu</c> (numeric(12,2), 亩) holds.</summary>
    private const decimal MaxAreaMu = 9_999_999_999.99m;

    /// <summary>The project a row makes, or every problem it has (the agreement number's uniqueness is the import's to check).</summary>
    public static (ImportedProject? Project, IReadOnlyList<RowProblem> Problems) Read(SheetRow row, ImportReference reference)
    {
        var cells = new SheetCells(row, reference.Today);
        var name = cells.Text(Name, required: true);
        var enterprise = cells.Text(Enterprise, required: true);
        var enterpriseUscc = cells.Uscc(EnterpriseUscc, required: false);
        var industry = cells.Text(Industry, required: true) is { } spelling
            ? reference.Industries.GetValueOrDefault(spelling) ?? cells.Refuse<string>(Industry, $"“{spelling}”不在行业字典中。")
            : null;
        var district = DistrictOf(cells, reference);
        var park = cells.Text(Park, required: true) is { } parkName
            ? reference.Parks.GetValueOrDefault(parkName) is { } known
                ? district is null || known.District == district ? known : cells.Refuse<ImportPark>(Park, $"{known.Name}不在{district}，在{known.District}。")
                : cells.Refuse<ImportPark>(Park, $"没有名为“{parkName}”的园区。")
            : null;
        var agreementNo = cells.Text(AgreementNo, required: true, maxLength: 64);
        var signedOn = cells.Day(SignedOn, required: true);
        var investment = cells.Amount(Investment, required: true, ValidationErrors.MaxAmount);
        var stage = cells.Text(Stage, required: true) is { } stageText
            ? StageNames.TryGetValue(stageText, out var named) ? named
                : cells.Refuse<ProjectState?>(Stage, $"“{stageText}”不是阶段：填 {string.Join("、", StageNames.Keys)}。")
            : null;

        // Each stage's facts are required once it is reached and refused before (a stage entered wrong shows as such).
        bool Reached(ProjectState s) => stage is { } at && Array.IndexOf(ImportedProject.Stages, at) >= Array.IndexOf(ImportedProject.Stages, s);
        var registered = Reached(ProjectState.Registered);
        var landed = Reached(ProjectState.LandAcquired);
        var company = cells.Fact(Company, registered, stage, c => c.Text(Company, required: true));
        var companyUscc = cells.Fact(CompanyUscc, registered, stage, c => c.Uscc(CompanyUscc, required: true));
        var parcelId = cells.Fact(ParcelId, landed, stage, c => c.Text(ParcelId, required: true, maxLength: 64));
        var areaMu = cells.Fact(AreaMu, landed, stage, c => c.Amount(AreaMu, required: true, MaxAreaMu));
        var contractDate = cells.Fact(LandContractDate, landed, stage, c => c.Day(LandContractDate, required: true));
        var landOn = cells.Fact(LandAcquiredOn, landed, stage, c => c.Day(LandAcquiredOn, required: true));
        var startedOn = cells.Fact(StartedOn, Reached(ProjectState.UnderConstruction), stage, c => c.Day(StartedOn, required: true));
        var productionOn = cells.Fact(ProductionOn, Reached(ProjectState.InProduction), stage, c => c.Day(ProductionOn, required: true));
        cells.InOrder((SignedOn, signedOn), (LandAcquiredOn, landOn), (StartedOn, startedOn), (ProductionOn, productionOn));
        cells.InOrder((LandContractDate, contractDate), (LandAcquiredOn, landOn));

        var content = cells.Text(Content, required: false, maxLength: 4000);
        var location = cells.Text(Location, required: false);
        var plannedStart = cells.Day(PlannedStart, required: false, past: false);
        var plannedFinish = cells.Day(PlannedFinish, required: false, past: false);
        cells.InOrder((PlannedStart, plannedStart), (PlannedFinish, plannedFinish));

        if (cells.Problems.Count > 0)
            return (null, cells.Problems);
        return (new ImportedProject(row.Number, name!, enterprise!, enterpriseUscc, industry!, district!, park!, agreementNo!,
            signedOn!.Value, investment!.Value, stage!.Value, company, companyUscc, parcelId, areaMu, contractDate, landOn, startedOn,
            productionOn, content, location, plannedStart, plannedFinish), cells.Problems);
    }

    // A district the dictionary has; district staff import only their own.
    private static string? DistrictOf(SheetCells cells, ImportReference reference) =>
        cells.Text(District, required: true) is not { } district ? null
        : !reference.Districts.Contains(district) ? cells.Refuse<string>(District, $"“{district}”不在区县字典中。")
        : reference.OnlyDistrict is { } own && own != district ? cells.Refuse<string>(District, $"区县工作人员只能导入本区县（{own}）的项目。")
        : district;
}
