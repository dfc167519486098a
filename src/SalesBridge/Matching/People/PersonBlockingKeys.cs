using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>
/// The keys that make two people candidates. Each covers what the others miss: sounds-alike names in either order,
/// a misspelt surname in the same city, a nickname, the same email or mailbox name, the same phone, the same employer.
/// </summary>
internal static class PersonBlockingKeys
{
    public static void Add(NormalisedPerson p, List<string> keys)
    {
        var lastSoundex = p.LastSoundex;
        foreach (var formal in p.FirstFormal)
        {
            var firstSoundex = Soundex.Of(formal);
            if (lastSoundex.Length > 0)
            {
                // Sorted, so first/last swapped still meet.
                keys.Add(string.CompareOrdinal(firstSoundex, lastSoundex) <= 0 ? $"n:{firstSoundex}|{lastSoundex}" : $"n:{lastSoundex}|{firstSoundex}");
            }

            if (p.City.Length > 0)
            {
                keys.Add($"fc:{formal}|{p.City}");
            }

            if (p.LastCompact.Length > 2)
            {
                // The surname without its first letter: a slip at the start changes the Soundex but not this.
                keys.Add($"lt:{formal[0]}|{p.LastCompact[1..Math.Min(p.LastCompact.Length, 5)]}");
            }
        }

        if (lastSoundex.Length > 0 && p.City.Length > 0)
        {
            keys.Add($"lc:{lastSoundex}|{p.City}");
        }

        if (p.FirstToken.Length == 0 && lastSoundex.Length > 0)
        {
            keys.Add($"l:{p.LastCompact}");
        }

        if (p.Email.Address.Length > 0)
        {
            keys.Add($"e:{p.Email.Address}");
            if (p.Email.Local.Length >= 4)
            {
                keys.Add($"el:{p.Email.Local}");
            }
        }

        if (p.Phone.Length > 0)
        {
            keys.Add($"p:{PhoneDigits.TailOf(p.Phone)}");
        }

        if (p.CompanyCompact.Length > 0 && p.LastCompact.Length > 0)
        {
            keys.Add($"co:{p.CompanyTokens[0]}|{p.LastCompact[0]}");
        }
    }
}
