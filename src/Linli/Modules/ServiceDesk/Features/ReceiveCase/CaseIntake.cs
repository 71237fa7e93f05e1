using Linli.Modules.Residents.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.ReceiveCase;

/// <summary>
/// Who applies: the ID number they present (checked, GB 11643), and — for a person not yet in the resident pool — their
/// name, home community and phone.
/// </summary>
/// <param name="NewToPool">
/// How the window means it: null (the API's default) finds the number in the pool and takes the rest for a person not in
/// it; false is a resident picked from the pool (a number not in it is refused); true is a person entered as new to the
/// pool (name, home community and phone required). When the number of a person entered as new is a resident's, the case
/// is linked to that resident: as them when the resident is in the worker's area, and otherwise exactly as typed, so the
/// answer says nothing the worker could not see (as Residents answers a duplicate registration, DuplicateRegistrations).
/// </param>
internal sealed record ApplicantInput(string? IdNumber, string? Name = null, string? HomeCommunityCode = null, string? Phone = null, bool? NewToPool = null);

/// <summary>
/// 收件: the one intake every channel shares (the window's API and page, online applications, and an appointment's
/// check-in). Finds the applicant in the pool by the ID number presented, whatever the worker's area (全市通办); takes
/// the item's published version, refusing an unknown, retired or unpublished item, and an item that is not city-wide
/// outside the applicant's home district or where the district's 代办 list lacks it; fills 免提交 materials from the
/// pool (<see cref="MaterialRules.AtReceipt"/>, the same for the window and online); numbers the case; starts the 5-working-day notice window and the promised time limit. Adds to the context, does
/// not save: the caller saves (with its idempotency record).
/// </summary>
internal sealed class CaseIntake(ServiceDeskDbContext db, CaseWorkflow workflow, CaseNumbers numbers, IResidentDirectory residents,
    Regions.Contracts.IRegionDirectory regions, IPersonalDataProtector protector, WorkingCalendar calendar, IOptions<CaseOptions> options)
{
    private static readonly PopulationTagKind[] HomeVisitTags = [PopulationTagKind.Elderly80, PopulationTagKind.Disabled, PopulationTagKind.LivingAlone];

    /// <param name="applicant">Who applies.</param>
    /// <param name="itemCode">The item's code (its published version is taken).</param>
    /// <param name="mode">How it is handled (one of the version's modes).</param>
    /// <param name="worker">The accepting worker (a community-level scope), or the applicant themselves for <see cref="HandlingModes.Online"/>.</param>
    /// <param name="received">The item's materials the window has in hand (material ids).</param>
    public async Task<ServiceCase> ReceiveAsync(ApplicantInput applicant, string? itemCode, HandlingModes mode, CaseActor worker,
        IReadOnlyList<long>? received, CancellationToken cancellationToken)
    {
        var now = workflow.Now;
        var today = WorkingCalendar.ChinaDay(now);
        if (IdNumber.Problem(applicant.IdNumber, today) is { } problem) throw ValidationFailedException.For("Applicant.IdNumber", problem);
        var idNumber = IdNumber.Normalize(applicant.IdNumber!);
        if (string.IsNullOrWhiteSpace(itemCode)) throw ValidationFailedException.For("ItemCode", "请选择办理事项。");
        var code = itemCode.Trim();
        var item = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken)
                   ?? throw ValidationFailedException.For("ItemCode", "事项 {0} 不存在。", code);
        if (item.Retired) throw ValidationFailedException.For("ItemCode", "事项 {0} 已停用，不再受理。", code);
        var version = (item.PublishedVersionId is { } published
                          ? await db.ServiceItemVersions.AsNoTracking().Include(v => v.Materials).FirstOrDefaultAsync(v => v.Id == published && v.State == ItemVersionState.Published, cancellationToken)
                          : null)
                      ?? throw ValidationFailedException.For("ItemCode", "事项 {0} 尚未发布，不能受理。", code);
        if (!Enum.IsDefined(mode) || mode == HandlingModes.None || !version.Modes.HasFlag(mode))
            throw ValidationFailedException.For("Mode", "事项 {0} 不支持这种办理方式。", code);

        var stated = applicant.Name?.Trim() is { Length: > 0 and <= 50 } n ? n : null;
        var statedHome = applicant.HomeCommunityCode?.Trim() ?? "";
        PhoneNumber? phone = null;
        if (applicant.NewToPool == true || !string.IsNullOrWhiteSpace(applicant.Phone))
            phone = PhoneNumber.TryParse(applicant.Phone, out var p) ? p : throw ValidationFailedException.For("Applicant.Phone", PhoneNumber.Problem(applicant.Phone)!);
        // A person entered as new is checked as typed before the pool is asked, so the answer is the same whether they are in it or not.
        if (applicant.NewToPool == true) await RequireStatedAsync(stated, statedHome, cancellationToken);

        var (card, linked, asStated) = await FindInPoolAsync(applicant, idNumber, worker, cancellationToken);
        string name, home;
        if (card is not null)
        {
            (name, home) = (card.Name, card.CommunityCode);
        }
        else
        {
            await RequireStatedAsync(stated, statedHome, cancellationToken);
            (name, home) = (stated!, statedHome);
        }

        var birthDate = IdNumber.TryParse(idNumber, today, out var parsed) ? parsed.BirthDate : today;
        if (EligibilityRules.Problem(version.MinimumAge, version.RequiredTag, birthDate, today, card?.ActiveTags) is { } ineligible)
            throw ValidationFailedException.For("Applicant.IdNumber", ineligible.Key, ineligible.Arguments);

        string accepting;
        if (mode == HandlingModes.Online)
        {
            if (!worker.IsResident) throw ValidationFailedException.For("Mode", "网上办由申请人本人提交。");
            accepting = home;
        }
        else
        {
            accepting = worker.RegionPrefix is { Length: >= 12 } scope && (worker.Is(Platform.Auth.Roles.CommunityWorker) || worker.Is(Platform.Auth.Roles.GridWorker))
                ? scope[..12]
                : throw new ForbiddenException("只有社区（村）工作人员可以在窗口收件。");
        }
        if (!version.CityWide && accepting[..6] != home[..6])
            throw ValidationFailedException.For("ItemCode", "事项 {0} 不是全市通办事项，只能在申请人户籍所在区县的社区（村）办理。", code);
        if (!await db.ReceivableIn(accepting[..6]).AnyAsync(x => x.Item.Id == item.Id, cancellationToken))
            throw ValidationFailedException.For("ItemCode", "本区县的代办事项清单中没有事项 {0}，社区（村）不能受理。", code);

        var sealedId = protector.SealIdNumber(idNumber);
        var sealedPhone = protector.SealPhone(phone);
        var c = new ServiceCase
        {
            Number = await numbers.NextAsync(db, now, cancellationToken), ItemId = item.Id, ItemVersionId = version.Id, State = CaseState.Received,
            ResidentId = card?.Id ?? linked, ApplicantName = name, ApplicantIdCipher = sealedId.Cipher, ApplicantIdHash = sealedId.Hash, ApplicantIdMasked = sealedId.Masked,
            ApplicantPhoneCipher = sealedPhone?.Cipher, ApplicantPhoneMasked = sealedPhone?.Masked, ApplicantAsStated = asStated,
            AcceptingCommunityCode = accepting, HomeCommunityCode = home, DepartmentCode = version.DepartmentCode,
            OwnerUserId = worker.UserId, OwnerName = worker.Name, ApplicantUserId = worker.IsResident ? worker.UserId : null, Mode = mode,
            ReceivedAt = now, UpdatedAt = now, HomeVisitEligible = card is not null && card.ActiveTags.Any(HomeVisitTags.Contains),
        };
        var inHand = (received ?? []).ToHashSet();
        foreach (var id in inHand.Where(id => version.Materials.All(m => m.Id != id)))
            throw ValidationFailedException.For("Received", "材料 {0} 不是此事项的申请材料。", id);
        foreach (var m in version.Materials.OrderBy(m => m.Position))
        {
            var status = MaterialRules.AtReceipt(m.Supplied, m.Mandatory, inHand.Contains(m.Id), card);
            c.Materials.Add(new CaseMaterial { MaterialId = m.Id, Position = m.Position, Name = m.Name, Mandatory = m.Mandatory, AcceptLater = m.AcceptLater,
                Supplied = m.Supplied, Status = status, UpdatedAt = now });
        }
        c.Steps.Add(new CaseStep { At = now, FromState = null, ToState = CaseState.Received, ActorUserId = worker.UserId, ActorName = worker.Name,
            Note = CaseLabels.Mode(mode).ToString() });
        var limit = new CaseDueTime { Case = c, Kind = CaseDueKind.Limit, DueAt = calendar.AddWorkingDays(now, version.PromisedLimitDays) };
        c.DueAt = limit.DueAt;
        db.ServiceCases.Add(c);
        db.CaseDueTimes.Add(limit);
        db.CaseDueTimes.Add(new CaseDueTime { Case = c, Kind = CaseDueKind.NoticeWindow, DueAt = calendar.AddWorkingDays(now, options.Value.NoticeWindowDays) });
        workflow.NotifyApplicant(c, "办件已收件", $"您的办件 {c.Number}（{version.Name}）已收件，可凭办件编号查询进度。");
        return c;
    }

    /// <summary>
    /// The applicant's card in the pool, if the case may use it; else the resident it is only linked to. At the window, by
    /// the number presented (the worker sees the person and their ID card). Online, never: an account carries no verified
    /// identity yet, so whoever typed another person's number, name and community would learn from their own case whether
    /// that person is in the pool and what they are tagged (低保, 残疾 …). Online applicants are taken as they state
    /// themselves and every material, 免提交 ones included, is asked for; the window supplies them on review.
    /// </summary>
    private async Task<(ResidentCard? Card, long? Linked, bool AsStated)> FindInPoolAsync(ApplicantInput applicant, string idNumber,
        CaseActor worker, CancellationToken cancellationToken)
    {
        if (worker.IsResident)
            return (null, null, false);
        var card = await residents.FindApplicantAsync(idNumber, cancellationToken);
        if (card is null && applicant.NewToPool == false)
            throw ValidationFailedException.For("Applicant.IdNumber", "居民信息库中没有此身份证号的居民；不在库中的，请按“新入库人员”填写姓名、电话和户籍社区（村）。");
        // Entered as new, but a resident outside the worker's area: linked, and nothing of the pool's used or said.
        if (card is not null && applicant.NewToPool == true && !worker.WorksFor(card.CommunityCode)) return (null, card.Id, true);
        return (card, null, false);
    }

    private async Task RequireStatedAsync(string? name, string home, CancellationToken cancellationToken)
    {
        if (name is null) throw ValidationFailedException.For("Applicant.Name", "申请人不在居民信息库中，请填写姓名（不超过 50 字）。");
        if (home.Length != 12 || await regions.FindAsync(home, cancellationToken) is not { Level: Regions.Contracts.RegionLevel.Community })
            throw ValidationFailedException.For("Applicant.HomeCommunityCode", "申请人不在居民信息库中，请选择其户籍所在社区（村）。");
    }
}
