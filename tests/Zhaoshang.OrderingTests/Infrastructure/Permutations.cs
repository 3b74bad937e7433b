namespace Zhaoshang.OrderingTests.Infrastructure;

/// <summary>
/// Orders a consumer's deliveries might arrive in: shuffled, with some delivered twice (a redelivery or a relay's
/// re-publish keeps its message id). Seeded, so a failing order can be replayed from the seed the test prints.
/// </summary>
public static class Permutations
{
    public static IReadOnlyList<Delivery> Shuffle(IReadOnlyList<Delivery> inOrder, Random random, double duplicateShare = 0.3)
    {
        var all = inOrder.ToList();
        all.AddRange(inOrder.Where(_ => random.NextDouble() < duplicateShare));
        for (var i = all.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all;
    }

    /// <summary>The reversed order: the one a test can name without a seed.</summary>
    public static IReadOnlyList<Delivery> Reversed(IReadOnlyList<Delivery> inOrder) => inOrder.Reverse().ToList();
}
