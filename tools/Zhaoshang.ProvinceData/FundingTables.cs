using Dapper;
using Npgsql;

namespace Zhaoshang.ProvinceData;

/// <summary>The funding service's rows: a ledger per signed project, its funds reports and milestones, incentive claims and payments.</summary>
internal static class FundingTables
{
    public static async Task<Dictionary<string, long>> CopyAsync(NpgsqlConnection connection, ProvincePlan plan, FundsPlan funds)
    {
        var copy = new BulkCopy(connection);
        var counts = new Dictionary<string, long>();
        var signed = plan.Projects.Where(p => p.IsSigned).ToList();
        counts["funding_ledgers"] = await copy.IntoAsync("funding_ledgers",
            "id, project_id, contracted_investment, signed_on, industry, district, park, opened_at, state, district_version, state_version, " +
            "state_reason, state_on, park_id",
            signed,
            (row, p) => row.Uuid(p.LedgerId).Uuid(p.Id).Money(p.Contracted).Date(p.SignedOn).Text(p.Intent.Industry).Text(p.Intent.District)
                .Text(p.Park!.Value.Name).Time(ProjectTables.At(p.SignedOn!.Value, 5)).Text(p.State).Int(1).Int(p.StageIndex + 1)
                .Text(p.StoppedOn is null ? null : "企业资金未到位").Date(p.StateOn).Uuid(p.Park.Value.Id));
        counts["funds_reports"] = await copy.IntoAsync("funds_reports",
            "id, project_id, amount, currency, exchange_rate, amount_cny, source, use, reported_on, evidence_ref, status, decided_by, " +
            "decided_at, reject_reason, created_at, version",
            funds.Reports,
            (row, r) => row.Uuid(r.Id).Uuid(r.Project.Id).Money(r.Amount).Text(r.Currency).Money(r.Rate).Money(r.AmountCny).Text(r.Source)
                .Text(r.Use).Date(r.ReportedOn).Text($"验资报告 {r.ReportedOn:yyyyMMdd}-{r.Project.Number}").Text(r.Status)
                .Text(r.Status == "Reported" ? null : "finance").Time(r.Status == "Reported" ? null : ProjectTables.At(r.ReportedOn, 7))
                .Text(r.Status == "Rejected" ? "凭证与到账金额不符" : null).Time(ProjectTables.At(r.ReportedOn, 6)).Int(r.Status == "Reported" ? 1 : 2));
        counts["ledger_milestones"] = await copy.IntoAsync("ledger_milestones", "project_id, milestone, occurred_on",
            signed.Where(p => p.ConstructionOn is not null).SelectMany(p => p.ProductionOn is { } produced
                ? new[] { (p.Id, "ConstructionStart", p.ConstructionOn!.Value), (p.Id, "Production", produced) }
                : [(p.Id, "ConstructionStart", p.ConstructionOn!.Value)]),
            (row, m) => row.Uuid(m.Id).Text(m.Item2).Date(m.Item3));

        // The two policies, once per database; each load adds what its claims commit.
        var claims = funds.Claims.Where(c => c.Project.State != "Terminated").ToList();
        await connection.ExecuteAsync(
            """
            INSERT INTO incentive_policies (id, name, year, milestone, min_fixed_asset_cny, percentage, cap_cny, stages, budget_cny, clawback_years, created_at)
            VALUES (@ConstructionPolicy, '2024年工业项目开工奖励', 2024, 'ConstructionStart', @MinimumFixedAssets, @Percentage, @Cap, '{0.5,0.5}', 100000000000000, 5, '2024-01-01'),
                   (@ProductionPolicy, '2024年工业项目投产奖励', 2024, 'Production', @MinimumFixedAssets, @Percentage, @Cap, '{1}', 100000000000000, 5, '2024-01-01')
            ON CONFLICT (id) DO NOTHING;
            UPDATE incentive_policies SET committed_cny = committed_cny + @committed WHERE id = @ConstructionPolicy;
            """,
            new
            {
                FundsPlan.ConstructionPolicy, FundsPlan.ProductionPolicy, FundsPlan.MinimumFixedAssets, FundsPlan.Percentage, FundsPlan.Cap,
                committed = claims.Sum(c => c.Award),
            });
        counts["incentive_claims"] = await copy.IntoAsync("incentive_claims",
            "id, policy_id, project_id, basis_cny, award_cny, status, raised_by, raised_at, approved_at, decided_by", claims,
            (row, c) => row.Uuid(c.Id).Uuid(c.PolicyId).Uuid(c.Project.Id).Money(c.Basis).Money(c.Award).Text(c.Approved ? "Approved" : "Raised")
                .Text(c.Project.Intent.Officer).Time(ProjectTables.At(c.RaisedOn, 8))
                .Time(c.Approved ? ProjectTables.At(c.RaisedOn.AddDays(10), 8) : null).Text(c.Approved ? "finance" : null));
        counts["incentive_payments"] = await copy.IntoAsync("incentive_payments",
            "id, claim_id, stage, amount_cny, idempotency_key, paid_by, paid_at", claims.Where(c => c.Approved),
            (row, c) => row.Uuid(Guid.CreateVersion7()).Uuid(c.Id).Int(1).Money(Math.Round(c.Award / 2, 2)).Text($"province-{c.Id:N}")
                .Text("finance").Time(ProjectTables.At(c.RaisedOn.AddDays(20), 8)));
        return counts;
    }
}
