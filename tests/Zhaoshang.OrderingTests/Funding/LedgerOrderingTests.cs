using Zhaoshang.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Funding.Stats;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.OrderingTests.Funding;

[Collection(FundingCollection.Name)]
public sealed class LedgerOrderingTests(FundingDatabase fixture)
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_transfer_that_arrives_before_the_signing_leaves_the_ledger_in_the_new_district()
    {
        var projectId = Guid.CreateVersion7();
        var signed = new ProjectSigned(projectId, "KM-1", new DateOnly(2026, 11, 20), 100_000_000m, "新材料", "安宁市", "安宁工业园区",
            new ProjectApprovalProfile("Filing", "Form", false), null, _clock.Now, ProjectVersion: 2);
        var transferred = new ProjectTransferred(projectId, "安宁市", "五华区", "安宁市", "流转", _clock.Now, ProjectVersion: 3);
        var consumers = new Consumers()
            .Add(new ProjectSignedConsumer(fixture.Db.Database, _clock))
            .Add(new ProjectTransferredConsumer(fixture.Db.Database));

        await consumers.DeliverAllAsync(Permutations.Reversed([Delivery.Of(signed), Delivery.Of(transferred)]));

        Assert.Equal("五华区", await fixture.Db.ScalarAsync<string>(
            "SELECT district FROM funding_ledgers WHERE project_id = @projectId", new { projectId }));
    }

    [Fact]
    public async Task Two_quick_transfers_applied_in_reverse_leave_the_ledger_in_the_last_district()
    {
        var desk = new FundingDesk(fixture.Db, _clock);
        var history = new ProjectHistory(Guid.CreateVersion7(), "安宁市").Sign(new DateOnly(2026, 11, 20))
            .Transfer("五华区", new DateOnly(2026, 11, 21)).Transfer("官渡区", new DateOnly(2026, 11, 21));

        await desk.Consumers.DeliverAllAsync(Permutations.Reversed(history.Events));

        Assert.Equal("官渡区", (await desk.LedgerAsync(history.ProjectId))!.District);
    }

    [Fact]
    public async Task A_park_renamed_before_the_signing_arrives_shows_its_new_name_and_keeps_its_staff()
    {
        var desk = new FundingDesk(fixture.Db, _clock);
        var parkId = Guid.CreateVersion7();
        var history = new ProjectHistory(Guid.CreateVersion7(), "安宁市", "安宁工业园区", parkId).Sign(new DateOnly(2026, 11, 20))
            .RenamePark("昆明安宁产业园", 1).RenamePark("安宁绿色钢城产业园", 2);

        await desk.Consumers.DeliverAllAsync(Permutations.Reversed(history.Events));

        Assert.Equal("安宁绿色钢城产业园", (await desk.LedgerAsync(history.ProjectId))!.Park);
        Assert.NotNull(await desk.LedgerAsync(history.ProjectId, FundingDesk.As(Roles.Park, parkId.ToString())));
        Assert.NotNull(await desk.LedgerAsync(history.ProjectId, FundingDesk.As(Roles.Park, "安宁绿色钢城产业园")));
        Assert.Null(await desk.LedgerAsync(history.ProjectId, FundingDesk.As(Roles.Park, "安宁工业园区")));
        await desk.VerifyFundsAsync(history.ProjectId, 1_000_000m);
        var stats = (Ok<FundsStatisticsReport>)(await StatsApi.GetStatsAsync(
            new StatsApi.StatsQuery(null, null, null, "安宁绿色钢城产业园", null), FundingDesk.As(Roles.Bureau), fixture.Db.Database,
            new BureauDictionaries(), CancellationToken.None)).Result;
        Assert.Equal(1_000_000m, stats.Value!.Verified.Yuan);
    }
}
