using Bogus;
using Bogus.Bson;

namespace SalesBridge.Emulator.DemoWorld;

/// <summary>A name as shown, and the ASCII form that people use for it in email addresses.</summary>
internal sealed record DemoName(string Display, string Slug);

/// <summary>
/// First and last names of one language, read once from Bogus's locale data. Drawing from plain arrays
/// instead of calling <c>Faker.Name</c> per row keeps the Large world fast.
/// </summary>
internal sealed class PersonNames
{
    private readonly DemoName[] firstNames;
    private readonly DemoName[] lastNames;
    private readonly bool popularityOrdered;

    private PersonNames(DemoName[] firstNames, DemoName[] lastNames, bool popularityOrdered)
    {
        this.firstNames = firstNames;
        this.lastNames = lastNames;
        this.popularityOrdered = popularityOrdered;
    }

    public static PersonNames English { get; } = Load("en", ["male_first_name", "female_first_name"], popularityOrdered: true);
    public static PersonNames German { get; } = Load("de", ["first_name"], popularityOrdered: false);
    public static PersonNames French { get; } = Load("fr", ["male_first_name", "female_first_name"], popularityOrdered: false);
    public static PersonNames Spanish { get; } = Load("es", ["first_name"], popularityOrdered: false);
    public static PersonNames Italian { get; } = Load("it", ["first_name"], popularityOrdered: false);
    public static PersonNames Dutch { get; } = Load("nl", ["first_name"], popularityOrdered: false);

    private static readonly PersonNames[] Everyone = [English, German, French, Spanish, Italian, Dutch];

    /// <summary>
    /// English lists are ordered by popularity; favouring the top makes Robert and William as common as they
    /// are in real data, which is what gives the nickname variation something to work on.
    /// </summary>
    public DemoName FirstName(DemoRandom random) =>
        popularityOrdered ? firstNames[random.Skewed(firstNames.Length, 2.2)] : random.Pick(firstNames);

    public DemoName LastName(DemoRandom random) => random.Pick(lastNames);

    /// <summary>Mostly the country's own names, sometimes anyone's: offices are not monolingual.</summary>
    public static PersonNames For(DemoCountry country, DemoRandom random) =>
        random.Chance(0.15) ? random.Pick(Everyone) : country.Names;

    private static PersonNames Load(string locale, string[] firstNamePaths, bool popularityOrdered)
    {
        var first = firstNamePaths.SelectMany(path => Strings(locale, path)).Distinct().Select(ToName).ToArray();
        var last = Strings(locale, "last_name").Distinct().Select(ToName).ToArray();
        return new PersonNames(first, last, popularityOrdered);
    }

    private static DemoName ToName(string display) => new(display, Diacritics.Slug(display));

    private static IEnumerable<string> Strings(string locale, string path)
    {
        if (Database.Get("name", path, locale, locale) is not BArray array)
        {
            throw new InvalidOperationException($"Bogus has no name.{path} for locale {locale}.");
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return array[i].StringValue;
        }
    }
}
