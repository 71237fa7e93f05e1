using System.ComponentModel.DataAnnotations;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Features.RateCase;
using Linli.Modules.ServiceDesk.Features.TrackCase;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>
/// 办件查询: the applicant follows a case by its number and their ID number (whole or its last 6 characters), both posted
/// (never in the URL) and looked up by <see cref="CaseTracking"/> like POST /api/service-cases/track: the name masked, the
/// item, the state, the next step and its due date, nothing else. An unknown number and a wrong ID number get the same
/// 404 page; the ID number is never written back into the form. Lookups are audited as searches by number and
/// rate-limited per client; showing the form does not count.
/// After a lookup that proved the case, the applicant may rate it (好差评, by the same <see cref="CaseRater"/> as the
/// account rating) and rate the follow-up of their 差评: the page carries a short-lived <see cref="TrackProof"/> for that
/// one case instead of the ID number. Nothing is preselected: a rating without a level is refused and the form kept.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Track)]
internal sealed class TrackModel(ServiceDeskDbContext db, IPersonalDataProtector protector, IAuditLog audit, TrackProof proofs, CaseRater rater,
    IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    // The case number may come in the link of the 办结 message (?number=…): it is not personal data; the ID number never does.
    [BindProperty(SupportsGet = true), MaxLength(CaseTracking.MaxNumberLength)] public string? Number { get; set; }
    [BindProperty, MaxLength(CaseTracking.MaxIdNumberLength)] public string? IdNumber { get; set; }

    /// <summary>The token of a proven lookup (<see cref="TrackProof"/>), posted back with a rating.</summary>
    [BindProperty, MaxLength(1000)] public string? Proof { get; set; }

    [BindProperty] public RatingLevel? Level { get; set; }
    [BindProperty, MaxLength(2000)] public string? Comment { get; set; }
    [BindProperty] public long? RatingId { get; set; }
    [BindProperty] public RatingLevel? FollowUpLevel { get; set; }

    public CaseTrackView? Found { get; private set; }
    public bool Unmatched { get; private set; }
    public string? Message { get; private set; }

    /// <summary>What the last rating attempt came to: thanks, or why it was refused.</summary>
    public string? Rated { get; private set; }
    public string? RateError { get; private set; }

    /// <summary>The rating whose follow-up rating was refused (its form shows the reason).</summary>
    public long? FollowUpErrorFor { get; private set; }

    /// <summary>The levels from best to worst, as the form lists them; none is checked until the applicant checks one.</summary>
    public static readonly IReadOnlyList<RatingLevel> Levels =
        [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.FairlySatisfied, RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(IdNumber))
        {
            Message = "请填写办件编号和申请人身份证号（或后6位）。";
            return Page();
        }
        var id = ModelState.IsValid ? await CaseTracking.ProveAsync(Number, IdNumber, db, protector, audit, ct) : null;
        if (id is null)
        {
            Unmatched = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        return await ShowAsync(id.Value, ct, prove: true);
    }

    public Task<IActionResult> OnPostRateAsync(CancellationToken ct) =>
        RateAsync(id => rater.RateAsync(id, Level, Comment, ct), null, ct);

    public Task<IActionResult> OnPostRateFollowUpAsync(CancellationToken ct) =>
        RateAsync(id => rater.RateFollowUpAsync(id, RatingId ?? 0, FollowUpLevel, ct), RatingId, ct);

    private async Task<IActionResult> RateAsync(Func<ServiceCase, Task<CaseRating>> rate, long? followUpOf, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (proofs.Read(Proof) is not { } id)
        {
            Message = "查询已超时，请重新输入办件编号和身份证号。";
            Number = null;
            return Page();
        }
        try
        {
            if (ModelState.GetFieldValidationState(nameof(Comment)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                throw ValidationFailedException.For("Comment", "评价内容不能超过 2000 个字。");
            await rate(await TrackRatingEndpoints.ProvenCaseAsync(id, db, ct));
            Rated = "感谢您的评价！";
            (Level, Comment, FollowUpLevel) = (null, null, null);
        }
        catch (ValidationFailedException e)
        {
            // The comment typed stays in the form; what was refused is said beside it.
            (RateError, FollowUpErrorFor) = (e.Sentence(text), followUpOf);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (CallerFacingException e)
        {
            (RateError, FollowUpErrorFor) = (e.Phrase.In(text), followUpOf);
            Response.StatusCode = e is ConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound;
        }
        db.ChangeTracker.Clear();
        return await ShowAsync(id, ct);
    }

    /// <summary>The case; a new token only after a lookup proved it, so one proof lasts its 30 minutes and no rating extends it.</summary>
    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct, bool prove = false)
    {
        Found = await CaseTracking.ViewAsync(id, db, clock, ct);
        if (prove) Proof = proofs.Issue(id);
        return Page();
    }
}
