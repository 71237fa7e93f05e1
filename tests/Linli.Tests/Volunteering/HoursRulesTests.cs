using Linli.Modules.Volunteering.Domain;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Volunteering;

/// <summary>The daily cap of credited hours, without a database.</summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed class HoursRulesTests
{
    [Theory]
    [InlineData(120, 0, 720, 120)]
    [InlineData(420, 480, 720, 240)]
    [InlineData(60, 720, 720, 0)]
    [InlineData(900, 0, 720, 720)]
    public void Credited_minutes_stop_at_the_daily_cap(int attended, int already, int cap, int credited) =>
        Assert.Equal(credited, HoursRules.Credit(attended, already, cap));

    [Fact]
    public void The_cap_is_twelve_hours_unless_configured() => Assert.Equal(720, new HoursOptions().DailyCapMinutes);
}
