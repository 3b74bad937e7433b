using Microsoft.Extensions.Configuration;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Approval.Integrations;

namespace Zhaoshang.UnitTests;

/// <summary>Each approval system decides only the items configured for it; one with none configured decides nothing.</summary>
public sealed class ApprovalSystemItemsTests
{
    private static ApprovalSystemItems From(params (string Key, string Value)[] settings) => ApprovalSystemItems.From(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
        ApprovalCatalogue.Default);

    [Fact]
    public void A_system_decides_the_items_of_its_comma_separated_list_and_no_other()
    {
        var items = From(("ApprovalSystems:Items:tzxm", "filing, verification"), ("ApprovalSystems:Items:yunnan-eia", "eia-form"));
        Assert.True(items.MayDecide("tzxm", "filing"));
        Assert.True(items.MayDecide("tzxm", "verification"));
        Assert.False(items.MayDecide("tzxm", "eia-form"));
        Assert.True(items.MayDecide("yunnan-eia", "eia-form"));
        Assert.Null(items.Refusal("yunnan-eia", "eia-form"));
        Assert.Equal("Approval system 'yunnan-eia' may decide only eia-form, not 'filing'.", items.Refusal("yunnan-eia", "filing"));
    }

    [Fact]
    public void A_system_without_items_decides_nothing()
    {
        var items = From(("ApprovalSystems:Items:tzxm", "filing"), ("ApprovalSystems:Items:empty", ""));
        Assert.False(items.MayDecide("yunnan-eia", "filing"));
        Assert.False(items.MayDecide("empty", "filing"));
        Assert.Contains("has no items configured", items.Refusal("yunnan-eia", "filing"));
        Assert.False(From().MayDecide("tzxm", "filing"));
    }

    [Fact]
    public void Codes_are_compared_exactly()
    {
        var items = From(("ApprovalSystems:Items:tzxm", "filing"));
        Assert.False(items.MayDecide("tzxm", "Filing"));
        Assert.False(items.MayDecide("TZXM", "filing"));
    }

    [Fact]
    public void An_item_that_is_not_in_the_catalogue_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("ApprovalSystems:Items:tzxm", "filing,fiiling")));
        Assert.Contains("tzxm: 'fiiling'", error.Message);
    }
}
