using Linli.Modules.Requests.Domain;

namespace Linli.Modules.Requests.Features.Open311.PostUpdate;

/// <summary>
/// A POST servicerequestupdates form, bound and checked (mySociety's extension, fields as open311-adapter requires them):
/// service_request_id, the client's update_id, status (the extension's upper-case statuses), updated_datetime and
/// description are required; media_url is optional. Contact fields (email, phone, names) are not kept: the request's
/// contact is already with it.
/// </summary>
internal sealed record Open311NewUpdate(string ServiceRequestId, string UpdateId, string Status, DateTime UpdatedAt, string Description, string? MediaUrl, string? AccountId)
{
    /// <summary>The statuses of the extension (status_extended_upper).</summary>
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "UNCHANGED", "OPEN", "CLOSED", "FIXED", "IN_PROGRESS", "PLANNED", "ACTION_SCHEDULED", "INVESTIGATING", "DUPLICATE",
        "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL", "CANCELLED", "REOPEN", "FOR_TRIAGE",
    };

    public static Open311NewUpdate Bind(Open311Form form)
    {
        string Required(string name, int max) => form.Bounded(name, max) ?? throw Open311Exception.BadRequest("{0} 必填。", name);
        var id = Required("service_request_id", Open311Limits.IdLength);
        var updateId = Required("update_id", Open311Limits.IdLength);
        var status = Required("status", Open311Limits.CodeLength).ToUpperInvariant();
        if (!Statuses.Contains(status)) throw Open311Exception.BadRequest("status 须为以下之一：{0}。", string.Join(", ", Statuses));
        var at = Open311Dates.Parse(Required("updated_datetime", 64))
                 ?? throw Open311Exception.BadRequest("{0} 不是 W3C 日期时间（例如 2026-11-01T00:00:00+08:00）。", "updated_datetime");
        var description = Required("description", RequestLimits.Opinion);
        var media = form.Bounded("media_url", Open311Limits.UrlLength);
        if (media is not null && !(Uri.TryCreate(media, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw Open311Exception.BadRequest("media_url 须为绝对的 http(s) 网址。");
        return new Open311NewUpdate(id, updateId, status, at, description, media, form.Bounded("account_id", Open311Limits.IdLength));
    }

    /// <summary>
    /// The comment as the ticket's history shows it: what the client's status says (the reporter finds it fixed, or not),
    /// the text, and the photo's link when it fits.
    /// </summary>
    public string Comment()
    {
        var said = Status switch
        {
            "FIXED" or "CLOSED" => "【群众反映：问题已解决】",
            "REOPEN" => "【群众反映：问题仍未解决】",
            _ => "",
        };
        var text = said + Description;
        var photo = MediaUrl is { } url ? "\n附图：" + url : "";
        return text.Length + photo.Length <= RequestLimits.Opinion + 200 ? text + photo : text;
    }
}
