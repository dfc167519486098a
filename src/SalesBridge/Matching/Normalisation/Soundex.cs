using System.Runtime.CompilerServices;
namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// American Soundex of a normalised name: a blocking key that survives most spelling slips ("Smyth" = "Smith").
/// Cheap and well understood; other blocking keys cover what it misses (a changed first letter).
/// </summary>
public static class Soundex
{
    //                                   abcdefghijklmnopqrstuvwxyz
    private const string Codes = "01230120022455012623010202";

    /// <summary>Every code is a letter and three digits.</summary>
    public const int Length = 4;

    public static string Of(string normalised)
    {
        Span<char> code = stackalloc char[Length];
        return Write(normalised, code) == 0 ? "" : new string(code);
    }

    /// <summary>The code written into <paramref name="code"/> (<see cref="Length"/> characters), without a string: 0 when the name holds no letter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(ReadOnlySpan<char> normalised, Span<char> code)
    {
        var length = 0;
        var previous = '\0';
        foreach (var c in normalised)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                continue;
            }

            var digit = Codes[c - 'a'];
            if (length == 0)
            {
                code[length++] = char.ToUpperInvariant(c);
                previous = digit;
                continue;
            }

            if (digit != '0' && digit != previous)
            {
                code[length++] = digit;
                if (length == Length)
                {
                    break;
                }
            }

            // H and W do not separate equal codes; vowels do.
            if (c is not 'h' and not 'w')
            {
                previous = digit;
            }
        }

        if (length == 0)
        {
            return 0;
        }

        while (length < Length)
        {
            code[length++] = '0';
        }

        return Length;
    }
}
