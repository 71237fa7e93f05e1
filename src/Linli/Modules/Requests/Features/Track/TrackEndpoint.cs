using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Linli.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Track;

/// <summary>The ticket number and the phone number given at intake; both travel in the body, never in a URL.</summary>
internal sealed record TrackRequest([property: Required, MaxLength(TicketTracking.MaxNumberLength)] string Number,
    [property: Required, MaxLength(RequestLimits.Phone)] string Phone);

/// <summary>
/// Following a request without an account (a caller of 12345, an anonymous reporter): the ticket number and the phone
/// number given at intake together are the proof. The phone is compared by its keyed hash, never decrypted, and a wrong
/// number and a wrong phone answer alike, so the lookup tells nobody which of the two was right. Each lookup confirms or
/// denies a phone number, so each is a search by number: written to the audit log (matched or not, never the number).
/// The comparison and the audit are the platform's <see cref="NumberLookup"/>, shared with the service desk's case tracking.
/// </summary>
internal static class TicketTracking
{
    public const int MaxNumberLength = 20;

    /// <summary>The ticket with its units and history when <paramref name="number"/> and <paramref name="phone"/> belong together; else null.</summary>
    public static async Task<Ticket?> FindAsync(string? number, string? phone, RequestsDbContext db, IPersonalDataProtector protector, IAuditLog audit,
        CancellationToken ct)
    {
        var wanted = NumberLookup.Reference(number, MaxNumberLength);
        // Read as every module reads a phone (E.164, so "139 1234 5678" and "+86 13912345678" are one number), and hashed
        // whether or not it is a phone or the ticket exists: every refusal costs the same.
        var readable = PhoneNumber.TryParse(phone?.Trim(), out var parsed);
        var hash = readable ? protector.Hash(parsed) : protector.LookupHash("");
        if (!readable || wanted is null)
        {
            await RecordAsync(audit, null, ct);
            return null;
        }
        // Nobody is signed in here, so the scope filter would hide every ticket: the number and the phone are the caller's
        // scope instead, checked before anything else of the ticket is read.
        var tickets = db.Tickets.IgnoreQueryFilters().AsNoTracking();
        var found = await tickets.Where(t => t.Number == wanted).Select(t => new { t.Id, t.PhoneHash }).FirstOrDefaultAsync(ct);
        if (!NumberLookup.ProofMatches(found?.PhoneHash, hash) || found is null)
        {
            await RecordAsync(audit, null, ct);
            return null;
        }
        var ticket = await tickets.Include(t => t.Units).Include(t => t.Actions).AsSplitQuery().FirstAsync(t => t.Id == found.Id, ct);
        await RecordAsync(audit, ticket, ct);
        return ticket;
    }

    private static Task RecordAsync(IAuditLog audit, Ticket? matched, CancellationToken ct) =>
        NumberLookup.RecordAsync(audit, "ticket", matched?.Id, matched?.CommunityCode, "phone", "凭编号和手机号查询", ct);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/requests/track", async Task<Ok<TicketView>> (TrackRequest request, RequestsDbContext db, IPersonalDataProtector protector, IAuditLog audit,
                    CancellationToken ct) =>
                await FindAsync(request.Number, request.Phone, db, protector, audit, ct) is { } ticket
                    ? TypedResults.Ok(TicketView.Of(ticket, TicketAudience.Reporter, ticket.Actions))
                    : throw new NotFoundException("没有与此编号和手机号相符的诉求。"))
            .AllowAnonymous()
            .WithValidation()
            .RequireRateLimiting(RateLimitPolicies.Track)
            .WithTags("Requests")
            .WithName("TrackTicket")
            .WithSummary("Follows a request without an account: the ticket number and the phone number given at intake (both in the body). " +
                         "Answers what the reporter sees; 404 alike for a wrong number or a wrong phone; rate-limited per client.");
}
