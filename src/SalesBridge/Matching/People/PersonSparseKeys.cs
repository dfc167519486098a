using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>
/// Keys that reach a sparse CRM record: one holding a single name ("Jnes" and nothing else) or no name but a city
/// ("Southend-on-Sea"). Such a record shares at most one field with its lead, and a key on one field alone ("sounds like
/// Jones") is a crowd in any real CRM, so the index drops it. Here the sparse record alone holds the key
/// (<see cref="BlockingKey.HeldBit"/>) and every lead seeks it (<see cref="BlockingKey.SoughtBit"/>; a CRM record never
/// looks up, so it does not build them): the block holds only the sparse records with that name's sound (or with no
/// name, in that city), and a lead named Jones meets the sparse "Jnes" without meeting every other Jones.
/// </summary>
internal static class PersonSparseKeys
{
    public static void Add(NormalisedPerson p, bool seeking, List<ulong> keys)
    {
        var hasFirst = p.FirstFormal.Length > 0;
        var hasLast = p.LastSoundex.Length > 0;
        Span<char> sound = stackalloc char[Soundex.Length];

        // A slip late in a city's name ("Southena-on-Sed") leaves its first letters.
        var city = p.City.AsSpan(0, Math.Min(PersonBlockingKeys.CityLetters, p.City.Length));
        if (seeking)
        {
            // Under one kind for either name, so a name written in the other field still meets.
            foreach (var formal in p.FirstFormal)
            {
                keys.Add(BlockingKey.Sought('z', sound[..Soundex.Write(formal, sound)]));
            }

            if (hasLast)
            {
                keys.Add(BlockingKey.Sought('z', p.LastSoundex));
            }

            if (city.Length > 0)
            {
                keys.Add(BlockingKey.Sought('t', city));
            }
        }

        if (hasFirst != hasLast)
        {
            keys.Add(BlockingKey.Held('z', hasFirst ? sound[..Soundex.Write(p.FirstFormal[0], sound)] : p.LastSoundex));
        }
        else if (!hasFirst && city.Length > 0)
        {
            keys.Add(BlockingKey.Held('t', city));
        }
    }
}
