using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SalesBridge.Web.Cli.Matching;

/// <summary>
/// Reads the rows of a matching input file: a header row naming any of the expected columns in any order and case,
/// then one record per row. Unknown columns are reported and ignored; a file that is not text, has no header, names
/// none of the expected columns, or has a field longer than <see cref="MaxFieldLength"/> is refused.
/// </summary>
internal static class MatchCsvReader
{
    /// <summary>No real name, address or website comes near this; a longer field means the file is not what it claims.</summary>
    public const int MaxFieldLength = 64 * 1024;

    private const int SniffLength = 8 * 1024;

    /// <param name="columns">The expected column names, lower case.</param>
    /// <param name="warn">Receives one message per unknown column.</param>
    /// <returns>Each row as the values of <paramref name="columns"/> (null where missing or empty), and its line number.</returns>
    public static IEnumerable<(string?[] Values, int Line)> Read(Stream stream, string fileName, IReadOnlyList<string> columns, Action<string> warn)
    {
        RefuseBinary(stream, fileName);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MaxFieldSize = MaxFieldLength,
            BadDataFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(reader, configuration);
        int[] positions;
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
            {
                throw new MatchInputException($"{fileName} is empty: it needs a header row naming its columns ({string.Join(",", columns)}).");
            }

            positions = MapColumns(header, columns, fileName, warn);
        }
        catch (CsvHelper.MaxFieldSizeException)
        {
            throw TooLong(fileName, 1);
        }

        while (true)
        {
            string?[] values;
            int line;
            try
            {
                if (!csv.Read())
                {
                    yield break;
                }

                line = csv.Parser.RawRow;
                values = new string?[columns.Count];
                for (var index = 0; index < columns.Count; index++)
                {
                    var position = positions[index];
                    values[index] = position >= 0 && csv.TryGetField<string>(position, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
                }
            }
            catch (CsvHelper.MaxFieldSizeException)
            {
                throw TooLong(fileName, csv.Parser.RawRow);
            }

            yield return (values, line);
        }
    }

    private static int[] MapColumns(string[] header, IReadOnlyList<string> columns, string fileName, Action<string> warn)
    {
        var names = header.Select(name => name.Trim().ToLowerInvariant()).ToArray();
        foreach (var unknown in names.Where(name => name.Length > 0 && !columns.Contains(name)).Distinct())
        {
            warn($"{fileName}: ignoring unknown column '{unknown}' (known: {string.Join(",", columns)}).");
        }

        var positions = columns.Select(column => Array.IndexOf(names, column)).ToArray();
        if (positions.All(position => position < 0))
        {
            throw new MatchInputException($"{fileName} does not look like a matching input: its header names none of the columns {string.Join(",", columns)}.");
        }

        return positions;
    }

    /// <summary>
    /// A NUL byte never appears in a UTF-8 or single-byte CSV; it means a binary file (a spreadsheet, an archive) was
    /// given. UTF-16 files (which start with their byte order mark) are let through.
    /// </summary>
    private static void RefuseBinary(Stream stream, string fileName)
    {
        if (!stream.CanSeek)
        {
            return;
        }

        var buffer = new byte[SniffLength];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var utf16 = read >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF));
        if (!utf16 && Array.IndexOf(buffer, (byte)0, 0, read) >= 0)
        {
            throw new MatchInputException($"{fileName} is not a text CSV file (it contains NUL bytes); export it as CSV (UTF-8) first.");
        }
    }

    private static MatchInputException TooLong(string fileName, int line) =>
        new($"{fileName}: line {line} has a field longer than {MaxFieldLength:N0} characters; the file is refused (is it really a CSV of people or companies?).");
}
