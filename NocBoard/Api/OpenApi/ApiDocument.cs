using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NocBoard.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: the /api/v1 endpoints only, with both ways to
/// authenticate (bearer token, or the browser's cookie plus antiforgery header) declared.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "NocBoard API",
                    Version = "v1",
                    Description = "Tickets, search and administration of NocBoard. Every ticket change goes through the same write path and rights as the web UI. " +
                                  "Authenticate with a personal access token (Authorization: Bearer nbt_...), made under Preferences → API tokens. " +
                                  "Errors are RFC 9457 problem details; 'field' names the input at fault.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "nbt_<random>",
                    Description = "A personal access token.",
                };
                document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "NocBoard.Auth",
                    Description = "The browser's sign-in cookie, for same-origin pages; writes also need the RequestVerificationToken header from GET /api/v1/antiforgery.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] });
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                // Replies and comments also take files as multipart parts named "attachment".
                if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var multipart) == true
                    && multipart is not null)
                {
                    var copy = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>() };
                    copy.Properties["content"] = new OpenApiSchema { Type = JsonSchemaType.String };
                    copy.Properties["contentType"] = new OpenApiSchema { Type = JsonSchemaType.String };
                    copy.Properties["subject"] = new OpenApiSchema { Type = JsonSchemaType.String };
                    copy.Properties["timeTaken"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
                    copy.Properties[Tickets.TicketMessageEndpoints.FilePart] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    };
                    copy.Required = new HashSet<string> { "content" };
                    multipart.Schema = copy;
                }
                return Task.CompletedTask;
            });
        });
}
