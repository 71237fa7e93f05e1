using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Modules.Residents.Features.GetResident;
using Linli.Modules.Residents.Features.Shared;
using Linli.Modules.Residents.Features.Verifications;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Features.CreateResident;

internal sealed record NewHousehold(
    [property: Required, RegularExpression(@"^\d{12}$", ErrorMessage = "社区代码应为 12 位数字。")] string CommunityCode,
    [property: RegularExpression(@"^\d{15}$", ErrorMessage = "网格代码应为 15 位数字。")] string? GridCode,
    [property: Required, MaxLength(200)] string Address,
    [property: MaxLength(20)] string? Building,
    [property: MaxLength(20)] string? Unit,
    [property: MaxLength(20)] string? Room,
    [property: Range(-180.0, 180.0)] double? Longitude,
    [property: Range(-90.0, 90.0)] double? Latitude);

internal sealed record NewTag(PopulationTagKind Tag, [property: Range(1, 4)] int? Grade, DateOnly? StartDate, DateOnly? EndDate);

/// <summary>
/// A new resident, either joining an existing household (<see cref="HouseholdId"/>) or founding a new one
/// (<see cref="Household"/>). Gender and birth date follow from the ID number; when given they must agree with it.
/// 60+/80+ tags follow from the birth date and are added by themselves.
/// </summary>
internal sealed record CreateResidentRequest(
    long? HouseholdId,
    NewHousehold? Household,
    [property: Required, MaxLength(50)] string Name,
    [property: Required, IdNumber] string IdNumber,
    Gender? Gender,
    DateOnly? BirthDate,
    [property: PhoneNumber] string? Phone,
    RelationToHead? RelationToHead,
    [property: MaxLength(200)] string? RegisteredAddress,
    [property: MaxLength(200)] string? ActualAddress,
    IReadOnlyList<NewTag>? Tags) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((HouseholdId is null) == (Household is null))
            yield return new ValidationResult("请指定已有的户（householdId）或新建的户（household），二者选一。", [nameof(HouseholdId), nameof(Household)]);
        if (Household is not null)
        {
            var nested = new List<ValidationResult>();
            Validator.TryValidateObject(Household, new ValidationContext(Household, validationContext, null), nested, validateAllProperties: true);
            foreach (var r in nested) yield return new ValidationResult(r.ErrorMessage, r.MemberNames.Select(m => $"{nameof(Household)}.{m}").ToArray());
        }
        for (var i = 0; i < (Tags?.Count ?? 0); i++)
        {
            var nested = new List<ValidationResult>();
            Validator.TryValidateObject(Tags![i], new ValidationContext(Tags[i], validationContext, null), nested, validateAllProperties: true);
            foreach (var r in nested) yield return new ValidationResult(r.ErrorMessage, r.MemberNames.Select(m => $"{nameof(Tags)}[{i}].{m}").ToArray());
        }
    }
}

/// <summary>
/// Registers one resident: checks, encrypts the numbers, writes household, resident and tags, and counts them. A
/// community outside the caller's area is a 403; an ID number registered anywhere already is a 409 that says only that
/// the number needs checking by the level above (<see cref="DuplicateRegistrations"/>).
/// </summary>
internal sealed class CreateResidentHandler(ResidentsDbContext db, PlacementRules placement, IPersonalDataProtector protector, DuplicateRegistrations duplicates,
    TimeProvider clock)
{
    /// <summary>The new resident's id.</summary>
    public async Task<long> CreateAsync(CreateResidentRequest request, CancellationToken cancellationToken)
    {
        var today = Views.Today(clock);
        if (!Linli.Platform.PersonalData.IdNumber.TryParse(request.IdNumber, today, out var id))
            throw ValidationFailedException.For(nameof(request.IdNumber), Linli.Platform.PersonalData.IdNumber.Problem(request.IdNumber, today)!);
        var errors = new Dictionary<string, Phrase[]>();
        if (request.Gender is { } gender && gender != id.Gender) errors[nameof(request.Gender)] = [new("性别与身份证号不符。")];
        if (request.BirthDate is { } birth && birth != id.BirthDate) errors[nameof(request.BirthDate)] = [new("出生日期与身份证号不符。")];
        var tags = (request.Tags ?? []).Select(t => new TagInput(t.Tag, t.Grade, t.StartDate, t.EndDate)).ToList();
        for (var i = 0; i < tags.Count; i++)
            if (TagRules.Problem(tags[i], id.BirthDate, today) is { } problem) errors[$"{nameof(request.Tags)}[{i}]"] = [problem];

        Household household;
        var newHousehold = request.Household is not null;
        if (request.Household is { } h)
        {
            // A community outside the caller's area is refused (403) by the placement rules themselves.
            if (await placement.CheckAsync(h.CommunityCode, h.GridCode, cancellationToken) is { } p)
                errors[p.Field == PlacementField.Community ? "Household.CommunityCode" : "Household.GridCode"] = [new(p.Message, p.Arguments)];
            household = new Household
            {
                CommunityCode = h.CommunityCode, GridCode = string.IsNullOrEmpty(h.GridCode) ? null : h.GridCode, Address = h.Address.Trim(),
                Building = h.Building, Unit = h.Unit, Room = h.Room, Longitude = h.Longitude, Latitude = h.Latitude,
            };
        }
        else
        {
            // The query filter hides households outside the caller's area: they answer 404 like unknown ones.
            household = await db.Households.FirstOrDefaultAsync(x => x.Id == request.HouseholdId, cancellationToken)
                        ?? throw new NotFoundException("户 {0} 不存在。", request.HouseholdId);
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var idNumber = protector.SealIdNumber(id.Value);
        // Unique across the whole pool, whoever can see the other record.
        if (await duplicates.FindAsync(idNumber.Hash, cancellationToken) is { } existing)
            throw await RefuseAsync(household.CommunityCode, request.Name.Trim(), idNumber, existing, cancellationToken);
        SealedNumber? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Phone))
            phone = PhoneNumber.TryParse(request.Phone, out var parsed)
                ? protector.SealPhone(parsed)
                : throw ValidationFailedException.For(nameof(request.Phone), PhoneNumber.Problem(request.Phone)!);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (newHousehold)
        {
            db.Households.Add(household);
            await db.SaveChangesAsync(cancellationToken);
        }
        var resident = new Resident
        {
            HouseholdId = household.Id, CommunityCode = household.CommunityCode, GridCode = household.GridCode,
            Name = request.Name.Trim(), IdNumberCipher = idNumber.Cipher, IdNumberHash = idNumber.Hash, IdNumberMasked = idNumber.Masked,
            PhoneCipher = phone?.Cipher, PhoneHash = phone?.Hash, PhoneMasked = phone?.Masked,
            Gender = id.Gender, BirthYear = id.BirthDate.Year, RelationToHead = request.RelationToHead ?? RelationToHead.Other,
            RegisteredAddress = request.RegisteredAddress?.Trim(), ActualAddress = request.ActualAddress?.Trim(),
            Tags = TagRules.Build(tags, id.BirthDate, today, household.CommunityCode),
        };
        db.Residents.Add(resident);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent create won the unique index: the same answer as the check above.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await duplicates.FindAsync(idNumber.Hash, cancellationToken) is { } winner)
                throw await RefuseAsync(household.CommunityCode, request.Name.Trim(), idNumber, winner, cancellationToken);
            throw;
        }
        await UnitCountStore.AddAsync(db, household.GridCode ?? household.CommunityCode, newHousehold ? 1 : 0, 1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return resident.Id;
    }

    private async Task<ConflictException> RefuseAsync(string communityCode, string name, SealedNumber idNumber, ExistingRegistration existing,
        CancellationToken cancellationToken)
    {
        var verification = await duplicates.RecordAsync(communityCode, name, idNumber, existing, "api", cancellationToken);
        return new ConflictException(DuplicateRegistrations.Refusal, new Dictionary<string, object?> { ["verificationId"] = verification });
    }
}

internal static class CreateResidentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Created<ResidentDetails>> (CreateResidentRequest request, CreateResidentHandler handler, ResidentDetailsQuery details, CancellationToken ct) =>
            {
                var id = await handler.CreateAsync(request, ct);
                return TypedResults.Created($"/api/residents/{id}", await details.GetAsync(id, ct));
            })
            .RequireAuthorization(ResidentsPermissions.ImportPeople)
            .WithName("CreateResident")
            .WithSummary("Registers a resident (in an existing or a new household). The ID number is checked (GB 11643) and stored encrypted. " +
                         "A number registered already (anywhere) is a 409 \"needs checking by the level above\", with the same answer wherever the other registration is.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
