using Microsoft.Extensions.Logging;

namespace ReportWorker.Calendar;

internal static partial class CalendarLog
{
    [LoggerMessage(EventId = 6001, EventName = "CalendarYearSeeded", Level = LogLevel.Information, Message = "Holiday calendar: year {Year} added to {DataFile} from the shipped {Shipped}")]
    public static partial void YearSeeded(ILogger logger, int year, string dataFile, string shipped);

    [LoggerMessage(EventId = 6002, EventName = "CalendarExpiring", Level = LogLevel.Warning,
        Message = "Holiday calendar: the holidays and make-up working days in {DataFile} end on {CoveredThrough}; {MissingYear} is missing, and its working days will be judged by weekends alone. Type the State Council's {MissingYear} holiday notice into a file (日期, 类型, 名称) and run `ReportWorker calendar add FILE`.")]
    public static partial void Expiring(ILogger logger, string dataFile, string coveredThrough, int missingYear);

    [LoggerMessage(EventId = 6003, EventName = "CalendarReminderQueued", Level = LogLevel.Warning, Message = "Holiday calendar: {MissingYear} is missing; the office was e-mailed at {OperatorEmail} (key {Key})")]
    public static partial void ReminderQueued(ILogger logger, int missingYear, string operatorEmail, string key);
}
