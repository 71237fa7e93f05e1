using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseFiles;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Attachments;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Linli.Modules.ServiceDesk.Features.ReceiveCase;

internal sealed record OnlineApplicationRequest(ApplicantInput Applicant, string ItemCode);

/// <summary>
/// 网上办: a resident applies for an item with the online mode; the case enters the same flow, at their home community.
/// As JSON (no files), or as multipart/form-data with the fields <c>itemCode</c>, <c>applicant.idNumber</c>,
/// <c>applicant.name</c>, <c>applicant.homeCommunityCode</c> and the materials' files, each under the field of its
/// material's position in the item's list (<c>materials[2]</c>): PDF, JPEG or PNG by content, within the size limit.
/// </summary>
internal static partial class OnlineApplicationEndpoint
{
    public const string Route = "POST /api/service-cases/online";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/online", async Task<Results<Created<CaseView>, IdempotentAnswer>> (HttpContext http, OnlineApplication online, CaseMaterialFiles files,
                CaseWorkflow workflow, IAreaScope scope, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var actor = CaseActor.From(http.User, scope);
                var (request, materials) = await ReadAsync(http.Request, files, json.Value.SerializerOptions, ct);
                var key = IdempotencyKey.FromHeader(http.Request) is { } given
                    ? new IdempotencyKey("user:" + actor.UserId, given, Fingerprint(Route, request.Applicant, request.ItemCode, materials))
                    : null;
                var outcome = await online.ApplyAsync(request.Applicant ?? new ApplicantInput(null), request.ItemCode, materials, actor, key,
                    c => new IdempotentAnswer(StatusCodes.Status201Created, "application/json; charset=utf-8",
                        JsonSerializer.Serialize(new { c.Id, c.Number }, json.Value.SerializerOptions), Location(c.Id)), ct);
                if (outcome.Earlier is { } earlier) return earlier;
                var id = outcome.Case!.Id;
                return TypedResults.Created(Location(id), await workflow.ViewAsync(await workflow.LoadAsync(id, null, ct), actor, ct));
            })
            .RequireAuthorization(ServiceDeskPermissions.Apply)
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Intake)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(CaseMaterialFiles.MaxRequestBytes))
            .Accepts<OnlineApplicationRequest>("application/json", "multipart/form-data")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The form's fields are read by hand (ReadAsync), so the generated multipart schema (the JSON record's) says nothing of the files.
                if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var multipart) == true) multipart.Schema = MultipartSchema();
                return Task.CompletedTask;
            })
            .WithName("ApplyOnline")
            .WithSummary("网上办: a resident applies online for an item that allows it, with the materials' files; the case is received at their home community.")
            .WithDescription("JSON, or multipart/form-data with the fields itemCode, applicant.idNumber, applicant.name, applicant.homeCommunityCode and each material's files " +
                             $"under materials[position] (PDF, JPEG or PNG by content, up to {CaseMaterialFiles.MaxPerMaterial} per material and {CaseMaterialFiles.MaxPerApplication} in all; " +
                             "the size limit is Attachments:MaxBytes). A wrong type or a file too large is a 400 naming the field, and nothing is received. " +
                             "With an Idempotency-Key header, a repeat answers the first case (id and number, with Idempotent-Replayed: true) and receives nothing.");

    /// <summary>The multipart body as ReadAsync reads it: the applicant's fields, and each material's files under materials[position] (OpenAPI 3.1 patternProperties).</summary>
    private static OpenApiSchema MultipartSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(StringComparer.Ordinal) { "itemCode", "applicant.idNumber" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["itemCode"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64, Description = "The item's code (an item that allows 网上办)." },
            ["applicant.idNumber"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 18, Description = "The applicant's 18-character ID number (GB 11643, check character included)." },
            ["applicant.name"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 50, Description = "The applicant's name." },
            ["applicant.homeCommunityCode"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^\d{12}$", Description = "The 12-digit code of the applicant's home community (village)." },
        },
        PatternProperties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            [MaterialFieldPattern] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, MaxItems = CaseMaterialFiles.MaxPerMaterial,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", ContentMediaType = "application/octet-stream" },
                Description = "The files of the item's material at this position (materials[2] for the second): PDF, JPEG or PNG by content, " +
                              $"up to {CaseMaterialFiles.MaxPerMaterial} per material and {CaseMaterialFiles.MaxPerApplication} in all. A 免提交 material the platform supplies for the applicant needs none.",
            },
        },
        AdditionalPropertiesAllowed = false,
    };

    private static string Location(long id) => "/api/service-cases/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What makes two submissions the same: the route, the item, the applicant as typed, and each material's files by their bytes.</summary>
    public static string Fingerprint(string route, ApplicantInput? applicant, string? itemCode, IReadOnlyDictionary<int, IReadOnlyList<CheckedFile>> materials) =>
        IdempotencyKey.Fingerprint([route, itemCode?.Trim(), applicant?.IdNumber?.Trim(), applicant?.Name?.Trim(), applicant?.HomeCommunityCode?.Trim(),
            .. materials.Where(m => m.Value.Count > 0).OrderBy(m => m.Key).SelectMany(m =>
                m.Value.Select(f => m.Key.ToString(CultureInfo.InvariantCulture) + ":" + Convert.ToHexString(SHA256.HashData(f.Content))))]);

    private static async Task<(OnlineApplicationRequest Request, IReadOnlyDictionary<int, IReadOnlyList<CheckedFile>> Materials)> ReadAsync(HttpRequest http,
        CaseMaterialFiles files, JsonSerializerOptions options, CancellationToken ct)
    {
        if (!http.HasFormContentType)
        {
            if (http.HasJsonContentType())
            {
                try
                {
                    if (await http.ReadFromJsonAsync<OnlineApplicationRequest>(options, ct) is { } body) return (body, new Dictionary<int, IReadOnlyList<CheckedFile>>());
                }
                catch (JsonException)
                {
                    // Said below, as for an empty body.
                }
            }
            throw ValidationFailedException.For("body", "请以 JSON 或 multipart/form-data 提交申请。");
        }
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            throw ValidationFailedException.For("body", "请以 JSON 或 multipart/form-data 提交申请。");
        }
        string? Field(string name) => form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
        var request = new OnlineApplicationRequest(new ApplicantInput(Field("applicant.idNumber"), Field("applicant.name"), Field("applicant.homeCommunityCode")),
            Field("itemCode")!);
        var byPosition = new Dictionary<int, List<IFormFile>>();
        foreach (var file in form.Files)
        {
            var match = MaterialField().Match(file.Name);
            if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1)
                throw ValidationFailedException.For(file.Name.Length is > 0 and <= 64 ? file.Name : "materials", "材料文件应放在所属材料的字段 materials[序号] 下。");
            (byPosition.TryGetValue(position, out var list) ? list : byPosition[position] = []).Add(file);
        }
        var materials = new Dictionary<int, IReadOnlyList<CheckedFile>>();
        foreach (var (position, list) in byPosition.OrderBy(p => p.Key))
        {
            var check = await files.CheckAsync(list, ct);
            if (CaseMaterialFiles.Message(check) is { } problem) throw ValidationFailedException.For(CaseMaterialFiles.Field(position), problem.Key, problem.Arguments);
            materials[position] = check.Files;
        }
        return (request, materials);
    }

    private const string MaterialFieldPattern = @"^materials\[(\d{1,4})\]$";

    [GeneratedRegex(MaterialFieldPattern, RegexOptions.CultureInvariant)]
    private static partial Regex MaterialField();
}
