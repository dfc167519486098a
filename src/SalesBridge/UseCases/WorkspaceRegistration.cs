using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesBridge.Access;

namespace SalesBridge.UseCases;

public static class WorkspaceRegistration
{
    /// <summary>Registers every use case of the workspace (scoped, like the DbContext they use).</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CallerLookup>();
        var useCases = typeof(IUseCase).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(type));
        foreach (var useCase in useCases)
        {
            services.AddScoped(useCase);
        }

        return services;
    }
}
