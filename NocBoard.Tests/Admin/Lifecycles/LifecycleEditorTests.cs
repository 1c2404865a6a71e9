using NocBoard.Accounts.Rights;
using NocBoard.Admin.Lifecycles;
using NocBoard.Queues;

namespace NocBoard.Tests.Admin.Lifecycles;

public class LifecycleEditorTests
{
    [Fact]
    public void Renaming_A_Status_In_The_Editor_Keeps_Its_Moves_And_Defaults()
    {
        var editor = LifecycleEditor.From(LifecycleAdminTests.Small("change"));

        editor.Statuses.Single(s => s.Name == "done").Name = "closed";
        var form = editor.ToForm();

        Assert.Contains(form.Transitions, t => t is { From: "open", To: "closed", Right: Right.ForceResolve });
        Assert.Equal("closed", form.OnMerge);
    }

    [Fact]
    public void Removing_A_Status_Drops_Its_Moves_And_The_Defaults_Naming_It()
    {
        var editor = LifecycleEditor.From(LifecycleAdminTests.Small("change"));

        editor.Remove(editor.Statuses.Single(s => s.Name == "open"));
        var form = editor.ToForm();

        Assert.Empty(form.Transitions);
        Assert.Null(form.OnStaffCorrespond);
        Assert.Equal(["new", "done"], form.Statuses.Select(s => s.Name));
    }

    [Fact]
    public void Allow_Every_Move_Is_RTs_Default_And_Keeps_Moves_Already_Chosen()
    {
        var editor = LifecycleEditor.From(LifecycleForm.From(Lifecycle.CreateDefault()));
        editor.Moves.Clear();
        var (newStatus, open) = (editor.Statuses[0], editor.Statuses[1]);
        editor.Set(newStatus, open, Right.OwnTicket);

        editor.AllowEveryMove();

        Assert.Equal(30, editor.Moves.Count);
        Assert.Equal(Right.OwnTicket, editor.RightFor(newStatus, open));
        Assert.Equal(Right.DeleteTicket, editor.RightFor(open, editor.Statuses.Single(s => s.Name == "deleted")));
        editor.Set(newStatus, open, "");
        Assert.Null(editor.RightFor(newStatus, open));
    }
}
