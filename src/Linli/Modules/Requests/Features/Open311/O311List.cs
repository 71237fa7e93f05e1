namespace Linli.Modules.Requests.Features.Open311;

/// <summary>A list: in XML a wrapper element with one child element per item; in JSON an array.</summary>
internal sealed record O311List(string Element, string ItemElement, IReadOnlyList<object?> Items);
