using System.Threading;
using DjangoSettings.Jwt;

namespace DjangoSettings.Runtime.Tests.Jwt.Doubles;

/// <summary>jti = UUID int 1, 2, 3 … as 32 hex digits (how the spec's reference tokens were minted).</summary>
public sealed class SequentialTokenIds(long start = 1) : ITokenIdGenerator
{
    private long _next = start - 1;

    public string NewId() => Interlocked.Increment(ref _next).ToString("x32");
}
