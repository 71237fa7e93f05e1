namespace Linli.Modules.Requests.Domain;

/// <summary>The lengths Open311 fields are stored with (names, codes, client-side ids, URLs).</summary>
internal static class Open311Limits
{
    public const int NameLength = 100, CodeLength = 50, IdLength = 100, UrlLength = 1000;
}
