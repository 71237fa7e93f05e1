using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Modules.Requests.Features.Photos;
using Linli.Modules.Requests.Features.Shared;
using Linli.Modules.Requests.Features.SuggestCategory;
using Linli.Platform.Attachments;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Linli.Platform.PersonalData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// What the three intake pages (resident, hotline console, patrol) share: the fields, the category suggestions, the
/// district → street → community picker that works without JavaScript (each "update" button posts the form back and the
/// page offers the next level), the photo checks, and the call to the module's one intake handler
/// (<see cref="FileTicketHandler"/>, the same as POST /api/requests/tickets). Nothing personal travels in a URL.
/// </summary>
internal abstract class IntakeForm(RequestsDbContext db, FileTicketHandler handler, TicketPhotos photos, IRegionDirectory regions, IAreaScope scope, CategoryCatalog catalog) : PageModel
{
    public const int SuggestionCount = 5;

    /// <summary>Kept whole however long: over <see cref="RequestLimits.Description"/> the form says so (<see cref="DescriptionTooLong"/>) instead of cutting it.</summary>
    [BindProperty]
    public string? Description { get; set; }

    /// <summary>The description's length as the limit counts it (line breaks as one character, as the browser counts them).</summary>
    public int DescriptionLength => Description?.ReplaceLineEndings("\n").Length ?? 0;

    public bool DescriptionTooLong => DescriptionLength > RequestLimits.Description;

    /// <summary>The category chosen from the suggestions (radio buttons).</summary>
    [BindProperty] public int? SuggestedCategoryId { get; set; }

    /// <summary>The category chosen from the full list; wins over a suggestion.</summary>
    [BindProperty] public int? CategoryId { get; set; }

    [BindProperty] public Urgency Urgency { get; set; } = Urgency.Normal;
    [BindProperty] public string? DistrictCode { get; set; }
    [BindProperty] public string? StreetCode { get; set; }
    [BindProperty] public string? CommunityCode { get; set; }
    // Named in the form's messages (a value that is not a number is "经度的格式不正确。", not the property's name).
    [BindProperty, Display(Name = "经度")] public double? Longitude { get; set; }
    [BindProperty, Display(Name = "纬度")] public double? Latitude { get; set; }

    [BindProperty, MaxLength(RequestLimits.Address, ErrorMessage = "地址不能超过 200 个字。")]
    public string? Address { get; set; }

    [BindProperty, MaxLength(RequestLimits.Phone, ErrorMessage = "手机号格式不正确。"), PhoneNumber(ErrorMessage = "手机号格式不正确。")]
    public string? ContactPhone { get; set; }

    [BindProperty] public bool Anonymous { get; set; }

    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    /// <summary>The photos uploaded before the form was shown again that stay ticked (names of <see cref="PendingPhotos"/>).</summary>
    [BindProperty] public List<string> KeptPhotos { get; set; } = [];

    /// <summary>Photos this form keeps from an earlier post, saved with the ticket when it is filed (Platform/Attachments/PendingAttachments.cs).</summary>
    public IReadOnlyList<Attachment> PendingPhotos { get; private set; } = [];

    /// <summary>Which button was pressed: "suggest", "place" or (default) "file".</summary>
    [BindProperty] public string? Step { get; set; }

    /// <summary>
    /// The form's idempotency key, made when the form is first shown and posted back with it (a hidden field): a
    /// double-click or a resubmit after a lost answer shows the first submission's ticket instead of filing again.
    /// </summary>
    [BindProperty] public string? SubmissionKey { get; set; }

    public IReadOnlyList<CategorySuggestion> Suggestions { get; private set; } = [];

    /// <summary>The classifier's three suggestions (with unit and confidence) once the operator asked for suggestions.</summary>
    public Features.Classification.ClassifyAnswer? Classified { get; private set; }
    public CategoryTree Tree { get; private set; } = new([]);
    public IReadOnlyList<RegionInfo> Districts { get; private set; } = [];
    public IReadOnlyList<RegionInfo> Streets { get; private set; } = [];
    public IReadOnlyList<RegionInfo> Communities { get; private set; } = [];

    protected Actor Actor => Actor.From(User, scope);

    protected RequestsDbContext Db => db;

    protected IRegionDirectory Regions => regions;

    /// <summary>Whether this page shows the community picker (the patrol form is placed in the worker's own grid).</summary>
    public virtual bool ShowsPicker => true;

    protected async Task PrepareAsync(CancellationToken ct)
    {
        SubmissionKey = IdempotencyKey.Parse(SubmissionKey) ?? NewSubmissionKey();
        Tree = await CategoryPaths.TreeAsync(catalog, ct);
        Suggestions = string.IsNullOrWhiteSpace(Description) ? [] : CategorySuggester.Suggest(Tree, catalog.Words, Description, SuggestionCount);
        // The model's suggestions and the places named in the text, on the operator's request only (training may run at first use).
        if (Step == "suggest" && !string.IsNullOrWhiteSpace(Description))
        {
            var services = HttpContext.RequestServices;
            Classified = await Features.Classification.ClassifyEndpoint.AnswerAsync(Description.Trim(),
                services.GetRequiredService<Features.Classification.ClassifierSuggestions>(), services.GetRequiredService<Features.PlaceRecognition.RegionPlaces>(),
                services.GetRequiredService<UnitNames>(), ct);
            // No community chosen and no point: the recognised place proposes one (the operator still confirms it in the picker).
            if (ShowsPicker && CommunityCode is null && Longitude is null && Classified.ProposedRegionCode is { } proposed)
            {
                if (proposed.Length == 12) CommunityCode = proposed;
                else if (proposed.Length == 9) StreetCode ??= proposed;
                else if (proposed.Length == 6) DistrictCode ??= proposed;
            }
        }
        if (!ShowsPicker) return;
        // A chosen community fixes its street and district; a chosen street its district.
        if (CommunityCode is { Length: 12 } c) (StreetCode, DistrictCode) = (c[..9], c[..6]);
        else if (StreetCode is { Length: 9 } s) DistrictCode = s[..6];
        var city = (await regions.ListAsync(RegionLevel.City, "", ct)).FirstOrDefault()?.Code ?? "";
        Districts = await regions.ListAsync(RegionLevel.District, city, ct);
        if (DistrictCode is { Length: 6 } d && Districts.Any(x => x.Code == d)) Streets = await regions.ListAsync(RegionLevel.Street, d, ct);
        else DistrictCode = StreetCode = CommunityCode = null;
        if (StreetCode is { Length: 9 } st && Streets.Any(x => x.Code == st)) Communities = await regions.ListAsync(RegionLevel.Community, st, ct);
        else StreetCode = CommunityCode = null;
        if (CommunityCode is not null && Communities.All(x => x.Code != CommunityCode)) CommunityCode = null;
    }

    /// <summary>The request this form describes; the page may add what it knows (the patrol worker's grid).</summary>
    protected virtual FileTicketRequest BuildRequest(int categoryId) => new(
        Description!.Trim(), categoryId, Urgency, Channel.Web, CommunityCode, null, Longitude, Latitude, Address, ContactPhone, Anonymous);

    /// <summary>
    /// Where the file button led: the ticket's number and the page to go to, of the ticket just filed (<see cref="Ticket"/>)
    /// or — when this form had been submitted already — of the first submission's ticket (<see cref="Repeated"/>).
    /// </summary>
    protected sealed record Filing(string Number, string Location, TicketView? Ticket)
    {
        public bool Repeated => Ticket is null;
    }

    /// <summary>The page shown once the ticket is filed (kept under the form's key for a repeat).</summary>
    protected abstract string PageAfterFiling(TicketView ticket);

    /// <summary>
    /// Files the ticket when the form is complete and the file button was pressed; otherwise (or on a refusal) leaves the
    /// page to be shown again with the messages, and answers null.
    /// </summary>
    protected async Task<Filing?> TryFileAsync(CancellationToken ct)
    {
        var key = IdempotencyKey.Parse(SubmissionKey);
        // Browsers send line breaks as CR LF but count them as one; so does the limit.
        Description = Description?.ReplaceLineEndings("\n");
        await PrepareAsync(ct);
        var pendingId = Actor.UserId is { } user ? PendingAttachments.Id(user, SubmissionKey!) : null;
        var photoCheck = await photos.CheckAsync(Photos, ct);
        if (Step is "suggest" or "place")
        {
            ModelState.Clear();
            DescriptionLimit();
            await KeepPhotosAsync(pendingId, photoCheck, ct);
            return null;
        }
        DescriptionLimit();
        if (string.IsNullOrWhiteSpace(Description)) ModelState.AddModelError(nameof(Description), Text["请描述问题。"]);
        var categoryId = CategoryId ?? SuggestedCategoryId;
        if (categoryId is null)
            ModelState.AddModelError(nameof(CategoryId), Text[Suggestions.Count > 0 ? "请确认诉求分类：从建议中选择一项，或在完整列表中选择。" : "请选择诉求分类。"]);
        if ((Longitude is null) != (Latitude is null)) ModelState.AddModelError(nameof(Longitude), Text["地图点需要同时填写经度和纬度。"]);
        if (TicketPhotos.Message(photoCheck) is { } photoProblem) ModelState.AddModelError(nameof(Photos), Text[photoProblem]);
        var keptPhotos = pendingId is null ? [] : await photos.ReadPendingAsync(pendingId, KeptPhotos, ct);
        if (keptPhotos.Count + photoCheck.Files.Count > TicketPhotos.MaxCount)
            ModelState.AddModelError(nameof(Photos), Text[TicketPhotos.Message(photoCheck with { Problem = UploadProblem.TooMany })!]);
        var checkedPhotos = keptPhotos.Concat(photoCheck.Files).ToList();
        if (!ModelState.IsValid)
        {
            await KeepPhotosAsync(pendingId, photoCheck, ct);
            return null;
        }
        try
        {
            var request = BuildRequest(categoryId!.Value);
            FileTicketHandler.Validate(request);
            var idempotent = key is null ? null : new IdempotentIntake(
                new IdempotencyKey(IdempotentIntake.CallerOf(Actor), key, IdempotencyKey.Fingerprint(
                    [Request.Path, JsonSerializer.Serialize(request), .. checkedPhotos.Select(p => Convert.ToHexString(SHA256.HashData(p.Content)))])),
                filed => new IdempotentAnswer(StatusCodes.Status302Found, "text/plain; charset=utf-8", filed.Ticket.Number, PageAfterFiling(filed.Ticket)));
            var outcome = await handler.HandleAsync(request, Actor, idempotent, ct);
            if (outcome.Earlier is { Body: { } number, Location: { } location }) return new Filing(number, location, null);
            var ticket = outcome.Filed!.Ticket;
            await photos.SaveAsync(ticket.Id, checkedPhotos, ct);
            if (pendingId is not null) await photos.DropPendingAsync(pendingId, [], ct);
            return new Filing(ticket.Number, PageAfterFiling(ticket), ticket);
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var field in invalid.Errors.Keys) ModelState.AddModelError(field, Text[FieldMessage(field)]);
        }
        catch (ForbiddenException)
        {
            ModelState.AddModelError("", Text["您不能在辖区以外上报。"]);
        }
        catch (IdempotencyKeyReusedException reused)
        {
            // The same form, already filed, came back changed: say so, and let a second submit file it as a new request.
            ModelState.AddModelError("", Text["这张表单已提交过（诉求编号 {0}），这次的内容与上次不同。如确需另行反映，请核对内容后再次提交。", reused.Earlier.Body ?? ""]);
            SubmissionKey = NewSubmissionKey();
        }
        await KeepPhotosAsync(pendingId, photoCheck, ct);
        return null;
    }

    /// <summary>
    /// The form is shown again: the photos just uploaded (when they passed the checks and fit beside those kept) wait
    /// with the ones still ticked until it is filed; unticked ones are dropped. When the form was given a new key, its
    /// photos move to it. With nothing chosen (no photo kept, none uploaded) nothing is asked of the database: what the
    /// form had pending is no longer listed, and goes with the form or the expiry sweep.
    /// </summary>
    private async Task KeepPhotosAsync(string? pendingId, UploadCheck uploaded, CancellationToken ct)
    {
        PendingPhotos = [];
        if (pendingId is null || Actor.UserId is not { } user) return;
        var uploads = uploaded.Ok ? uploaded.Files : [];
        if (KeptPhotos.Count == 0 && uploads.Count == 0)
        {
            KeptPhotos = [];
            return;
        }
        // Nothing the refused attempt may have left tracked is saved with the photos.
        db.ChangeTracker.Clear();
        if (PendingAttachments.Id(user, SubmissionKey!) is var current && current != pendingId)
        {
            await photos.MovePendingAsync(pendingId, current, ct);
            pendingId = current;
        }
        await photos.DropPendingAsync(pendingId, KeptPhotos, ct);
        var kept = KeptPhotos.Count == 0 ? [] : await photos.PendingAsync(pendingId, ct);
        var added = uploads.Count > 0 && kept.Count + uploads.Count <= TicketPhotos.MaxCount ? await photos.KeepPendingAsync(pendingId, uploads, ct) : [];
        PendingPhotos = [.. kept, .. added];
        KeptPhotos = PendingPhotos.Select(p => p.Name).ToList();
    }

    private void DescriptionLimit()
    {
        if (!DescriptionTooLong) return;
        ModelState.AddModelError(nameof(Description), Text["问题描述最多 {0} 个字，当前 {1} 个字，请删减后再提交。", RequestLimits.Description, DescriptionLength]);
    }

    /// <summary>The page's words in the reader's language: every message a form shows is a key of the shared resources.</summary>
    protected IStringLocalizer<SharedResource> Text => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    private static string NewSubmissionKey() => Guid.NewGuid().ToString("N");

    /// <summary>What a page says when the form had been submitted already and the first submission's ticket is shown.</summary>
    public const string RepeatedNotice = "这张表单已经提交过，未重复受理；以下是第一次提交受理的诉求。";

    /// <summary>The form's words for a field the intake handler refused.</summary>
    public static string FieldMessage(string field) => field switch
    {
        nameof(FileTicketRequest.Description) => "请描述问题。",
        nameof(FileTicketRequest.CategoryId) => "请选择一个可用的三级分类。",
        nameof(FileTicketRequest.CommunityCode) => "请选择社区，或填写地图上的位置。",
        nameof(FileTicketRequest.GridCode) => "该社区没有这个网格。",
        nameof(FileTicketRequest.Longitude) or nameof(FileTicketRequest.Latitude) => "该位置不在本市范围内。",
        nameof(FileTicketRequest.ContactPhone) => "手机号格式不正确。",
        nameof(FileTicketRequest.Address) => "地址不能超过 200 个字。",
        _ => "输入有误，请检查后重新提交。",
    };
}
