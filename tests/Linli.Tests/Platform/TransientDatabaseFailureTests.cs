using System.Net.Sockets;
using Linli.Platform.Errors;
using Npgsql;

namespace Linli.Tests.Platform;

/// <summary>Which database failures the platform answers 503 and retries: also a failed connect to several hosts.</summary>
public sealed class TransientDatabaseFailureTests
{
    private static NpgsqlException Unreachable() => new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void A_refused_connection_is_transient_and_lost_the_connection()
    {
        Assert.True(TransientDatabaseFailure.Is(Unreachable()));
        Assert.True(TransientDatabaseFailure.BrokeConnection(Unreachable()));
    }

    [Fact]
    public void No_suitable_host_among_several_unreachable_ones_is_transient()
    {
        var multiHost = new NpgsqlException("No suitable host was found.", new AggregateException(Unreachable(), Unreachable()));
        Assert.False(multiHost.IsTransient);
        Assert.True(TransientDatabaseFailure.Is(new InvalidOperationException("wrapped by EF", multiHost)));
        Assert.True(TransientDatabaseFailure.BrokeConnection(multiHost));
    }

    [Fact]
    public void No_suitable_host_for_a_reason_that_lasts_is_not_transient()
    {
        var lasting = new NpgsqlException("No suitable host was found.", new AggregateException(new NpgsqlException("password authentication failed")));
        Assert.False(TransientDatabaseFailure.Is(lasting));
        Assert.False(TransientDatabaseFailure.Is(new InvalidOperationException("no database at all")));
    }
}
