using Hangfire;

namespace NocBoard.Operations.Jobs;

/// <summary>
/// Activates jobs from this host's services. Hangfire's default activator is process-wide
/// (JobActivator.Current, replaced by every host that starts), which in a process with several
/// hosts would run one host's job with another's services.
/// </summary>
public sealed class HostJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

    public override object ActivateJob(Type jobType) =>
        throw new InvalidOperationException("Jobs are activated inside a scope.");

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) =>
            scope.ServiceProvider.GetService(type) ?? ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}
