using Microsoft.AspNetCore.Components;

namespace NocBoard.Components.Shared;

/// <summary>
/// A part of a page that another feature contributes: the service level on a queue's admin page,
/// the digest switch on the preferences page. The page shows its sections through
/// <see cref="PageSections"/> without knowing the features behind them.
/// </summary>
public sealed record PageSection(string Page, Type Component, int Order);

public static class PageSectionRegistration
{
    /// <summary>Adds <typeparamref name="TComponent"/> to <paramref name="page"/>; lower orders come first.</summary>
    public static IServiceCollection AddPageSection<TComponent>(this IServiceCollection services, string page, int order)
        where TComponent : IComponent =>
        services.AddSingleton(new PageSection(page, typeof(TComponent), order));
}

/// <summary>The pages that take sections, and the parameters each gives its sections.</summary>
public static class SectionPages
{
    /// <summary>A queue's admin page; sections get <c>Actor</c> and <c>QueueId</c>.</summary>
    public const string QueueAdmin = "queue-admin";

    /// <summary>A user's own preferences; sections get <c>Actor</c>.</summary>
    public const string Preferences = "preferences";
}
