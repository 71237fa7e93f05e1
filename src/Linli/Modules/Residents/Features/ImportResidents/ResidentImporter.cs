using System.Data.Common;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Modules.Residents.Features.Shared;
using Linli.Modules.Residents.Features.Verifications;
using Linli.Platform.Errors;
using Linli.Platform.Persistence;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;
using F = Linli.Modules.Residents.Features.ImportResidents.ResidentFile;

namespace Linli.Modules.Residents.Features.ImportResidents;

/// <summary>What an import did: the rows written, or (when any row is bad) nothing written and every problem found.</summary>
internal sealed record ImportResult(int Households, int Residents, int Tags, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports households and residents from a CSV or .xlsx file (layout in <see cref="ResidentFile"/>). Every row is checked
/// first — area scope, community and grid codes, ID numbers, duplicates in the pool and inside the file — and the file is
/// written only when all rows are good, in one transaction, through the bulk path; then the units' counts are recomputed.
/// </summary>
internal sealed class ResidentImporter(ResidentsDbContext db, PlacementRules placement, IPersonalDataProtector protector, DuplicateRegistrations duplicates,
    TimeProvider clock)
{
    private sealed record Parsed(
        ImportRow Row, string HouseholdRef, string CommunityCode, string? GridCode, string Address, string? Building, string? Unit, string? Room,
        string Name, IdNumberInfo Id, PhoneNumber? Phone, RelationToHead Relation, string? RegisteredAddress, string? ActualAddress, List<TagInput> Tags);

    public async Task<ImportResult> ImportAsync(Stream file, string? fileName, CancellationToken cancellationToken)
    {
        var (rows, fileErrors) = await F.ReadAsync(file, fileName, cancellationToken);
        if (fileErrors.Count > 0) return new ImportResult(0, 0, 0, fileErrors);

        var today = Views.Today(clock);
        var errors = new List<RowError>();
        var parsed = new List<Parsed>();
        foreach (var row in rows)
            if (await ParseAsync(row, today, errors, cancellationToken) is { } p) parsed.Add(p);
        CheckWithinFile(rows, parsed, errors);
        await CheckAgainstPoolAsync(parsed, errors, cancellationToken);
        if (errors.Count > 0)
            return new ImportResult(0, 0, 0, errors.OrderBy(e => e.Row).ThenBy(e => F.Columns.ToList().IndexOf(e.Field)).ToList());

        return await WriteAsync(parsed, today, cancellationToken);
    }

    private async Task<Parsed?> ParseAsync(ImportRow row, DateOnly today, List<RowError> errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        void Error(string field, string message, params object?[] arguments) => errors.Add(RowError.Of(row.Number, field, message, arguments));
        string? Text(string column, int max, bool required)
        {
            var value = row[column];
            if (value.Length == 0)
            {
                if (required) Error(column, "必填。");
                return null;
            }
            if (value.Length > max) Error(column, "不能超过 {0} 个字符。", max);
            return value;
        }

        var householdRef = Text(F.HouseholdRef, 50, required: true);
        var communityCode = Text(F.CommunityCode, 12, required: true);
        var gridCode = Text(F.GridCode, 15, required: false);
        var address = Text(F.Address, 200, required: true);
        var building = Text(F.Building, 20, required: false);
        var unit = Text(F.Unit, 20, required: false);
        var room = Text(F.Room, 20, required: false);
        var name = Text(F.Name, 50, required: true);
        var registered = Text(F.RegisteredAddress, 200, required: false);
        var actual = Text(F.ActualAddress, 200, required: false);

        try
        {
            if (communityCode is not null && await placement.CheckAsync(communityCode, gridCode, cancellationToken) is { } placementProblem)
                Error(placementProblem.Field == PlacementField.Community ? F.CommunityCode : F.GridCode, placementProblem.Message, placementProblem.Arguments);
        }
        catch (ForbiddenException outside)
        {
            // A file is reported row by row: a row outside the caller's area is one of its problems, not the end of the report.
            Error(F.CommunityCode, outside.Phrase.Key, outside.Phrase.Arguments);
        }

        IdNumberInfo id = default;
        if (row[F.IdNumber].Length == 0) Error(F.IdNumber, "必填。");
        else if (IdNumber.Problem(row[F.IdNumber], today) is { } idProblem) Error(F.IdNumber, idProblem);
        else IdNumber.TryParse(row[F.IdNumber], today, out id);
        var idOk = id.Value is not null;

        if (row[F.Gender].Length > 0)
        {
            if (!Labels.TryParseGender(row[F.Gender], out var gender)) Error(F.Gender, "性别应为“男”或“女”。");
            else if (idOk && gender != id.Gender) Error(F.Gender, "性别与身份证号不符。");
        }
        if (row[F.BirthDate].Length > 0)
        {
            if (!TagRules.TryDate(row[F.BirthDate], out var birth)) Error(F.BirthDate, "出生日期应为 yyyy-MM-dd。");
            else if (idOk && birth != id.BirthDate) Error(F.BirthDate, "出生日期与身份证号不符。");
        }
        PhoneNumber? phone = null;
        if (row[F.Phone].Length > 0)
        {
            if (PhoneNumber.TryParse(row[F.Phone], out var parsed)) phone = parsed;
            else Error(F.Phone, PhoneNumber.Problem(row[F.Phone])!);
        }
        var relation = RelationToHead.Other;
        if (row[F.Relation].Length > 0 && !Labels.TryParseRelation(row[F.Relation], out relation))
            Error(F.Relation, "与户主关系应为户主、配偶、子女、父母、孙子女、祖父母、兄弟姐妹或其他。");
        var tags = new List<TagInput>();
        if (row[F.Tags].Length > 0)
        {
            if (TagRules.Parse(row[F.Tags], out var tagError) is not { } given) Error(F.Tags, tagError!.Key, tagError.Arguments);
            else
            {
                tags = given;
                if (idOk)
                    foreach (var tag in given)
                        if (TagRules.Problem(tag, id.BirthDate, today) is { } tagProblem) Error(F.Tags, tagProblem.Key, tagProblem.Arguments);
            }
        }
        if (errors.Count > before) return null;
        return new Parsed(row, householdRef!, communityCode!, gridCode, address!, building, unit, room, name!, id, phone, relation, registered, actual, tags);
    }

    /// <summary>Rows of one household agree on the household's columns and have at most one head; no ID number twice.</summary>
    private static void CheckWithinFile(List<ImportRow> rows, List<Parsed> parsed, List<RowError> errors)
    {
        var firstOfHousehold = new Dictionary<string, ImportRow>(StringComparer.Ordinal);
        var heads = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = row[F.HouseholdRef];
            if (key.Length == 0) continue;
            if (!firstOfHousehold.TryGetValue(key, out var first))
            {
                firstOfHousehold[key] = row;
                continue;
            }
            foreach (var column in new[] { F.CommunityCode, F.GridCode, F.Address, F.Building, F.Unit, F.Room })
                if (row[column] != first[column])
                    errors.Add(RowError.Of(row.Number, column, "与同一户（{0}）的第 {1} 行不一致。", key, first.Number));
        }
        foreach (var p in parsed.Where(p => p.Relation == RelationToHead.Head))
        {
            if (heads.TryGetValue(p.HouseholdRef, out var firstHead))
                errors.Add(RowError.Of(p.Row.Number, F.Relation, "同一户（{0}）只能有一位户主，第 {1} 行已是户主。", p.HouseholdRef, firstHead));
            else heads[p.HouseholdRef] = p.Row.Number;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in parsed)
        {
            if (seen.TryGetValue(p.Id.Value, out var firstRow))
                errors.Add(RowError.Of(p.Row.Number, F.IdNumber, "与第 {0} 行的身份证号重复。", firstRow));
            else seen[p.Id.Value] = p.Row.Number;
        }
    }

    /// <summary>
    /// ID numbers already in the pool — anywhere, not only in the importer's area — are refused with the same words
    /// wherever they are registered, and each goes to the district as a case to verify (<see cref="DuplicateRegistrations"/>).
    /// </summary>
    private async Task CheckAgainstPoolAsync(List<Parsed> parsed, List<RowError> errors, CancellationToken cancellationToken)
    {
        var byHash = new Dictionary<string, Parsed>();
        foreach (var p in parsed) byHash.TryAdd(Convert.ToHexString(protector.IdNumberHash(p.Id.Value)), p);
        var existing = await duplicates.FindManyAsync(byHash.Keys.Select(Convert.FromHexString).ToList(), cancellationToken);
        foreach (var (hash, registration) in existing)
        {
            var p = byHash[hash];
            await duplicates.RecordAsync(p.CommunityCode, p.Name, protector.SealIdNumber(p.Id.Value), registration, "import", cancellationToken);
            errors.Add(new RowError(p.Row.Number, F.IdNumber, DuplicateRegistrations.Refusal));
        }
    }

    private async Task<ImportResult> WriteAsync(List<Parsed> parsed, DateOnly today, CancellationToken cancellationToken)
    {
        var households = parsed.GroupBy(p => p.HouseholdRef, StringComparer.Ordinal).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var householdIds = await IdAllocator.ReserveAsync<Household>(db, households.Count, cancellationToken);
            var residentIds = await IdAllocator.ReserveAsync<Resident>(db, parsed.Count, cancellationToken);
            var householdRows = new List<object?[]>(households.Count);
            var residentRows = new List<object?[]>(parsed.Count);
            var tagRows = new List<(long ResidentId, PopulationTag Tag)>();
            var r = 0;
            for (var h = 0; h < households.Count; h++)
            {
                var first = households[h].First();
                householdRows.Add([householdIds[h], first.CommunityCode, first.GridCode, first.Address, first.Building, first.Unit, first.Room, null, null, false]);
                foreach (var p in households[h])
                {
                    var residentId = residentIds[r++];
                    var id = protector.SealIdNumber(p.Id.Value);
                    var phone = protector.SealPhone(p.Phone);
                    residentRows.Add([
                        residentId, householdIds[h], p.CommunityCode, p.GridCode, p.Name, id.Cipher, id.Hash, id.Masked,
                        phone?.Cipher, phone?.Hash, phone?.Masked, (int)p.Id.Gender, p.Id.BirthDate.Year, (int)p.Relation,
                        p.RegisteredAddress, p.ActualAddress, false,
                    ]);
                    tagRows.AddRange(TagRules.Build(p.Tags, p.Id.BirthDate, today, p.CommunityCode).Select(t => (residentId, t)));
                }
            }
            var tagIds = await IdAllocator.ReserveAsync<PopulationTag>(db, tagRows.Count, cancellationToken);
            await BulkWriter.WriteAsync<Household>(db, ResidentColumns.Households, householdRows, cancellationToken);
            await BulkWriter.WriteAsync<Resident>(db, ResidentColumns.Residents, residentRows, cancellationToken);
            await BulkWriter.WriteAsync<PopulationTag>(db, ResidentColumns.Tags,
                tagRows.Select((t, i) => ResidentColumns.TagRow(tagIds[i], t.ResidentId, t.Tag)), cancellationToken);
            // An import only adds rows: add them to each unit's counts (one upsert per grid or community), not a recount.
            foreach (var unit in households.GroupBy(h => h.First().GridCode ?? h.First().CommunityCode, StringComparer.Ordinal))
                await UnitCountStore.AddAsync(db, unit.Key, unit.Count(), unit.Sum(h => h.Count()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(households.Count, parsed.Count, tagRows.Count, []);
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new ConflictException("导入期间有相同身份证号的居民被登记，未导入任何数据；请重新导入。");
        }
    }
}
