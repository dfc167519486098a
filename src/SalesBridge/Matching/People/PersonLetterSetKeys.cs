using System.Runtime.CompilerServices;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>
/// The blocking keys built on which letters a value holds rather than on its first letters or its sound: the ones
/// that still meet when a letter is doubled, dropped or moved anywhere in a name, a city or an email domain.
/// </summary>
internal static class PersonLetterSetKeys
{
    /// <summary>Two or fewer letters hold too little to tell names apart.</summary>
    private const int MinLettersForSet = 3;

    /// <summary>
    /// Keys on the letters a name holds (<see cref="LetterBag.LetterSet"/>): a letter doubled, dropped at the start or
    /// swapped anywhere ("tElliot PaPge" for "Elliot Page", "oiVlet Clakr" for "Violet Clark") changes every key built
    /// on a name's first letters or its sound, but not these.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddNames(NormalisedPerson p, List<ulong> keys)
    {
        var first = p.First.Length >= MinLettersForSet ? p.FirstLetters : 0;
        var last = p.LastCompact.Length >= MinLettersForSet ? p.LastLetters : 0;
        Span<char> a = stackalloc char[2];
        Span<char> b = stackalloc char[2];
        if (first != 0 && last != 0)
        {
            // Sorted, so swapped names meet too.
            keys.Add(BlockingKey.Of('w', Write(Math.Min(first, last), a), Write(Math.Max(first, last), b)));
        }

        if (p.City.Length >= MinLettersForSet)
        {
            // Either name with the city's letters, under one kind so a name in the other field still meets ("Freya,
            // noLdon" and "Shah Freya, London").
            Write(p.CityLetters, b);
            if (first != 0)
            {
                keys.Add(BlockingKey.Of('r', Write(first, a), b));
            }

            if (last != 0 && last != first)
            {
                keys.Add(BlockingKey.Of('r', Write(last, a), b));
            }
        }
    }

    /// <summary>
    /// The mailbox with the domain's letters: a domain with letters doubled or moved ("f.j@shrarp.com") still meets,
    /// however short the mailbox (the mailbox-half keys need six characters).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddEmail(EmailAddress email, List<ulong> keys)
    {
        if (email.Local.Length > 0 && email.Domain.Length >= 4)
        {
            Span<char> set = stackalloc char[2];
            keys.Add(BlockingKey.Of('k', email.Local, Write(LetterBag.LetterSet(email.Domain), set)));
        }
    }

    /// <summary>A letter set as two characters of 13 bits each, to hash as a key part.</summary>
    private static Span<char> Write(int set, Span<char> into)
    {
        into[0] = (char)(set & 0x1FFF);
        into[1] = (char)(set >> 13);
        return into;
    }
}
