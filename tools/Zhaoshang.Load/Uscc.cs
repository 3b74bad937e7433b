namespace Zhaoshang.Load;

/// <summary>Fresh valid unified social credit codes (GB 32100-2015), so no two enterprises of a run collide.</summary>
public static class UsccCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string New()
    {
        var body = "91530100" + new string(Enumerable.Range(0, 9).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]).ToArray());
        var sum = body.Select((c, i) => Alphabet.IndexOf(c) * Weights[i]).Sum();
        return body + Alphabet[(31 - sum % 31) % 31];
    }
}
