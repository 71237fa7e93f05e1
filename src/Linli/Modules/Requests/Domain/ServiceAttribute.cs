using System.Text.Json;

namespace Linli.Modules.Requests.Domain;

/// <summary>One question a service (a leaf category) asks when a request is filed: its service definition (data, not code).</summary>
internal sealed class ServiceAttribute
{
    public int Id { get; set; }
    public int CategoryId { get; set; }
    public required string Code { get; set; }
    public int Order { get; set; }
    public AttributeDatatype Datatype { get; set; }
    public bool Required { get; set; }
    /// <summary>False: informational only, no value is asked for.</summary>
    public bool Variable { get; set; } = true;
    public required string Description { get; set; }
    public string? DatatypeDescription { get; set; }
    /// <summary>The list values of (single|multi)valuelist attributes as JSON [{"Key":…,"Name":…}].</summary>
    public string? ValuesJson { get; set; }

    public IReadOnlyList<ServiceAttributeValue> Values() =>
        ValuesJson is null ? [] : JsonSerializer.Deserialize<List<ServiceAttributeValue>>(ValuesJson) ?? [];

    public static string? ToJson(IEnumerable<ServiceAttributeValue>? values) =>
        values?.ToList() is { Count: > 0 } list ? JsonSerializer.Serialize(list) : null;
}
