using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Briefings;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>
/// <c>--probe</c>: times, outside the stages, the calls a stage repeats once per item (per file, per unit,
/// per delivery run), so a stage that grows faster than its items can be pinned on the call that does.
/// Each probe is the median of a few calls on the ledger as the stage left it; none changes the ledger.
/// </summary>
internal sealed class Probes(IServiceProvider services, ScaleProvince province)
{
    private T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>Per unit in FormService.Generate: Model() over every task vs over the unit's own rows.</summary>
    public void AfterForms()
    {
        var unit = province.Units[^1];
        var all = Get<TaskBooks>().For(ScaleProvince.Month).Tasks;
        Time("forms: FormService.Model(unit, month, all tasks) — once per unit", () => Get<FormService>().Model(unit, ScaleProvince.Month, all));
        Time("forms: SubmissionStore.LatestBefore(unit, month) — inside Model, once per unit", () => Get<SubmissionStore>().LatestBefore(unit.Code, ScaleProvince.Month));
        Time("forms: the Involves filter over all tasks — inside Model, once per unit", () => all.Where(t => t.Involves(unit.Code)).ToArray());
    }

    /// <summary>Per file in IntakeService: reading the workbook, loading the registry, validating.</summary>
    public void AfterIntake(string file)
    {
        var layout = Get<FormLayoutProvider>().Current;
        var form = ReturnedFormReader.Read(SpreadsheetFile.Read(file, ReadLimits.Default), layout);
        var at = Get<TimeProvider>().GetUtcNow();
        Time("intake: read and parse one returned .xlsx — once per file", () => ReturnedFormReader.Read(SpreadsheetFile.Read(file, ReadLimits.Default), layout) ?? new object());
        Time("intake: RegistryStore.Units() — once per file (IntakeService.Inspect)", () => Get<RegistryStore>().Units());
        Time("intake: TaskBooks.For(month), cached — once per file (FormValidator.Check)", () => Get<TaskBooks>().For(ScaleProvince.Month));
        Time("intake: FormValidator.Check, books cached — once per file", () => Get<FormValidator>().Check(form, null, at));
    }

    /// <summary>The 月通报's figures: loading the ledger vs the calculation itself.</summary>
    public void AfterMonthly()
    {
        var s = Get<SubmissionStore>();
        var units = Get<RegistryStore>().Units();
        var tasks = Get<TaskBooks>().For(ScaleProvince.Month).Tasks;
        var entries = s.EntriesThrough(ScaleProvince.Month);
        var inForce = s.InForce(ScaleProvince.Month);
        var categories = new Dictionary<string, string> { ["A"] = "A", ["B"] = "B", ["C"] = "C", ["D"] = "D", ["E"] = "E", ["F"] = "F" };
        Time("月通报: SubmissionStore.EntriesThrough(month)", () => s.EntriesThrough(ScaleProvince.Month));
        Time("月通报: MonthlyFiguresCalculator.Compute (in memory)", () => MonthlyFiguresCalculator.Compute(ScaleProvince.Month, units, tasks, entries, inForce, categories));
        Time("月通报: TaskState.Compute (in memory, inside Compute)", () => TaskState.Compute(tasks, entries, ScaleProvince.Month));
        Emit("月通报: bytes queued in the outbox for it", double.NaN, $"{Sql("SELECT COUNT(*), COALESCE(SUM(LENGTH(m.mime)), 0) FROM outbox o JOIN outbox_mime m ON m.outbox_id = o.id WHERE o.message_key LIKE 'briefing/monthly/%'")}");
    }

    /// <summary>What every delivery run does before its first message, on the outbox as it stands.</summary>
    public void BeforeDelivery()
    {
        Emit("delivery: outbox before sending", double.NaN, Sql("SELECT COUNT(*), COALESCE(SUM(LENGTH(m.mime)), 0) FROM outbox o JOIN outbox_mime m ON m.outbox_id = o.id WHERE o.status = 'pending'"));
        Time("delivery: OutboxStore.Due() (200 rows with their MIME) — once or twice per run", () => Get<OutboxStore>().Due(), repeat: 3);
        Time("delivery: OutboxStore.Sending() — once per run", () => Get<OutboxStore>().Sending(), repeat: 3);
        Time("delivery: OperatorAlerts.QueueIfNeeded() (nothing to alert) — once per run", () => Get<OperatorAlerts>().QueueIfNeeded(), repeat: 3);
    }

    private string Sql(string sql)
    {
        using var c = new SqliteConnection(Get<LedgerDatabase>().ConnectionString);
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return $"{reader.GetInt64(0):N0} messages, {reader.GetInt64(1) / 1e6:0.0} MB";
    }

    private void Time(string name, Func<object> call, int repeat = 5)
    {
        GC.KeepAlive(call()); // warm: JIT, connection pool, page cache
        var times = new double[repeat];
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(call());
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Emit(name, times[repeat / 2], "");
    }

    private static void Emit(string name, double ms, string note)
    {
        Console.Error.WriteLine($"  probe {name}: {(double.IsNaN(ms) ? "" : $"{ms:0.00} ms ")}{note}");
        ScaleReport.Emit(new { type = "probe", name, ms = double.IsNaN(ms) ? (double?)null : ms, note });
    }
}
