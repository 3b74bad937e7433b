using Zhaoshang.Lead.Enterprises;
using Zhaoshang.Lead.Events;
using Zhaoshang.Lead.Intents;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.UnitTests;

public class LeadRulesTests
{
    [Fact]
    public void Quarters_without_a_major_event_are_reported()
    {
        var events = new[]
        {
            (new DateOnly(2023, 5, 15), true),
            (new DateOnly(2023, 2, 1), false),
            (new DateOnly(2023, 11, 30), true),
            (new DateOnly(2022, 1, 10), true),
        };
        Assert.Equal([1, 3], MajorEventCoverage.QuartersWithoutMajorEvent(2023, events));
        Assert.Equal([1, 2, 3, 4], MajorEventCoverage.QuartersWithoutMajorEvent(2024, events));
    }

    [Fact]
    public void A_chain_without_a_leader_shows_the_gap()
    {
        var now = DateTimeOffset.UtcNow;
        var supplier = new Enterprise(Guid.NewGuid(), "某电解液企业", null, "长三角", "新能源电池", ChainRole.Supplier, EnterprisePriority.B, 1, now, now);
        var page = new PageQuery(2, 1, null);
        var view = IndustryChains.View("新能源电池", Enum.GetValues<ChainRole>(), new Dictionary<ChainRole, long> { [ChainRole.Supplier] = 3 }, [supplier], page);
        Assert.Equal([ChainRole.ChainLeader], view.Gaps);
        var suppliers = view.Roles.Single(r => r.Role == ChainRole.Supplier).Enterprises;
        Assert.Equal((3L, 2, 1), (suppliers.Total, suppliers.PageNumber, suppliers.PageSize));
        Assert.Single(suppliers.Items);
        Assert.Empty(view.Roles.Single(r => r.Role == ChainRole.ChainLeader).Enterprises.Items);
    }

    [Fact]
    public void One_role_asked_for_answers_that_role_alone_and_the_whole_chain_s_gaps()
    {
        var view = IndustryChains.View("新能源电池", [ChainRole.Supplier], new Dictionary<ChainRole, long> { [ChainRole.Supplier] = 5 }, [],
            new PageQuery(9, 20, null));
        Assert.Equal([ChainRole.Supplier], view.Roles.Select(r => r.Role));
        Assert.Equal(5, view.Roles[0].Enterprises.Total);
        Assert.Equal([ChainRole.ChainLeader], view.Gaps);
    }

    [Fact]
    public void A_transferred_intent_stays_visible_to_the_district_it_left_but_only_the_new_one_changes_it()
    {
        var intent = new CooperationIntent(
            Guid.NewGuid(), Guid.NewGuid(), "某企业", null, "光伏", 1m, "麒麟区", "安宁市", ["安宁市"], IntentStatus.Following, null,
            new DateOnly(2026, 11, 2), null, null, null, null, null, DateTimeOffset.UtcNow, null, null, 2);
        var before = new Actor("a", Roles.District, "安宁市");
        var after = new Actor("b", Roles.District, "麒麟区");
        var stranger = new Actor("c", Roles.District, "呈贡区");
        Assert.True(intent.IsVisibleTo(before));
        Assert.False(intent.IsChangeableBy(before));
        Assert.True(intent.IsVisibleTo(after));
        Assert.True(intent.IsChangeableBy(after));
        Assert.False(intent.IsVisibleTo(stranger));
        Assert.True(intent.IsChangeableBy(new Actor("d", Roles.Bureau)));
        Assert.False(intent.IsChangeableBy(new Actor("e", Roles.Auditor)));
    }
}
