using Linli.Modules.ServiceDesk.Domain;

namespace Linli.Tests.ServiceDesk.Ratings;

/// <summary>The one rule for where a rating's follow-up stands, and its database form giving the same answers.</summary>
public sealed class RatingFollowUpTests
{
    private static readonly DateTime Now = new(2026, 11, 10, 1, 0, 0, DateTimeKind.Utc);

    public static TheoryData<int?, int?, bool, string> Cases => new()
    {
        { null, null, false, nameof(FollowUpStatus.None) },       // not a 差评
        { 24, null, false, nameof(FollowUpStatus.Pending) },      // due tomorrow, not recorded
        { -1, null, false, nameof(FollowUpStatus.Overdue) },      // due an hour ago, the job has not run yet
        { 24, null, true, nameof(FollowUpStatus.Overdue) },       // marked by the job
        { -1, -2, false, nameof(FollowUpStatus.Done) },           // recorded in time
        { -48, -1, true, nameof(FollowUpStatus.Done) },           // recorded late: done all the same
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_follow_up_is_pending_overdue_or_done_by_its_due_time_its_record_and_the_jobs_mark(int? dueInHours, int? doneInHours, bool marked, string expectedName)
    {
        var expected = Enum.Parse<FollowUpStatus>(expectedName);
        var rating = new CaseRating
        {
            AcceptingCommunityCode = "210102001002", Level = dueInHours is null ? RatingLevel.Satisfied : RatingLevel.Dissatisfied,
            FollowUpDueAt = dueInHours is { } due ? Now.AddHours(due) : null, FollowUpAt = doneInHours is { } done ? Now.AddHours(done) : null, FollowUpOverdue = marked,
        };

        Assert.Equal(expected, RatingFollowUp.Of(rating.FollowUpDueAt, rating.FollowUpAt, rating.FollowUpOverdue, Now));
        foreach (var status in Enum.GetValues<FollowUpStatus>())
            Assert.Equal(status == expected, RatingFollowUp.Is(status, Now).Compile()(rating));
    }
}
