using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Platform.Caching;

/// <summary>
/// Values of our own sealed types marked <c>[ImmutableObject(true)]</c> live only in this process's memory: HybridCache
/// hands out the instance itself, and serialises a value only to learn its size and for a distributed layer, which is not
/// configured (docs/how-to/caching.md). For those types nothing is written, instead of a JSON copy that would be
/// megabytes (the district outlines), over the cache's payload limit, or impossible (prepared geometries, envelopes
/// with infinite bounds).
/// </summary>
internal sealed class InProcessValueSerializerFactory : IHybridCacheSerializerFactory
{
    public bool TryCreateSerializer<T>([NotNullWhen(true)] out IHybridCacheSerializer<T>? serializer)
    {
        var type = typeof(T);
        serializer = type.IsSealed && type.Assembly == typeof(InProcessValueSerializerFactory).Assembly
                     && type.GetCustomAttribute<ImmutableObjectAttribute>() is { Immutable: true }
            ? new InProcessOnly<T>()
            : null;
        return serializer is not null;
    }

    private sealed class InProcessOnly<T> : IHybridCacheSerializer<T>
    {
        public void Serialize(T value, IBufferWriter<byte> target)
        {
        }

        public T Deserialize(ReadOnlySequence<byte> source) =>
            throw new NotSupportedException($"{typeof(T).Name} is kept in process only; a distributed cache layer needs a serializer for it.");
    }
}
