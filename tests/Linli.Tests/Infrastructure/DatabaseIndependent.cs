namespace Linli.Tests.Infrastructure;

/// <summary>
/// The trait of test classes whose outcome does not depend on the database provider (the code's structure, the
/// translations, the page text, the published build's static files): test.sh runs them in the SQLite pass only and
/// leaves them out of the PostgreSQL pass (<c>--filter Database!=independent</c>), which keeps the suite's time down.
/// </summary>
public static class DatabaseIndependent
{
    public const string Trait = "Database";
    public const string Value = "independent";
}
