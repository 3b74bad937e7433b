using Zhaoshang.Platform.Identifiers;

namespace Zhaoshang.UnitTests;

public class UsccTests
{
    [Theory]
    [InlineData("91110000600037341L")]
    [InlineData("91530100MA6K5X0000")]
    [InlineData("91440300MA5FUTK002")]
    public void Accepts_codes_whose_check_digit_matches(string code)
    {
        var fixedUp = code[..17] + CheckDigitFor(code[..17]);
        Assert.Null(Uscc.Problem(fixedUp));
        Assert.True(Uscc.IsValid(fixedUp));
    }

    [Fact]
    public void Accepts_the_published_example() => Assert.True(Uscc.IsValid("91110000600037341L"));

    [Theory]
    [InlineData("91110000600037341A", "check digit")]
    [InlineData("91110000600037342L", "check digit")]
    [InlineData("91110000600037341l", "upper case")]
    [InlineData("9111000060003734", "18 characters")]
    [InlineData("91110000600037341LX", "18 characters")]
    [InlineData("", "18 characters")]
    [InlineData("91110000600O37341L", "'O' at position 12")]
    [InlineData("9111000060003734IL", "'I' at position 17")]
    [InlineData("911100006000373S1L", "'S' at position 16")]
    [InlineData("9111000060003734-L", "'-' at position 17")]
    public void Refuses_invalid_codes_and_says_why(string code, string reason)
    {
        var problem = Uscc.Problem(code);
        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_single_changed_character_is_detected()
    {
        const string valid = "91110000600037341L";
        for (var i = 0; i < 17; i++)
        {
            var changed = valid.ToCharArray();
            changed[i] = changed[i] == '1' ? '2' : '1';
            Assert.False(Uscc.IsValid(new string(changed)), $"change at position {i + 1} went unnoticed");
        }
    }

    /// <summary>Independent restatement of GB 32100-2015 to build valid fixtures.</summary>
    private static char CheckDigitFor(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = first17.Select((c, i) => alphabet.IndexOf(c) * weights[i]).Sum();
        return alphabet[(31 - sum % 31) % 31];
    }
}
