namespace Linli.Modules.Care.Domain;

/// <summary>Lengths of the free-text fields, shared by the mapping and the requests' validation.</summary>
internal static class CareLimits
{
    public const int Reason = 200;
    public const int Note = 200;
    public const int Notes = 1000;
}
