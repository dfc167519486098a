namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// Formal first names and what people call themselves on their profiles. A matcher that compares first names
/// literally misses these, which is why the workspace side uses them.
/// </summary>
internal static class Nicknames
{
    private static readonly Dictionary<string, string[]> ByFormalName = new(StringComparer.Ordinal)
    {
        ["Robert"] = ["Bob", "Rob", "Bobby"], ["William"] = ["Bill", "Will", "Billy"], ["Katherine"] = ["Kate", "Kathy"],
        ["Catherine"] = ["Cathy", "Cat"], ["Alexander"] = ["Alex", "Xander"], ["Elizabeth"] = ["Liz", "Beth", "Lizzie"],
        ["Michael"] = ["Mike", "Mick"], ["James"] = ["Jim", "Jimmy", "Jamie"], ["Richard"] = ["Rick", "Rich", "Dick"],
        ["Thomas"] = ["Tom", "Tommy"], ["Christopher"] = ["Chris"], ["Daniel"] = ["Dan", "Danny"],
        ["Matthew"] = ["Matt"], ["Anthony"] = ["Tony"], ["Joseph"] = ["Joe", "Joey"], ["Jennifer"] = ["Jen", "Jenny"],
        ["Margaret"] = ["Maggie", "Peggy", "Meg"], ["Patricia"] = ["Pat", "Trish", "Patty"], ["Susan"] = ["Sue", "Suzy"],
        ["Deborah"] = ["Deb", "Debbie"], ["Rebecca"] = ["Becky", "Becca"], ["Samantha"] = ["Sam"], ["Samuel"] = ["Sam"],
        ["Benjamin"] = ["Ben"], ["Jonathan"] = ["Jon"], ["Nicholas"] = ["Nick"], ["Andrew"] = ["Andy", "Drew"],
        ["Edward"] = ["Ed", "Ted", "Eddie"], ["Charles"] = ["Charlie", "Chuck"], ["Steven"] = ["Steve"],
        ["Stephen"] = ["Steve"], ["Timothy"] = ["Tim"], ["Gregory"] = ["Greg"], ["Jeffrey"] = ["Jeff"],
        ["Kenneth"] = ["Ken", "Kenny"], ["Ronald"] = ["Ron"], ["Donald"] = ["Don"], ["Lawrence"] = ["Larry"],
        ["Victoria"] = ["Vicky", "Tori"], ["Alexandra"] = ["Alex", "Sasha", "Lexi"], ["Christine"] = ["Chris", "Chrissy"],
        ["Frederick"] = ["Fred", "Freddie"], ["Jacqueline"] = ["Jackie"], ["Kimberly"] = ["Kim"],
        ["Zachary"] = ["Zach"], ["Joshua"] = ["Josh"], ["Nathaniel"] = ["Nate", "Nat"], ["Abigail"] = ["Abby"],
        ["Johannes"] = ["Hannes", "Hans"], ["Wolfgang"] = ["Wolf"], ["Francisco"] = ["Paco"], ["José"] = ["Pepe"],
        ["Giuseppe"] = ["Beppe"], ["Alessandro"] = ["Sandro"], ["Dorothy"] = ["Dot", "Dottie"],
        ["Barbara"] = ["Barb"], ["David"] = ["Dave"], ["Peter"] = ["Pete"], ["Jessica"] = ["Jess"],
    };

    public static bool TryGet(string formalName, DemoRandom random, out string nickname)
    {
        if (ByFormalName.TryGetValue(formalName, out var options))
        {
            nickname = random.Pick(options);
            return true;
        }

        nickname = formalName;
        return false;
    }
}
