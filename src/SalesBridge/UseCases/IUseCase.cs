namespace SalesBridge.UseCases;

/// <summary>
/// Marks a class that carries out one user action (one file: request, validation and handler together). The web
/// pages and the REST API call the same use case, so both behave alike (SPEC S20).
/// </summary>
public interface IUseCase;
