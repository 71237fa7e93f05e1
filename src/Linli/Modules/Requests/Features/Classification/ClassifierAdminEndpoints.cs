using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Classification;

internal sealed record ClassifierVersionView(int Version, DateTime TrainedAt, string TrainedBy, int TrainingExamples, int TicketExamples,
    int HeldOutExamples, double Accuracy, double MacroF1, bool PassedGate, bool IsActive);

internal sealed record TrainAnswer(ClassifierVersionView Model, bool Activated);

/// <summary>The registry for administrators: the versions, a retraining now, and activating a version (the rollback).</summary>
internal static class ClassifierAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/models", async Task<Ok<List<ClassifierVersionView>>> (Data.RequestsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.ClassifierModels.AsNoTracking().OrderByDescending(m => m.Version).Take(100)
                    .Select(m => new ClassifierVersionView(m.Version, m.TrainedAt, m.TrainedBy, m.TrainingExamples, m.TicketExamples, m.HeldOutExamples,
                        m.Accuracy, m.MacroF1, m.PassedGate, m.IsActive)).ToListAsync(ct)))
            .WithName("ListClassifierModels").WithSummary("The request classifier's versions, newest first (the last 100), with their held-out scores and which is in use.");
        api.MapPost("/train", async Task<Ok<TrainAnswer>> (ClassifierRegistry registry, IAreaScope scope, CancellationToken ct) =>
            {
                var outcome = await registry.TrainAsync(scope.UserName ?? "admin", ct);
                return TypedResults.Ok(new TrainAnswer(View(outcome.Model), outcome.Activated));
            })
            .WithName("TrainClassifier").WithSummary("Retrains on every confirmed example now; the new version is used only if at least as good on the held-out split.");
        api.MapPost("/models/{version:int}/activate", async Task<NoContent> (int version, ClassifierRegistry registry, CancellationToken ct) =>
            {
                if (!await registry.ActivateAsync(version, ct)) throw ValidationFailedException.For("version", "没有这个通过质量检查的模型版本。");
                return TypedResults.NoContent();
            })
            .WithName("ActivateClassifierModel").WithSummary("Makes a version that passed the quality gate the one in use (rolling back to an earlier one).");
    }

    public static ClassifierVersionView View(Domain.ClassifierModelVersion m) => new(m.Version, m.TrainedAt, m.TrainedBy, m.TrainingExamples, m.TicketExamples,
        m.HeldOutExamples, m.Accuracy, m.MacroF1, m.PassedGate, m.IsActive);
}
