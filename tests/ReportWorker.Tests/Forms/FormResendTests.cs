using Dapper;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Forms;

/// <summary>`forms --send --unit U --resend`: a unit's form again, at its liaisons as they are now, marked as a resend.</summary>
public sealed class FormResendTests
{
    private static readonly ReportMonth March = new(2025, 3);

    [Fact]
    public void A_resend_goes_to_the_units_current_liaisons_under_a_key_of_its_own_and_says_it_is_a_resend()
    {
        using var world = new TestWorld(start: new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        world.ImportSmallRegistry();
        var forms = world.Get<FormService>();
        forms.Generate(March, null, null, send: true);
        // U02's first liaison changes; the office sends U02 its form again.
        world.ImportUnits(Path.Combine(world.Root, "units-2.xlsx"),
            TestWorld.SmallUnits.Select(u => u[0] == "U02" ? [.. u[..4], "ssjt.new@example.gov.cn；ssjt.dj@example.gov.cn"] : u));

        var first = Assert.Single(forms.Generate(March, "U02", null, send: true, resend: true));
        var second = Assert.Single(forms.Generate(March, "U02", null, send: true, resend: true));

        Assert.True(first.Queued && second.Queued);
        using var c = world.Get<LedgerDatabase>().Open();
        var rows = c.Query<(string Key, string Subject, string Recipients)>("SELECT message_key, subject, recipients FROM outbox WHERE unit_code = 'U02' AND kind = 'form' ORDER BY id").ToArray();
        Assert.Equal(["form/2025-03/U02", "form/2025-03/U02/resend-1", "form/2025-03/U02/resend-2"], rows.Select(r => r.Key));
        Assert.DoesNotContain("重发", rows[0].Subject);
        Assert.EndsWith("（重发）", rows[1].Subject);
        Assert.Equal("ssjt.new@example.gov.cn, ssjt.dj@example.gov.cn", rows[1].Recipients);
        Assert.Throws<ArgumentException>(() => forms.Generate(March, null, null, send: true, resend: true)); // never to every unit at once
    }
}
