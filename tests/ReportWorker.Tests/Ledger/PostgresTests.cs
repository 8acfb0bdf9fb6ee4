using ReportWorker.Tests.Briefings;
using ReportWorker.Tests.Cli;
using ReportWorker.Tests.Delivery;
using ReportWorker.Tests.Intake;
using ReportWorker.Tests.Registry;
using ReportWorker.Tests.Scheduling;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Ledger;

// The ledger, registry, intake, outbox, reminder and briefing tests once more, against a real
// PostgreSQL started from the machine's binaries (skipped where it is not installed, a failure in CI).
// Same tests, same assertions; only the database under the TestWorld changes.
public sealed class TaskImportOnPostgres : TaskImportTests, IRunsOnPostgres;
public sealed class UnitImportOnPostgres : UnitImportTests, IRunsOnPostgres;
public sealed class IntakeAcceptanceOnPostgres : IntakeAcceptanceTests, IRunsOnPostgres;
public sealed class SenderOnPostgres : SenderTests, IRunsOnPostgres;
public sealed class BadFileOnPostgres : BadFileTests, IRunsOnPostgres;
public sealed class MailboxIntakeOnPostgres(DovecotServer dovecot) : MailboxIntakeTests(dovecot), IRunsOnPostgres;
public sealed class MailboxBounceOnPostgres(DovecotServer dovecot) : MailboxBounceTests(dovecot), IRunsOnPostgres;
public sealed class ReminderOnPostgres : ReminderTests, IRunsOnPostgres;
public sealed class SmtpDeliveryOnPostgres : SmtpDeliveryTests, IRunsOnPostgres;
public sealed class SmtpOutageOnPostgres : SmtpOutageTests, IRunsOnPostgres;
public sealed class SmtpBatchOnPostgres : SmtpBatchTests, IRunsOnPostgres;
public sealed class CutOffRecoveryOnPostgres : CutOffRecoveryTests, IRunsOnPostgres;
public sealed class FormDistributionOnPostgres : FormDistributionTests, IRunsOnPostgres;
public sealed class QuarterlyOnPostgres : QuarterlyTests, IRunsOnPostgres;
public sealed class MonthlyNoticeOnPostgres : MonthlyNoticeTests, IRunsOnPostgres;
public sealed class OutboxMigrationOnPostgres : OutboxMigrationTests, IRunsOnPostgres;
public sealed class BriefingGuardOnPostgres : BriefingGuardTests, IRunsOnPostgres;
public sealed class FormsAndRemindersGuardOnPostgres : FormsAndRemindersGuardTests, IRunsOnPostgres;
public sealed class PeriodGuardCommandOnPostgres : PeriodGuardCommandTests, IRunsOnPostgres;
public sealed class YearRolloverOnPostgres : YearRolloverTests, IRunsOnPostgres;
public sealed class TaskYearsMigrationOnPostgres : TaskYearsMigrationTests, IRunsOnPostgres;
public sealed class AssessmentServiceOnPostgres : ReportWorker.Tests.Assessment.AssessmentServiceTests, IRunsOnPostgres;
public sealed class ObjectionReplyOnPostgres(DovecotServer dovecot) : ObjectionReplyTests(dovecot), IRunsOnPostgres;
