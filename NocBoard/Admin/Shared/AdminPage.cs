using Microsoft.AspNetCore.Components;
using MudBlazor;
using NocBoard.Accounts;

namespace NocBoard.Admin.Shared;

/// <summary>
/// What every admin page shares: the signed-in actor, the refusal that keeps the page from showing
/// ("You may not ..."), and the last error, shown beside its field or in a snackbar.
/// </summary>
public abstract class AdminPage : ComponentBase
{
    [Inject] protected CurrentActor Current { get; set; } = null!;
    [Inject] protected ISnackbar Snackbar { get; set; } = null!;
    [Inject] protected NavigationManager Nav { get; set; } = null!;

    protected Actor? Actor { get; private set; }

    /// <summary>Why the page shows nothing (the service refused to read), or null.</summary>
    protected string? Refusal { get; set; }

    /// <summary>The last refused change, shown next to its field.</summary>
    protected AdminError? Error { get; set; }

    protected bool Loaded { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        Actor ??= await Current.GetAsync();
        if (Actor is null)
        {
            Refusal = "You are not signed in.";
            return;
        }
        await LoadAsync();
        Loaded = true;
    }

    protected abstract Task LoadAsync();

    /// <summary>The value of a read, or null after recording why it was refused.</summary>
    protected T? Read<T>(AdminResult<T> result) where T : class
    {
        if (result.Succeeded) return result.Value;
        Refusal = result.Error!.Message;
        return null;
    }

    protected string? ErrorFor(string field) => Error?.Field == field ? Error.Message : null;

    protected bool HasError(string field) => Error?.Field == field;

    /// <summary>Shows the outcome of a change; returns whether it succeeded.</summary>
    protected bool Done(AdminResult result, string success) => Done(result.Error, success);

    protected bool Done<T>(AdminResult<T> result, string success) => Done(result.Error, success);

    private bool Done(AdminError? error, string success)
    {
        Error = error;
        if (error is null)
        {
            Snackbar.Add(success, Severity.Success);
            return true;
        }
        Snackbar.Add(error.Message, Severity.Error);
        return false;
    }
}
