using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Protection;

namespace Linli.Tests.Residents;

/// <summary>The rules that keep the birth day out of everything stored or shown, without a database.</summary>
public sealed class BirthDateConcealmentTests
{
    private static readonly DateOnly Birth = new(1950, 3, 7);

    [Fact]
    public void The_id_mask_shows_only_the_first_four_characters()
    {
        Assert.Equal("2101**************", Masking.IdNumber("21010219500307123X"));
        Assert.Equal("***", Masking.IdNumber("210"));
    }

    [Theory]
    [InlineData(1966, 2026, true, false)] // turns 60 this year: tagged from 1 January
    [InlineData(1967, 2026, false, false)]
    [InlineData(1946, 2026, true, true)]
    [InlineData(1947, 2026, true, false)]
    public void Age_tags_count_the_age_reached_in_the_year_and_start_on_1_january(int birthYear, int year, bool sixty, bool eighty)
    {
        var tags = AgeTags.For(birthYear, new DateOnly(year, 6, 30)).ToDictionary(t => t.Tag, t => t.Start);
        Assert.Equal(sixty, tags.ContainsKey(PopulationTagKind.Elderly60));
        Assert.Equal(eighty, tags.ContainsKey(PopulationTagKind.Elderly80));
        if (sixty) Assert.Equal(new DateOnly(birthYear + 60, 1, 1), tags[PopulationTagKind.Elderly60]);
        if (eighty) Assert.Equal(new DateOnly(birthYear + 80, 1, 1), tags[PopulationTagKind.Elderly80]);
        Assert.Equal(year - birthYear, AgeTags.AgeThisYear(birthYear, new DateOnly(year, 1, 1)));
    }

    [Theory]
    [InlineData("1950-03-07", "1950-01-01")] // from birth
    [InlineData("1950-11-20", "1950-01-01")] // later in the birth year
    [InlineData("1972-03-07", "1972-01-01")] // on the 22nd birthday
    [InlineData("1972-03-08", "1972-03-08")] // any other day stays as given
    [InlineData("2019-06-30", "2019-06-30")]
    public void A_tag_start_on_a_birthday_or_in_the_birth_year_is_kept_to_its_year(string given, string stored) =>
        Assert.Equal(DateOnly.Parse(stored, System.Globalization.CultureInfo.InvariantCulture),
            TagRules.ConcealStart(DateOnly.Parse(given, System.Globalization.CultureInfo.InvariantCulture), Birth));

    [Theory]
    [InlineData("1968-03-07", "1968-12-31")] // a child's tag ending on the 18th birthday
    [InlineData("1950-12-01", "1950-12-31")]
    [InlineData("1968-03-06", "1968-03-06")]
    public void A_tag_end_on_a_birthday_or_in_the_birth_year_is_kept_to_its_year(string given, string stored) =>
        Assert.Equal(DateOnly.Parse(stored, System.Globalization.CultureInfo.InvariantCulture),
            TagRules.ConcealEnd(DateOnly.Parse(given, System.Globalization.CultureInfo.InvariantCulture), Birth));

    [Fact]
    public void A_leap_day_birthday_is_recognised_on_28_february_of_other_years() =>
        Assert.Equal(new DateOnly(1983, 1, 1), TagRules.ConcealStart(new DateOnly(1983, 2, 28), new DateOnly(1960, 2, 29)));

    [Fact]
    public void Built_tags_carry_no_date_that_repeats_the_birthday()
    {
        var given = new List<TagInput>
        {
            new(PopulationTagKind.Disabled, 2, Birth, null),
            new(PopulationTagKind.Veteran, null, Birth.AddYears(22), null),
            new(PopulationTagKind.Dibao, null, Birth.AddYears(70), Birth.AddYears(75)),
        };
        var tags = TagRules.Build(given, Birth, new DateOnly(2026, 12, 1), "210102001002");
        Assert.Contains(tags, t => t.Tag == PopulationTagKind.Elderly60 && t.StartDate == new DateOnly(2010, 1, 1));
        Assert.Contains(tags, t => t.Tag == PopulationTagKind.Dibao && t.StartDate == new DateOnly(2020, 1, 1) && t.EndDate == new DateOnly(2025, 12, 31));
        var dates = tags.SelectMany(t => new[] { t.StartDate, t.EndDate }).OfType<DateOnly>().ToList();
        Assert.DoesNotContain(dates, d => d.Month == Birth.Month && d.Day == Birth.Day);
        Assert.All(tags, t => Assert.True(t.EndDate is null || t.EndDate >= t.StartDate));
    }
}
