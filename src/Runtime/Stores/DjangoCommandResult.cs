using DjangoSettings.Users;

namespace DjangoSettings.Stores;

/// <summary>What a management command did: its exit code and output as Django prints them.</summary>
/// <param name="ExitCode">0 on success, 1 for a <c>CommandError</c>.</param>
/// <param name="Output">The line Django prints (<c>Superuser created successfully.</c> or <c>CommandError: …</c>).</param>
/// <param name="User">The created user, on success.</param>
/// <param name="AlreadyTaken">Whether it failed because the login exists (so a caller can leave that user alone).</param>
public sealed record DjangoCommandResult(int ExitCode, string Output, DjangoUser? User = null, bool AlreadyTaken = false);
