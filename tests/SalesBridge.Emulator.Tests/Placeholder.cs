namespace SalesBridge.Emulator.Tests;
