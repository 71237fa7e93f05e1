namespace Linli.Platform.Seeding;

/// <summary>
/// The shape of the synthetic city, calibrated on the plan's 2020 facts and the 2020 census:
/// 9,070,093 residents in about 3.4 million households; 9,758 urban community workers serving 12.73 per 10,000 urban
/// residents puts about 7.665 million people in urban communities and the rest in villages. Every module's seeder reads
/// the same numbers here, so households, grids and the people in them agree.
/// </summary>
internal static class CityProfile
{
    public const long CityResidents = 9_070_093;
    public const long UrbanResidents = 7_665_000;
    public const long RuralResidents = CityResidents - UrbanResidents;
    public const long CityHouseholds = 3_400_000;

    public const double UrbanHouseholdSize = 2.55;
    public const double RuralHouseholdSize = 3.55;

    /// <summary>Target households per grid in urban communities: 300–500.</summary>
    public const int HouseholdsPerUrbanGrid = 400;

    /// <summary>Households a community has at full scale: drawn once per community, the same for every module and every scale.</summary>
    public static int FullScaleHouseholds(int seed, string communityCode, bool urban, bool village, int urbanCommunities, int villages)
    {
        if (!urban && !village) return 0; // virtual units (farms, zones) have no registered households here
        var random = SeedRandom.For(seed, "households", communityCode);
        var mean = urban
            ? UrbanResidents / UrbanHouseholdSize / urbanCommunities
            : RuralResidents / RuralHouseholdSize / villages;
        // Spread of ±30 % (urban) and ±40 % (villages), clipped so no unit is empty or absurd.
        var spread = urban ? 0.30 : 0.40;
        var draw = mean * (1 + spread * Math.Clamp(random.NextGaussian(), -2.5, 2.5));
        return (int)Math.Round(Math.Max(mean * 0.2, draw));
    }

    public static int GridCount(int fullScaleHouseholds, bool urban) =>
        urban
            ? Math.Max(1, (int)Math.Round(fullScaleHouseholds / (double)HouseholdsPerUrbanGrid))
            : fullScaleHouseholds > HouseholdsPerUrbanGrid ? 2 : 1;
}
