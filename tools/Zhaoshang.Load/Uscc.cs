namespace Zhaoshang.Load;

/// <summary>Fresh valid unified social credit codes (GB 32100-2015), so no two enterprises of a run collide.</summary>
public static class UsccCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string New() =>
        WithCheckCharacter("91530100" + new string(Enumerable.Range(0, 9).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]).ToArray()));

    /// <summary>The <paramref name="n"/>th code of a numbered series (the province data generator's): distinct for distinct n.</summary>
    public static string Numbered(long n)
    {
        var digits = new char[9];
        for (var i = 8; i >= 0; i--, n /= Alphabet.Length)
            digits[i] = Alphabet[(int)(n % Alphabet.Length)];
        return WithCheckCharacter("91530100" + new string(digits));
    }

    private static string WithCheckCharacter(string body)
    {
        var sum = body.Select((c, i) => Alphabet.IndexOf(c) * Weights[i]).Sum();
        return body + Alphabet[(31 - sum % 31) % 31];
    }
}
