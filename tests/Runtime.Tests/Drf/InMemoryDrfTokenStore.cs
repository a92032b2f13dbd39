using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Drf;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>DRF's authtoken_token rows of the DRF fixtures (Fixtures/drf/drf_seed.py): key → user id.</summary>
public sealed class InMemoryDrfTokenStore : IDrfTokenStore
{
    private readonly Dictionary<string, string> _tokens = new()
    {
        ["a11ce0000000000000000000000000000000a11c"] = "1",
        ["57aff000000000000000000000000000000057af"] = "2",
        ["1dead000000000000000000000000000000001de"] = "3",
    };

    public ValueTask<string?> FindUserIdAsync(string key, CancellationToken cancellationToken = default) =>
        new(_tokens.TryGetValue(key, out var id) ? id : null);
}
