using ReportWorker.Ledger;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

public enum Level { Blue, Yellow, Red }

/// <summary>One 督办事项 of a quarter.</summary>
public sealed record SupervisionItem(Quarter Quarter, int Seq, TaskState State, Level Level, string Reason, DateOnly RectifyBy, SupervisionItem? Previous)
{
    public string Number => $"督〔{Quarter.Year}〕Q{Quarter.Number}-{Seq:D3}";
    public static string Word(Level level) => level switch { Level.Blue => "蓝", Level.Yellow => "黄", _ => "红" };
}

/// <summary>What became of an item of the previous quarter.</summary>
public sealed record FollowUp(string Number, string TaskCode, Level Level, ReportMonth? ClosedIn, SupervisionItem? NowItem);

public sealed record QuarterFigures(Quarter Quarter, IReadOnlyList<SupervisionItem> Items, IReadOnlyList<FollowUp> Previous);
