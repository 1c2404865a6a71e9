using NocBoard.Accounts;

namespace NocBoard.Api.RtRest;

/// <summary>The authenticated caller of one request and the time zone their dates are read and written in.</summary>
public sealed record RtCaller(Actor Actor, TimeZoneInfo Zone);
