using Microsoft.Extensions.Logging;

namespace ReportWorker.Calendar;

internal static partial class CalendarLog
{
    [LoggerMessage(EventId = 6001, EventName = "CalendarYearSeeded", Level = LogLevel.Information, Message = "Holiday calendar: year {Year} added to {DataFile} from the shipped {Shipped}")]
    public static partial void YearSeeded(ILogger logger, int year, string dataFile, string shipped);
}
