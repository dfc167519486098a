using System.Runtime.CompilerServices;
namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// An email address split into a comparable local part (lower case, "+tag" dropped) and registrable domain. Free-mail
/// domains are flagged: sharing gmail.com says nothing about working at the same company. A value typed without its
/// "@" ("oliverjones82bond.biz") is kept as an address with no mailbox or domain: it can still be compared whole.
/// </summary>
public sealed record EmailAddress(string Address, string Local, string Domain, bool IsFreeMail)
{
    public static readonly EmailAddress None = new("", "", "", false);

    /// <summary>
    /// Whether the domain's name part without hyphens ("keller-logistik.de" → "kellerlogistik") is
    /// <paramref name="compact"/> (a company name's compact form). Read in place: a string of it per record was built for
    /// this one comparison.
    /// </summary>
    public bool DomainLabelIs(string compact)
    {
        var dot = Domain.IndexOf('.', StringComparison.Ordinal);
        var matched = 0;
        foreach (var c in dot < 0 ? Domain.AsSpan() : Domain.AsSpan(0, dot))
        {
            if (c != '-')
            {
                if (matched == compact.Length || compact[matched] != c)
                {
                    return false;
                }

                matched++;
            }
        }

        return matched == compact.Length;
    }

    /// <summary>The characters of <see cref="Address"/> and of <see cref="Local"/> as sets (<see cref="CharacterSet"/>), to rule out typo checks cheaply.</summary>
    public ulong AddressCharacters { get; } = CharacterSet(Address);

    public ulong LocalCharacters { get; } = CharacterSet(Local);

    /// <summary>
    /// The characters of the address without its "@" and dots, as a set: "m.w@cannon.com", "m@w.cannon.com" and
    /// "mw@cannon.com" are all "mwcannoncom" bare (<see cref="SameBare"/>, <see cref="WriteBare"/>). A slip that drops or
    /// moves the "@" or a dot then costs nothing, and one moving a letter across the "@" ("f.s@jharp.com" for
    /// "f.j@sharp.com") one transposition. Not kept as a string: a hundred thousand more per run for the collector.
    /// </summary>
    public ulong BareCharacters => AddressCharacters & ~(DotBit | AtBit);

    /// <summary>The same address once "@" and dots are taken out of both (no copy made).</summary>
    public bool SameBare(EmailAddress other)
    {
        if (BareCharacters != other.BareCharacters)
        {
            return false;
        }

        int i = 0, j = 0;
        var a = Address;
        var b = other.Address;
        while (true)
        {
            while (i < a.Length && a[i] is '@' or '.')
            {
                i++;
            }

            while (j < b.Length && b[j] is '@' or '.')
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (a[i++] != b[j++])
            {
                return false;
            }
        }
    }

    /// <summary>The address without "@" and dots, written into <paramref name="into"/> (at least as long as the address).</summary>
    public Span<char> WriteBare(Span<char> into)
    {
        var length = 0;
        foreach (var c in Address)
        {
            if (c is not ('@' or '.'))
            {
                into[length++] = c;
            }
        }

        return into[..length];
    }

    // Lengths and the domain's hash kept beside the sets: comparing two addresses then reads their strings only when
    // these agree, and the strings of a CRM record are the part of a pair least likely to be in the cache.
    public int AddressLength { get; } = Address.Length;

    public int LocalLength { get; } = Local.Length;

    public int DomainHash { get; } = string.GetHashCode(Domain, StringComparison.Ordinal);

    /// <summary>The same mailbox name (cheap tests first); never for an address typed without "@", which has none.</summary>
    public bool SameLocal(EmailAddress other) =>
        LocalLength > 0 && LocalLength == other.LocalLength && LocalCharacters == other.LocalCharacters && Local == other.Local;

    /// <summary>The same address (cheap tests first).</summary>
    public bool SameAddress(EmailAddress other) =>
        AddressLength == other.AddressLength && AddressCharacters == other.AddressCharacters && Address == other.Address;

    /// <summary>The same registrable domain (cheap tests first); never for an address typed without "@", which has none.</summary>
    public bool SameDomain(EmailAddress other) => Domain.Length > 0 && DomainHash == other.DomainHash && Domain == other.Domain;

    /// <summary>
    /// The characters of an address as 64 bits: a–z, 0–9 and the usual punctuation each their own, anything else
    /// sharing the rest. An edit changes at most two bits, so sets more than 2·k bits apart are more than k edits apart
    /// (a shared bit only ever makes two texts look closer, never farther); compared with
    /// <see cref="Comparison.LetterBag.SetsWithin(ulong, ulong, int)"/>.
    /// </summary>
    public static ulong CharacterSet(ReadOnlySpan<char> text)
    {
        ulong set = 0;
        foreach (var c in text)
        {
            var bit = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= '0' and <= '9' => 26 + (c - '0'),
                '.' => DotBitIndex,
                '-' => 37,
                '_' => 38,
                '@' => AtBitIndex,
                _ => 40 + (c % 24),
            };
            set |= 1UL << bit;
        }

        return set;
    }

    private static readonly HashSet<string> FreeMail = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.es", "hotmail.de",
        "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "icloud.com", "me.com", "mac.com",
        "aol.com", "gmx.de", "gmx.net", "gmx.ch", "gmx.at", "web.de", "t-online.de", "freenet.de", "orange.fr", "free.fr",
        "laposte.net", "sfr.fr", "wanadoo.fr", "btinternet.com", "sky.com", "virginmedia.com", "rogers.com", "shaw.ca",
        "ziggo.nl", "kpnmail.nl", "telefonica.net", "libero.it", "virgilio.it", "bluewin.ch", "proton.me", "protonmail.com",
        "mail.ru", "yandex.ru", "qq.com", "163.com", "comcast.net", "verizon.net", "att.net", "bigpond.com", "optusnet.com.au",
    };

    private const int DotBitIndex = 36;
    private const int AtBitIndex = 39;
    private const ulong DotBit = 1UL << DotBitIndex;
    private const ulong AtBit = 1UL << AtBitIndex;

    /// <summary>Shorter text without an "@" ("a.b") is too little to be an address.</summary>
    private const int MinWholeLength = 6;

    public static EmailAddress Parse(string? email) => Parse(email, domains: null);

    /// <param name="domains">
    /// The run's registrable domains by host, with whether each is free mail: a run's addresses share a few thousand
    /// domains, so a memo spares two strings per address (the host and its registrable part), which live as long as the
    /// run and so cost the collector twice.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EmailAddress Parse(string? email, NormalisationMemo<(string Domain, bool IsFreeMail)>? domains)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return None;
        }

        var text = email.Trim().ToLowerInvariant();
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            // No "@" where one belongs: an address if it looks like one (a dot, no spaces), compared whole.
            return text.Length >= MinWholeLength && text.Contains('.') && !text.AsSpan().ContainsAny(" \t\r\n") ? new EmailAddress(text.Trim('@'), "", "", false) : None;
        }

        var host = text.AsSpan(at + 1);
        var plus = text.IndexOf('+', 0, at);
        var local = text[..(plus > 0 ? plus : at)];
        var (domain, isFreeMail) = domains?.Get(host) ?? DomainOf(host.ToString());
        return new EmailAddress(plus > 0 ? $"{local}@{host}" : text, local, domain, isFreeMail);
    }

    /// <summary>A host's registrable domain and whether it is free mail: what <see cref="Parse(string?, NormalisationMemo{ValueTuple{string, bool}}?)"/> memoises.</summary>
    public static (string Domain, bool IsFreeMail) DomainOf(string? host)
    {
        var domain = WebDomain.Registrable(host);
        return (domain, FreeMail.Contains(domain));
    }
}
