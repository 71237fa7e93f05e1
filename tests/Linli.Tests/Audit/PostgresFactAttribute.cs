using Linli.Tests.Infrastructure;

namespace Linli.Tests.Audit;

/// <summary>A test of something only PostgreSQL has (roles and grants); on SQLite it is reported as skipped, with the reason.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres) Skip = "PostgreSQL only (roles and grants); run with LINLI_TEST_DB=postgres.";
    }
}
