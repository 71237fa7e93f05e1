using System.Text.RegularExpressions;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;

namespace Linli.Modules.Requests.Features.Queues;

/// <summary>How a queue is ordered: by the running deadline (most pressing first), by filing time (oldest first), or urgent first.</summary>
internal enum QueueSort
{
    Due = 1,
    Created,
    Urgency,
}

/// <summary>
/// What a queue is narrowed to, as the query string carries it (so that it survives paging): a category (any level: its
/// leaves), the urgency, the running deadline between two China dates (inclusive), and a text: a ticket number (14 digits,
/// matched exactly by its index) or words of the description.
/// </summary>
internal sealed partial record QueueFilter(int? CategoryId = null, Urgency? Urgency = null, DateOnly? DueFrom = null, DateOnly? DueTo = null,
    string? Text = null, QueueSort? Sort = null)
{
    public const int MinWords = 2;
    public const int MaxWords = 50;

    /// <summary>
    /// Words are looked for among this many of the queue's tickets (after the other filters, in the chosen order), so that a
    /// search never reads more than that many descriptions whatever the queue's size; the page says so.
    /// </summary>
    public const int WordScanLimit = 10_000;

    public bool IsEmpty => CategoryId is null && Urgency is null && DueFrom is null && DueTo is null && string.IsNullOrWhiteSpace(Text);

    /// <summary>The ticket number the text is, or null when it is words.</summary>
    public string? Number => Text?.Trim() is { } t && NumberPattern().IsMatch(t) ? t : null;

    /// <summary>The words to find in descriptions, or null (no text, or a number).</summary>
    public string? Words => Number is null && Text?.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>The deadline bounds in UTC: from the start of <see cref="DueFrom"/> to before the day after <see cref="DueTo"/>, China time.</summary>
    public (DateTime? From, DateTime? Before) DueBounds =>
        (DueFrom is { } f ? WorkingCalendar.ToUtc(f.ToDateTime(TimeOnly.MinValue)) : null,
         DueTo is { } t ? WorkingCalendar.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);

    /// <summary>A 400 naming the field for words too short or too long, an inverted date range, or an urgency or sort not defined.</summary>
    public void Validate()
    {
        if (Words is { } w && (w.Length < MinWords || w.Length > MaxWords))
            throw ValidationFailedException.For("text", "搜索内容请输入 {0} 到 {1} 个字，或 14 位工单编号。", MinWords, MaxWords);
        if (DueFrom is { } f && DueTo is { } t && f > t)
            throw ValidationFailedException.For("dueFrom", "到期日期的起始日不能晚于截止日。");
        if (Urgency is { } u && !Enum.IsDefined(u)) throw ValidationFailedException.For("urgency", "紧急程度无效。");
        if (Sort is { } s && !Enum.IsDefined(s)) throw ValidationFailedException.For("sort", "排序方式无效。");
    }

    /// <summary>The leaves under the chosen category (itself when a leaf); a 400 naming the field when it does not exist.</summary>
    public IReadOnlyList<int>? CategoryLeaves(CategoryTree tree)
    {
        if (CategoryId is not { } id) return null;
        if (tree.Find(id) is null) throw ValidationFailedException.For("categoryId", "诉求分类不存在。");
        return [.. tree.All.Where(c => c.IsLeaf && tree.Ancestry(c).Any(a => a.Id == id)).Select(c => c.Id)];
    }

    [GeneratedRegex(@"^\d{14}$")]
    private static partial Regex NumberPattern();
}
