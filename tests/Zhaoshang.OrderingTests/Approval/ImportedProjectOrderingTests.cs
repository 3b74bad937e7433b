using Zhaoshang.Approval.Cases;
using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Approval;

/// <summary>
/// An imported project (存量项目) past land: its case ends the same whether its ProjectSigned (ImportedAtStage) or its
/// ProjectLandAcquired arrives first, and no item it passed before the system is opened with a due date.
/// </summary>
[Collection(ApprovalCollection.Name)]
public sealed class ImportedProjectOrderingTests(ApprovalDatabase fixture)
{
    private readonly ApprovalHarness _approval = new(fixture.Db);

    [Theory]
    [InlineData("LandAcquired")]
    [InlineData("UnderConstruction")]
    public async Task Signing_and_land_in_either_order_end_in_the_same_case(string stage)
    {
        var signedFirst = await RunAsync(stage, landFirst: false);
        var landFirst = await RunAsync(stage, landFirst: true);

        Assert.Equal(signedFirst.State, landFirst.State);
        var items = signedFirst.Items;
        Assert.All(items.Where(i => !i.LandDependent), i => Assert.Equal((ApprovalItemStatus.Granted, true, (DateOnly?)null), (i.Status, i.GrantedOutside, i.DueOn)));
        if (stage == "UnderConstruction")
            Assert.All(items.Where(i => i.LandDependent), i => Assert.Equal((ApprovalItemStatus.Issued, true), (i.Status, i.GrantedOutside)));
        else
            // Still to be granted after land: opened as for any project, due from today, not from a signing years ago.
            Assert.Contains(items, i => i.LandDependent && i.Status == ApprovalItemStatus.Open && !i.GrantedOutside && i.DueOn > new DateOnly(2026, 11, 20));
    }

    private async Task<(string State, IReadOnlyList<ApprovalItem> Items)> RunAsync(string stage, bool landFirst)
    {
        var projectId = Guid.CreateVersion7();
        IReadOnlyList<Delivery> deliveries =
        [
            Delivery.Of(_approval.Signed(projectId, version: 1) with { ImportedAtStage = stage }),
            Delivery.Of(_approval.LandAcquired(projectId, 3)),
        ];
        await _approval.Consumers().DeliverAllAsync(landFirst ? Permutations.Reversed(deliveries) : deliveries);

        var approvalCase = (await _approval.CaseAsync(projectId))!;
        var items = (await _approval.ItemsAsync(projectId)).Values.OrderBy(i => i.Code).ToList();
        var events = (await _approval.EventsAsync(projectId)).Select(e => e.Type).Order(StringComparer.Ordinal);
        var state = string.Join("\n", items.Select(i => $"{i.Code} {i.Status} outside={i.GrantedOutside} due={i.DueOn}")
            .Append($"land={approvalCase.LandAcquiredOn} preLand={approvalCase.PreLandCompletedOn} permit={approvalCase.PermitIssuedOn}")
            .Append($"events={string.Join(",", events)}")
            .Append($"parked={await _approval.ParkedAsync(projectId)}"));
        return (state, items);
    }
}
