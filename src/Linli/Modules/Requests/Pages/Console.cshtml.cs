using System.ComponentModel.DataAnnotations;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.CallerHistory;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Modules.Requests.Features.Photos;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Linli.Platform.PersonalData;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// The 12345 operator's console (中心接件、分类派件): a fast entry form that can dispatch the new ticket or answer it directly
/// and close it in the same submit, and a caller lookup by phone (POSTed, never in a URL) listing the caller's earlier
/// tickets. Filing, dispatching and answering are the module's handlers, the same as the API's.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Linli.Platform.RateLimiting.RateLimitPolicies.Intake)]
[Authorize(Roles = Roles.HotlineOperator)]
[RequestSizeLimit(TicketPhotos.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TicketPhotos.MaxRequestBytes)]
internal sealed class ConsoleModel(RequestsDbContext context, FileTicketHandler handler, TicketPhotos photos, IRegionDirectory regions, IAreaScope scope,
    TicketActionRunner runner, CallerHistoryLookup callers, IDepartmentDirectory departments, CategoryCatalog catalog, IDataProtectionProvider protection)
    : IntakeForm(context, handler, photos, regions, scope, catalog)
{
    /// <summary>How long a shown caller history may be shown again from the intake form's posts.</summary>
    private static readonly TimeSpan HistoryLifetime = TimeSpan.FromHours(2);

    private ITimeLimitedDataProtector HistoryProtector => protection.CreateProtector("Linli.Requests.Console.CallerHistory").ToTimeLimitedDataProtector();

    /// <summary>After filing: "dispatch" (to <see cref="DispatchTo"/>), "answer" (直接答复 with <see cref="Answer"/>, closed at once) or "none".</summary>
    [BindProperty] public string? Then { get; set; } = "dispatch";

    /// <summary>Empty: what the routing rule says; "community": where it happened; or a department code.</summary>
    [BindProperty] public string? DispatchTo { get; set; }

    [BindProperty, MaxLength(RequestLimits.Opinion, ErrorMessage = "答复不能超过 2000 个字。")] public string? Answer { get; set; }

    /// <summary>The caller's number for the lookup (a separate form).</summary>
    [BindProperty, MaxLength(RequestLimits.Phone)] public string? LookupPhone { get; set; }
    [BindProperty(Name = "pageNumber")] public int? LookupPage { get; set; }

    public Paged<TicketView>? History { get; private set; }

    /// <summary>
    /// The history on screen (its page and ticket ids), protected and time-limited, carried by the intake form: while the
    /// operator takes the call (suggestions, the picker, a refused submit) the history stays, shown again by id without a
    /// second search by number (which would count against the operator's budget and the audit log once more).
    /// </summary>
    [BindProperty] public string? HistoryToken { get; set; }
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];
    public string? Message { get; private set; }
    public object[] MessageArguments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        Departments = await departments.ListAsync(cancellationToken: ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Departments = await departments.ListAsync(cancellationToken: ct);
        if (Then == "answer" && string.IsNullOrWhiteSpace(Answer) && Step is not ("suggest" or "place"))
            ModelState.AddModelError(nameof(Answer), Text["直接答复需要填写答复内容。"]);
        var filing = await TryFileAsync(ct);
        if (filing is null)
        {
            await RestoreHistoryAsync(ct);
            return Page();
        }
        if (filing.Ticket is not { } ticket)
        {
            // Submitted before (a double-click, a resubmit after a lost answer): the first submission's ticket, as it is now.
            TempData["Done"] = RepeatedNotice;
            return Redirect(filing.Location);
        }
        try
        {
            if (Then == "dispatch")
                await runner.RunAsync(ticket.Id, ticket.Version, (w, t, a) => w.DispatchAsync(t, a, DispatchTo, null, ct), ct);
            else if (Then == "answer")
                await runner.RunAsync(ticket.Id, ticket.Version, (w, t, a) => w.CloseAsync(t, a, Answer!.Trim(), ct), ct);
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException or ForbiddenException)
        {
            // Filed, but the next step was refused: the ticket page says why and offers the step again.
            TempData["Message"] = "诉求已受理，但派单未成功，请在工单页面重新派单。";
        }
        TempData["Done"] = "诉求已受理。";
        return Redirect(filing.Location);
    }

    protected override string PageAfterFiling(TicketView ticket) => $"/requests/tickets/{ticket.Id}";

    public async Task<IActionResult> OnPostLookupAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        Departments = await departments.ListAsync(cancellationToken: ct);
        ModelState.Clear();
        var phone = LookupPhone?.Trim();
        if (string.IsNullOrEmpty(phone) || phone.Length > RequestLimits.Phone)
        {
            Message = "请输入来电号码。";
            return Page();
        }
        if (!PhoneNumber.TryParse(phone, out _))
        {
            Message = "来电号码格式不正确。";
            return Page();
        }
        try
        {
            History = await callers.FindAsync(new CallerHistoryRequest(phone, LookupPage, 10), ct);
        }
        catch (TooManyRequestsException e)
        {
            Message = e.Format;
            MessageArguments = e.Arguments;
            return Page();
        }
        // The form for the new ticket starts with the caller's number.
        ContactPhone ??= phone;
        HistoryToken = HistoryProtector.Protect(string.Join(",", new long[] { History.Page, History.PageSize, History.Total }.Concat(History.Items.Select(t => t.Id))
            .Select(n => n.ToString(CultureInfo.InvariantCulture))), HistoryLifetime);
        return Page();
    }

    /// <summary>The history the lookup showed, from <see cref="HistoryToken"/>; nothing when the token is missing, spoilt or expired.</summary>
    private async Task RestoreHistoryAsync(CancellationToken ct)
    {
        long[] numbers;
        try
        {
            numbers = HistoryToken is null ? [] : [.. HistoryProtector.Unprotect(HistoryToken).Split(',').Select(n => long.Parse(n, CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException)
        {
            numbers = [];
        }
        if (numbers.Length < 3)
        {
            HistoryToken = null;
            return;
        }
        var ids = numbers[3..];
        var tickets = await Db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).Include(t => t.Units).AsSplitQuery().ToDictionaryAsync(t => t.Id, ct);
        History = new Paged<TicketView>([.. ids.Where(tickets.ContainsKey).Select(id => TicketView.Of(tickets[id], TicketAudience.Staff))],
            (int)numbers[0], (int)numbers[1], numbers[2]);
    }

    protected override FileTicketRequest BuildRequest(int categoryId) => base.BuildRequest(categoryId) with { Channel = Channel.Hotline };
}
