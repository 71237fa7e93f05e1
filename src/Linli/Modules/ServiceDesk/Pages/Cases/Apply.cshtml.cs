using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RegionInfo = Linli.Modules.Regions.Contracts.RegionInfo;
using System.Text.RegularExpressions;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseFiles;
using Linli.Modules.ServiceDesk.Features.ReceiveCase;
using Linli.Platform.Attachments;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Linli.Platform.Localization;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>
/// 网上办事: a resident applies online. First (plain GETs, nothing personal in the address) their home district and
/// community, and an item that allows 网上办 and that the district's communities may receive (city-wide, or on its 代办
/// list); then their ID number and name and a file for each material (PDF, JPEG or PNG by content), posted to the same
/// <see cref="OnlineApplication"/> as POST /api/service-cases/online under the form's submission key, so a double click
/// creates one case. A refusal is a message at the field it names; what was typed stays, and the files already
/// uploaded wait with the form (<see cref="PendingAttachments"/>) and stay ticked, so nobody chooses them again.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.Apply)]
[EnableRateLimiting(RateLimitPolicies.Intake)]
[RequestSizeLimit(CaseMaterialFiles.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = CaseMaterialFiles.MaxRequestBytes)]
internal sealed partial class ApplyModel(ServiceDeskDbContext db, OnlineApplication online, CaseMaterialFiles files, IRegionDirectory regions, IAreaScope scope,
    IStringLocalizer<SharedResource> text, Microsoft.Extensions.Options.IOptions<AttachmentOptions> attachmentOptions) : PageModel
{
    public const string Path = "/service-desk/apply";

    [BindProperty(SupportsGet = true), MaxLength(6)] public string? District { get; set; }
    [BindProperty(SupportsGet = true), MaxLength(12)] public string? Community { get; set; }
    [BindProperty(SupportsGet = true), MaxLength(64)] public string? ItemCode { get; set; }
    [BindProperty, MaxLength(18)] public string? IdNumber { get; set; }
    [BindProperty, MaxLength(50)] public string? Name { get; set; }
    [BindProperty] public string? SubmissionKey { get; set; }

    /// <summary>The files kept from an earlier post that stay ticked, as "{material position}/{name}" ("2/1.pdf").</summary>
    [BindProperty] public List<string> KeptFiles { get; set; } = [];

    /// <summary>The number of the case just filed (from the redirect after filing; a case number is nobody's personal data).</summary>
    [BindProperty(SupportsGet = true, Name = "filed"), MaxLength(32)] public string? Filed { get; set; }

    public IReadOnlyList<RegionInfo> Districts { get; private set; } = [];
    public IReadOnlyList<RegionInfo> Communities { get; private set; } = [];
    public List<(string Code, string Name)> Items { get; private set; } = [];
    public IntakeItem? Chosen { get; private set; }

    /// <summary>Per material position: the files this form keeps from earlier posts.</summary>
    public Dictionary<int, IReadOnlyList<Attachment>> Pending { get; } = [];

    public string? Message { get; private set; }

    /// <summary>The size limit of one file, in whole megabytes (Attachments:MaxBytes).</summary>
    public long MaxMegabytes => Math.Max(1, attachmentOptions.Value.MaxBytes / (1024 * 1024));

    /// <summary>The form field of a material's files (as the API names it).</summary>
    public static string FileField(int position) => CaseMaterialFiles.Field(position);

    public IEnumerable<string> ErrorsFor(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionKey = NewKey();
        ModelState.Clear();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Filed = null;
        await LoadAsync(ct);
        if (Chosen is not { } item) return Page();
        var user = scope.UserId!;
        var formKey = IdempotencyKey.Parse(SubmissionKey) ?? NewKey();
        SubmissionKey = formKey;
        var positions = item.Materials.Select(m => m.Position).ToHashSet();
        var kept = Kept(positions);
        var uploaded = new Dictionary<int, UploadCheck>();
        foreach (var group in Request.Form.Files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (PositionOf(group.Key) is not { } position || !positions.Contains(position)) continue;
            var check = await files.CheckAsync(group.ToList(), ct);
            if (check.Ok && check.Files.Count + kept.GetValueOrDefault(position, []).Count > CaseMaterialFiles.MaxPerMaterial) check = check with { Problem = UploadProblem.TooMany };
            uploaded[position] = check;
            if (CaseMaterialFiles.Message(check) is { } problem) ModelState.AddModelError(FileField(position), text[problem.Key, problem.Arguments]);
        }
        if (string.IsNullOrWhiteSpace(IdNumber)) ModelState.AddModelError(nameof(IdNumber), text["请填写申请人身份证号。"]);
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), text["请填写申请人姓名。"]);
        if (!ModelState.IsValid)
        {
            await KeepAsync(item, user, formKey, uploaded, ct);
            return Page();
        }

        var materials = new Dictionary<int, IReadOnlyList<CheckedFile>>();
        foreach (var position in positions)
        {
            var earlier = kept.TryGetValue(position, out var names) ? await files.ReadPendingAsync(CaseMaterialFiles.PendingId(user, formKey, position), names, ct) : [];
            materials[position] = [.. earlier, .. uploaded.TryGetValue(position, out var check) ? check.Files : []];
        }
        var applicant = new ApplicantInput(IdNumber, Name, Community);
        var key = new IdempotencyKey("user:" + user, formKey, OnlineApplicationEndpoint.Fingerprint("POST " + Path, applicant, item.Code, materials));
        try
        {
            var outcome = await online.ApplyAsync(applicant, item.Code, materials, CaseActor.From(User, scope), key,
                c => new IdempotentAnswer(StatusCodes.Status303SeeOther, null, null, FiledPath(c.Number)), ct);
            foreach (var position in positions) await files.DropPendingAsync(CaseMaterialFiles.PendingId(user, formKey, position), [], ct);
            return Redirect(outcome.Earlier?.Location ?? FiledPath(outcome.Case!.Number));
        }
        catch (ValidationFailedException e)
        {
            e.AddTo(ModelState, text, FormField);
        }
        catch (IdempotencyKeyReusedException)
        {
            // The same form, filed already, came back changed: a second submit files it as a new application.
            Message = text["这张表单已提交过，这次的内容与上次不同。如确需另行申请，请核对后再次提交。"];
            SubmissionKey = NewKey();
        }
        catch (CallerFacingException e)
        {
            Message = e.Phrase.In(text);
        }
        await KeepAsync(item, user, formKey, uploaded, ct);
        return Page();
    }

    private static string FiledPath(string number) => Path + "?filed=" + Uri.EscapeDataString(number);

    /// <summary>The intake's field names (the API's) as this form spells them.</summary>
    private static string FormField(string field) => field switch
    {
        "Applicant.IdNumber" => nameof(IdNumber),
        "Applicant.Name" => nameof(Name),
        "Applicant.HomeCommunityCode" => nameof(Community),
        "Mode" => nameof(ItemCode),
        _ => field,
    };

    /// <summary>The ticked kept files by material position (only positions of this item; anything else is ignored).</summary>
    private Dictionary<int, List<string>> Kept(HashSet<int> positions)
    {
        var kept = new Dictionary<int, List<string>>();
        foreach (var value in KeptFiles)
        {
            var slash = value.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || !int.TryParse(value.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var position) || !positions.Contains(position)) continue;
            var name = value[(slash + 1)..];
            if (name.Length is 0 or > AttachmentConfiguration.NameLength) continue;
            (kept.TryGetValue(position, out var list) ? list : kept[position] = []).Add(name);
        }
        return kept;
    }

    /// <summary>
    /// The form is shown again: per material, the files just uploaded (when they passed the checks) wait beside the kept
    /// ones still ticked; unticked ones are dropped. When the form was given a new key its files move to it.
    /// </summary>
    private async Task KeepAsync(IntakeItem item, string user, string formKey, Dictionary<int, UploadCheck> uploaded, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var kept = Kept(item.Materials.Select(m => m.Position).ToHashSet());
        var names = new List<string>();
        foreach (var material in item.Materials)
        {
            var position = material.Position;
            var keptNames = kept.GetValueOrDefault(position, []);
            var uploads = uploaded.TryGetValue(position, out var check) && check.Ok ? check.Files : [];
            if (keptNames.Count == 0 && uploads.Count == 0) continue;
            var pendingId = CaseMaterialFiles.PendingId(user, formKey, position);
            if (SubmissionKey != formKey && CaseMaterialFiles.PendingId(user, SubmissionKey!, position) is var moved)
            {
                await files.MovePendingAsync(pendingId, moved, ct);
                pendingId = moved;
            }
            await files.DropPendingAsync(pendingId, keptNames, ct);
            var still = keptNames.Count == 0 ? [] : await files.PendingAsync(pendingId, ct);
            var added = uploads.Count > 0 && still.Count + uploads.Count <= CaseMaterialFiles.MaxPerMaterial ? await files.KeepPendingAsync(pendingId, uploads, ct) : [];
            Pending[position] = [.. still, .. added];
            names.AddRange(Pending[position].Select(a => position.ToString(CultureInfo.InvariantCulture) + "/" + a.Name));
        }
        KeptFiles = names;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Districts = await regions.ListAsync(RegionLevel.District, cancellationToken: ct);
        if (Community is { Length: 12 } && District is null) District = Community[..6];
        if (District is { Length: 6 } d && Districts.Any(x => x.Code == d)) Communities = await regions.ListAsync(RegionLevel.Community, d, ct);
        else District = null;
        if (Community is not null && Communities.All(c => c.Code != Community)) Community = null;
        if (District is null) return;
        // Only what a resident may apply for online here: 网上办 allowed, and receivable by the district's communities.
        var offered = db.ReceivableIn(District).Where(x => (x.Version.Modes & HandlingModes.Online) == HandlingModes.Online);
        Items = (await offered.OrderBy(x => x.Version.Name).ThenBy(x => x.Item.Code).Select(x => new { x.Item.Code, x.Version.Name }).Take(1000).ToListAsync(ct))
            .Select(x => (x.Code, x.Name)).ToList();
        if (string.IsNullOrWhiteSpace(ItemCode) || Community is null) return;
        var code = ItemCode.Trim();
        var chosen = await offered.Where(x => x.Item.Code == code).Select(x => new { x.Item.Code, x.Version.Id, x.Version.Name, x.Version.Modes }).FirstOrDefaultAsync(ct);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(ItemCode), text["事项 {0} 不能在本区县网上申请，请从清单中选择。", code]);
            return;
        }
        var materials = await db.ItemMaterials.AsNoTracking().Where(m => m.VersionId == chosen.Id).OrderBy(m => m.Position)
            .Select(m => new IntakeMaterial(m.Id, m.Position, m.Name, m.Mandatory, m.Condition, m.AcceptLater, m.Supplied != SuppliedProof.None)).ToListAsync(ct);
        Chosen = new IntakeItem(chosen.Code, chosen.Name, chosen.Modes, materials);
    }

    private static int? PositionOf(string field)
    {
        var match = MaterialField().Match(field);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
    }

    [GeneratedRegex(@"^materials\[(\d{1,4})\]$", RegexOptions.CultureInvariant)]
    private static partial Regex MaterialField();

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
