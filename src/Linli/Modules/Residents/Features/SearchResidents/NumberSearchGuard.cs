using System.Globalization;
using Linli.Modules.Residents.Contracts;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Microsoft.AspNetCore.Authorization;

namespace Linli.Modules.Residents.Features.SearchResidents;

/// <summary>
/// A search by an exact ID or phone number confirms the number as a reveal would, so it is treated like one: only roles
/// that may reveal numbers may search by them, each search counts against the caller's hourly budget (429 when spent),
/// and each is written to the audit log — who, when, which field, how many matched, never the number.
/// </summary>
internal sealed class NumberSearchGuard(IHttpContextAccessor http, IAuthorizationService authorization, NumberSearchLimiter limiter, IAuditLog audit, IAreaScope scope)
{
    public const string IdNumberField = "idNumber";
    public const string PhoneField = "phone";

    /// <summary>Whether the caller may search by number; work outside a request (jobs, verbs) may.</summary>
    public async Task<bool> MaySearchAsync() =>
        http.HttpContext?.User is not { } user || (await authorization.AuthorizeAsync(user, ResidentsPermissions.RevealPersonalData)).Succeeded;

    /// <summary>Before the search: refused without the reveal permission (403) or once the hour's budget is spent (429).</summary>
    public async Task BeforeAsync()
    {
        if (!await MaySearchAsync()) throw new ForbiddenException("按身份证号或手机号查询等同于查看完整号码，需要查看完整号码的权限。");
        limiter.Acquire(NumberSearchKind.Residents, scope.UserId);
    }

    /// <summary>After the search: the audit entry. A single match is named (resident and community); otherwise the caller's area.</summary>
    public Task AfterAsync(string fields, long matches, long? onlyMatch, string? onlyMatchCommunity, CancellationToken cancellationToken)
    {
        var single = matches == 1 && onlyMatch is not null;
        return audit.RecordAsync(AuditActions.SearchByNumber, "resident",
            single ? onlyMatch!.Value.ToString(CultureInfo.InvariantCulture) : "",
            single ? onlyMatchCommunity ?? "" : scope.RegionPrefix ?? "",
            fields, string.Format(CultureInfo.InvariantCulture, "匹配 {0} 人", matches), cancellationToken);
    }
}
