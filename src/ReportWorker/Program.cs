using ReportWorker.Cli;

// No arguments: run as the unattended worker service. Anything else: one command, then exit.
return await CommandLine.RunAsync(args);
