namespace Linli.Modules.Requests.Domain;

/// <summary>Sizes of free text: the same numbers bound the columns and validate requests (a longer text is a 400 naming the field).</summary>
internal static class RequestLimits
{
    public const int Description = 4000;
    public const int Address = 200;
    public const int Opinion = 2000;
    public const int Phone = 20;
    /// <summary>A person named in a step (who reported in by phone).</summary>
    public const int PersonName = 100;
}
