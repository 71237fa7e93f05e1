using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Features.RevealPersonalData;

/// <summary>Which number to show in full, and why (the reason goes to the audit log and is required).</summary>
internal sealed record RevealRequest(
    [property: Required(ErrorMessage = "请选择要查看的号码。"), AllowedValues(RevealHandler.IdNumberField, RevealHandler.PhoneField, ErrorMessage = "只能查看 idNumber 或 phone。")] string Field,
    [property: Required(ErrorMessage = "请填写查看原因。"), MaxLength(500)] string Reason);

/// <summary>The number in full; with an ID number, the birth date it holds (shown nowhere else).</summary>
internal sealed record RevealedNumber(long ResidentId, string Field, string Value, DateOnly? BirthDate = null);

/// <summary>
/// Shows one personal number in full. The caller's permission is checked by the endpoint or page; the resident must lie
/// in the caller's area (else 404); every reveal is written to the append-only audit log first.
/// </summary>
internal sealed class RevealHandler(ResidentsDbContext db, IPersonalDataProtector protector, IAuditLog audit)
{
    public const string IdNumberField = "idNumber";
    public const string PhoneField = "phone";

    public async Task<RevealedNumber> RevealAsync(long residentId, string field, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw ValidationFailedException.For("Reason", "请填写查看原因。");
        if (field is not (IdNumberField or PhoneField)) throw ValidationFailedException.For("Field", "只能查看 idNumber 或 phone。");
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId)
                           .Select(r => new { r.CommunityCode, r.IdNumberCipher, r.PhoneCipher })
                           .FirstOrDefaultAsync(cancellationToken)
                       ?? throw new NotFoundException("居民 {0} 不存在。", residentId);
        var cipher = (field == IdNumberField ? resident.IdNumberCipher : resident.PhoneCipher)
                     ?? throw new NotFoundException("此居民没有登记手机号。");
        await audit.RecordAsync(AuditActions.Reveal, "resident", residentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            resident.CommunityCode, field, reason.Trim(), cancellationToken);
        var value = protector.Decrypt(cipher);
        if (field == PhoneField) return new RevealedNumber(residentId, field, PhoneNumber.TryParse(value, out var phone) ? phone.Display : value);
        return new RevealedNumber(residentId, field, value,
            Linli.Platform.PersonalData.IdNumber.TryParse(value, DateOnly.MaxValue, out var id) ? id.BirthDate : null);
    }
}

internal static class RevealEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/reveal", async Task<Ok<RevealedNumber>> (long id, RevealRequest request, RevealHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var revealed = await handler.RevealAsync(id, request.Field, request.Reason, ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(revealed);
            })
            .RequireAuthorization(ResidentsPermissions.RevealPersonalData)
            .WithName("RevealPersonalNumber")
            .WithSummary("Shows a resident's ID number or phone number in full, for a stated reason; written to the audit log.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
