using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Linli.Platform.InputHygiene;

/// <summary>What is wrong with a JSON body: where (a member path such as <c>Tags[0].Name</c>, or null for the body as a whole) and what.</summary>
internal sealed record JsonTextProblem(string? Path, JsonTextProblemKind Kind, long Line = 0, long Position = 0);

internal enum JsonTextProblemKind { Syntax, ForbiddenCharacter, InvalidUtf8 }

/// <summary>
/// Reads a JSON body once, token by token, before any endpoint binds it: the syntax, UTF-8, and every string (member
/// names too) free of <see cref="ForbiddenCharacters"/>. Paths name members as the request records do (PascalCase), so
/// the answer names the same field a validation error would.
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>As deep as System.Text.Json's own default, so nothing the binder would accept is refused here.</summary>
    public const int MaxDepth = 64;

    public static JsonTextProblem? Find(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var path = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray) && path.Count > 0 && path[^1].IsArray)
                    path[^1] = path[^1] with { Index = path[^1].Index + 1 };
                switch (token)
                {
                    case JsonTokenType.StartObject:
                        path.Add(new Frame(false, -1, null));
                        break;
                    case JsonTokenType.StartArray:
                        path.Add(new Frame(true, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        path[^1] = path[^1] with { Property = null }; // a bad name is reported at its parent: the name itself is not shown
                        if (Problem(ref reader) is { } nameProblem) return new JsonTextProblem(PathOf(path), nameProblem);
                        path[^1] = path[^1] with { Property = reader.GetString() };
                        break;
                    case JsonTokenType.String:
                        if (Problem(ref reader) is { } valueProblem) return new JsonTextProblem(PathOf(path), valueProblem);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return new JsonTextProblem(null, JsonTextProblemKind.Syntax, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }
        return null;
    }

    private static JsonTextProblemKind? Problem(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
            // Unescaped control characters are a syntax error to the reader already; only the UTF-8 is left to check.
            return Utf8.IsValid(reader.ValueSpan) ? null : JsonTextProblemKind.InvalidUtf8; // one span: the reader reads a span, never a sequence
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800), or invalid UTF-8 beside the escapes.
            return JsonTextProblemKind.InvalidUtf8;
        }
        return ForbiddenCharacters.AreIn(text, freeText: true) ? JsonTextProblemKind.ForbiddenCharacter : null;
    }

    private readonly record struct Frame(bool IsArray, int Index, string? Property);

    private static string? PathOf(List<Frame> path)
    {
        var text = new StringBuilder();
        foreach (var frame in path)
        {
            if (frame.IsArray)
            {
                if (frame.Index >= 0) text.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Property is { } property)
            {
                if (text.Length > 0) text.Append('.');
                text.Append(MemberName(property));
            }
        }
        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>The JSON name as the request record's member (camelCase in JSON, PascalCase in C#).</summary>
    public static string MemberName(string jsonName) =>
        jsonName.Length > 0 && char.IsLower(jsonName[0]) ? char.ToUpperInvariant(jsonName[0]) + jsonName[1..] : jsonName;
}
