namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// Countries to ISO 3166 alpha-2 ("Deutschland", "Germany", "DE", "DEU" → "de") and states or provinces to their
/// postal abbreviation ("California" → "ca"), so the same place written two ways agrees. Unknown text is kept
/// normalised and compared as it is.
/// </summary>
public static class PlaceNames
{
    private static readonly string[] CountryRows =
    [
        "us usa united states|united states of america|america|us of america|u s a", "gb gbr united kingdom|great britain|britain|england|scotland|wales|northern ireland|uk",
        "de deu germany|deutschland", "fr fra france", "ca can canada", "nl nld netherlands|the netherlands|holland|nederland",
        "es esp spain|espana", "it ita italy|italia", "ch che switzerland|schweiz|suisse|svizzera", "at aut austria|osterreich",
        "be bel belgium|belgique|belgie", "ie irl ireland|eire", "au aus australia", "nz nzl new zealand", "se swe sweden|sverige",
        "no nor norway|norge", "dk dnk denmark|danmark", "fi fin finland|suomi", "pl pol poland|polska", "pt prt portugal",
        "cz cze czech republic|czechia|cesko", "gr grc greece|hellas", "hu hun hungary|magyarorszag", "ro rou romania",
        "ru rus russia|russian federation", "ua ukr ukraine", "tr tur turkey|turkiye", "il isr israel", "in ind india",
        "cn chn china|peoples republic of china|prc", "jp jpn japan|nippon", "kr kor south korea|korea|republic of korea",
        "sg sgp singapore", "hk hkg hong kong", "tw twn taiwan", "br bra brazil|brasil", "mx mex mexico", "ar arg argentina",
        "cl chl chile", "co col colombia", "za zaf south africa", "ae are united arab emirates|uae", "sa sau saudi arabia",
        "lu lux luxembourg", "ee est estonia", "lv lva latvia", "lt ltu lithuania", "sk svk slovakia", "si svn slovenia",
        "hr hrv croatia", "bg bgr bulgaria", "rs srb serbia", "is isl iceland", "my mys malaysia", "th tha thailand",
        "id idn indonesia", "ph phl philippines", "vn vnm vietnam|viet nam", "eg egy egypt", "ng nga nigeria", "ke ken kenya",
    ];

    private static readonly string[] StateRows =
    [
        // United States
        "al alabama", "ak alaska", "az arizona", "ar arkansas", "ca california", "co colorado", "ct connecticut", "de delaware",
        "fl florida", "ga georgia", "hi hawaii", "id idaho", "il illinois", "in indiana", "ia iowa", "ks kansas", "ky kentucky",
        "la louisiana", "me maine", "md maryland", "ma massachusetts", "mi michigan", "mn minnesota", "ms mississippi",
        "mo missouri", "mt montana", "ne nebraska", "nv nevada", "nh new hampshire", "nj new jersey", "nm new mexico",
        "ny new york", "nc north carolina", "nd north dakota", "oh ohio", "ok oklahoma", "or oregon", "pa pennsylvania",
        "ri rhode island", "sc south carolina", "sd south dakota", "tn tennessee", "tx texas", "ut utah", "vt vermont",
        "va virginia", "wa washington", "wv west virginia", "wi wisconsin", "wy wyoming", "dc district of columbia",
        // Canada
        "ab alberta", "bc british columbia", "mb manitoba", "nb new brunswick", "nl newfoundland and labrador", "ns nova scotia",
        "on ontario", "pe prince edward island", "qc quebec", "sk saskatchewan", "nt northwest territories", "yt yukon",
        // Australia
        "nsw new south wales", "vic victoria", "qld queensland", "wa western australia", "sa south australia", "tas tasmania",
        "act australian capital territory", "nt northern territory",
    ];

    private static readonly Dictionary<string, string> Countries = Build(CountryRows, codes: 2);
    private static readonly Dictionary<string, string> States = Build(StateRows, codes: 1);

    public static string Country(string? country)
    {
        var text = MatchText.Normalise(country);
        return Countries.TryGetValue(text, out var code) ? code : text;
    }

    public static string State(string? state)
    {
        var text = MatchText.Normalise(state);
        return States.TryGetValue(text, out var code) ? code : text;
    }

    public static string City(string? city) => MatchText.Normalise(city);

    private static Dictionary<string, string> Build(string[] rows, int codes)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var parts = row.Split(' ', codes + 1);
            var code = parts[0];
            for (var i = 0; i < codes; i++)
            {
                map.TryAdd(parts[i], code);
            }

            foreach (var name in parts[codes].Split('|'))
            {
                // Names win over a clashing code of another row ("wa": Washington; Western Australia by name only).
                map.TryAdd(MatchText.Normalise(name), code);
            }
        }

        return map;
    }
}
