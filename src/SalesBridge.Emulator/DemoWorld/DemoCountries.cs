namespace SalesBridge.Emulator.DemoWorld;

internal sealed record DemoCity(string Name, string? StateOrProvince, string AreaCode);

/// <summary>A country the demo customers sit in, with what makes their data look local.</summary>
internal sealed record DemoCountry(
    string Name,
    string PhonePrefix,
    string TopLevelDomain,
    PersonNames Names,
    DemoCity[] Cities,
    string[] LegalSuffixes,
    string[] PersonalMailDomains)
{
    public string Phone(DemoRandom random, DemoCity city) =>
        $"+{PhonePrefix} {city.AreaCode} {random.Digits(3)} {random.Digits(4)}";
}

internal static class DemoCountries
{
    // Weights roughly follow where a European/North American SaaS vendor's customers are.
    private static readonly (DemoCountry Country, int Weight)[] Weighted =
    [
        (new("United States", "1", "com", PersonNames.English,
            [new("New York", "NY", "212"), new("San Francisco", "CA", "415"), new("Chicago", "IL", "312"),
             new("Austin", "TX", "512"), new("Seattle", "WA", "206"), new("Boston", "MA", "617"),
             new("Denver", "CO", "303"), new("Atlanta", "GA", "404"), new("Miami", "FL", "305"),
             new("Minneapolis", "MN", "612"), new("Portland", "OR", "503"), new("Raleigh", "NC", "919")],
            ["Inc.", "LLC", "Corp.", "Co."], ["gmail.com", "outlook.com", "yahoo.com", "icloud.com"]), 38),
        (new("United Kingdom", "44", "co.uk", PersonNames.English,
            [new("London", null, "20"), new("Manchester", null, "161"), new("Birmingham", null, "121"),
             new("Leeds", null, "113"), new("Edinburgh", null, "131"), new("Bristol", null, "117"),
             new("Glasgow", null, "141"), new("Cambridge", null, "1223")],
            ["Ltd", "Ltd.", "PLC", "LLP"], ["gmail.com", "outlook.com", "btinternet.com", "hotmail.co.uk"]), 14),
        (new("Germany", "49", "de", PersonNames.German,
            [new("Berlin", "Berlin", "30"), new("München", "Bayern", "89"), new("Hamburg", "Hamburg", "40"),
             new("Köln", "Nordrhein-Westfalen", "221"), new("Frankfurt am Main", "Hessen", "69"),
             new("Stuttgart", "Baden-Württemberg", "711"), new("Düsseldorf", "Nordrhein-Westfalen", "211"),
             new("Leipzig", "Sachsen", "341")],
            ["GmbH", "AG", "GmbH & Co. KG", "KG"], ["gmx.de", "web.de", "t-online.de", "gmail.com"]), 12),
        (new("France", "33", "fr", PersonNames.French,
            [new("Paris", "Île-de-France", "1"), new("Lyon", "Auvergne-Rhône-Alpes", "4"),
             new("Marseille", "Provence-Alpes-Côte d'Azur", "4"), new("Toulouse", "Occitanie", "5"),
             new("Nantes", "Pays de la Loire", "2"), new("Lille", "Hauts-de-France", "3"),
             new("Bordeaux", "Nouvelle-Aquitaine", "5")],
            ["S.A.", "SAS", "SARL"], ["orange.fr", "free.fr", "gmail.com", "laposte.net"]), 8),
        (new("Canada", "1", "ca", PersonNames.English,
            [new("Toronto", "ON", "416"), new("Vancouver", "BC", "604"), new("Montréal", "QC", "514"),
             new("Calgary", "AB", "403"), new("Ottawa", "ON", "613")],
            ["Inc.", "Ltd.", "Corp."], ["gmail.com", "outlook.com", "rogers.com"]), 6),
        (new("Netherlands", "31", "nl", PersonNames.Dutch,
            [new("Amsterdam", "Noord-Holland", "20"), new("Rotterdam", "Zuid-Holland", "10"),
             new("Utrecht", "Utrecht", "30"), new("Eindhoven", "Noord-Brabant", "40"), new("Den Haag", "Zuid-Holland", "70")],
            ["B.V.", "N.V."], ["gmail.com", "ziggo.nl", "kpnmail.nl"]), 5),
        (new("Spain", "34", "es", PersonNames.Spanish,
            [new("Madrid", "Madrid", "91"), new("Barcelona", "Cataluña", "93"), new("Valencia", "Valencia", "96"),
             new("Sevilla", "Andalucía", "95"), new("Bilbao", "País Vasco", "94"), new("Málaga", "Andalucía", "95")],
            ["S.A.", "S.L."], ["gmail.com", "hotmail.es", "telefonica.net"]), 5),
        (new("Italy", "39", "it", PersonNames.Italian,
            [new("Milano", "Lombardia", "02"), new("Roma", "Lazio", "06"), new("Torino", "Piemonte", "011"),
             new("Bologna", "Emilia-Romagna", "051"), new("Firenze", "Toscana", "055")],
            ["S.p.A.", "S.r.l."], ["gmail.com", "libero.it", "virgilio.it"]), 4),
        (new("Switzerland", "41", "ch", PersonNames.German,
            [new("Zürich", "ZH", "44"), new("Genève", "GE", "22"), new("Basel", "BS", "61"),
             new("Bern", "BE", "31"), new("Lausanne", "VD", "21")],
            ["AG", "GmbH", "SA"], ["bluewin.ch", "gmail.com", "gmx.ch"]), 4),
    ];

    private static readonly DemoCountry[] ByWeight =
        Weighted.SelectMany(entry => Enumerable.Repeat(entry.Country, entry.Weight)).ToArray();

    public static DemoCountry Pick(DemoRandom random) => random.Pick(ByWeight);
}
