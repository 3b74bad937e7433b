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

    /// <summary>
    /// How many journeys or orders a permutation test tries: the suite's count, times <c>ZS_ORDERING_SCALE</c> for a long
    /// run (README, "Tests").
    /// </summary>
    public static int Sampled(int suiteCount) =>
        suiteCount * (int.TryParse(Environment.GetEnvironmentVariable("ZS_ORDERING_SCALE"), out var scale) && scale > 0 ? scale : 1);

    /// <summary>The reversed order: the one a test can name without a seed.</summary>
    public static IReadOnlyList<Delivery> Reversed(IReadOnlyList<Delivery> inOrder) => inOrder.Reverse().ToList();
}
