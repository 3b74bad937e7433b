using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Funding.Funds;
using Zhaoshang.Funding.Incentives;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Funding.Parks;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.OrderingTests.Funding;

/// <summary>
/// The funding service as the tests drive it: its real consumers, and staff actions through the endpoints' own code
/// (policies, funds reports and verification, approvals, payments) on the same database.
/// </summary>
public sealed class FundingDesk(ServiceDatabase db, FixedClock clock)
{
    public Consumers Consumers { get; } = new Consumers()
        .Add(new ProjectSignedConsumer(db.Database, clock))
        .Add(new ProjectTransferredConsumer(db.Database))
        .Add(new ProjectStateChangedConsumer(db.Database, clock))
        .Add(new ParkRenamedConsumer(db.Database));

    public static ClaimsPrincipal As(string role, string? park = null) => new(new ClaimsIdentity(
        new[] { new Claim(Actor.SubjectClaim, $"{role}-desk"), new Claim(Actor.RoleClaim, role) }
            .Concat(park is null ? [] : [new Claim(Actor.ParkClaim, park)]),
        "test"));

    /// <summary>A policy: 5% of verified fixed assets from 1000万元, capped at 200万元, paid in stages 50/40/10.</summary>
    public async Task<Guid> PolicyAsync(int year, Milestone milestone, decimal budget = 1_000_000_000m, int clawbackYears = 3)
    {
        var result = await IncentivePoliciesApi.CreatePolicyAsync(
            new IncentivePoliciesApi.PolicyRequest($"{year}年{milestone}奖励", year, milestone, 10_000_000m, 0.05m, 2_000_000m, [0.5m, 0.4m, 0.1m],
                budget, clawbackYears),
            As(Roles.Bureau), db.Database, clock, CancellationToken.None);
        return ((Created<IncentivePolicy>)result.Result).Value!.Id;
    }

    /// <summary>Reports fixed-asset funds in place today and has finance verify them; the verification's status code.</summary>
    public async Task<int> VerifyFundsAsync(Guid projectId, decimal amount) => await VerifyAsync(await ReportFundsAsync(projectId, amount));

    public async Task<Guid> ReportFundsAsync(Guid projectId, decimal amount)
    {
        var report = await FundsApi.ReportAsync(
            projectId, new FundsApi.FundsReportRequest(amount, "CNY", FundsSource.OutsideProvince, FundsUse.FixedAssets, clock.TodayInChina(), "银行进账单"),
            As(Roles.Bureau), db.Database, clock, CancellationToken.None);
        return ((Created<FundsReport>)report.Result).Value!.Id;
    }

    public async Task<int> VerifyAsync(Guid reportId) =>
        StatusOf((await FundsApi.VerifyAsync(reportId, As(Roles.Finance), db.Database, clock, CancellationToken.None)).Result);

    public async Task<int> ApproveAsync(Guid claimId) =>
        StatusOf((await ClaimDecisionsApi.ApproveAsync(claimId, As(Roles.Finance), db.Database, clock, CancellationToken.None)).Result);

    public async Task<int> PayAsync(Guid claimId, string key) =>
        StatusOf((await ClaimDecisionsApi.PayAsync(
            claimId, key, new DefaultHttpContext { User = As(Roles.Finance) }, db.Database, clock, CancellationToken.None)).Result);

    public async Task<int> RaiseClaimAsync(Guid projectId, Guid policyId) =>
        StatusOf((await IncentivesApi.RaiseClaimAsync(
            new IncentivesApi.ClaimRequest(projectId, policyId), As(Roles.Bureau), db.Database, clock, CancellationToken.None)).Result);

    public async Task<LedgersApi.LedgerView?> LedgerAsync(Guid projectId, ClaimsPrincipal? user = null) =>
        (await LedgersApi.GetLedgerAsync(projectId, user ?? As(Roles.Bureau), db.Database, CancellationToken.None)).Result
            is Ok<LedgersApi.LedgerView> ok ? ok.Value : null;

    public Task<IReadOnlyList<IncentiveClaim>> ClaimsAsync(Guid projectId) =>
        db.QueryAsync<IncentiveClaim>($"SELECT {IncentiveClaim.Columns} FROM incentive_claims WHERE project_id = @projectId ORDER BY raised_at, id", new { projectId });

    private static int StatusOf(IResult result) => ((IStatusCodeHttpResult)result).StatusCode ?? 200;
}
