using Microsoft.Data.Sqlite;

namespace ReportWorker.Ledger;

/// <summary>
/// A consistent copy of the SQLite ledger taken while the service runs (SQLite's online backup, page
/// by page under its own locks), so a backup never needs the service stopped and never catches a
/// half-written transaction as copying the file (and its WAL) by hand can.
/// </summary>
public sealed class LedgerBackup(LedgerDatabase database)
{
    /// <summary>Writes the copy to <paramref name="destination"/> (a new file) and returns its size in bytes.</summary>
    public long WriteTo(string destination)
    {
        if (database.IsPostgres) throw new LedgerBackupException("台账在 PostgreSQL 上，请用 pg_dump 备份（见 README 的 Deploying on a server 一节），本命令只备份 SQLite 台账。");
        if (Directory.Exists(destination)) throw new LedgerBackupException($"{destination} 是一个目录：请给出备份文件的名字，例如 {Path.Combine(destination, "ledger.db")}。");
        if (File.Exists(destination)) throw new LedgerBackupException($"备份文件 {destination} 已存在，为免覆盖旧备份，请换一个文件名。");
        var folder = Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(folder)) throw new LedgerBackupException($"目录 {folder} 不存在：请先创建它（见 README 的 Deploying on a server 一节）。");
        var temporary = destination + ".part";
        File.Delete(temporary); // a copy an earlier, interrupted backup left behind
        try
        {
            using (var source = (SqliteConnection)database.Open())
            using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                target.Open();
                source.BackupDatabase(target);
                using var mode = target.CreateCommand();
                // One self-contained file: a restore is a copy, with no -wal beside it to forget.
                mode.CommandText = "PRAGMA journal_mode=DELETE;";
                mode.ExecuteNonQuery();
            }
            // The ledger holds liaisons' names and addresses: readable by the service's group, not by everyone.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }
        catch (Exception ex) when (ex is SqliteException or UnauthorizedAccessException or IOException)
        {
            File.Delete(temporary);
            throw new LedgerBackupException($"无法写入 {destination}（{ex.Message}）。请确认运行命令的账户（服务账户）对目录 {folder} 有写权限。");
        }
        File.Move(temporary, destination);
        return new FileInfo(destination).Length;
    }
}

/// <summary>A backup that cannot be taken as asked; the message says why and what to do instead.</summary>
public sealed class LedgerBackupException(string message) : Exception(message);
