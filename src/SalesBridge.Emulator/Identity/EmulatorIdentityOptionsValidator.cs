using Microsoft.Extensions.Options;

namespace SalesBridge.Emulator.Identity;

[OptionsValidator]
internal sealed partial class EmulatorIdentityOptionsValidator : IValidateOptions<EmulatorIdentityOptions>;
