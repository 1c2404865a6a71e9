using Microsoft.AspNetCore.Http.HttpResults;
using NocBoard.Admin;

namespace NocBoard.Api.Json;

/// <summary>Administration outcomes as API answers; the admin services decide rights.</summary>
public static class AdminResults
{
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>(AdminResult<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value!) : ApiProblems.From(result.Error!);

    public static Results<NoContent, ProblemHttpResult> Answer(AdminResult result) =>
        result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result.Error!);

    public static Results<Created<CreatedId>, ProblemHttpResult> Created(AdminResult<int> result, string location) =>
        result.Succeeded ? TypedResults.Created($"{location}/{result.Value}", new CreatedId(result.Value)) : ApiProblems.From(result.Error!);

    /// <summary>Reads a JSON body and runs the call, or answers with the body's problem.</summary>
    public static async Task<Results<TOk, ProblemHttpResult>> WithBody<TBody, TOk>(HttpContext http, Func<TBody, Task<Results<TOk, ProblemHttpResult>>> call)
        where TBody : class where TOk : IResult
    {
        var (body, problem) = await ApiJson.ReadAsync<TBody>(http.Request);
        if (problem is not null) return problem;
        return await call(body!);
    }
}

public sealed record CreatedId(int Id);

public sealed record DisabledInput(bool Disabled);
