using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Indicators.Domain.DataEntry;
using Linli.Platform.Auth;

namespace Linli.Tests.Indicators.DataEntry;

public sealed class EntryTransitionsTests
{
    [Theory]
    [InlineData("Draft", "Submit", "Submitted", "community_worker")]
    [InlineData("Submitted", "Approve", "StreetApproved", "street_staff")]
    [InlineData("StreetApproved", "Approve", "DistrictApproved", "district_staff")]
    [InlineData("Submitted", "Return", "Draft", "street_staff")]
    [InlineData("StreetApproved", "Return", "Draft", "district_staff")]
    [InlineData("DistrictApproved", "Reopen", "Draft", "district_staff")]
    public void Each_step_leads_to_its_state_and_belongs_to_one_level(string from, string action, string to, string role)
    {
        var next = EntryTransitions.Next(Enum.Parse<EntryStatus>(from), Enum.Parse<EntryAction>(action));
        Assert.Equal((Enum.Parse<EntryStatus>(to), EntryTransitions.LevelOf(role)!.Value), next);
    }

    [Fact]
    public void A_district_approved_value_is_locked_and_only_a_reopen_leaves_it()
    {
        Assert.True(EntryTransitions.IsLocked(EntryStatus.DistrictApproved));
        Assert.Equal([EntryAction.Reopen], EntryTransitions.Allowed(EntryStatus.DistrictApproved));
        Assert.Null(EntryTransitions.Next(EntryStatus.DistrictApproved, EntryAction.Save));
        Assert.False(EntryTransitions.IsLocked(EntryStatus.StreetApproved));
    }

    [Fact]
    public void Steps_out_of_order_are_not_in_the_table()
    {
        Assert.Null(EntryTransitions.Next(EntryStatus.Draft, EntryAction.Approve));
        Assert.Null(EntryTransitions.Next(EntryStatus.Draft, EntryAction.Return));
        Assert.Null(EntryTransitions.Next(EntryStatus.Submitted, EntryAction.Submit));
        Assert.Null(EntryTransitions.Next(EntryStatus.Submitted, EntryAction.Save));
        Assert.Null(EntryTransitions.Next(EntryStatus.StreetApproved, EntryAction.Reopen));
        Assert.Null(EntryTransitions.LevelOf(Roles.Supervisor));
    }
}

public sealed class EntryRulesTests
{
    private const string Building = MeasureCodes.CommunityBuildingArea, Commercial = MeasureCodes.CommercialServiceArea;

    [Fact]
    public void A_plausible_value_passes() => Assert.Empty(EntryRules.Check(Building, 120_000, 8_000, 110_000, null));

    [Fact]
    public void A_comment_longer_than_its_column_is_refused_naming_the_field()
    {
        Assert.Empty(EntryRules.Check(Building, 120_000, null, null, new string('说', EntryRules.MaxCommentLength)));
        Assert.Equal("comment", Assert.Single(EntryRules.Check(Building, 120_000, null, null, new string('说', EntryRules.MaxCommentLength + 1))).Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5_000_001)]
    [InlineData(double.NaN)]
    public void A_negative_or_implausibly_large_value_is_refused_naming_the_value(double value) =>
        Assert.Equal("value", Assert.Single(EntryRules.Check(Building, value, null, null, null)).Field);

    [Fact]
    public void The_commercial_area_may_not_exceed_the_building_area_either_way_round()
    {
        Assert.Equal("value", Assert.Single(EntryRules.Check(Commercial, 9_000, 8_000, null, null)).Field);
        Assert.Equal("value", Assert.Single(EntryRules.Check(Building, 8_000, 9_000, null, null)).Field);
        Assert.Empty(EntryRules.Check(Commercial, 8_000, 8_000, null, null));
    }

    [Fact]
    public void A_change_of_more_than_half_from_last_year_needs_a_comment()
    {
        Assert.Equal("comment", Assert.Single(EntryRules.Check(Commercial, 1_600, null, 1_000, null)).Field);
        Assert.Equal("comment", Assert.Single(EntryRules.Check(Commercial, 400, null, 1_000, " ")).Field);
        Assert.Empty(EntryRules.Check(Commercial, 1_600, null, 1_000, "新建社区商业综合体"));
        Assert.Empty(EntryRules.Check(Commercial, 1_500, null, 1_000, null));
        Assert.Empty(EntryRules.Check(Commercial, 1_600, null, null, null));
    }

    [Fact]
    public void A_measure_not_entered_by_hand_is_refused() =>
        Assert.Equal("measureCode", Assert.Single(EntryRules.Check(MeasureCodes.Households, 1, null, null, null)).Field);
}
