using Linli.Modules.Residents.Contracts;
using Linli.Modules.ServiceDesk.Domain.Cases;

namespace Linli.Tests.ServiceDesk.Cases;

public sealed class EligibilityRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    [Theory]
    [InlineData("1966-11-02", 60)] // the 60th birthday
    [InlineData("1966-11-03", 59)] // the day before it
    [InlineData("1964-02-29", 62)] // born on a leap day
    public void Age_counts_full_years_on_the_day(string birth, int age) =>
        Assert.Equal(age, EligibilityRules.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void A_minimum_age_refuses_the_day_before_the_birthday_and_admits_on_it()
    {
        Assert.NotNull(EligibilityRules.Problem(60, null, new DateOnly(1966, 11, 3), Today, []));
        Assert.Null(EligibilityRules.Problem(60, null, new DateOnly(1966, 11, 2), Today, []));
    }

    [Fact]
    public void A_required_tag_refuses_a_pool_resident_without_it_and_cannot_be_checked_for_a_person_new_to_the_pool()
    {
        var refusal = EligibilityRules.Problem(null, PopulationTagKind.Disabled, new DateOnly(1980, 1, 1), Today, [PopulationTagKind.Dibao]);
        Assert.NotNull(refusal);
        Assert.Contains("残疾人", refusal.ToString());
        Assert.Null(EligibilityRules.Problem(null, PopulationTagKind.Disabled, new DateOnly(1980, 1, 1), Today, [PopulationTagKind.Disabled]));
        Assert.Null(EligibilityRules.Problem(null, PopulationTagKind.Disabled, new DateOnly(1980, 1, 1), Today, null));
    }
}
