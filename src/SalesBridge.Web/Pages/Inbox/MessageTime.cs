using System.Globalization;

namespace SalesBridge.Web.Pages.Inbox;

/// <summary>How the inbox writes a message time: short and the same everywhere (UTC until users have time zones).</summary>
public static class MessageTime
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Machine(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
