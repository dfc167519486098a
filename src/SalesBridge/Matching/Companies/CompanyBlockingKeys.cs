namespace SalesBridge.Matching.Companies;

/// <summary>
/// The keys that make two companies candidates: a shared name word, the same name start (or a website named like
/// the company), the same domain, the same phone, the same sorted name.
/// </summary>
internal static class CompanyBlockingKeys
{
    public static void Add(NormalisedCompany c, List<string> keys)
    {
        foreach (var token in c.NameTokens)
        {
            if (token.Length >= 3 && token != "and")
            {
                keys.Add($"t:{token}");
            }
        }

        if (c.NameCompact.Length > 0)
        {
            keys.Add($"s:{c.NameCompact[..Math.Min(6, c.NameCompact.Length)]}");
            if (c.City.Length > 0)
            {
                keys.Add($"sc:{c.NameCompact[..Math.Min(3, c.NameCompact.Length)]}|{c.City}");
            }
        }

        if (c.Domain.Length > 0)
        {
            keys.Add($"d:{c.Domain}");
            keys.Add($"s:{c.DomainLabel[..Math.Min(6, c.DomainLabel.Length)]}");
            keys.Add($"dl:{c.DomainLabel}");
        }

        if (c.Phone.Length > 0)
        {
            keys.Add($"p:{Normalisation.PhoneDigits.TailOf(c.Phone)}");
        }
    }
}
