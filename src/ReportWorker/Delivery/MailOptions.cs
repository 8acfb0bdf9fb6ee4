using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Delivery;

public enum SmtpSecurity { None, StartTls, SslOnConnect, Auto }

public sealed class MailOptions
{
    public const string SectionName = "Mail";

    [Required, EmailAddress] public string FromAddress { get; set; } = "";
    [Required] public string FromName { get; set; } = "";
    public SmtpOptions Smtp { get; set; } = new();
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;
    [Range(5, 86_400)] public int DeliveryIntervalSeconds { get; set; } = 30;
}

/// <summary>
/// With no Host, messages are written as .eml files to the pickup folder instead of being sent.
/// The password comes from the environment (Mail__Smtp__Password) or user secrets, never appsettings.json.
/// </summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    [Range(1, 65535)] public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>Only for test servers with self-made certificates.</summary>
    public bool AcceptAnyCertificate { get; set; }
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 60;
}
