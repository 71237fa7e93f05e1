using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Paging;

/// <summary>What a list request asks for: a page number, or the page after or before a cursor from an earlier page.</summary>
internal sealed record PageRequest(int? Page, int? PageSize, string? After = null, string? Before = null);

/// <summary>
/// Keyset (seek) pagination over an order whose keys end in a unique column: the page after a row is "rows ordered after
/// its keys", which an index on those keys finds directly, at any depth — where an offset reads and drops every row before
/// the page. Cursors are opaque to clients (the keys of the page's last or first row, encoded); the first
/// <see cref="Paging.MaxOffset"/> rows may also be reached by page number, with the count capped at <see cref="Paging.CountLimit"/>.
/// Keys are <see cref="long"/> or <see cref="DateTime"/> columns, all ascending or all descending.
/// </summary>
internal sealed class Keyset<TEntity>
{
    private readonly List<LambdaExpression> _keys = [];
    private readonly bool _descending;

    private Keyset(bool descending) => _descending = descending;

    public static Keyset<TEntity> Ascending<TKey>(Expression<Func<TEntity, TKey>> key) => new Keyset<TEntity>(false).Then(key);
    public static Keyset<TEntity> Descending<TKey>(Expression<Func<TEntity, TKey>> key) => new Keyset<TEntity>(true).Then(key);

    public Keyset<TEntity> Then<TKey>(Expression<Func<TEntity, TKey>> key)
    {
        if (typeof(TKey) != typeof(long) && typeof(TKey) != typeof(DateTime)) throw new ArgumentException("Keyset keys are long or DateTime columns.");
        _keys.Add(key);
        return this;
    }

    /// <summary>
    /// One page: by cursor when <see cref="PageRequest.After"/> or <see cref="PageRequest.Before"/> is given, else by page number.
    /// <paramref name="keysOf"/> gives a projected row's key values in key order (for its cursor); <paramref name="count"/>,
    /// when the caller counts more cheaply than the filtered query can (kept counters, a narrower table), replaces the capped count;
    /// <paramref name="counted"/> false skips the count: the total is then the rows up to this page, capped while there are more.
    /// </summary>
    public Task<Paged<TOut>> PageAsync<TOut>(IQueryable<TEntity> filtered, Expression<Func<TEntity, TOut>> select, Func<TOut, object[]> keysOf,
        PageRequest request, CancellationToken cancellationToken, Func<CancellationToken, Task<(long Total, bool Capped)>>? count = null, bool counted = true) =>
        PageByAsync(
            (beyond, descending, skip, take) => (beyond is null ? Order(filtered, descending).SkipLiteral(skip) : Order(filtered.Where(beyond), descending))
                .TakeLiteral(take).Select(select).ToListAsync(cancellationToken),
            keysOf, request, count is null ? () => Paging.CountUpToLimitAsync(filtered, cancellationToken) : () => count(cancellationToken), counted);

    /// <summary>
    /// One page of the union of <paramref name="parts"/> (rows in several parts counted once), each part walked on its own
    /// index: where one query ORs conditions no single index orders (accepted here OR resident here), each condition alone
    /// reads its index in key order and stops after the page, and the page is the first rows of the merged walks.
    /// <paramref name="whole"/> is the union as one query, for the count. Same answers as the single-query PageAsync over <paramref name="whole"/>.
    /// </summary>
    public Task<Paged<TOut>> PageUnionAsync<TOut>(IReadOnlyList<IQueryable<TEntity>> parts, IQueryable<TEntity> whole, Expression<Func<TEntity, TOut>> select,
        Func<TOut, object[]> keysOf, PageRequest request, CancellationToken cancellationToken) =>
        PageByAsync(
            (beyond, descending, skip, take) => MergedAsync(beyond is null ? parts : parts.Select(p => p.Where(beyond)), descending, skip, take, select, keysOf, cancellationToken),
            keysOf, request, () => Paging.CountUpToLimitAsync(whole, cancellationToken), counted: true);

    /// <summary>
    /// How a page's rows are read, in order: past the cursor (<paramref name="beyond"/>, null when by page number) or after
    /// skipping <paramref name="skip"/> rows, in the given direction, at most <paramref name="take"/>.
    /// </summary>
    private delegate Task<List<TOut>> PageRows<TOut>(Expression<Func<TEntity, bool>>? beyond, bool descending, int skip, int take);

    // The page, its total and its cursors, whichever way the rows are read (one query, or merged walks).
    private async Task<Paged<TOut>> PageByAsync<TOut>(PageRows<TOut> read, Func<TOut, object[]> keysOf, PageRequest request,
        Func<Task<(long Total, bool Capped)>> countAsync, bool counted)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var after = Decode(request.After, "after");
        var before = after is null ? Decode(request.Before, "before") : null;
        // Uncounted (filters whose intersection no index holds): the total says only "the rows up to here, and more if capped".
        var (total, capped) = !counted ? (0L, true) : await countAsync();

        if (after is not null || before is not null)
        {
            var forward = after is not null;
            var direction = forward ? _descending : !_descending;
            var rows = await read(Beyond(after ?? before!, direction), direction, 0, size + 1);
            var more = rows.Count > size;
            if (more) rows.RemoveAt(size);
            if (!forward) rows.Reverse();
            return new Paged<TOut>(rows, 0, size, counted ? total : rows.Count)
            {
                TotalIsCapped = counted ? capped : more || !forward,
                Next = rows.Count == 0 ? null : forward && !more ? null : Encode(keysOf(rows[^1])),
                Previous = rows.Count == 0 ? null : !forward && !more ? null : Encode(keysOf(rows[0])),
            };
        }

        var offset = (long)(page - 1) * size;
        if (offset >= total && !capped) return new Paged<TOut>([], page, size, total);
        Paging.RefuseDeepOffset(offset);
        var items = await read(null, _descending, (int)offset, size + 1);
        var hasNext = items.Count > size;
        if (hasNext) items.RemoveAt(size);
        return new Paged<TOut>(items, page, size, counted ? total : offset + items.Count)
        {
            TotalIsCapped = counted ? capped : hasNext,
            Next = hasNext ? Encode(keysOf(items[^1])) : null,
            Previous = page > 1 && items.Count > 0 ? Encode(keysOf(items[0])) : null,
        };
    }

    // Each part's first skip + take rows in order, merged in the same order, a row in several parts kept once.
    private async Task<List<TOut>> MergedAsync<TOut>(IEnumerable<IQueryable<TEntity>> parts, bool descending, int skip, int take, Expression<Func<TEntity, TOut>> select,
        Func<TOut, object[]> keysOf, CancellationToken cancellationToken)
    {
        var rows = new List<TOut>();
        foreach (var part in parts) rows.AddRange(await Order(part, descending).TakeLiteral(skip + take).Select(select).ToListAsync(cancellationToken));
        var order = Comparer<object[]>.Create((a, b) =>
        {
            for (var i = 0; i < a.Length; i++)
                if (Comparer<object>.Default.Compare(a[i], b[i]) is var c and not 0) return descending ? -c : c;
            return 0;
        });
        return rows.Select(r => (Row: r, Keys: keysOf(r))).DistinctBy(r => Encode(r.Keys)).OrderBy(r => r.Keys, order).Skip(skip).Take(take).Select(r => r.Row).ToList();
    }

    private IQueryable<TEntity> Order(IQueryable<TEntity> query, bool descending)
    {
        IOrderedQueryable<TEntity>? ordered = null;
        foreach (var key in _keys)
        {
            var method = (ordered is null, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(typeof(Queryable), method, [typeof(TEntity), key.ReturnType], (ordered ?? query).Expression, Expression.Quote(key));
            ordered = (IOrderedQueryable<TEntity>)query.Provider.CreateQuery<TEntity>(call);
        }
        return ordered!;
    }

    /// <summary>(k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) …, or &lt; when seeking downwards; the values are query parameters.</summary>
    private Expression<Func<TEntity, bool>> Beyond(object[] values, bool downwards)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        Expression? any = null;
        for (var i = 0; i < _keys.Count; i++)
        {
            var step = Compare(i, downwards ? ExpressionType.LessThan : ExpressionType.GreaterThan);
            for (var j = i - 1; j >= 0; j--) step = Expression.AndAlso(Compare(j, ExpressionType.Equal), step);
            any = any is null ? step : Expression.OrElse(any, step);
        }
        return Expression.Lambda<Func<TEntity, bool>>(any!, row);

        Expression Compare(int i, ExpressionType how)
        {
            var key = new ReplaceParameter(_keys[i].Parameters[0], row).Visit(_keys[i].Body);
            var holder = Activator.CreateInstance(typeof(KeysetParameter<>).MakeGenericType(key.Type), values[i])!;
            return Expression.MakeBinary(how, key, Expression.Field(Expression.Constant(holder), "Value"));
        }
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    // ---- cursors: "l<long>" or "d<ticks>" per key, '.'-joined, base64url ------------------------------------------------

    private static string Encode(object[] values) => Base64Url(string.Join('.', values.Select(v => v switch
    {
        long l => "l" + l.ToString(CultureInfo.InvariantCulture),
        DateTime d => "d" + d.Ticks.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A keyset key is long or DateTime, not {v.GetType().Name}."),
    })));

    private object[]? Decode(string? cursor, string field)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        var parts = FromBase64Url(cursor)?.Split('.');
        if (parts is null || parts.Length != _keys.Count) throw Invalid(field);
        var values = new object[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i];
            if (p.Length < 2 || !long.TryParse(p.AsSpan(1), NumberStyles.None | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) throw Invalid(field);
            if (p[0] == 'l' && _keys[i].ReturnType == typeof(long)) values[i] = n;
            else if (p[0] == 'd' && _keys[i].ReturnType == typeof(DateTime) && n >= DateTime.MinValue.Ticks && n <= DateTime.MaxValue.Ticks)
                values[i] = new DateTime(n, DateTimeKind.Utc);
            else throw Invalid(field);
        }
        return values;
    }

    private static ValidationFailedException Invalid(string field) =>
        ValidationFailedException.For(field, "游标无效：请使用上一页结果中的 next 或 previous 原样传回。");

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? FromBase64Url(string cursor)
    {
        if (cursor.Length > 200) return null;
        var b64 = cursor.Replace('-', '+').Replace('_', '/');
        b64 += (b64.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(b64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A cursor value as a field of a closure object: EF makes it a query parameter, not a literal, so one plan serves every cursor.</summary>
internal sealed class KeysetParameter<TValue>(TValue value)
{
    public readonly TValue Value = value;
}
