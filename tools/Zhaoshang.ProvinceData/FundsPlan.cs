namespace Zhaoshang.ProvinceData;

public sealed record FundsReportPlan(
    Guid Id, ProjectPlan Project, decimal Amount, string Currency, decimal Rate, decimal AmountCny, string Source, string Use,
    DateOnly ReportedOn, string Status, decimal VerifiedTotalCny);

public sealed record ClaimPlan(Guid Id, Guid PolicyId, ProjectPlan Project, decimal Basis, decimal Award, bool Approved, DateOnly RaisedOn);

/// <summary>
/// The money: funds reports (到位资金) of registered projects, mostly verified, and the incentive claims construction start
/// raises under the 2024 policy, most approved with their first stage paid. Funding and project (statistics) read the same.
/// </summary>
public sealed class FundsPlan
{
    public const decimal UsdRate = 7.10m;
    public static readonly Guid ConstructionPolicy = new("0190f1a0-0000-7000-a000-000000000001");
    public static readonly Guid ProductionPolicy = new("0190f1a0-0000-7000-a000-000000000002");
    public const decimal MinimumFixedAssets = 10_000_000m;
    public const decimal Percentage = 0.02m;
    public const decimal Cap = 20_000_000m;

    public IReadOnlyList<FundsReportPlan> Reports { get; }
    public IReadOnlyList<ClaimPlan> Claims { get; }

    public FundsPlan(ProvincePlan plan, int seed = 21)
    {
        var random = new Random(seed);
        var reports = new List<FundsReportPlan>();
        var claims = new List<ClaimPlan>();
        foreach (var project in plan.Projects.Where(p => p.RegisteredOn is not null))
        {
            var count = 1 + project.StageIndex - 2 + random.Next(2);
            var verified = 0m;
            var fixedAssets = 0m;
            var span = Math.Max(1, plan.Shape.Today.DayNumber - project.RegisteredOn!.Value.DayNumber);
            var days = Enumerable.Range(0, count).Select(_ => project.RegisteredOn.Value.AddDays(random.Next(span))).Order().ToList();
            foreach (var day in days)
            {
                var abroad = random.Next(10) == 0;
                var amountCny = Math.Round(project.Contracted!.Value * (decimal)(0.05 + random.NextDouble() * 0.15), 2);
                var amount = abroad ? Math.Round(amountCny / UsdRate, 2) : amountCny;
                amountCny = abroad ? Math.Round(amount * UsdRate, 2) : amountCny;
                var roll = random.Next(100);
                var status = day > plan.Shape.Today.AddDays(-10) || roll < 8 ? "Reported" : roll < 12 ? "Rejected" : "Verified";
                var use = random.Next(4) == 0 ? "WorkingCapital" : "FixedAssets";
                if (status == "Verified")
                {
                    verified += amountCny;
                    if (use == "FixedAssets")
                        fixedAssets += amountCny;
                }

                reports.Add(new FundsReportPlan(Guid.CreateVersion7(), project, amount, abroad ? "USD" : "CNY", abroad ? UsdRate : 1m, amountCny,
                    abroad ? "Abroad" : random.Next(3) == 0 ? "OutsideCityInProvince" : "OutsideProvince", use, day, status, verified));
            }

            project.VerifiedFundsCny = verified;
            if (project.ConstructionOn is { } started && fixedAssets >= MinimumFixedAssets)
                claims.Add(new ClaimPlan(Guid.CreateVersion7(), ConstructionPolicy, project, fixedAssets,
                    Math.Min(Math.Round(fixedAssets * Percentage, 2), Cap), random.Next(10) < 7, started));
        }

        Reports = reports;
        Claims = claims;
    }
}
