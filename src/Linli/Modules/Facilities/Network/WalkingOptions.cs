namespace Linli.Modules.Facilities.Network;

/// <summary>
/// How fast residents walk and how far the living circle reaches (configuration section <c>Facilities:Walking</c>).
/// 4.5 km/h is the pace for older walkers; 15 minutes is the 完整社区 circle.
/// </summary>
internal sealed class WalkingOptions
{
    public const string Section = "Facilities:Walking";

    public double SpeedKmPerHour { get; set; } = 4.5;
    public double CircleMinutes { get; set; } = 15;

    public double MetersPerMinute => SpeedKmPerHour * 1000 / 60;

    /// <summary>The cutoff of every search: the distance walked in the circle's minutes.</summary>
    public float CutoffMeters => (float)(MetersPerMinute * CircleMinutes);

    public double Minutes(float meters) => meters / MetersPerMinute;
}
