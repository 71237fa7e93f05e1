using Linli.Platform.Persistence;
using Npgsql;

namespace Linli.Tests.Platform;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void PostgreSQL_connections_keep_their_session_and_prepare_hot_statements_unless_the_connection_string_says_otherwise()
    {
        var plain = new NpgsqlConnectionStringBuilder(DatabaseOptions.WithPostgresDefaults("Host=db;Database=linli;Username=linli"));
        Assert.True(plain.NoResetOnClose);
        Assert.True(plain.MaxAutoPrepare > 0);
        Assert.Equal("db", plain.Host);

        var given = new NpgsqlConnectionStringBuilder(DatabaseOptions.WithPostgresDefaults("Host=db;Database=linli;No Reset On Close=false;Max Auto Prepare=0"));
        Assert.False(given.NoResetOnClose);
        Assert.Equal(0, given.MaxAutoPrepare);
    }
}
