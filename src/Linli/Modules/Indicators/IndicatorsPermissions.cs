using Linli.Platform.Auth;

namespace Linli.Modules.Indicators;

/// <summary>Who may read the plan's indicators: the staff of an area read their area's, supervisors the city's.</summary>
internal static class IndicatorsPermissions
{
    public const string ReadIndicators = "indicators.read";

    public static readonly Permission[] Declared =
    [
        new(ReadIndicators, [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor, Roles.Administrator]),
    ];
}
