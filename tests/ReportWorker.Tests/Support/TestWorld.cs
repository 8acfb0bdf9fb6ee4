using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Hosting;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Support;

/// <summary>
/// A real worker on a throw-away data folder: real SQLite file, real folders, real templates.
/// Only the clock is fake (Asia/Shanghai 2025-04-03 10:00 unless moved).
/// </summary>
public sealed class TestWorld : IDisposable
{
    private readonly IHost _host;
    private readonly string? _database;

    /// <summary>True when the running test's class is marked <see cref="IRunsOnPostgres"/>: the same tests, against PostgreSQL.</summary>
    public static bool OnPostgres =>
        TestContext.Current.TestClass?.TestClassName is { } name && typeof(TestWorld).Assembly.GetType(name) is { } type && typeof(IRunsOnPostgres).IsAssignableFrom(type);

    public TestWorld(IDictionary<string, string?>? settings = null, DateTimeOffset? start = null, Action<IServiceCollection>? services = null, long migrateUpTo = long.MaxValue)
    {
        Root = Directory.CreateTempSubdirectory("rw-test-").FullName;
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2025, 4, 3, 10, 0, 0, TimeSpan.FromHours(8)));
        var builder = WorkerHost.CreateBuilder([], quietConsole: true);
        var config = new Dictionary<string, string?> { ["Data:Root"] = Path.Combine(Root, "data") };
        if (OnPostgres)
        {
            PostgresServer.Instance.Require();
            _database = PostgresServer.Instance.NewDatabase();
            config["Data:Provider"] = "Postgres";
            config["Data:ConnectionString"] = PostgresServer.Instance.ConnectionString(_database);
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        Settings = config;
        builder.Services.AddSingleton<TimeProvider>(Clock);
        services?.Invoke(builder.Services);
        _host = builder.Build();
        Get<SchemaMigrator>().Migrate(migrateUpTo);
    }

    public string Root { get; }
    /// <summary>The settings this world runs on (data folder, database), for worker processes that share its ledger.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }
    public FakeTimeProvider Clock { get; }
    public DataPaths Paths => Get<DataPaths>();
    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public void SetLocalTime(int year, int month, int day, int hour = 10, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

    /// <summary>The small registry's units: code, name, short name, liaisons, addresses.</summary>
    public static readonly string[][] SmallUnits =
    [
        ["U01", "中共海南省委办公厅", "省委办公厅", "王晓明", "swbgt@example.gov.cn"],
        ["U02", "海南省审计厅", "省审计厅", "李海燕；张伟", "ssjt@example.gov.cn；ssjt.dj@example.gov.cn"],
        ["U03", "中华人民共和国海口海关", "海口海关", "陈静", "hkhg@example.gov.cn"],
    ];

    /// <summary>Writes <paramref name="rows"/> as a unit list at <paramref name="path"/> and imports it.</summary>
    public void ImportUnits(string path, IEnumerable<string[]> rows)
    {
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "单位", ["单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
            rows.Select(r => (IReadOnlyList<object?>)r).ToArray()));
        Get<UnitImporter>().Import(path);
    }

    /// <summary>Three units and seven tasks: enough to exercise lead, co-unit, standing and dated tasks. <paramref name="year"/>: the list's year (deadlines moved to it).</summary>
    public void ImportSmallRegistry(int year = 2025)
    {
        var units = Path.Combine(Root, "units.xlsx");
        ImportUnits(units, SmallUnits);
        var tasks = Path.Combine(Root, "tasks.xlsx");
        AtomicFile.Write(tasks, s => SimpleXlsxWriter.Write(s, "任务", ["任务编号", "类别", "任务内容", "牵头单位", "配合单位", "完成时限", "清单类型"],
        new string[][]
        {
            ["A-001", "A", "严格落实“第一议题”制度", "省委办公厅", "", "长期坚持", "常态化"],
            ["A-002", "A", "完善机关党建主体责任清单", "省委办公厅", "省审计厅", "2025年3月底", "年度重点"],
            ["B-001", "B", "组建封关运作党员突击队", "海口海关", "省委办公厅、省审计厅", "2025-06-30", "年度重点"],
            ["C-001", "C", "开展审计领域党建与业务融合试点", "省审计厅", "", "2025年2月28日", "年度重点"],
            ["C-002", "C", "为企业办实事清单", "省审计厅", "海口海关", "年底", "年度重点"],
            ["E-001", "E", "机关党员到社区报到服务", "海口海关", "", "常态化", "常态化"],
            ["F-001", "F", "机关保密和网络安全责任制落实", "省委办公厅", "", "2025-09-30", "年度重点"],
        }.Select(row => (IReadOnlyList<object?>)row.Select(cell => (object?)cell.Replace("2025", year.ToString(), StringComparison.Ordinal)).ToArray())));
        Get<TaskImporter>().Import(tasks, year: year);
    }

    /// <summary>The unit's form for the month as the worker generates it, with every row answered 序时推进 50.</summary>
    public byte[] FilledForm(string unitCode, ReportMonth month, Action<XlsxEditor>? edit = null)
    {
        var unit = Get<RegistryStore>().FindUnit(unitCode) ?? throw new InvalidOperationException(unitCode);
        var tasks = Get<TaskBooks>().For(month).Tasks;
        var answers = tasks.Where(t => t.Involves(unitCode))
            .ToDictionary(t => t.Id, t => new ReportEntry(t.Id, t.Code, ReportStatus.OnSchedule, 50, "按计划推进，已完成阶段任务。", "", "继续推进。"));
        var model = Get<FormService>().Model(unit, month, tasks, answers);
        using var stream = new MemoryStream();
        FormWriter.Write(stream, model, Get<FormLayoutProvider>().Current);
        var bytes = stream.ToArray();
        return edit is null ? bytes : XlsxEditor.Edit(bytes, edit);
    }

    public string Drop(string name, byte[] bytes)
    {
        var path = Path.Combine(Paths.Inbox, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public IReadOnlyList<IntakeOutcome> RunIntake() => Get<FolderIntake>().ProcessInbox(TimeSpan.Zero);

    public IntakeOutcome TakeIn(string name, byte[] bytes)
    {
        Drop(name, bytes);
        return Assert.Single(RunIntake());
    }

    public void Dispose()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null) PostgresServer.Instance.DropDatabase(_database);
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Marks a test class whose <see cref="TestWorld"/>s use PostgreSQL instead of SQLite (usually a one-line subclass of a SQLite test class).</summary>
public interface IRunsOnPostgres;
