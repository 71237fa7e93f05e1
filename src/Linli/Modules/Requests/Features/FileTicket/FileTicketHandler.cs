using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.FileTicket;

/// <summary>
/// The intake of the API and of the intake pages (resident, hotline console, patrol): the one intake every channel
/// shares (<see cref="TicketIntake"/>, which Open311 calls too), saved with other requests' intakes in one commit.
/// Under an idempotency key, the key's record (with the answer) is committed in the same transaction as the ticket.
/// </summary>
internal sealed class FileTicketHandler(RequestsDbContext db, TicketIntake intake, IntakeCommitter committer, IdempotencyStore<RequestsDbContext> idempotency)
{
    /// <summary>The request's annotations, as the API's validation filter checks them: pages call this first, so that a page cannot send what the API would refuse.</summary>
    public static void Validate(FileTicketRequest request)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
            throw new ValidationFailedException(results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (m, r.ErrorMessage ?? "格式不正确。")))
                .GroupBy(x => x.m).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray()));
    }

    /// <param name="request">Already checked against its annotations (the API's filter, or <see cref="Validate"/>).</param>
    public async Task<FiledTicket> HandleAsync(FileTicketRequest request, Actor actor, CancellationToken ct) =>
        (await HandleAsync(request, actor, null, ct)).Filed!;

    /// <param name="request">Already checked against its annotations (the API's filter, or <see cref="Validate"/>).</param>
    /// <param name="idempotent">The key it is filed under, if any: a repeat answers the first answer and files nothing.</param>
    public async Task<IntakeOutcome> HandleAsync(FileTicketRequest request, Actor actor, IdempotentIntake? idempotent, CancellationToken ct)
    {
        if (idempotent is not null && await idempotency.FindAsync(idempotent.Key, ct) is { } earlier) return new IntakeOutcome(null, earlier);

        var taken = await intake.TakeAsync(request, actor, ct);
        // Offered, not forced: the centre decides whether to merge. Residents are not shown others' tickets. Looked up
        // before the commit, so that the answer kept under an idempotency key is complete when it commits.
        var duplicates = actor.Is(Roles.Resident) ? [] : await intake.DuplicatesAsync(taken, ct);
        FiledTicket Filed() => new(TicketView.Of(taken.Ticket, TicketViewRule.AudienceOf(actor)), duplicates);

        if (idempotent is null)
        {
            await committer.SaveAsync(db);
            return new IntakeOutcome(Filed(), null);
        }
        try
        {
            // The answer names the ticket's id: it is built once the ticket is saved, and committed with it.
            await committer.SaveAsync(db, () => [idempotency.Record(idempotent.Key, idempotent.Answer(Filed()))]);
        }
        catch (DbUpdateException)
        {
            // A concurrent submission under the same key committed first: this ticket was rolled back with its record.
            if (await idempotency.AfterConflictAsync(idempotent.Key, ct) is { } first) return new IntakeOutcome(null, first);
            throw;
        }
        return new IntakeOutcome(Filed(), null);
    }
}
