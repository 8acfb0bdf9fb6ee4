namespace ReportWorker.Assessment;

/// <summary>Issuing a stage of the assessment and queuing it, in one place for the schedule, the command line and the demo.</summary>
public sealed class AssessmentPublisher(AssessmentService service, AssessmentMailer mailer)
{
    public (IssuedAssessment Issued, int Queued) Draft(int year, bool reissue = false, bool queue = true, bool force = false)
    {
        var issued = service.Draft(year, reissue, force);
        return (issued, queue ? mailer.Queue(issued) : 0);
    }

    public (IssuedAssessment Issued, int Queued) Final(int year, bool reissue = false, bool queue = true, bool force = false)
    {
        var issued = service.Final(year, reissue, force);
        return (issued, queue ? mailer.Queue(issued) : 0);
    }
}
