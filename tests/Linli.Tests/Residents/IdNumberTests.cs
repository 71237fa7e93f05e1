using Linli.Modules.Residents.Domain;
using Linli.Platform.PersonalData;

namespace Linli.Tests.Residents;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Theory]
    [InlineData("11010519491231002X")] // the example of GB 11643-1999, check character X
    [InlineData("440524198001010013")] // sequence 001, check digit 3
    [InlineData("11010519491231002x")] // lower-case x is read as X
    public void A_number_with_a_real_birth_date_and_the_right_check_character_is_valid(string id)
    {
        Assert.Null(IdNumber.Problem(id, Today));
        Assert.True(IdNumber.TryParse(id, Today, out var info));
        Assert.Equal(IdNumber.Normalize(id), info.Value);
    }

    [Fact]
    public void Birth_date_and_sex_are_read_from_the_number()
    {
        Assert.True(IdNumber.TryParse("11010519491231002X", Today, out var woman));
        Assert.Equal(new DateOnly(1949, 12, 31), woman.BirthDate);
        Assert.Equal(Linli.Modules.Residents.Contracts.Gender.Female, woman.Gender); // sequence 002: even
        Assert.True(IdNumber.TryParse("440524198001010013", Today, out var man));
        Assert.Equal(Linli.Modules.Residents.Contracts.Gender.Male, man.Gender); // sequence 001: odd
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("440524198001010014")]
    [InlineData("11010519491231002Y")]
    public void A_wrong_check_character_is_refused(string id) => Assert.NotNull(IdNumber.Problem(id, Today));

    [Fact]
    public void A_wrong_check_character_is_named_as_such() => Assert.Contains("校验位", IdNumber.Problem("110105194912310021", Today));

    [Theory]
    [InlineData("1101051949023")] // 30 February 1949
    [InlineData("1101051950133")] // month 13
    [InlineData("1101051900000")] // month 0, day 0
    [InlineData("1101052030011")] // 10 January 2030, after today
    [InlineData("1101051850011")] // 1850, before 1900
    public void A_birth_date_that_is_not_real_is_refused_even_with_a_correct_check_character(string first13)
    {
        var first17 = first13 + "0012";
        var id = first17 + IdNumber.CheckCharacter(first17);
        Assert.Contains("出生日期", IdNumber.Problem(id, Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("11010519491231002")] // 17
    [InlineData("11010519491231002X0")] // 19
    [InlineData("110105491231002")] // the old 15-digit form
    public void A_number_of_the_wrong_length_is_refused(string id) => Assert.NotNull(IdNumber.Problem(id, Today));

    [Theory]
    [InlineData("1101051949123100AX")]
    [InlineData("11010519491231002-")]
    public void Letters_other_than_a_final_X_are_refused(string id) => Assert.NotNull(IdNumber.Problem(id, Today));

    [Fact]
    public void Composed_numbers_carry_the_right_check_character()
    {
        var id = IdNumber.Compose("210102", new DateOnly(1961, 5, 9), 123);
        Assert.Equal(18, id.Length);
        Assert.StartsWith("21010219610509123", id, StringComparison.Ordinal);
        Assert.Null(IdNumber.Problem(id, Today));
    }
}
