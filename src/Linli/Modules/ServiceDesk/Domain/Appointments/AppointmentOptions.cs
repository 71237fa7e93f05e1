using System.ComponentModel.DataAnnotations;

namespace Linli.Modules.ServiceDesk.Domain.Appointments;

/// <summary>Bound from the "Appointments" configuration section; checked at start-up.</summary>
internal sealed class AppointmentOptions
{
    public const string Section = "Appointments";

    /// <summary>Bookings a person may hold at once, over all items (one per item in any case).</summary>
    [Range(1, 20)]
    public int MaxActiveBookingsPerPerson { get; set; } = 3;

    /// <summary>How long a cancelled place stays taken before it goes back to the slot (so a place is not passed around by cancelling and rebooking).</summary>
    [Range(0, 24 * 60)]
    public int ReleaseDelayMinutes { get; set; } = 10;

    /// <summary>The hour (China time) of the working day before a booking when its reminder goes out.</summary>
    [Range(0, 23)]
    public int ReminderHour { get; set; } = 9;

    /// <summary>How far ahead residents may book, in days.</summary>
    [Range(1, 90)]
    public int BookingHorizonDays { get; set; } = 30;

    /// <summary>How often the release and reminder job looks for work.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 30;

    /// <summary>Tools and tests switch the job off and run its passes themselves.</summary>
    public bool RunJobs { get; set; } = true;
}
