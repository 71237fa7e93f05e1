using System.Text;
using System.Text.Json;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.PostRequest;

/// <summary>
/// Files a bound Open311 request through the intake every channel shares (channel Open311), with what Open311 keeps
/// besides (<see cref="Open311Submission"/>: the token, the contact encrypted, the attribute answers), in one commit.
/// Under an Idempotency-Key the answer is kept in that commit too, and a repeat gets it again instead of a second ticket.
/// </summary>
internal sealed class PostRequestHandler(RequestsDbContext db, TicketIntake intake, IntakeCommitter committer, IPersonalDataProtector protector,
    Open311Catalog catalog, WorkingCalendar calendar, IdempotencyStore<RequestsDbContext> idempotency)
{
    public async Task<IResult> HandleAsync((int Id, string Name) client, Open311NewRequest request, string format, IdempotencyKey? key, CancellationToken ct)
    {
        if (key is not null && await idempotency.FindAsync(key, ct) is { } earlier) return earlier;

        var community = request.CommunityCode;
        if (community is null && request.Latitude is null)
            community = await catalog.CommunityNamedInAsync(request.Address!, ct)
                        ?? throw Open311Exception.BadRequest("address_string 未指明本市的一个社区（或指向多个）：请给出 lat/long 或 address_id。");

        var definition = await catalog.AttributesAsync(request.CategoryId, ct);
        if (definition.Count == 0 && request.Attributes.Count > 0 && !await db.Categories.AnyAsync(c => c.Id == request.CategoryId, ct))
            throw Open311Exception.NotFound("没有服务“{0}”。", request.ServiceCode);
        var attributes = Open311Attributes.Validate(definition, request.Attributes);

        // The spec makes the description optional; intake wants one: the service's name stands in.
        var description = request.Description
                          ?? await db.Categories.AsNoTracking().Where(c => c.Id == request.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(ct)
                          ?? throw Open311Exception.NotFound("没有服务“{0}”。", request.ServiceCode);
        Intake taken;
        try
        {
            var actor = new Actor(null, "open311:" + client.Name, new HashSet<string>(), null, null);
            taken = await intake.TakeAsync(new FileTicketRequest(description, request.CategoryId, Urgency.Normal, null, community, request.GridCode,
                request.Longitude, request.Latitude, request.Address, request.Phone, request.Anonymous), actor, ct, Channel.Open311);
        }
        catch (ValidationFailedException e) when (e.Errors.ContainsKey(nameof(FileTicketRequest.CategoryId)))
        {
            throw Open311Exception.NotFound("没有服务“{0}”。", request.ServiceCode);
        }

        db.Open311Submissions.Add(new Open311Submission
        {
            Ticket = taken.Ticket, Token = Guid.NewGuid(), ClientId = client.Id, AccountId = request.AccountId, DeviceId = request.DeviceId,
            AddressId = request.AddressId,
            ContactCipher = request is { Email: null, FirstName: null, LastName: null } ? null
                : protector.Encrypt(JsonSerializer.Serialize(new { email = request.Email, first_name = request.FirstName, last_name = request.LastName })),
            MediaUrl = request.MediaUrl, AttributesJson = attributes, CreatedAt = taken.Ticket.CreatedAt,
        });
        // Everything the answer says is known before the commit (the number, the notice), so its record goes in with the rest.
        var answer = await AnswerAsync(taken, request, format, ct);
        if (key is null)
        {
            await committer.SaveAsync(db);
            return answer;
        }
        var (contentType, bytes) = answer.Render();
        db.Add(idempotency.Record(key, new IdempotentAnswer(answer.StatusCode, contentType, Encoding.UTF8.GetString(bytes), null)));
        try
        {
            await committer.SaveAsync(db);
        }
        catch (DbUpdateException)
        {
            // A concurrent POST under the same key committed first; this one's ticket was rolled back with its record.
            if (await idempotency.AfterConflictAsync(key, ct) is { } first) return first;
            throw;
        }
        return answer;
    }

    /// <summary>
    /// The spec's answer: the service_request_id (the ticket number) and a notice of who handles it by when. No token: the
    /// spec says one should not be returned when the id is (GET tokens/{token} still answers for a stored one).
    /// </summary>
    private async Task<Open311Result> AnswerAsync(Intake taken, Open311NewRequest request, string format, CancellationToken ct)
    {
        var days = taken.Rule.FinishWithinDays(taken.Ticket.Urgency);
        var agency = taken.Rule.DepartmentCode is { } d ? (await catalog.DepartmentNamesAsync(ct)).GetValueOrDefault(d, d)
            : (await catalog.CommunitiesAsync(ct)).Names.GetValueOrDefault(taken.Ticket.CommunityCode, taken.Ticket.CommunityCode);
        var expected = calendar.AddWorkingDays(taken.Ticket.CreatedAt, days);
        return new Open311Result(new O311List("service_requests", "request",
        [
            new O311Object("request")
                .Add("service_request_id", taken.Ticket.Number)
                .Add("service_notice", $"已受理，由{agency}在 {days} 个工作日内（{Open311Format.W3c(expected)} 前）办结。")
                .Add("account_id", request.AccountId),
        ]), format, StatusCodes.Status201Created);
    }
}
