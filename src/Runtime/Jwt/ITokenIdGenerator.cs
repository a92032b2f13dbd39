using System;

namespace DjangoSettings.Jwt;

/// <summary>Makes <c>jti</c> values. Replace it in DI (or pass one to the service) to fix ids in tests.</summary>
public interface ITokenIdGenerator
{
    /// <summary>A new token id.</summary>
    string NewId();
}

/// <summary>simplejwt's <c>uuid4().hex</c>: 32 lower-case hex digits, version nibble 4 at index 12.</summary>
public sealed class RandomTokenIdGenerator : ITokenIdGenerator
{
    /// <inheritdoc />
    public string NewId() => Guid.NewGuid().ToString("N");
}
