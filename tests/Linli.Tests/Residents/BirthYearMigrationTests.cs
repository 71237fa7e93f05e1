using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Residents;

/// <summary>A database from before the birth year keeps its people: the migration converts what it stored in clear.</summary>
public sealed class BirthYearMigrationTests
{
    [Fact]
    public async Task Upgrading_keeps_the_birth_year_masks_the_birth_digits_and_takes_birthday_dates_to_their_year()
    {
        await using var app = new LinliFactory();
        _ = app.Server;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ResidentsDbContext>();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var converting = migrations.Single(m => m.EndsWith("_BirthYearOnlyAndPendingVerifications", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[migrations.IndexOf(converting) - 1]);

            // As the earlier version stored a resident born 7 March 1950, with tags derived from the birthday.
            var households = db.QualifiedTable<Household>();
            var residents = db.QualifiedTable<Resident>();
            var tags = db.QualifiedTable<PopulationTag>();
#pragma warning disable EF1002, EF1003 // table names from the model, literals of the test
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {households} (\"id\", \"community_code\", \"address\", \"is_synthetic\") VALUES (900001, '210102001002', '迁移路1号', FALSE)");
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {residents} (\"id\", \"household_id\", \"community_code\", \"name\", \"id_number_cipher\", \"id_number_hash\", \"id_number_masked\", " +
                $"\"gender\", \"birth_date\", \"relation_to_head\", \"is_synthetic\") VALUES (900001, 900001, '210102001002', '迁移测试', {{0}}, {{1}}, '2101**********1234', 1, '1950-03-07', 1, FALSE)",
                new byte[] { 1, 2, 3 }, new byte[] { 4, 5, 6 });
            foreach (var (id, tag, start, end) in new[] { (900001, 1, "2010-03-07", null), (900002, 4, "1950-05-01", null), (900003, 9, "1972-03-07", null), (900004, 5, "2015-06-01", "2020-03-07"), (900005, 5, "2016-06-01", "2019-06-30") })
                await db.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO {tags} (\"id\", \"resident_id\", \"community_code\", \"tag\", \"start_date\", \"end_date\") VALUES ({id}, 900001, '210102001002', {tag}, '{start}', " +
                    (end is null ? "NULL" : $"'{end}'") + ")");
#pragma warning restore EF1002, EF1003

            await migrator.MigrateAsync();
            var resident = await db.Residents.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == 900001);
            Assert.Equal(1950, resident.BirthYear);
            Assert.Equal("2101**************", resident.IdNumberMasked);
            var stored = await db.Tags.IgnoreQueryFilters().AsNoTracking().Where(t => t.ResidentId == 900001).ToDictionaryAsync(t => t.Id);
            Assert.Equal(new DateOnly(2010, 1, 1), stored[900001].StartDate); // 60+ from 1 January of the year
            Assert.Equal(new DateOnly(1950, 1, 1), stored[900002].StartDate); // in the birth year
            Assert.Equal(new DateOnly(1972, 1, 1), stored[900003].StartDate); // on a birthday
            Assert.Equal(new DateOnly(2020, 12, 31), stored[900004].EndDate); // ending on a birthday
            Assert.Equal(new DateOnly(2016, 6, 1), stored[900005].StartDate); // other dates as they were
            Assert.Equal(new DateOnly(2019, 6, 30), stored[900005].EndDate);
            return 0;
        });
    }
}
