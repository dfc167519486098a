using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SalesBridge.PeopleDirectory;

/// <summary>
/// Reads directory rows from CSV files with a header row. Column names follow the API's JSON names in any case
/// and order (<c>externalId,firstName,lastName,...</c>); columns that are missing are left empty.
/// </summary>
public static class DirectoryCsv
{
    public static IAsyncEnumerable<CompanyRow> ReadCompaniesAsync(TextReader reader, CancellationToken cancellationToken) =>
        ReadAsync<CompanyRow>(reader, cancellationToken);

    public static IAsyncEnumerable<PersonRow> ReadPeopleAsync(TextReader reader, CancellationToken cancellationToken) =>
        ReadAsync<PersonRow>(reader, cancellationToken);

    private static async IAsyncEnumerable<T> ReadAsync<T>(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = header => header.Header.Trim().ToLowerInvariant(),
            HeaderValidated = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(reader, configuration);
        csv.Context.TypeConverterOptionsCache.GetOptions<string>().NullValues.Add("");
        csv.Context.TypeConverterOptionsCache.GetOptions<int?>().NullValues.Add("");
        await foreach (var row in csv.GetRecordsAsync<T>(cancellationToken))
        {
            yield return row;
        }
    }
}
