using System.Threading;
using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>DRF's <c>authtoken_token</c> table: which user a token key belongs to.</summary>
public interface IDrfTokenStore
{
    /// <summary>The <c>user_id</c> of the token with <paramref name="key"/> (exact match), as text, or null.</summary>
    ValueTask<string?> FindUserIdAsync(string key, CancellationToken cancellationToken = default);
}
