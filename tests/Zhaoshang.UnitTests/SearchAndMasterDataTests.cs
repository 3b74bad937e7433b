using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Search;
using Zhaoshang.Project.MasterData;

namespace Zhaoshang.UnitTests;

public class SearchAndMasterDataTests
{
    [Theory]
    [InlineData("宁德", "%宁德%")]
    [InlineData(" 91110000 ", "%91110000%")]
    [InlineData("50%_股", @"%50\%\_股%")]
    [InlineData(@"a\b", @"%a\\b%")]
    public void A_search_term_is_found_anywhere_and_its_wildcards_are_taken_literally(string q, string pattern) =>
        Assert.Equal(pattern, SearchTerm.Pattern(q));

    [Theory]
    [InlineData(null, false)]
    [InlineData(" 宁 ", false)]
    [InlineData("宁德", true)]
    public void A_search_term_needs_two_characters(string? q, bool valid) =>
        Assert.Equal(valid, SearchTerm.Check(new ValidationErrors(), q).IsValid);

    private static MasterDataRequest Request(
        int? jobs = 300, decimal? intensity = 400m, decimal? tax = 30m, string? start = "2027-01-01", string? finish = "2028-06-30") =>
        new("绿色铝项目", "铝板带箔", "安宁市", start is null ? null : DateOnly.Parse(start), finish is null ? null : DateOnly.Parse(finish),
            jobs, intensity, tax, 3);

    [Fact]
    public void Master_data_within_its_bounds_is_valid() => Assert.True(Request().Validate().IsValid);

    [Theory]
    [InlineData(-1, 400, 30, "2027-01-01", "2028-06-30")]
    [InlineData(300, -0.01, 30, "2027-01-01", "2028-06-30")]
    [InlineData(300, 400, 30.001, "2027-01-01", "2028-06-30")]
    [InlineData(300, 400, 30, "2028-07-01", "2028-06-30")]
    public void Master_data_out_of_bounds_is_refused(int jobs, double intensity, double tax, string start, string finish) =>
        Assert.False(Request(jobs, (decimal)intensity, (decimal)tax, start, finish).Validate().IsValid);
}
