using Npgsql;

namespace Zhaoshang.ProvinceData;

/// <summary>
/// The project service's rows: parks of the districts the seed has none for, projects with their stage facts, timelines,
/// node plans and nodes, and the statistics read model (verified funds, yearly targets).
/// </summary>
internal static class ProjectTables
{
    public static async Task<Dictionary<string, long>> CopyAsync(NpgsqlConnection connection, ProvincePlan plan, FundsPlan funds)
    {
        var copy = new BulkCopy(connection);
        var counts = new Dictionary<string, long>();
        var today = plan.Shape.Today;
        counts["parks"] = await copy.IntoAsync("parks", "id, name, level, district, leading_industries, specialty_industries",
            plan.Parks.Where(p => !p.Exists),
            (row, p) => row.Uuid(p.Id).Text(p.Name).Text("Municipal").Text(p.District).Texts(["装备制造", "绿色食品"]).Texts(["现代物流"]));
        counts["projects"] = await copy.IntoAsync("projects", Columns, plan.Projects, Write);
        counts["project_timeline"] = await copy.IntoAsync("project_timeline",
            "project_id, from_state, to_state, reason, occurred_at, actor_subject, actor_role, actor_district",
            plan.Projects.SelectMany(Timeline),
            (row, t) => row.Uuid(t.Project.Id).Text(t.From).Text(t.To).Text(t.Reason).Time(At(t.On, 4)).Text(t.Project.Intent.Officer)
                .Text("district").Text(t.Project.Intent.District));
        var signed = plan.Projects.Where(p => p.IsSigned).ToList();
        counts["project_node_plans"] = await copy.IntoAsync("project_node_plans",
            "project_id, template_id, template_name, leader, leader_name, department, version, created_at", signed,
            (row, p) => row.Uuid(p.Id).Uuid(NodeTemplate.Id).Text(NodeTemplate.Name).Text(null).Text(null).Text($"{p.Intent.District}投资促进局")
                .Int(1).Time(At(p.SignedOn!.Value, 5)));
        counts["project_nodes"] = await copy.IntoAsync("project_nodes",
            "id, project_id, position, phase, step, code, name, owner, owner_name, department, anchor, offset_working_days, planned_on, " +
            "completed_on, completed_by, fulfilled_by, evidence_required, version",
            signed.SelectMany(p => Nodes(p, today)),
            (row, n) => row.Uuid(Guid.CreateVersion7()).Uuid(n.Project.Id).Int(n.Position).Text(n.Node.Phase).Text(n.Node.Step).Text(n.Node.Code)
                .Text(n.Node.Name).Text(null).Text(null).Text(n.Node.Department).Text(n.Node.Anchor).Int(n.Node.Offset).Date(n.PlannedOn)
                .Date(n.CompletedOn).Text(n.CompletedOn is null ? null : "system").Text(n.Node.FulfilledBy).Texts([n.Node.Evidence])
                .Int(n.Replanned ? 2 : 1));
        counts["statistics_funds"] = await copy.IntoAsync("statistics_funds",
            "report_id, project_id, reported_on, amount_cny, project_verified_total_cny, currency, amount, amount_usd, source, use, verified_at",
            funds.Reports.Where(r => r.Status == "Verified"),
            (row, r) => row.Uuid(r.Id).Uuid(r.Project.Id).Date(r.ReportedOn).Money(r.AmountCny).Money(r.VerifiedTotalCny).Char(r.Currency)
                .Money(r.Amount).Money(Math.Round(r.AmountCny / FundsPlan.UsdRate, 2)).Text(r.Source).Text(r.Use).Time(At(r.ReportedOn, 7)));
        // The bureau's yearly targets, city-wide and per district; targets already set stay as they are.
        var targets = Enumerable.Range(2024, 3).SelectMany(year => new string?[] { null }.Concat(plan.Shape.Districts.Select(d => d.Name))
            .SelectMany(district => new[] { ("FundsInPlaceCny", 40_000_000_000m), ("SignedCount", 8_000m) }
                .Select(t => new { Year = year, Indicator = t.Item1, District = district,
                    Value = Math.Round(t.Item2 * (decimal)plan.Shape.Scale / (district is null ? 1 : 10), 0) })));
        counts["statistics_targets"] = await Dapper.SqlMapper.ExecuteAsync(connection,
            "INSERT INTO statistics_targets (year, indicator, district, value) VALUES (@Year, @Indicator, @District, @Value) ON CONFLICT DO NOTHING",
            targets);
        return counts;
    }

    private const string Columns =
        "id, intent_id, enterprise_id, enterprise_name, enterprise_uscc, industry, intended_investment, district, state, agreement_no, " +
        "signed_on, contracted_investment, approval_case_id, approval_item_count, approval_case_opened_at, funding_ledger_id, " +
        "funding_ledger_opened_at, version, created_at, updated_at, first_district, task_team, state_entered_at, company_name, " +
        "company_uscc, parcel_id, area_mu, land_contract_date, land_acquired_on, pre_land_approvals_completed_on, " +
        "construction_permit_issued_on, construction_started_on, production_started_on, stalled_from, state_reason, verified_funds_cny, " +
        "approval_case_version, park_id, name, construction_content, location, planned_start_on, planned_finish_on, jobs, " +
        "committed_investment_intensity, committed_tax_per_mu, opened_on, registered_on, enterprise_hq_region, origin";

    private static void Write(BulkCopy.Row row, ProjectPlan p)
    {
        var i = p.Intent;
        var signedAt = p.SignedOn is { } s ? At(s, 5) : (DateTime?)null;
        var area = p.LandOn is null ? (decimal?)null : Math.Round(20 + p.Number % 300 + 0.5m, 2);
        row.Uuid(p.Id).Uuid(i.Id).Uuid(i.Enterprise.Id).Text(i.Enterprise.Name).Char(i.Enterprise.Uscc).Text(i.Industry).Money(i.Investment)
            .Text(i.District).Text(p.State).Text(p.IsSigned ? p.AgreementNo : null).Date(p.SignedOn).Money(p.Contracted)
            .Uuid(p.IsSigned ? p.CaseId : null).Int(p.IsSigned ? 9 : null).Time(signedAt?.AddSeconds(2))
            .Uuid(p.IsSigned ? p.LedgerId : null).Time(signedAt?.AddSeconds(2))
            .Int(Timeline(p).Count()).Time(At(p.OpenedOn, 3)).Time(At(p.StateOn, 4)).Text(i.District).Json(LeadTables.TaskTeam(i))
            .Time(At(p.StateOn, 4)).Text(p.RegisteredOn is null ? null : $"{i.Enterprise.Name[..Math.Min(8, i.Enterprise.Name.Length)]}（昆明）有限公司")
            .Char(p.RegisteredOn is null ? null : Zhaoshang.Load.UsccCodes.Numbered(p.Id.GetHashCode() & 0x7fffffff))
            .Text(p.LandOn is null ? null : $"KM{p.LandOn.Value.Year}-{p.Number:000000}").Money(area).Date(p.LandOn?.AddDays(-3)).Date(p.LandOn)
            .Date(p.LandOn?.AddDays(-2)).Date(p.ConstructionOn).Date(p.ConstructionOn).Date(p.ProductionOn)
            .Text(p.State == "Stalled" ? p.Reached : null).Text(p.StoppedOn is null ? null : p.State == "Stalled" ? "企业资金未到位，暂缓推进" : "企业撤回投资")
            .Money(p.VerifiedFundsCny).Int(p.IsSigned ? GrantedItems(p) : 0).Uuid(p.Park?.Id)
            .Text(p.IsSigned ? $"{i.Enterprise.Name[..Math.Min(8, i.Enterprise.Name.Length)]}{i.Industry}项目" : null)
            .Text(p.IsSigned ? $"新建{i.Industry}生产线及配套设施" : null).Text(p.Park?.Name)
            .Date(p.SignedOn?.AddDays(90)).Date(p.SignedOn?.AddDays(700)).Int(p.IsSigned ? 50 + p.Number % 900 : null)
            .Money(p.IsSigned ? 300 + p.Number % 200 : null).Money(p.IsSigned ? 20 + p.Number % 30 : null)
            .Date(p.OpenedOn).Date(p.RegisteredOn).Text(i.Enterprise.HqRegion).Text("Intent");
    }

    /// <summary>Approval items granted by the stage the project reached (see ApprovalTables): its case version.</summary>
    internal static int GrantedItems(ProjectPlan p) => p.StageIndex switch { 1 or 2 => 2, 3 => 7, _ => 9 };

    private static IEnumerable<(ProjectPlan Project, string? From, string To, string? Reason, DateOnly On)> Timeline(ProjectPlan p)
    {
        yield return (p, null, "Negotiating", null, p.OpenedOn);
        DateOnly?[] days = [p.OpenedOn, p.SignedOn, p.RegisteredOn, p.LandOn, p.ConstructionOn, p.ProductionOn];
        for (var s = 1; s <= p.StageIndex; s++)
            yield return (p, ProvincePlan.Stages[s - 1], ProvincePlan.Stages[s], null, days[s]!.Value);
        if (p.StoppedOn is { } stopped)
            yield return (p, p.Reached, p.State, p.State == "Stalled" ? "企业资金未到位，暂缓推进" : "企业撤回投资", stopped);
    }

    private static IEnumerable<(ProjectPlan Project, int Position, NodeTemplate.Node Node, DateOnly PlannedOn, DateOnly? CompletedOn, bool Replanned)> Nodes(
        ProjectPlan p, DateOnly today)
    {
        var planned = new Dictionary<string, DateOnly> { ["signed"] = p.SignedOn!.Value };
        var position = 0;
        foreach (var node in NodeTemplate.Nodes)
        {
            // Working days as calendar days × 7/5: near enough for planned dates staff re-plan anyway.
            var on = node.Code == "signed" ? p.SignedOn.Value : planned[node.Anchor].AddDays(node.Offset * 7 / 5);
            planned[node.Code] = on;
            var completed = NodeTemplate.CompletedOn(node, p) is { } done && done <= today ? done : (DateOnly?)null;
            // Most open nodes late by plan were re-planned by their owners; about one in seven is still overdue.
            var replanned = completed is null && on < today && (p.Number + position) % 7 != 0;
            yield return (p, position++, node, replanned ? today.AddDays(5 + (p.Number + position) % 55) : on, completed, replanned);
        }
    }

    internal static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
}
