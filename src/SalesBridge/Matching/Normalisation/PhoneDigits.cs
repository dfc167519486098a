namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// A phone number as its digits only, keeping the last ten: country codes, trunk zeros and formatting differ between
/// systems, the subscriber part does not. Fewer than seven digits is not a usable number.
/// </summary>
public static class PhoneDigits
{
    public const int Kept = 10;
    public const int Tail = 7;

    public static string Normalise(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }

        // An extension is not part of the number ("+1 212 555 0100 ext. 12").
        var text = phone;
        var extension = text.IndexOfAny(['x', 'X', '#']);
        if (extension > 0)
        {
            text = text[..extension];
        }

        Span<char> digits = stackalloc char[Math.Min(text.Length, 64)];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && count < digits.Length)
            {
                digits[count++] = c;
            }
        }

        if (count < Tail)
        {
            return "";
        }

        return new string(digits[Math.Max(0, count - Kept)..count]);
    }

    public static string TailOf(string normalised) => normalised.Length <= Tail ? normalised : normalised[^Tail..];
}
