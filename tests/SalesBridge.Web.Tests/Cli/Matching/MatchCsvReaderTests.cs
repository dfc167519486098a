using System.Text;
using SalesBridge.Web.Cli.Matching;

namespace SalesBridge.Web.Tests.Cli.Matching;

public sealed class MatchCsvReaderTests
{
    [Fact]
    public void Read_ColumnsInAnyOrderAndCase_MapsThemAndLeavesMissingOnesEmpty()
    {
        var rows = Read("LastName,ID,Email\nLovelace,c1,ada@example.com\n  Turing , c2 ,\n", out var warnings);

        rows.Count.ShouldBe(2);
        var ada = MatchInputs.Person(rows[0].Values, rows[0].Line);
        ada.Id.ShouldBe("c1");
        ada.LastName.ShouldBe("Lovelace");
        ada.Email.ShouldBe("ada@example.com");
        ada.FirstName.ShouldBeNull();
        MatchInputs.Person(rows[1].Values, rows[1].Line).LastName.ShouldBe("Turing");
        MatchInputs.Person(rows[1].Values, rows[1].Line).Email.ShouldBeNull();
        warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Read_UnknownColumn_OnlyWarns()
    {
        var rows = Read("id,lastname,shoe_size\nc1,Lovelace,38\n", out var warnings);

        rows.Count.ShouldBe(1);
        warnings.ShouldHaveSingleItem().ShouldContain("ignoring unknown column 'shoe_size'");
    }

    [Fact]
    public void Read_NoIdColumn_KnowsEachRowByItsLine()
    {
        var rows = Read("firstname,lastname\nAda,Lovelace\nAlan,Turing\n", out _);

        rows.Select(row => MatchInputs.IdOf(row.Values, row.Line)).ShouldBe(["line-2", "line-3"]);
    }

    [Fact]
    public void Read_EmptyFile_IsRefused()
    {
        Should.Throw<MatchInputException>(() => Read("", out _)).Message.ShouldContain("is empty");
    }

    [Fact]
    public void Read_HeaderWithNoKnownColumn_IsRefused()
    {
        Should.Throw<MatchInputException>(() => Read("{\"json\": true}\n{\"a\": 1}\n", out _)).Message.ShouldContain("names none of the columns");
    }

    [Fact]
    public void Read_BinaryFile_IsRefused()
    {
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00 };

        Should.Throw<MatchInputException>(() => MatchCsvReader.Read(new MemoryStream(zip), "people.xlsx", MatchInputs.PeopleColumns, _ => { }).ToList())
            .Message.ShouldContain("not a text CSV");
    }

    [Fact]
    public void Read_OneGigabyteLine_IsRefusedWithoutReadingItAll()
    {
        var stream = new OneLongLineStream("id,lastname\nc1,", lineLength: 1L << 30);

        var refused = Should.Throw<MatchInputException>(() => MatchCsvReader.Read(stream, "huge.csv", MatchInputs.PeopleColumns, _ => { }).ToList());

        refused.Message.ShouldContain("line 2");
        stream.Position.ShouldBeLessThan(16L << 20);
    }

    private static List<(string?[] Values, int Line)> Read(string csv, out List<string> warnings)
    {
        var messages = new List<string>();
        warnings = messages;
        return MatchCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv", MatchInputs.PeopleColumns, messages.Add).ToList();
    }

    /// <summary>A header, then one line of <c>lineLength</c> letters, made as it is read (nothing near 1 GB is ever held).</summary>
    private sealed class OneLongLineStream(string prefix, long lineLength) : Stream
    {
        private readonly byte[] _prefix = Encoding.ASCII.GetBytes(prefix);
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _prefix.Length + lineLength;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written++] = _position < _prefix.Length ? _prefix[_position] : (byte)'x';
                _position++;
            }

            return written;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
