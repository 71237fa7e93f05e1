using Linli.Modules.Facilities.Domain;

namespace Linli.Tests.Facilities;

/// <summary>The plan's facility standards against values worked out by hand.</summary>
public sealed class FacilityStandardsTests
{
    private static StandardCheck Rule(UnitFacts facts, string rule) => Assert.Single(FacilityStandards.ForCommunity(facts), c => c.Rule == rule);

    [Fact]
    public void An_urban_centre_of_500_m2_for_1500_households_lacks_100_m2_of_area_and_100_m2_per_100_households()
    {
        // 600 − 500 = 100 m²; 40 × 1,500 / 100 = 600 m² needed, 500 held → 33.3 per 100 households, 100 m² short.
        var facts = new UnitFacts("210102001002", Urban: true, Households: 1500, Residents: 3600, CentreArea: 500, CentreServiceArea: 380, CentreHours: 9,
            ElderlyCareArea: 300, ShelterArea: 0);
        var area = Rule(facts, FacilityStandards.CentreArea);
        var per100 = Rule(facts, FacilityStandards.CentrePer100);

        Assert.Equal((600.0, 500.0, 100.0), (area.Threshold, area.Value!.Value, area.Gap));
        Assert.Equal((40.0, 33.3, 100.0), (per100.Threshold, per100.Value!.Value, per100.Gap));
        Assert.False(per100.Meets);
    }

    [Fact]
    public void A_village_centre_is_held_to_350_m2_and_30_per_100_households()
    {
        // 400 m² ≥ 350; 30 × 1,000 / 100 = 300 ≤ 400.
        var facts = new UnitFacts("210124100201", Urban: false, Households: 1000, Residents: 2500, CentreArea: 400, CentreServiceArea: 330, CentreHours: 8,
            ElderlyCareArea: 250, ShelterArea: 0);
        Assert.All(FacilityStandards.ForCommunity(facts), c => Assert.True(c.Meets, c.Rule));
        Assert.Equal(350, Rule(facts, FacilityStandards.CentreArea).Threshold);
        Assert.Equal(40.0, Rule(facts, FacilityStandards.CentrePer100).Value);
    }

    [Fact]
    public void Elderly_care_needs_25_m2_per_100_households_in_built_areas_and_35_in_new_ones()
    {
        // 2,000 households: built 500 m² needed (held 450 → 50 short, 22.5 per 100); new 700 m² (250 short).
        var built = new UnitFacts("c", true, 2000, 5000, 900, 800, 8, 450, 0);
        Assert.Equal((25.0, 22.5, 50.0), (Rule(built, FacilityStandards.ElderlyCarePer100).Threshold, Rule(built, FacilityStandards.ElderlyCarePer100).Value!.Value,
            Rule(built, FacilityStandards.ElderlyCarePer100).Gap));
        var fresh = built with { NewArea = true };
        Assert.Equal((35.0, 250.0), (Rule(fresh, FacilityStandards.ElderlyCarePer100).Threshold, Rule(fresh, FacilityStandards.ElderlyCarePer100).Gap));
    }

    [Fact]
    public void Serving_share_below_80_percent_and_hours_below_8_show_their_gaps()
    {
        // 700 m² × 80 % = 560 m² should serve residents; 490 do (70 %) → 70 m² short. Open 7.5 h → 0.5 h short.
        var facts = new UnitFacts("c", true, 1000, 2400, 700, 490, 7.5, 300, 0);
        var share = Rule(facts, FacilityStandards.ServiceShare);
        var hours = Rule(facts, FacilityStandards.OpenHours);
        Assert.Equal((70.0, 70.0), (share.Value!.Value, share.Gap));
        Assert.Equal((7.5, 0.5), (hours.Value!.Value, hours.Gap));
    }

    [Fact]
    public void A_community_without_a_centre_lacks_the_whole_area_and_8_hours_and_has_no_share_to_hold()
    {
        var facts = new UnitFacts("c", true, 800, 2000, 0, 0, null, 0, 0);
        var checks = FacilityStandards.ForCommunity(facts).ToList();
        Assert.Equal(600, checks.Single(c => c.Rule == FacilityStandards.CentreArea).Gap);
        Assert.Equal(320, checks.Single(c => c.Rule == FacilityStandards.CentrePer100).Gap);
        Assert.Equal(8, checks.Single(c => c.Rule == FacilityStandards.OpenHours).Gap);
        Assert.DoesNotContain(checks, c => c.Rule == FacilityStandards.ServiceShare);
    }

    [Fact]
    public void A_community_without_households_is_not_held_to_the_per_household_rules()
    {
        var checks = FacilityStandards.ForCommunity(new UnitFacts("c", true, 0, 0, 650, 600, 9, 0, 0)).ToList();
        Assert.DoesNotContain(checks, c => c.Rule is FacilityStandards.CentrePer100 or FacilityStandards.ElderlyCarePer100);
        Assert.All(checks, c => Assert.True(c.Meets));
    }

    [Fact]
    public void A_street_needs_1_5_m2_of_shelter_per_resident()
    {
        // 40,000 residents need 60,000 m²; 46,000 held → 1.15 per resident, 14,000 short.
        var check = FacilityStandards.ForStreet("210102001", 40_000, 46_000);
        Assert.Equal((1.5, 1.15, 14_000.0), (check.Threshold, check.Value!.Value, check.Gap));
        Assert.True(FacilityStandards.ForStreet("210102001", 40_000, 60_000).Meets);
    }

    [Theory]
    [InlineData("08:30-17:30", 9)]
    [InlineData("08:00-12:00;08:00-12:00;08:00-12:00;08:00-12:00;08:00-12:00;;", 4)]
    [InlineData("24h", 24)]
    public void Weekly_hours_give_the_mean_of_the_open_days(string text, double hours) =>
        Assert.Equal(hours, WeeklyHours.TryParse(text, out _)!.HoursPerOpenDay);

    [Theory]
    [InlineData("9-5")]
    [InlineData("17:00-08:00")]
    [InlineData("08:00-17:00;08:00-17:00")]
    public void Malformed_weekly_hours_are_refused_with_a_reason(string text)
    {
        Assert.Null(WeeklyHours.TryParse(text, out var problem));
        Assert.NotNull(problem);
    }
}
