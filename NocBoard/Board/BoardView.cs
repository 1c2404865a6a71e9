namespace NocBoard.Board;

/// <summary>A board as one viewer sees it: its columns and cards, and the names cards refer to.</summary>
public sealed class BoardView
{
    public required BoardDefinition Definition { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    public required List<BoardCard> Cards { get; init; }
    public required Dictionary<int, string> Queues { get; init; }
    public required Dictionary<int, string> Owners { get; init; }

    public IEnumerable<BoardCard> InColumn(string status) =>
        Cards.Where(c => c.Status == status).OrderByDescending(c => c.Priority).ThenBy(c => c.Created);

    /// <summary>The cards of one column in one lane ("" when there are no lanes), in the order they are shown.</summary>
    public List<BoardCard> InColumn(string status, string lane) =>
        InColumn(status).Where(c => Definition.Swimlanes == Swimlanes.None || LaneOf(c) == lane).ToList();

    /// <summary>Cards in a column across every lane; the WIP limit applies to this.</summary>
    public int CountIn(string status) => Cards.Count(c => c.Status == status);

    public int? WipLimitOf(string status) => Definition.WipLimits.TryGetValue(status, out var limit) ? limit : null;

    public bool OverLimit(string status) => WipLimitOf(status) is { } limit && CountIn(status) > limit;

    public string LaneOf(BoardCard card) => Definition.Swimlanes switch
    {
        Swimlanes.Queue => Queues.GetValueOrDefault(card.QueueId, "?"),
        Swimlanes.Owner => card.OwnerId is { } o ? Owners.GetValueOrDefault(o, $"user #{o}") : "Nobody",
        Swimlanes.PriorityBand => card.Priority >= 70 ? "High" : card.Priority >= 30 ? "Medium" : "Low",
        _ => "",
    };

    /// <summary>The owner a lane stands for, when lanes are owners: Nobody is null; a lane of no known owner is absent.</summary>
    public Optional<int?> OwnerOfLane(string lane)
    {
        if (Definition.Swimlanes != Swimlanes.Owner) return Optional<int?>.None;
        if (lane == "Nobody") return Optional<int?>.Of(null);
        var owner = Owners.FirstOrDefault(o => o.Value == lane);
        return owner.Value is null ? Optional<int?>.None : Optional<int?>.Of(owner.Key);
    }

    public IReadOnlyList<string> Lanes => Definition.Swimlanes == Swimlanes.None
        ? [""]
        : Cards.Select(LaneOf).Distinct().Order().ToList();

    /// <summary>Initials for an owner badge: "Alice Smith" → "AS", "bob" → "B".</summary>
    public string InitialsOf(int? ownerId)
    {
        if (ownerId is not { } id) return "";
        var name = Owners.GetValueOrDefault(id, "?");
        var parts = name.Split([' ', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Take(2).Select(p => char.ToUpperInvariant(p[0])));
    }
}
