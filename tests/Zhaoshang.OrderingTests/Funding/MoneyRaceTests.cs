using Zhaoshang.Contracts;
using Zhaoshang.Funding.Incentives;
using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Funding;

/// <summary>Money under races, on the real database: verifications, payments and approvals racing each other and a termination.</summary>
[Collection(FundingCollection.Name)]
public sealed class MoneyRaceTests(FundingDatabase fixture)
{
    private const int Rounds = 20;
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    /// <summary>A project under construction with its construction-start claim raised under <paramref name="year"/>'s policy.</summary>
    private async Task<(ProjectHistory History, Guid ClaimId)> StartedAsync(FundingDesk desk, int year)
    {
        var history = new ProjectHistory(Guid.CreateVersion7(), "安宁市").Sign(new DateOnly(year, 1, 1));
        await desk.Consumers.DeliverAllAsync(history.Events);
        await desk.VerifyFundsAsync(history.ProjectId, 30_000_000m);
        var signing = history.Events.Count;
        history.Move("Registered", new DateOnly(year, 2, 1)).Move("LandAcquired", new DateOnly(year, 3, 1))
            .Move("UnderConstruction", new DateOnly(year, 4, 1));
        await desk.Consumers.DeliverAllAsync(history.From(signing));
        return (history, Assert.Single(await desk.ClaimsAsync(history.ProjectId)).Id);
    }

    private Task TerminateAsync(FundingDesk desk, ProjectHistory history, int year) =>
        desk.Consumers.DeliverAsync(history.Move("Terminated", new DateOnly(year, 6, 1), "企业撤资").Events[^1]);

    [Fact]
    public async Task Two_reports_verified_at_the_same_moment_publish_totals_that_include_each_other()
    {
        var desk = new FundingDesk(fixture.Db, _clock);
        for (var round = 0; round < Rounds; round++)
        {
            var history = new ProjectHistory(Guid.CreateVersion7(), "安宁市").Sign(new DateOnly(2026, 11, 1));
            await desk.Consumers.DeliverAllAsync(history.Events);
            var reports = new[] { await desk.ReportFundsAsync(history.ProjectId, 1_000_000.01m), await desk.ReportFundsAsync(history.ProjectId, 2_000_000m) };

            var statuses = await Task.WhenAll(reports.Select(desk.VerifyAsync));
            Assert.All(statuses, status => Assert.Equal(200, status));

            var totals = await fixture.Db.QueryAsync<decimal>(
                """
                SELECT (body->>'projectVerifiedTotalCny')::numeric FROM outbox_messages
                WHERE message_type = @Type AND (body->>'projectId')::uuid = @ProjectId ORDER BY 1
                """,
                new { Type = typeof(FundsVerified).FullName, history.ProjectId });
            Assert.Equal(3_000_000.01m, totals[^1]);
        }
    }

    [Fact]
    public async Task A_payment_racing_the_termination_is_either_clawed_back_or_refused()
    {
        _clock.Now = new DateTimeOffset(2056, 5, 1, 2, 0, 0, TimeSpan.Zero); // paid within the 3 years before the termination
        var desk = new FundingDesk(fixture.Db, _clock);
        await desk.PolicyAsync(2056, Milestone.ConstructionStart);
        var paidFirst = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var (history, claimId) = await StartedAsync(desk, 2056);
            Assert.Equal(200, await desk.ApproveAsync(claimId));
            Assert.Equal(201, await desk.PayAsync(claimId, $"{claimId}-1"));

            var payment = desk.PayAsync(claimId, $"{claimId}-2");
            await Task.WhenAll(payment, TerminateAsync(desk, history, 2056));

            var paymentStatus = await payment;
            Assert.Contains(paymentStatus, new[] { 201, 409 });
            var paid = await fixture.Db.ScalarAsync<decimal>("SELECT sum(amount_cny) FROM incentive_payments WHERE claim_id = @claimId", new { claimId });
            Assert.Equal(paymentStatus == 201 ? 1_350_000.00m : 750_000.00m, paid);
            Assert.Equal(paid, await fixture.Db.ScalarAsync<decimal>("SELECT amount_cny FROM incentive_clawbacks WHERE claim_id = @claimId", new { claimId }));
            Assert.Equal(409, await desk.PayAsync(claimId, $"{claimId}-3"));
            paidFirst += paymentStatus == 201 ? 1 : 0;
        }

        Console.WriteLine($"payments racing terminations: {paidFirst} of {Rounds} landed first and were clawed back, the rest refused");
    }

    [Fact]
    public async Task An_approval_racing_the_termination_is_either_released_or_refused()
    {
        var desk = new FundingDesk(fixture.Db, _clock);
        var policyId = await desk.PolicyAsync(2057, Milestone.ConstructionStart);
        var approved = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var (history, claimId) = await StartedAsync(desk, 2057);

            var approval = desk.ApproveAsync(claimId);
            await Task.WhenAll(approval, TerminateAsync(desk, history, 2057));

            var approvalStatus = await approval;
            Assert.Contains(approvalStatus, new[] { 200, 409 });
            approved += approvalStatus == 200 ? 1 : 0;
            Assert.Equal(ClaimStatus.Stopped, Assert.Single(await desk.ClaimsAsync(history.ProjectId)).Status);
            Assert.Equal(0m, await fixture.Db.ScalarAsync<decimal>("SELECT committed_cny FROM incentive_policies WHERE id = @policyId", new { policyId }));
        }

        Console.WriteLine($"approvals racing terminations: {approved} of {Rounds} landed first and were released, the rest refused");
    }
}
