using Zhaoshang.Contracts;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.OrderingTests.Infrastructure;

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
}
