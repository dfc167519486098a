using System.Net;
using SalesBridge.Emulator.Control;

namespace SalesBridge.Emulator.Tests.Control;

/// <summary>
/// Only the machine itself may call the control endpoints. Over a real socket every test client is loopback,
/// so the refusal is checked on the rule the endpoint filter applies.
/// </summary>
public sealed class LoopbackOnlyTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.0.10", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("2001:db8::1", false)]
    public void Allows_RemoteAddress_OnlyLoopback(string address, bool expected) =>
        LoopbackOnly.Allows(IPAddress.Parse(address)).ShouldBe(expected);
}
