using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Intake;

public class SenderTests : IDisposable
{
    private readonly TestWorld _world = new();

    public SenderTests() => _world.ImportSmallRegistry();
    public void Dispose() => _world.Dispose();

    [Fact]
    public void Rejects_a_form_sent_by_someone_who_is_not_the_units_liaison_and_answers_the_sender()
    {
        var path = _world.Drop("f.xlsx", _world.FilledForm("U02", new ReportMonth(2025, 3)));
        var outcome = _world.Get<IntakeService>().Process(new IncomingFile(path, "f.xlsx", IncomingFile.Mailbox, "<m1@x>/f.xlsx", "someone@example.com"));

        Assert.Equal(IntakeOutcome.Rejected, outcome.Outcome);
        Assert.Contains("不是海南省审计厅登记的联络员邮箱", outcome.Errors.Single().Message);
        Assert.Empty(_world.Get<SubmissionStore>().InForce(new ReportMonth(2025, 3)));
    }

    [Fact]
    public void Accepts_a_form_from_either_registered_liaison_whatever_the_case_of_the_address()
    {
        var path = _world.Drop("f.xlsx", _world.FilledForm("U02", new ReportMonth(2025, 3)));
        var outcome = _world.Get<IntakeService>().Process(new IncomingFile(path, "f.xlsx", IncomingFile.Mailbox, "<m2@x>/f.xlsx", "SSJT.DJ@example.gov.cn"));
        Assert.True(outcome.IsAccepted);
    }
}
