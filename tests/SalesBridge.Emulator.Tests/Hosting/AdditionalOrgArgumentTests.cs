using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Emulator.Tests.Hosting;

public sealed class AdditionalOrgArgumentTests
{
    [Fact]
    public void Parse_NameSeedAndSize_ReadsAll()
    {
        AdditionalOrgArgument.Parse("contoso:42:demo").ShouldBe(new AdditionalOrg("contoso", 42, "demo"));
    }

    [Fact]
    public void Parse_NameOnly_GivesTheSameSeedEveryTime()
    {
        var first = AdditionalOrgArgument.Parse("fabrikam");

        first.Size.ShouldBe("tiny");
        AdditionalOrgArgument.Parse("fabrikam").Seed.ShouldBe(first.Seed);
        AdditionalOrgArgument.Parse("northwind").Seed.ShouldNotBe(first.Seed);
    }

    [Theory]
    [InlineData("Contoso")]
    [InlineData("con-toso")]
    [InlineData("contoso:x")]
    public void Parse_BadInput_SaysWhatIsWrong(string text)
    {
        Should.Throw<ArgumentException>(() => AdditionalOrgArgument.Parse(text)).Message.ShouldContain(text.Split(':')[^1]);
    }
}
