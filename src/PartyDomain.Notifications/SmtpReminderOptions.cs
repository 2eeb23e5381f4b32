namespace PartyDomain.Notifications;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Upgrade with STARTTLS when the server offers it, else plain (a relay on the same machine).</summary>
    Auto,

    /// <summary>STARTTLS, required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS (a relay on a trusted network only).</summary>
    None,
}

/// <summary>The e-mail channel's settings (configuration section <c>PartyDomain:Reminders:Smtp</c>).</summary>
public sealed class SmtpReminderOptions
{
    /// <summary>The SMTP server's host name. Required.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The server's port. Default 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured. Default <see cref="SmtpSecurity.Auto"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The account to log in with, if the server requires one.</summary>
    public string? UserName { get; set; }

    /// <summary>The account's password (keep it in an environment variable or a secret store, not in a file).</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address, e.g. <c>dangjian@sfj.example.gov.cn</c>. Required.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The sender's display name. Default 律师行业党委.</summary>
    public string FromName { get; set; } = "律师行业党委";

    /// <summary>Addresses that get every organization's reminders unless the organization has its own.</summary>
    public IList<string> To { get; } = new List<string>();

    /// <summary>Each organization's own addresses, by organization id (its secretary's, say).</summary>
    public IDictionary<string, List<string>> ByOrganization { get; } = new Dictionary<string, List<string>>(StringComparer.Ordinal);

    /// <summary>How long one connection or command may take. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
