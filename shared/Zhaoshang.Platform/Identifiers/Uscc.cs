namespace Zhaoshang.Platform.Identifiers;

/// <summary>统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters, the last a check digit.</summary>
public static class Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Null when <paramref name="code"/> is a valid USCC, otherwise why it is not.</summary>
    public static string? Problem(string code)
    {
        if (code.Length != 18)
            return "A unified social credit code has 18 characters.";
        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var value = Alphabet.IndexOf(code[i]);
            if (value < 0)
                return char.IsLower(code[i])
                    ? "A unified social credit code is written in upper case."
                    : $"'{code[i]}' at position {i + 1} is not allowed in a unified social credit code.";
            if (i < 17)
                sum += value * Weights[i];
            else if (value != (31 - sum % 31) % 31)
                return "The check digit does not match (GB 32100-2015).";
        }

        return null;
    }

    public static bool IsValid(string code) => Problem(code) is null;
}
