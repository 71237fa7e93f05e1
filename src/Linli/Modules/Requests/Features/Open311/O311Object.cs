namespace Linli.Modules.Requests.Features.Open311;

/// <summary>An element with fields in order: an XML element with children, a JSON object.</summary>
internal sealed class O311Object(string element) : List<(string Name, object? Value)>
{
    public string Element { get; } = element;

    public O311Object Add(string name, object? value)
    {
        Add((name, value));
        return this;
    }
}
