using CsvHelper;
using CsvHelper.Configuration;
using System.Globalization;
using SalesBridge.Matching;

namespace SalesBridge.Benchmarks.Scenarios.Matching;

/// <summary>Reads the development files of ../shared/data/matching into person rows with their person key.</summary>
public static class DevelopmentDataFiles
{
    /// <summary>febrl3: given_name, surname, suburb (as city) and state; "rec-N-org"/"rec-N-dup-k" name the person.</summary>
    public static List<(string Person, bool IsOriginal, PersonRecord Record)> Febrl(string path) =>
        Read(path, row =>
        {
            var id = row["rec_id"];
            var parts = id.Split('-');
            return (parts[1], parts[2] == "org", new PersonRecord(id)
            {
                FirstName = row["given_name"], LastName = row["surname"], City = row["suburb"], State = row["state"],
            });
        });

    /// <summary>fake_1000: first_name, surname, city, email; the cluster column names the person.</summary>
    public static List<(string Person, bool IsOriginal, PersonRecord Record)> Fake1000(string path) =>
        Read(path, row => (row["cluster"], false, new PersonRecord(row["unique_id"])
        {
            FirstName = row["first_name"], LastName = row["surname"], City = row["city"], Email = row["email"],
        }));

    private static List<(string, bool, PersonRecord)> Read(string path, Func<Dictionary<string, string>, (string, bool, PersonRecord)> map)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        var rows = new List<(string, bool, PersonRecord)>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.GetField(i)?.Trim() ?? "";
            }

            rows.Add(map(row));
        }

        return rows;
    }
}
