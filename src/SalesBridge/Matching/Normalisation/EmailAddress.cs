namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// An email address split into a comparable local part (lower case, "+tag" dropped) and registrable domain. Free-mail
/// domains are flagged: sharing gmail.com says nothing about working at the same company.
/// </summary>
public sealed record EmailAddress(string Address, string Local, string Domain, bool IsFreeMail)
{
    public static readonly EmailAddress None = new("", "", "", false);

    private static readonly HashSet<string> FreeMail = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.es", "hotmail.de",
        "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "icloud.com", "me.com", "mac.com",
        "aol.com", "gmx.de", "gmx.net", "gmx.ch", "gmx.at", "web.de", "t-online.de", "freenet.de", "orange.fr", "free.fr",
        "laposte.net", "sfr.fr", "wanadoo.fr", "btinternet.com", "sky.com", "virginmedia.com", "rogers.com", "shaw.ca",
        "ziggo.nl", "kpnmail.nl", "telefonica.net", "libero.it", "virgilio.it", "bluewin.ch", "proton.me", "protonmail.com",
        "mail.ru", "yandex.ru", "qq.com", "163.com", "comcast.net", "verizon.net", "att.net", "bigpond.com", "optusnet.com.au",
    };

    public static EmailAddress Parse(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return None;
        }

        var text = email.Trim().ToLowerInvariant();
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return None;
        }

        var local = text[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        var domain = WebDomain.Registrable(text[(at + 1)..]);
        return new EmailAddress($"{local}@{text[(at + 1)..]}", local, domain, FreeMail.Contains(domain));
    }
}
