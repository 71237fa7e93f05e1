namespace Linli.Platform.Geography;

/// <summary>Distances on the earth's surface, for placing points and finding what lies near them.</summary>
internal static class Geo
{
    private const double EarthRadius = 6_371_000;

    public static double DistanceMeters(double lon1, double lat1, double lon2, double lat2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Degrees of latitude and longitude spanning <paramref name="meters"/> at a latitude: a box an index can serve.</summary>
    public static (double DLon, double DLat) Box(double latitude, double meters)
    {
        var dLat = meters / 111_320.0;
        var dLon = meters / (111_320.0 * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        return (dLon, dLat);
    }

    /// <summary>The point <paramref name="eastMeters"/> east and <paramref name="northMeters"/> north of a point (locally flat: for offsets of a few kilometres).</summary>
    public static (double Longitude, double Latitude) Offset(double longitude, double latitude, double eastMeters, double northMeters)
    {
        var metresPerDegree = EarthRadius * Math.PI / 180;
        return (longitude + eastMeters / (metresPerDegree * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180))), latitude + northMeters / metresPerDegree);
    }
}
