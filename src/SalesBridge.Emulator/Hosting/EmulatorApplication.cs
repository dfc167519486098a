using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Control;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Identity;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Hosting;

/// <summary>Builds the emulator's web application: an org filled with a demo world, its token service and its Web API.</summary>
public static class EmulatorApplication
{
    public static WebApplication Build(EmulatorOptions options, string[]? args = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Services.AddEmulator(options, time);
        var app = builder.Build();
        app.MapEmulator();
        return app;
    }

    public static IServiceCollection AddEmulator(this IServiceCollection services, EmulatorOptions options, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var world = DemoWorldGenerator.Generate(DemoWorldSpecs.From(options));
        var (org, credentials) = DemoOrgFactory.Create(world, options, clock);
        foreach (var certificate in options.IntegrationClientCertificates)
        {
            credentials.AddClientCertificate(world.Spec.IntegrationClientId, certificate);
        }
        services.AddSingleton(clock);
        services.AddSingleton(options);
        services.AddSingleton(world);
        var orgs = new OrgDirectory(org, credentials);
        foreach (var additional in options.AdditionalOrgs)
        {
            var (other, otherCredentials) = DemoOrgFactory.Create(DemoWorldGenerator.Generate(DemoWorldSpecs.From(additional)), additional, org.Settings.TenantId, clock);
            orgs.Add(other, otherCredentials);
        }
        services.AddSingleton(orgs);
        services.AddSingleton<TrafficDirectory>();
        services.AddSingleton<ISignInDirectory, OrgSignInDirectory>();
        services.AddEmulatorIdentity(identity => identity.TenantId = org.Settings.TenantId.ToString());
        return services;
    }

    public static WebApplication MapEmulator(this WebApplication app)
    {
        app.MapEmulatorIdentity();
        app.MapDataverseWebApi();
        app.MapEmulatorControl();
        app.MapGet("/", (HttpContext http, OrgDirectory orgs, DemoWorld.GeneratedWorld world) =>
            Results.Text(DemoSignIns.Describe($"{http.Request.Scheme}://{http.Request.Host}", orgs.Default, world), "text/plain"));
        return app;
    }
}
