using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.PlaceRecognition;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Requests.Features.Classification;

internal sealed record ClassifyRequest([property: Required, MaxLength(RequestLimits.Description)] string Text);

internal sealed record SuggestionView(string Level1, int CategoryId, string Category, string UnitCode, string UnitName, double Confidence, string LeafBy);

internal sealed record PlaceView(int Start, int Length, string Text, IReadOnlyList<string> Codes);

internal sealed record ClassifyAnswer(int ModelVersion, bool Automatic, double Threshold, IReadOnlyList<SuggestionView> Suggestions,
    IReadOnlyList<PlaceView> Places, string? ProposedRegionCode, string? ProposedRegionName);

internal static class ClassifyEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/classify", async Task<Ok<ClassifyAnswer>> (ClassifyRequest request, ClassifierSuggestions classifier, RegionPlaces places,
                Pages.UnitNames units, CancellationToken ct) =>
            {
                var text = request.Text.Trim();
                if (text.Length == 0) throw ValidationFailedException.For(nameof(request.Text), "请描述问题。");
                return TypedResults.Ok(await AnswerAsync(text, classifier, places, units, ct));
            })
            .RequireAuthorization(RequestsPermissions.FileRequests)
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Intake)
            .WithName("ClassifyRequest")
            .WithSummary("Suggests the three likeliest categories of a description (first-level class, leaf, the unit its routing rule sends it to, the model's confidence), " +
                         "whether the best one is sure enough to be dispatched automatically, and the place names of the region tree found in it.");

    public static async Task<ClassifyAnswer> AnswerAsync(string text, ClassifierSuggestions classifier, RegionPlaces places, Pages.UnitNames units, CancellationToken ct)
    {
        var result = await classifier.ClassifyAsync(text, ct);
        var recognized = (await places.GetAsync(ct)).Recognize(text);
        var views = new List<SuggestionView>();
        foreach (var s in result.Suggestions)
            views.Add(new SuggestionView(s.Level1, s.CategoryId, s.CategoryPath, s.UnitCode,
                s.UnitCode == "community" ? "事发地社区" : await units.NameAsync(s.UnitCode, ct), Math.Round(s.Confidence, 3), s.LeafBy));
        return new ClassifyAnswer(result.ModelVersion, result.Automatic, Math.Round(result.Threshold, 3), views,
            [.. recognized.Matches.Select(m => new PlaceView(m.Start, m.Length, m.Text, [.. m.Regions.Select(r => r.Code)]))],
            recognized.Proposed?.Code, recognized.Proposed?.Name);
    }
}
