namespace Linli.Platform.Startup;

/// <summary>Work a module needs done once the database is migrated and before the first request (e.g. reference data).</summary>
internal interface IStartupTask
{
    int Order { get; }
    Task RunAsync(CancellationToken cancellationToken);
}

internal static class ReferenceData
{
    // Shenyang is the first deployment, not an assumption: another city ships its own files and names them in configuration.
    public const string RegionsFile = "shenyang-regions-2023.csv";
    public const string BoundariesFile = "shenyang-districts.geojson";
    public const string HolidaysFile = "china-holidays-2004-2026.json";

    /// <summary>The product's data/ folder, shipped next to the binary.</summary>
    public static string Folder(IConfiguration configuration) =>
        configuration["ReferenceData:Folder"] is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "data");
}
