using Microsoft.Data.Sqlite;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Cli;

/// <summary><c>backup FILE</c> on the real executable: a copy that opens on its own and holds what the ledger held.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-backup-").FullName;
    private Dictionary<string, string> Env => new() { ["Data__Root"] = Path.Combine(_root, "data") };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_copy_holds_the_ledger_and_an_existing_backup_is_never_overwritten()
    {
        var units = Path.Combine(_root, "units.xlsx");
        AtomicFile.Write(units, s => SimpleXlsxWriter.Write(s, "单位", ["单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
            TestWorld.SmallUnits.Select(r => (IReadOnlyList<object?>)r).ToArray()));
        Assert.Equal(0, WorkerProcess.Run(_root, Env, "import", "units", units).ExitCode);
        var copy = Path.Combine(_root, "ledger-backup.db");

        var first = WorkerProcess.Run(_root, Env, "backup", copy);
        var second = WorkerProcess.Run(_root, Env, "backup", copy);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"已备份台账到 {copy}", first.Output);
        Assert.False(File.Exists(copy + "-wal")); // one self-contained file
        using (var c = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            using var count = c.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM units";
            Assert.Equal(3L, (long)count.ExecuteScalar()!);
        }
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("已存在", second.Error);
    }

    [Fact]
    public void A_missing_folder_or_a_folder_given_for_the_file_is_said_and_nothing_is_left_behind()
    {
        var missing = WorkerProcess.Run(_root, Env, "backup", Path.Combine(_root, "nope", "ledger.db"));
        var folder = WorkerProcess.Run(_root, Env, "backup", _root);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"目录 {Path.Combine(_root, "nope")} 不存在", missing.Error);
        Assert.Equal(1, folder.ExitCode);
        Assert.Contains($"{_root} 是一个目录", folder.Error);
        Assert.Empty(Directory.GetFiles(_root, "*.part"));
    }
}
