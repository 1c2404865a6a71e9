using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;
using NocBoard.Data;

namespace NocBoard.Admin.CustomFields;

public sealed class CustomFieldForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public CustomFieldType Type { get; set; }

    /// <summary>The values of a select field, in display order.</summary>
    public List<string> Values { get; set; } = [];

    public bool AppliesGlobally { get; set; } = true;
    public IReadOnlyCollection<int> QueueIds { get; set; } = [];
}

public sealed record CustomFieldSummary(int Id, string Name, string? Description, CustomFieldType Type, string AppliesTo, bool Disabled);

public sealed record CustomFieldDetails(int Id, CustomFieldForm Form, bool Disabled);

/// <summary>
/// Defining custom fields, with AdminCustomField. Fields are disabled, never deleted, and a change
/// that would strand values tickets already have (another type, a select value taken away) is refused.
/// </summary>
public sealed class CustomFieldAdmin(NocDbContext db, AdminRights rights, AdminWriter writer)
{
    public Task<AdminResult<IReadOnlyList<CustomFieldSummary>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        writer.ReadAsync<IReadOnlyList<CustomFieldSummary>>(async () =>
        {
            await rights.RequireAsync(actor, Right.AdminCustomField, "administer custom fields", ct);
            var fields = await db.CustomFields.AsNoTracking().Include(f => f.Queues).OrderBy(f => f.Name).ToListAsync(ct);
            var queues = await db.Queues.AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Name, ct);
            return fields.Select(f => new CustomFieldSummary(f.Id, f.Name, f.Description, f.Type,
                f.AppliesGlobally ? "every queue" : f.Queues.Count == 0 ? "no queue" : string.Join(", ", f.Queues.Select(q => queues[q.QueueId]).Order()),
                f.Disabled)).ToList();
        });

    public Task<AdminResult<CustomFieldDetails>> GetAsync(Actor actor, int fieldId, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await rights.RequireAsync(actor, Right.AdminCustomField, "administer custom fields", ct);
            var f = await db.CustomFields.AsNoTracking().Include(x => x.Queues).SingleOrDefaultAsync(x => x.Id == fieldId, ct)
                    ?? throw Refuse.NotFound($"There is no custom field #{fieldId}.");
            return new CustomFieldDetails(f.Id, new CustomFieldForm
            {
                Name = f.Name, Description = f.Description, Type = f.Type, Values = [.. f.Values],
                AppliesGlobally = f.AppliesGlobally, QueueIds = f.Queues.Select(q => q.QueueId).ToList(),
            }, f.Disabled);
        });

    public Task<AdminResult<int>> CreateAsync(Actor actor, CustomFieldForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminCustomField, "create custom fields", ct);
            var field = new CustomField { Name = "" };
            await ApplyAsync(field, form, ct);
            db.CustomFields.Add(field);
            await db.SaveChangesAsync(ct);
            return field.Id;
        }, ct);

    public Task<AdminResult> UpdateAsync(Actor actor, int fieldId, CustomFieldForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminCustomField, "change custom fields", ct);
            await ApplyAsync(await FindAsync(fieldId, ct), form, ct);
        }, ct);

    public Task<AdminResult> SetDisabledAsync(Actor actor, int fieldId, bool disabled, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await rights.RequireAsync(actor, Right.AdminCustomField, disabled ? "disable custom fields" : "enable custom fields", ct);
            (await FindAsync(fieldId, ct)).Disabled = disabled;
        }, ct);

    private async Task<CustomField> FindAsync(int fieldId, CancellationToken ct) =>
        await db.CustomFields.Include(f => f.Queues).SingleOrDefaultAsync(f => f.Id == fieldId, ct)
        ?? throw Refuse.NotFound($"There is no custom field #{fieldId}.");

    private async Task ApplyAsync(CustomField field, CustomFieldForm form, CancellationToken ct)
    {
        var name = AdminInput.Name(form.Name, "A custom field");
        if (await db.CustomFields.AnyAsync(f => f.Id != field.Id && f.Name.ToLower() == name.ToLower(), ct))
            throw Refuse.Invalid($"There is already a custom field named '{name}'.", "Name");
        if (!Enum.IsDefined(form.Type))
            throw Refuse.Invalid($"There is no custom field type '{form.Type}'.", "Type");
        var values = ValuesOf(form);
        var queueIds = form.AppliesGlobally ? [] : form.QueueIds.Distinct().ToList();
        var known = await db.Queues.Where(q => queueIds.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        foreach (var unknown in queueIds.Except(known))
            throw Refuse.NotFound($"There is no queue #{unknown}.");

        if (field.Id != 0)
            await RequireKeepsTicketValuesAsync(field, form.Type, values, ct);

        field.Name = name;
        field.Description = AdminInput.Optional(form.Description);
        field.Type = form.Type;
        field.Values = values;
        field.AppliesGlobally = form.AppliesGlobally;
        field.Queues.RemoveAll(q => !queueIds.Contains(q.QueueId));
        field.Queues.AddRange(queueIds.Where(id => field.Queues.All(q => q.QueueId != id)).Select(id => new QueueCustomField { QueueId = id }));
    }

    private static List<string> ValuesOf(CustomFieldForm form)
    {
        var values = form.Values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        var isSelect = form.Type is CustomFieldType.SelectOne or CustomFieldType.SelectMany;
        if (!isSelect)
        {
            if (values.Count > 0) throw Refuse.Invalid($"Only select fields have a list of values; a {form.Type} field takes any value.", "Values");
            return values;
        }
        if (values.Count == 0) throw Refuse.Invalid("A select field needs at least one value to choose from.", "Values");
        var duplicate = values.Where((v, i) => values.Take(i).Contains(v, StringComparer.OrdinalIgnoreCase)).FirstOrDefault();
        if (duplicate is not null) throw Refuse.Invalid($"Value '{duplicate}' is listed twice.", "Values");
        return values;
    }

    private async Task RequireKeepsTicketValuesAsync(CustomField field, CustomFieldType type, List<string> values, CancellationToken ct)
    {
        var inUse = await db.CustomFieldValues.AsNoTracking().Where(v => v.CustomFieldId == field.Id)
            .GroupBy(v => v.Value).Select(g => new { Value = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (inUse.Count == 0) return;
        if (type != field.Type)
            throw Refuse.Invalid($"Tickets have values for '{field.Name}', so it stays a {field.Type} field.", "Type");
        if (type is CustomFieldType.SelectOne or CustomFieldType.SelectMany)
        {
            var lost = inUse.Where(u => !values.Contains(u.Value, StringComparer.OrdinalIgnoreCase)).OrderBy(u => u.Value).ToList();
            if (lost.Count > 0)
                throw Refuse.Invalid($"Tickets still have {string.Join(", ", lost.Select(l => $"'{l.Value}' ({l.Count})"))}; those values must stay.", "Values");
        }
    }
}
