using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesBridge.Access;
using SalesBridge.CrmCopy;
using SalesBridge.WriteBack;

namespace SalesBridge.UseCases;

public static class WorkspaceRegistration
{
    /// <summary>Registers every use case of the workspace (scoped, like the DbContext they use).</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CallerLookup>();
        services.AddScoped<CopyToCrmDefaults>();
        services.AddScoped<WriteBackOutbox>();
        services.AddScoped<WriteBackHolds>();
        // Hosts with a worker replace this with one that wakes it.
        services.TryAddSingleton<IWriteBackSignal, NoWriteBackSignal>();
        var useCases = typeof(IUseCase).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(type));
        foreach (var useCase in useCases)
        {
            services.AddScoped(useCase);
        }

        return services;
    }
}
