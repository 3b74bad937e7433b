using Zhaoshang.Load;

namespace Zhaoshang.IntegrationTests.Infrastructure;

internal static class TestData
{
    /// <summary>A fresh valid unified social credit code (GB 32100-2015), so tests never collide on USCC.</summary>
    public static string NewUscc() => UsccCodes.New();
}
