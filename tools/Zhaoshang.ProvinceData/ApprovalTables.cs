using Npgsql;

namespace Zhaoshang.ProvinceData;

/// <summary>
/// The approval service's rows: one case per signed project with the default profile's nine items (备案, 环评报告表, 节能审查,
/// the land-dependent four …), granted as far as the project got; the rest open with their due days, some of them late.
/// </summary>
internal static class ApprovalTables
{
    private sealed record Item(string Code, string Name, string Stage, int Days, bool LandDependent, string[] Prerequisites, int GrantedFrom);

    // GrantedFrom: the project stage (index into ProvincePlan.Stages) from which the item is granted; before that it is open
    // once its prerequisites are, or pending while it waits for land.
    private static readonly Item[] Items =
    [
        new("filing", "项目备案", "ProjectAndLandPlanning", 3, false, [], 1),
        new("land-pre-review", "用地预审与选址意见书", "ProjectAndLandPlanning", 20, false, [], 1),
        new("eia-form", "环境影响报告表审批", "ProjectAndLandPlanning", 30, false, [], 3),
        new("energy-review", "节能审查", "ProjectAndLandPlanning", 20, false, ["filing"], 3),
        new("design-review", "设计方案审查", "EngineeringPermit", 15, false, ["land-pre-review"], 3),
        new("land-planning-permit", "建设用地规划许可证", "ProjectAndLandPlanning", 7, true, ["land-pre-review"], 3),
        new("real-estate-title", "不动产权证书", "ProjectAndLandPlanning", 5, true, ["land-planning-permit"], 3),
        new("engineering-planning-permit", "建设工程规划许可证", "EngineeringPermit", 10, true, ["design-review"], 4),
        new("construction-permit", "施工许可证", "ConstructionPermit", 7, true, ["engineering-planning-permit", "real-estate-title"], 4),
    ];

    public static async Task<Dictionary<string, long>> CopyAsync(NpgsqlConnection connection, ProvincePlan plan)
    {
        var copy = new BulkCopy(connection);
        var counts = new Dictionary<string, long>();
        var today = plan.Shape.Today;
        var signed = plan.Projects.Where(p => p.IsSigned).ToList();
        counts["approval_cases"] = await copy.IntoAsync("approval_cases",
            "id, project_id, contracted_investment, district, park, opened_at, green_channel, agent_service, task_team, national_project_code, " +
            "land_acquired_on, pre_land_completed_on, permit_issued_on, version, district_version, park_id",
            signed,
            (row, p) => row.Uuid(p.CaseId).Uuid(p.Id).Money(p.Contracted).Text(p.Intent.District).Text(p.Park!.Value.Name)
                .Time(ProjectTables.At(p.SignedOn!.Value, 5)).Text("None").Bool(false).Json(null)
                .Text($"{p.SignedOn.Value.Year}-530100-{p.Number % 100:00}-03-{p.Number:000000}").Date(p.LandOn).Date(p.LandOn?.AddDays(-2))
                .Date(p.ConstructionOn).Int(ProjectTables.GrantedItems(p)).Int(1).Uuid(p.Park.Value.Id));
        counts["approval_items"] = await copy.IntoAsync("approval_items",
            "id, case_id, code, name, stage, statutory_working_days, land_dependent, status, opened_at, prerequisites, limit_working_days, " +
            "opened_on, due_on, decided_at, submission",
            signed.SelectMany(p => Items.Select(item => (Project: p, Item: item))),
            (row, x) =>
            {
                var (p, item) = x;
                var granted = p.StageIndex >= item.GrantedFrom;
                var waiting = !granted && (item.LandDependent ? p.StageIndex < 3 : item.Prerequisites.Any(r => Items.First(i => i.Code == r).GrantedFrom > p.StageIndex));
                var status = granted ? "Granted" : waiting ? "Pending" : "Open";
                // Granted items opened at signing or land; open ones were (re)submitted lately, a few of them long enough ago to be late.
                var openedOn = granted ? (item.LandDependent ? p.LandOn!.Value : p.SignedOn!.Value)
                    : waiting ? (DateOnly?)null : ProvincePlan.Max(p.SignedOn!.Value.AddDays(3), today.AddDays(-((p.Number * 7 + item.Days) % 50)));
                var dueOn = openedOn?.AddDays(item.Days * 7 / 5);
                row.Uuid(Guid.CreateVersion7()).Uuid(p.CaseId).Text(item.Code).Text(item.Name).Text(item.Stage).Int(item.Days).Bool(item.LandDependent)
                    .Text(status).Time(ProjectTables.At(p.SignedOn!.Value, 5)).Texts(item.Prerequisites).Int(item.Days).Date(openedOn).Date(dueOn)
                    .Time(granted ? ProjectTables.At(ProvincePlan.Min(dueOn!.Value, openedOn!.Value.AddDays(item.Days / 2)), 6) : null).Int(1);
            });
        return counts;
    }
}
