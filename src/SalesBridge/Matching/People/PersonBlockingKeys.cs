using System.Runtime.CompilerServices;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>
/// The keys that make two people candidates. Each covers what the others miss: sounds-alike names in either order,
/// a misspelt surname in the same city, a nickname, the same email or mailbox name, the same phone, the same employer.
/// </summary>
internal static class PersonBlockingKeys
{
    /// <summary>Letters of the city in a key: enough to tell cities apart, few enough to survive a typo at the end.</summary>
    public const int CityLetters = 4;

    /// <summary>Letters of a name and of the city in the name-start keys (<see cref="AddNameStarts"/>).</summary>
    private const int NameStartLetters = 3;

    private const int MinLocalForHalves = 6;
    private const int MaxStackAddress = 256;

    /// <param name="seeking">Whether to add the keys the record only seeks (see <see cref="PersonSparseKeys"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(NormalisedPerson p, bool seeking, List<ulong> keys)
    {
        var lastSoundex = p.LastSoundex;
        var city = p.City.AsSpan(0, Math.Min(CityLetters, p.City.Length));
        Span<char> sound = stackalloc char[Soundex.Length];
        foreach (var formal in p.FirstFormal)
        {
            // Written in place: a string per name of every record, only to be hashed into keys, was wasted allocation.
            ReadOnlySpan<char> firstSoundex = sound[..Soundex.Write(formal, sound)];
            if (lastSoundex.Length > 0)
            {
                // Sorted, so first/last swapped still meet.
                var sorted = firstSoundex.SequenceCompareTo(lastSoundex) <= 0;
                keys.Add(BlockingKey.Of('n', sorted ? firstSoundex : lastSoundex, sorted ? lastSoundex : firstSoundex));

                // The surname's sound and the first initial: survives a first name too garbled for its Soundex.
                keys.Add(BlockingKey.Of('i', lastSoundex, formal.AsSpan(0, 1)));
            }

            if (city.Length > 0)
            {
                keys.Add(BlockingKey.Of('f', formal, city));

                // Both sounds: a slip in the first name and one in the city ("Thedore, Birmingma") still meet. Loose:
                // a first name's sound in a big city is a crowd, worth comparing only in small or varied data.
                keys.Add(BlockingKey.Of('g', firstSoundex, p.CitySoundex) | BlockingKey.LooseBit);
            }

            if (p.LastCompact.Length >= 3)
            {
                // The surname's first three letters: survives a slip later in the surname that changes its Soundex.
                keys.Add(BlockingKey.Of('q', formal.AsSpan(0, 1), p.LastCompact.AsSpan(0, 3)));
            }
        }

        if (lastSoundex.Length > 0 && city.Length > 0)
        {
            keys.Add(BlockingKey.Of('c', lastSoundex, city));

            // Swapped first and last name: the surname written where the first name goes.
            keys.Add(BlockingKey.Of('f', p.LastCompact, city));

            // A city misspelt in its first four letters ("Loondon").
            keys.Add(BlockingKey.Of('h', lastSoundex, p.CitySoundex));
        }

        AddNameStarts(p, keys);

        if (p.State.Length > 0)
        {
            // Name and state: for records whose city is missing or garbled. Dropped where the block grows large.
            if (lastSoundex.Length > 0)
            {
                keys.Add(BlockingKey.Of('S', lastSoundex, p.State));
            }

            if (p.FirstFormal.Length > 0)
            {
                keys.Add(BlockingKey.Of('G', p.FirstFormal[0], p.State));
            }
        }

        if (p.FirstToken.Length > 0 && p.LastCompact.Length > 0 && p.City.Length > 0)
        {
            // Both names misspelt but their initials and the city intact. Loose: two initials in a big city are a crowd
            // (a quarter of all candidates at 100,000 contacts), and the letter-set keys catch most such slips anyway.
            var (low, high) = p.FirstToken[0] <= p.LastCompact[0] ? (p.FirstToken[0], p.LastCompact[0]) : (p.LastCompact[0], p.FirstToken[0]);
            keys.Add(BlockingKey.Of('a', p.City, [low, high]) | BlockingKey.LooseBit);
        }

        PersonLetterSetKeys.AddNames(p, keys);

        if (p.LastCompact.Length > 4 && p.FirstToken.Length > 0)
        {
            // The surname's ending: a slip in its first half changes Soundex and prefix but not this.
            keys.Add(BlockingKey.Of('e', p.LastCompact.AsSpan(p.LastCompact.Length - 4), p.FirstToken.AsSpan(0, 1)));
        }

        if (p.FirstToken.Length == 0 && lastSoundex.Length > 0)
        {
            keys.Add(BlockingKey.Of('l', p.LastCompact));
        }

        if (p.Email.Address.Length > 0)
        {
            // Bare, so an address with its "@" or a dot dropped or moved still meets.
            var address = p.Email.Address;
            keys.Add(BlockingKey.Of('m', p.Email.WriteBare(address.Length <= MaxStackAddress ? stackalloc char[address.Length] : new char[address.Length])));
            if (p.Email.Local.Length >= 4)
            {
                keys.Add(BlockingKey.Of('b', p.Email.Local));
            }

            if (p.Email.Local.Length >= MinLocalForHalves && p.Email.Domain.Length >= 4)
            {
                // A slip in the address: the mailbox's start or its end with the domain's start still agree.
                var local = p.Email.Local.AsSpan();
                var domain = p.Email.Domain.AsSpan(0, 4);
                keys.Add(BlockingKey.Of('x', local[..4], domain));
                keys.Add(BlockingKey.Of('y', local[^4..], domain));
            }

            if (p.Email.Domain.Length > 0 && !p.Email.IsFreeMail && p.Email.Local.Length > 0)
            {
                // Colleagues share a domain; the mailbox's first letter narrows to the person.
                keys.Add(BlockingKey.Of('d', p.Email.Domain, p.Email.Local.AsSpan(0, 1)));
            }
        }

        PersonLetterSetKeys.AddEmail(p.Email, keys);

        if (p.Phone.Length > 0)
        {
            keys.Add(BlockingKey.Of('p', PhoneDigits.TailOf(p.Phone)));
        }

        if (p.CompanyCompact.Length > 0 && p.LastCompact.Length > 0)
        {
            keys.Add(BlockingKey.Of('o', p.CompanyTokens[0], p.LastCompact.AsSpan(0, 1)));
        }

        // One field alone: kept only where the value is rare enough (see BlockingIndex). The surname's sound alone is not
        // among them: where it rescued a record, that record held nothing else, and the sparse keys reach such records
        // without every namesake (fake_1000: 227 fewer pairs, the same found).
        if (p.FirstToken.Length > 1)
        {
            keys.Add(BlockingKey.Loose('F', p.FirstFormal[0]));
        }

        if (p.City.Length > 0)
        {
            keys.Add(BlockingKey.Loose('C', p.City));
        }

        PersonSparseKeys.Add(p, seeking, keys);
    }

    /// <summary>
    /// Either name's first letters with the city's first letters, under one kind so a name written in the other field
    /// still meets ("Mihal Hannsh, Nyal West" for "Hannah Mihal, Nyah West"). They survive slips late in the surname and
    /// in the city together ("Donalfson, Newomb" for "Donaldson, Newcomb"), which change both Soundex codes and the
    /// city's first four letters, so no other key holds. Built for febrl4's misses: its pair completeness 0.988 without
    /// them, 0.992 with them (febrl3's 0.9933 and 0.9962), in fewer pairs, since the pruning then drops more of the
    /// weakly tied (docs/benchmarks.md, Matching, "eleventh session").
    /// </summary>
    private static void AddNameStarts(NormalisedPerson p, List<ulong> keys)
    {
        if (p.City.Length < NameStartLetters)
        {
            return;
        }

        var city = p.City.AsSpan(0, NameStartLetters);
        var last = p.LastCompact.Length >= NameStartLetters ? p.LastCompact.AsSpan(0, NameStartLetters) : default;
        if (!last.IsEmpty)
        {
            keys.Add(BlockingKey.Of('Q', last, city));
        }

        if (p.FirstToken.Length >= NameStartLetters && !p.FirstToken.AsSpan(0, NameStartLetters).SequenceEqual(last))
        {
            keys.Add(BlockingKey.Of('Q', p.FirstToken.AsSpan(0, NameStartLetters), city));
        }
    }
}
