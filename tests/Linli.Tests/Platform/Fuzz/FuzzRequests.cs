using System.Text;

namespace Linli.Tests.Platform.Fuzz;

/// <summary>The values a well-formed request carries (records that exist), from which each variant breaks one thing.</summary>
internal sealed record FuzzTargets(
    int Category, long Ticket, long OtherTicket, string ResidentTicketNumber, long Resident, long Household, int SpareOpen311Client,
    string Open311Key, string Open311Number, string Open311Token, string VictimAccount, string IdNumber, string ServiceItem, long ServiceCase)
{
    public const string Community = Infrastructure.CityFixture.CommunityA;

    public string Route(string template, string name) => name switch
    {
        "format" => "json",
        "service_code" or "categoryId" => FuzzValues.Inv(Category),
        "service_request_id" => Open311Number,
        "token" => Open311Token,
        "code" when template.Contains("/service-items/", StringComparison.Ordinal) => ServiceItem,
        "code" when template.Contains("/indicators/", StringComparison.Ordinal) => "centre-area-per-100-households",
        "community" => Community,
        "year" => "2025",
        "measure" => "entry.community_building_area",
        "code" or "district" => "210102",
        "queue" => "ToDispatch",
        "number" => ResidentTicketNumber,
        "status" => "400",
        "path" => "nothing/here.json",
        "documentName" => "v1",
        "id" when template.Contains("/households/", StringComparison.Ordinal) => FuzzValues.Inv(Household),
        "id" when template.Contains("residents/", StringComparison.Ordinal) => FuzzValues.Inv(Resident),
        "id" when template.Contains("/categories/", StringComparison.Ordinal) => FuzzValues.Inv(Category),
        "id" when template.Contains("/clients/", StringComparison.Ordinal) => FuzzValues.Inv(SpareOpen311Client),
        "id" when template.Contains("admin/accounts/", StringComparison.Ordinal) => VictimAccount,
        "id" when template.Contains("/inbox/", StringComparison.Ordinal) => "1",
        "id" when template.Contains("/service-cases/", StringComparison.Ordinal) => FuzzValues.Inv(ServiceCase),
        "id" when template.Contains("/facilities/", StringComparison.Ordinal) => "1",
        "id" when template.Contains("/volunteer", StringComparison.Ordinal) => "1",
        "residentId" when template.Contains("/care/", StringComparison.Ordinal) => FuzzValues.Inv(Resident),
        "id" => FuzzValues.Inv(Ticket),
        _ => "1",
    };

    /// <summary>A plausible value for a field (unescaped text), or null to leave the field out.</summary>
    public string? Value(string name, FuzzSchema schema)
    {
        var key = name.ToLowerInvariant().Split('.')[^1];
        return schema.Kind switch
        {
            FuzzKind.Integer => key switch
            {
                "categoryid" or "service_code" or "suggestedcategoryid" => FuzzValues.Inv(Category),
                "duplicateradiusmeters" => "100",
                "intoticketid" => FuzzValues.Inv(OtherTicket),
                "residentid" => FuzzValues.Inv(Resident), // a resident of the community: registered as volunteer 1, who claims order 1
                "householdid" or "version" or "grade" or "parentid" => null,
                "pagesize" or "page_size" => "10",
                "days" => "3",
                _ => "1",
            },
            // The place is the community code; a point too would have to lie inside it.
            FuzzKind.Number => key is "lat" or "latitude" or "long" or "longitude" ? null : "1.5",
            FuzzKind.Boolean => "false",
            FuzzKind.Enum => key == "gender" ? null : schema.Values?.FirstOrDefault() ?? "x", // gender follows from the ID number
            FuzzKind.String when schema.Format == "date" => key == "birthdate" ? null : "2026-11-02",
            // A volunteer order's service time lies ahead; the sign-out of its attendance (past) two hours after the sign-in.
            FuzzKind.String when schema.Format == "date-time" => key switch
            {
                "startsat" => "2030-01-02T09:00:00+08:00",
                "endsat" => "2030-01-02T11:00:00+08:00",
                "signoutat" => "2026-11-02T11:00:00+08:00",
                _ => "2026-11-02T09:00:00+08:00",
            },
            FuzzKind.String => key switch
            {
                "communitycode" or "address_id" => Community,
                "gridcode" or "step" or "rankby" or "then" or "attribute[problem]" => null,
                // A volunteer's skill (the schema names no values), and no party details or account for one who is not a member.
                "skill" or "skills" => "ElderlyCare",
                "partybranch" or "workunit" or "accountusername" => null,
                "idnumber" => IdNumber,
                "itemcode" => ServiceItem,
                "phone" or "contactphone" or "lookupphone" => "13800001111",
                "unitcode" or "unitcodes" or "departmentcode" or "departmentcodes" or "department" or "dispatchto" => "water",
                "field" => "phone",
                "region" or "districtcode" or "under" => "210102",
                "streetcode" => "210102001",
                "username" => "fuzz.nobody",
                "password" or "initialpassword" => "Fuzz#Pass2026",
                "api_key" => Open311Key,
                "email" => "someone@example.cn",
                "media_url" => "https://example.cn/a.jpg",
                "returnurl" => "/",
                "culture" => "zh-CN",
                "period" => "month",
                "format" => "csv",
                "name" or "displayname" or "first_name" or "last_name" => "测试名称",
                "roles" => "resident",
                _ => "路灯不亮",
            },
            _ => null,
        };
    }

    /// <summary>A field's value as JSON text (structures written by <see cref="FuzzRequests.Json"/>), or null to leave it out.</summary>
    public string? Json(string name, FuzzSchema schema) => Value(name, schema) is not { } value ? null
        : schema.Kind is FuzzKind.Integer or FuzzKind.Number or FuzzKind.Boolean ? value
        : System.Text.Json.JsonSerializer.Serialize(value);
}

/// <summary>
/// How many variants: <see cref="Full"/> for the first caller admitted to an operation, <see cref="Lite"/> (three values
/// a field) for the further handlers of a page already fuzzed in full (they bind the same fields), <see cref="Few"/>
/// (the body-parsing variants) for other admitted callers, <see cref="Minimal"/> for callers stopped at authorization,
/// which the variants could not get past anyway.
/// </summary>
internal enum FuzzDepth { Minimal, Few, Lite, Full }

/// <summary>Builds the requests: a well-formed one per operation, then the variants, each breaking one thing.</summary>
internal static class FuzzRequests
{
    private const string Token = "__RequestVerificationToken";
    private const string Boundary = "fuzz-boundary-7";

    public static string Url(FuzzOperation operation, FuzzTargets targets, IReadOnlyDictionary<string, string>? route = null, string? query = null)
    {
        var path = operation.Template;
        foreach (var name in FuzzOperations.RouteParameters(operation.Template))
            path = path.Replace("{" + name + "}", route?.GetValueOrDefault(name) ?? Uri.EscapeDataString(targets.Route(operation.Template, name)), StringComparison.Ordinal);
        var parts = new List<string>();
        if (operation.Handler is not null) parts.Add("handler=" + operation.Handler);
        if (query is not null) parts.Add(query);
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }

    /// <summary>The body with the value at <paramref name="hole"/> replaced by raw bytes (which may be anything).</summary>
    public static byte[] Json(FuzzSchema schema, FuzzTargets targets, IReadOnlyList<object>? hole = null, byte[]? replacement = null)
    {
        var output = new List<byte>();
        void Text(string text) => output.AddRange(Encoding.UTF8.GetBytes(text));
        void Write(FuzzSchema s, string name, IReadOnlyList<object>? path, int level)
        {
            if (path is not null && path.Count == level)
            {
                output.AddRange(replacement!);
                return;
            }
            switch (s.Kind)
            {
                case FuzzKind.Object:
                    Text("{");
                    var first = true;
                    foreach (var property in s.Properties ?? [])
                    {
                        var onPath = path is not null && path[level] is string member && member == property.Name;
                        if (!onPath && property.Schema.Kind is not (FuzzKind.Object or FuzzKind.Array) && targets.Json(property.Name, property.Schema) is null) continue;
                        if (!first) Text(",");
                        first = false;
                        Text(System.Text.Json.JsonSerializer.Serialize(property.Name) + ":");
                        Write(property.Schema, property.Name, onPath ? path : null, level + 1);
                    }
                    Text("}");
                    break;
                case FuzzKind.Array:
                    Text("[");
                    Write(s.Items ?? FuzzSchema.Text, name, path is not null && path[level] is int ? path : null, level + 1);
                    Text("]");
                    break;
                default:
                    Text(targets.Json(name, s) ?? "null");
                    break;
            }
        }
        Write(schema, "", hole, 0);
        return [.. output];
    }

    /// <summary>Every place in a body a value can be broken: the members, the members of nested objects, the first element of lists and its members.</summary>
    public static IEnumerable<(IReadOnlyList<object> Path, FuzzSchema Schema)> Holes(FuzzSchema body)
    {
        foreach (var property in body.Properties ?? [])
        {
            yield return ([property.Name], property.Schema);
            if (property.Schema is { Kind: FuzzKind.Object, Properties: { } nested })
                foreach (var inner in nested)
                    yield return ([property.Name, inner.Name], inner.Schema);
            if (property.Schema is { Kind: FuzzKind.Array, Items: { } items })
            {
                yield return ([property.Name, 0], items);
                foreach (var inner in items.Properties ?? [])
                    yield return ([property.Name, 0, inner.Name], inner.Schema);
            }
        }
    }

    public static string PathLabel(IReadOnlyList<object> path) => string.Join("", path.Select((p, i) => p is int n ? $"[{n}]" : (i == 0 ? "" : ".") + p));

    /// <summary>The form fields a well-formed submission carries (percent-encoded), in order; files apart.</summary>
    public static List<(string Name, string Encoded)> FormFields(FuzzSchema body, FuzzTargets targets, string? antiforgery)
    {
        var fields = new List<(string, string)>();
        if (antiforgery is not null) fields.Add((Token, Uri.EscapeDataString(antiforgery)));
        foreach (var property in body.Properties ?? [])
        {
            var schema = property.Schema.Kind == FuzzKind.Array ? property.Schema.Items ?? FuzzSchema.Text : property.Schema;
            if (schema.Kind is FuzzKind.File or FuzzKind.Object) continue;
            if (targets.Value(property.Name, schema) is { } value) fields.Add((property.Name, Uri.EscapeDataString(value)));
        }
        return fields;
    }

    public static byte[] UrlEncoded(IEnumerable<(string Name, string Encoded)> fields) =>
        Encoding.ASCII.GetBytes(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + f.Encoded)));

    public static (byte[] Body, string ContentType) Multipart(IEnumerable<(string Name, string Encoded)> fields, IEnumerable<(string Name, string FileName, byte[] Content)> files,
        string boundary = Boundary, string? declaredBoundary = null)
    {
        var body = new List<byte>();
        void Text(string text) => body.AddRange(Encoding.UTF8.GetBytes(text));
        foreach (var (name, encoded) in fields)
        {
            Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n");
            body.AddRange(Bytes(encoded));
            Text("\r\n");
        }
        foreach (var (name, fileName, content) in files)
        {
            Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.AddRange(content);
            Text("\r\n");
        }
        Text($"--{boundary}--\r\n");
        return ([.. body], $"multipart/form-data; boundary={declaredBoundary ?? boundary}");
    }

    /// <summary>A percent-encoded value as the raw bytes a multipart part carries (so %00 and %FF stay bytes, not text).</summary>
    private static byte[] Bytes(string encoded)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
        }
        return [.. bytes];
    }

    /// <summary>The well-formed request, then the variants <paramref name="depth"/> asks for.</summary>
    public static IEnumerable<FuzzRequest> For(FuzzOperation operation, FuzzTargets targets, string? antiforgery, FuzzDepth depth)
    {
        var url = Url(operation, targets);
        var method = operation.Method;
        var formFields = operation.Body is { } formBody && operation.BodyKind is FuzzBodyKind.Form or FuzzBodyKind.Multipart
            ? FormFields(formBody, targets, operation.Origin == "page" ? antiforgery : null) : [];
        var files = (operation.Body?.Properties ?? []).Where(p => (p.Schema.Kind == FuzzKind.Array ? p.Schema.Items?.Kind : p.Schema.Kind) == FuzzKind.File)
            .Select(p => (p.Name, "a.csv", Encoding.UTF8.GetBytes("姓名,身份证号\n张三,1\n"))).ToList();
        var json = operation.BodyKind == FuzzBodyKind.Json && operation.Body is { } jsonBody ? Json(jsonBody, targets) : null;

        // The well-formed body with members in front of its own (the body is an object).
        string Prefixed(string members) => "{" + members + (json!.Length > 2 ? "," + Encoding.UTF8.GetString(json, 1, json.Length - 1) : "}");
        FuzzRequest Part(string variant, IEnumerable<(string, string)> fields, IEnumerable<(string, string, byte[])> withFiles, string? declared = null)
        {
            var (body, type) = Multipart(fields, withFiles, declaredBoundary: declared);
            return new(variant, method, url, body, type);
        }

        FuzzRequest Base(string variant, string? withUrl = null, IReadOnlyList<(string, string)>? headers = null) => operation.BodyKind switch
        {
            FuzzBodyKind.Json => new(variant, method, withUrl ?? url, json, "application/json", headers),
            FuzzBodyKind.Form => new(variant, method, withUrl ?? url, UrlEncoded(formFields), "application/x-www-form-urlencoded", headers),
            FuzzBodyKind.Multipart => Part(variant, formFields, files) with { Url = withUrl ?? url, Headers = headers },
            _ => new(variant, method, withUrl ?? url, null, null, headers),
        };

        yield return Base("well-formed");

        // The whole request: what is sent as the body and how it is labelled.
        var sample = json ?? (operation.BodyKind is FuzzBodyKind.Form or FuzzBodyKind.Multipart ? UrlEncoded(formFields) : Encoding.UTF8.GetBytes("{}"));
        yield return new("garbage body (seeded)", method, url, FuzzValues.Garbage(512), "application/json");
        yield return new("charset=bogus", method, url, sample, operation.BodyKind is FuzzBodyKind.Form or FuzzBodyKind.Multipart
            ? "application/x-www-form-urlencoded; charset=bogus" : "application/json; charset=bogus");
        if (depth == FuzzDepth.Minimal) yield break;
        yield return new("invalid UTF-8 body", method, url, [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0xFF, 0x7D], "application/json");
        yield return new("multipart, boundary not in the body", method, url, sample, "multipart/form-data; boundary=absent");
        if (depth == FuzzDepth.Few) yield break;
        yield return new("empty body, JSON type", method, url, [], "application/json");
        yield return new("charset=utf-16", method, url, Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(sample)), "application/json; charset=utf-16");
        yield return new("text/plain", method, url, sample, "text/plain");
        yield return new("multipart without boundary", method, url, sample, "multipart/form-data");
        yield return new("malformed content type", method, url, sample, "////; charset=\"");
        yield return new("form type, JSON body", method, url, sample, "application/x-www-form-urlencoded");
        var lite = depth == FuzzDepth.Lite;

        if (operation.BodyKind == FuzzBodyKind.None) yield return new("no content type", method, url, sample, null);
        foreach (var name in FuzzOperations.RouteParameters(operation.Template))
        foreach (var (label, encoded) in FuzzValues.Route().Take(lite ? 3 : int.MaxValue))
            yield return Base($"route {name}: {label}", Url(operation, targets, new Dictionary<string, string> { [name] = encoded }));
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            foreach (var (label, encoded) in FuzzValues.Url(parameter.Schema, few: lite))
                yield return Base($"query {parameter.Name}: {label}", Url(operation, targets, query: $"{Uri.EscapeDataString(parameter.Name)}={encoded}"));
            if (!lite) yield return Base($"query {parameter.Name}: repeated", Url(operation, targets, query: $"{parameter.Name}=1&{parameter.Name}=abc"));
        }
        yield return Base("query: culture and a key with control characters", Url(operation, targets, query: "culture=%01&ui-culture=x%00&a%01b=1"));
        if (!lite)
        {
            yield return Base("header: control character", headers: [("X-Fuzz", "a\u0001b"), ("Idempotency-Key", "key\u0002")]);
            yield return Base("culture cookie and language: odd", headers: [("Cookie", ".AspNetCore.Culture=c%3D%01%7Cuic%3D%01"), ("Accept-Language", "xx-\u00ff;q=2,,*;q=-1")]);
        }

        switch (operation.BodyKind)
        {
            case FuzzBodyKind.Json when operation.Body is { } schema:
                if (!lite)
                {
                    yield return new("no body", method, url);
                    foreach (var (label, text) in new[]
                             {
                                 ("null", "null"), ("array", "[]"), ("string", "\"x\""), ("number", "123"), ("unclosed", "{"),
                                 ("truncated", Encoding.UTF8.GetString(json!, 0, json!.Length / 2)), ("nested 10,000 deep", new string('[', 10_000) + new string(']', 10_000)),
                                 ("duplicate members", Prefixed("\"a\":1,\"a\":2")),
                                 ("unknown members", Prefixed("\"unknown\":{\"deep\":[1,{\"x\":null}]}")),
                                 ("3 MB member", Prefixed("\"zzz\":\"" + new string('x', 3_000_000) + "\"")),
                             })
                        yield return new($"body: {label}", method, url, Encoding.UTF8.GetBytes(text), "application/json");
                    yield return new("body: byte order mark", method, url, [0xEF, 0xBB, 0xBF, .. json!], "application/json");
                    yield return new("body: problem+json type", method, url, json, "application/problem+json");
                }
                foreach (var (path, hole) in Holes(schema))
                foreach (var (label, value) in FuzzValues.Json(hole).Take(lite ? 4 : int.MaxValue))
                    yield return new($"{PathLabel(path)}: {label}", method, url, Json(schema, targets, path, value), "application/json");
                break;
            case FuzzBodyKind.Form or FuzzBodyKind.Multipart when operation.Body is { } schema:
                var multipart = operation.BodyKind == FuzzBodyKind.Multipart;
                FuzzRequest With(string variant, IEnumerable<(string, string)> fields) => multipart
                    ? Part(variant, fields, files)
                    : new(variant, method, url, UrlEncoded(fields), "application/x-www-form-urlencoded");
                if (!lite)
                {
                    yield return new("empty form", method, url, [], "application/x-www-form-urlencoded");
                    yield return With("no antiforgery token", formFields.Where(f => f.Name != Token));
                    yield return new("invalid percent-encoding", method, url, Encoding.ASCII.GetBytes("a=%ZZ&b=%&=&&c"), "application/x-www-form-urlencoded");
                    yield return With("2,000 fields", formFields.Concat(Enumerable.Range(0, 2000).Select(i => ($"f{i}", "1"))));
                    yield return With("keys: a control character, 5,000 characters", formFields.Append(("a\u0001b", "1")).Append((new string('k', 5000), "1")));
                    if (multipart)
                    {
                        yield return Part("multipart, boundary does not match", formFields, files, declared: "other");
                        yield return Part("file name with a control character", formFields, files.Select(f => (f.Name, "a\u0001.csv", f.Item3)));
                        yield return Part("file of garbage (seeded)", formFields, files.Select(f => (f.Name, "a.csv", FuzzValues.Garbage(20_000))));
                        yield return Part("empty file", formFields, files.Select(f => (f.Name, "a.csv", Array.Empty<byte>())));
                        yield return Part("no file", formFields, []);
                    }
                    else
                    {
                        yield return Part("as multipart", formFields, files);
                        yield return Part("as multipart, boundary does not match", formFields, files, declared: "other");
                    }
                }
                foreach (var property in schema.Properties ?? [])
                {
                    var kind = property.Schema.Kind == FuzzKind.Array ? property.Schema.Items ?? FuzzSchema.Text : property.Schema;
                    if (kind.Kind is FuzzKind.File or FuzzKind.Object) continue;
                    var others = formFields.Where(f => f.Name != property.Name).ToList();
                    foreach (var (label, encoded) in FuzzValues.Url(kind, few: lite))
                        yield return With($"{property.Name}: {label}", others.Append((property.Name, encoded)));
                    if (!lite) yield return With($"{property.Name}: repeated", others.Append((property.Name, "1")).Append((property.Name, "abc")));
                }
                break;
        }
    }
}
