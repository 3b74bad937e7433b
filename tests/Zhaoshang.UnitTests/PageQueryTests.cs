using Zhaoshang.Platform.Paging;

namespace Zhaoshang.UnitTests;

public class PageQueryTests
{
    [Fact]
    public void The_largest_page_number_is_far_past_the_list_not_an_overflow() =>
        Assert.Equal((long)(int.MaxValue - 1) * 200, new PageQuery(int.MaxValue, 200, null).Offset);
}
