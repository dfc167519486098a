using SalesBridge.Matching.Blocking;
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
        // Four letters of the city: enough to tell cities apart, short enough to survive a typo at the end.
        var city = p.City.Length > 4 ? p.City[..4] : p.City;
        foreach (var formal in p.FirstFormal)
        {
            var firstSoundex = Soundex.Of(formal);
            if (lastSoundex.Length > 0)
            {
                // Sorted, so first/last swapped still meet.
                keys.Add(string.CompareOrdinal(firstSoundex, lastSoundex) <= 0 ? $"n:{firstSoundex}|{lastSoundex}" : $"n:{lastSoundex}|{firstSoundex}");
            }

            if (city.Length > 0)
            {
                keys.Add($"fc:{formal}|{city}");
            }

            if (lastSoundex.Length > 0)
            {
                // The surname's sound and the first initial: survives a first name too garbled for its Soundex.
                keys.Add($"li:{lastSoundex}|{formal[0]}");
            }

            if (p.LastCompact.Length > 2)
            {
                // The surname without its first letter: a slip at the start changes the Soundex but not this.
                keys.Add($"lt:{formal[0]}|{p.LastCompact[1..Math.Min(p.LastCompact.Length, 5)]}");
            }
        }

        if (lastSoundex.Length > 0 && city.Length > 0)
        {
            keys.Add($"lc:{lastSoundex}|{city}");

            // Swapped first and last name: the surname written where the first name goes.
            keys.Add($"fc:{p.LastCompact}|{city}");
        }

        if (p.FirstToken.Length > 0 && p.LastCompact.Length > 0 && p.City.Length > 0)
        {
            // Both names misspelt but their initials and the city intact.
            keys.Add($"ci:{p.City}|{(char)Math.Min(p.FirstToken[0], p.LastCompact[0])}{(char)Math.Max(p.FirstToken[0], p.LastCompact[0])}");
        }

        if (p.LastCompact.Length > 4 && p.FirstToken.Length > 0)
        {
            // The surname's ending: a slip in its first half changes Soundex and prefix but not this.
            keys.Add($"le:{p.LastCompact[^4..]}|{p.FirstToken[0]}");
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

        if (p.Email.Domain.Length > 0 && !p.Email.IsFreeMail && p.Email.Local.Length > 0)
        {
            // Colleagues share a domain; the mailbox's first letter narrows to the person.
            keys.Add($"ed:{p.Email.Domain}|{p.Email.Local[0]}");
        }

        // One field alone: kept only where the value is rare enough (see BlockingIndex.Loose).
        if (p.FirstToken.Length > 1)
        {
            keys.Add($"{BlockingIndex.Loose}f:{p.FirstFormal[0]}");
        }

        if (lastSoundex.Length > 0)
        {
            keys.Add($"{BlockingIndex.Loose}l:{lastSoundex}");
        }

        if (p.City.Length > 0)
        {
            keys.Add($"{BlockingIndex.Loose}c:{p.City}");
        }

        if (p.CompanyCompact.Length > 0 && p.LastCompact.Length > 0)
        {
            keys.Add($"co:{p.CompanyTokens[0]}|{p.LastCompact[0]}");
        }
    }
}
