namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// Formal first names and the short forms people go by (Bob/Robert, Bill/William, Kate/Katherine, Hans/Johannes).
/// A name may belong to several formal names (Alex: Alexander and Alexandra); two first names are equivalent when
/// they share one. Keys are <see cref="MatchText.Normalise"/>d.
/// </summary>
public static class NicknameTable
{
    private static readonly string[] Rows =
    [
        "robert: bob bobby rob robbie robby bert", "william: bill billy will willy willie liam", "katherine: kate kathy katie kat kath kay kitty",
        "catherine: cathy cate cat kate katie", "kathleen: kathy kate katie", "alexander: alex xander sandy lex al sasha",
        "alexandra: alex sandra sasha lexi sandy", "elizabeth: liz beth lizzie betty eliza libby lisa betsy elise", "michael: mike mick mickey micky",
        "james: jim jimmy jamie", "richard: rick rich dick ricky richie", "thomas: tom tommy thom", "christopher: chris kit topher",
        "christine: chris chrissy tina", "christina: chris tina chrissy", "daniel: dan danny", "danielle: dani", "matthew: matt matty",
        "anthony: tony ant", "antonio: toni tonio", "joseph: joe joey jo", "josephine: jo josie", "jennifer: jen jenny jenn",
        "margaret: maggie peggy meg marge margie greta", "patricia: pat trish patty tricia", "patrick: pat paddy rick", "susan: sue suzy susie",
        "suzanne: sue suzy", "deborah: deb debbie debra", "rebecca: becky becca", "samantha: sam sammy", "samuel: sam sammy",
        "benjamin: ben benny benji", "jonathan: jon jonny john", "john: johnny jack jon", "nicholas: nick nicky nico", "andrew: andy drew",
        "edward: ed ted eddie ned", "charles: charlie chuck chas", "steven: steve stevie", "stephen: steve stevie", "timothy: tim timmy",
        "gregory: greg", "jeffrey: jeff", "geoffrey: geoff jeff", "kenneth: ken kenny", "ronald: ron ronnie", "donald: don donnie",
        "lawrence: larry laurie", "victoria: vicky vicki tori", "frederick: fred freddie freddy fritz", "jacqueline: jackie jacqui",
        "kimberly: kim", "zachary: zach zack", "joshua: josh", "nathaniel: nate nat nathan", "nathan: nate", "abigail: abby abbie gail",
        "johannes: hannes hans jo", "johann: hans", "wolfgang: wolf", "francisco: paco pancho", "jose: pepe", "giuseppe: beppe peppe pino",
        "alessandro: sandro", "dorothy: dot dottie dolly", "barbara: barb barbie babs", "david: dave davey", "peter: pete",
        "jessica: jess jessie", "gerald: gerry jerry", "jeremy: jerry", "raymond: ray", "leonard: len lenny leo", "harold: harry hal",
        "henry: harry hank hal", "walter: walt wally", "eugene: gene", "albert: al bert bertie", "alfred: alf fred alfie",
        "arthur: art artie", "douglas: doug", "phillip: phil", "philip: phil pip", "vincent: vince vinnie", "louis: lou",
        "gabriel: gabe", "gabrielle: gabby gaby", "frances: fran frannie", "francis: frank fran", "franklin: frank", "franz: franzl",
        "theodore: ted teddy theo", "theresa: tess terry tessa", "teresa: tess terry", "valentina: vale", "virginia: ginny ginger",
        "cynthia: cindy", "pamela: pam", "sandra: sandy", "melissa: mel missy", "melanie: mel", "amanda: mandy", "miranda: randy mandy",
        "natalie: nat", "natalia: natasha tasha", "nancy: nan", "eleanor: ellie nora", "helen: nell", "ellen: ellie nell",
        "angela: angie", "caroline: carrie carol", "carolyn: carrie", "christian: chris", "kristopher: kris", "kristina: kris tina",
        "allison: ally allie", "alison: ally allie", "isabella: bella izzy", "isabel: bella izzy", "gwendolyn: gwen", "judith: judy jude",
        "lucinda: lucy cindy", "rosemary: rose rosie", "mathilde: tilly", "matilda: tilly", "veronica: ronnie", "ernest: ernie",
        "stanley: stan", "sebastian: seb basti", "maximilian: max maxi", "maxwell: max", "oliver: ollie", "nicolas: nico",
        "dominic: dom", "leopold: leo", "benedikt: ben", "konstantin: kosta", "ekaterina: katya", "vladimir: vova", "aleksandr: sasha",
        "dmitry: dima", "ivan: vanya", "mikhail: misha", "yevgeny: zhenya", "manuel: manolo", "guillermo: memo", "enrique: quique",
        "ignacio: nacho", "dolores: lola", "concepcion: concha", "mercedes: merche", "francesca: franca", "federico: fede",
        "roberto: beto", "alberto: beto", "hendrik: henk", "willem: wim", "cornelis: kees", "jacobus: koos", "jacob: jake jack jakob",
        "jakob: jake", "hubert: hugo", "ulrich: uli", "friedrich: fritz", "wilhelm: willi", "elisabeth: lisa liese elise",
        "katharina: kathi katja", "susanne: susi", "gerhard: gerd", "bernhard: bernd", "reinhard: reini", "jean-baptiste: jb",
        "marie: mimi", "charlotte: lottie charlie", "penelope: penny", "priscilla: cilla", "timotheus: timo", "dennis: denny",
    ];

    private static readonly Dictionary<string, string[]> Formal = Build();

    /// <summary>The formal names a first name may stand for, itself included; the name alone when it is in no group.</summary>
    public static string[] FormalNames(string normalisedFirstName) =>
        normalisedFirstName.Length == 0 ? []
        : Formal.TryGetValue(normalisedFirstName, out var formal) ? formal
        : [normalisedFirstName];

    public static bool AreEquivalent(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (!Formal.TryGetValue(a, out var formalA) || !Formal.TryGetValue(b, out var formalB))
        {
            return false;
        }

        foreach (var x in formalA)
        {
            if (Array.IndexOf(formalB, x) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string[]> Build()
    {
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            var colon = row.IndexOf(':', StringComparison.Ordinal);
            var formal = MatchText.Compact(MatchText.Normalise(row[..colon]));
            Add(groups, formal, formal);
            foreach (var nickname in row[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(groups, nickname, formal);
            }
        }

        return groups.ToDictionary(pair => pair.Key, pair => pair.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, HashSet<string>> groups, string name, string formal)
    {
        if (!groups.TryGetValue(name, out var set))
        {
            groups[name] = set = [];
        }

        set.Add(formal);
    }
}
