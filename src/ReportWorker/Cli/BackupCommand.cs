using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Ledger;

namespace ReportWorker.Cli;

/// <summary><c>backup FILE</c>: a consistent copy of the SQLite ledger, safe while the service runs.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("备份文件") { Description = "备份写到这个新文件，例如 /var/backups/reportworker/ledger-2026-12-03.db" };
        var command = new Command("backup", "在服务运行时备份 SQLite 台账（一致的副本；PostgreSQL 请用 pg_dump）") { file };
        command.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var destination = Path.GetFullPath(parse.GetValue(file)!);
            try
            {
                var bytes = sp.GetRequiredService<LedgerBackup>().WriteTo(destination);
                Console.WriteLine($"已备份台账到 {destination}（{bytes / 1024.0 / 1024.0:0.0} MB）。收到的报表原件等文件在数据目录 {Path.GetDirectoryName(sp.GetRequiredService<ReportWorker.Storage.DataPaths>().DatabaseFile)} 中，请一并备份（见 README 的 Deploying on a server 一节）。");
                return Task.FromResult(0);
            }
            catch (LedgerBackupException ex) { throw new CommandException(ex.Message); }
        }));
        return command;
    }
}
