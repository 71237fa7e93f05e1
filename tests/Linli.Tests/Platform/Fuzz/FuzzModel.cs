using System.Text.Json;

namespace Linli.Tests.Platform.Fuzz;

/// <summary>What a value should be, read from the OpenAPI document or a page's bound properties.</summary>
internal sealed record FuzzSchema(
    FuzzKind Kind,
    string? Format = null,
    IReadOnlyList<string>? Values = null,
    FuzzSchema? Items = null,
    IReadOnlyList<FuzzProperty>? Properties = null)
{
    public static readonly FuzzSchema Text = new(FuzzKind.String);

    /// <summary>An OpenAPI 3.1 schema as the kind the binder will read: <c>["null","integer","string"]</c> is an integer, <c>oneOf [null, $ref]</c> the reference.</summary>
    public static FuzzSchema From(JsonElement schema, JsonElement components, int depth = 0)
    {
        if (depth > 6) return Text;
        if (schema.TryGetProperty("$ref", out var reference))
            return From(components.GetProperty(reference.GetString()!.Split('/')[^1]), components, depth + 1);
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var concrete = oneOf.EnumerateArray().FirstOrDefault(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            return concrete.ValueKind == JsonValueKind.Undefined ? Text : From(concrete, components, depth + 1);
        }
        if (schema.TryGetProperty("enum", out var values))
            return new FuzzSchema(FuzzKind.Enum, Values: values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList());
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("array"))
            return new FuzzSchema(FuzzKind.Array, Items: schema.TryGetProperty("items", out var items) ? From(items, components, depth + 1) : Text);
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
            return new FuzzSchema(FuzzKind.Object, Properties: schema.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => new FuzzProperty(p.Name, From(p.Value, components, depth + 1))).ToList()
                : []);
        if (types.Contains("integer")) return new FuzzSchema(FuzzKind.Integer, format);
        if (types.Contains("number")) return new FuzzSchema(FuzzKind.Number, format);
        if (types.Contains("boolean")) return new FuzzSchema(FuzzKind.Boolean);
        if (format == "binary") return new FuzzSchema(FuzzKind.File);
        return new FuzzSchema(FuzzKind.String, format);
    }

    /// <summary>A page's bound property type as the kind of form field it is.</summary>
    public static FuzzSchema From(Type type, int depth = 0)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 3) return Text;
        if (type == typeof(string) || type == typeof(Guid)) return Text;
        if (type.IsEnum) return new FuzzSchema(FuzzKind.Enum, Values: Enum.GetNames(type));
        if (type == typeof(bool)) return new FuzzSchema(FuzzKind.Boolean);
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return new FuzzSchema(FuzzKind.Integer, type == typeof(long) ? "int64" : "int32");
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float)) return new FuzzSchema(FuzzKind.Number);
        if (type == typeof(DateOnly)) return new FuzzSchema(FuzzKind.String, "date");
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return new FuzzSchema(FuzzKind.String, "date-time");
        if (typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(type)
            || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericArguments()[0] == typeof(Microsoft.AspNetCore.Http.IFormFile)))
            return new FuzzSchema(FuzzKind.File);
        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (element is not null) return new FuzzSchema(FuzzKind.Array, Items: From(element, depth + 1));
        return new FuzzSchema(FuzzKind.Object, Properties: type.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .Select(p => new FuzzProperty(p.Name, From(p.PropertyType, depth + 1))).ToList());
    }
}

internal sealed record FuzzProperty(string Name, FuzzSchema Schema);

internal enum FuzzKind { String, Integer, Number, Boolean, Enum, Array, Object, File }

internal enum FuzzBodyKind { None, Json, Form, Multipart }

/// <summary>One operation to send malformed variants to.</summary>
/// <param name="Template">The path with its parameters filled in with values that exist ({0}-style holes kept in <paramref name="Parameters"/>).</param>
internal sealed record FuzzOperation(
    string Origin,
    string Method,
    string Template,
    IReadOnlyList<FuzzParameter> Parameters,
    FuzzBodyKind BodyKind,
    FuzzSchema? Body,
    string? Handler = null)
{
    public override string ToString() => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";
}

internal sealed record FuzzParameter(string Name, string In, FuzzSchema Schema);
