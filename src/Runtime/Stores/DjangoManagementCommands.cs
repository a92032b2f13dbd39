using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Users;
using Microsoft.Extensions.Configuration;

namespace DjangoSettings.Stores;

/// <summary>
/// The Django management commands the stores need, for a host's command line:
/// <c>flushexpiredtokens</c> and <c>createsuperuser</c>.
/// </summary>
public sealed class DjangoManagementCommands
{
    /// <summary>The environment variable (configuration key) non-interactive <c>createsuperuser</c> reads the password from, as Django does.</summary>
    public const string SuperuserPasswordKey = "DJANGO_SUPERUSER_PASSWORD";

    private readonly IUserStore _users;
    private readonly ITokenBlacklistStore _blacklist;
    private readonly TimeProvider _time;
    private readonly IConfiguration? _configuration;

    /// <summary>Creates the commands over the registered stores.</summary>
    /// <param name="users">Where <c>createsuperuser</c> creates the user.</param>
    /// <param name="blacklist">What <c>flushexpiredtokens</c> flushes.</param>
    /// <param name="timeProvider">"Now" for the flush; the system clock when null.</param>
    /// <param name="configuration">Read for <c>DJANGO_SUPERUSER_PASSWORD</c> (and <c>DJANGO_SUPERUSER_USERNAME</c>/<c>_EMAIL</c>) by <see cref="TryRunAsync"/>.</param>
    public DjangoManagementCommands(IUserStore users, ITokenBlacklistStore blacklist, TimeProvider? timeProvider = null, IConfiguration? configuration = null)
    {
        _users = users ?? throw new ArgumentNullException(nameof(users));
        _blacklist = blacklist ?? throw new ArgumentNullException(nameof(blacklist));
        _time = timeProvider ?? TimeProvider.System;
        _configuration = configuration;
    }

    /// <summary><c>manage.py flushexpiredtokens</c>: deletes tokens with <c>expires_at &lt;= now</c>; returns how many outstanding tokens went.</summary>
    public Task<int> FlushExpiredTokensAsync(CancellationToken cancellationToken = default) =>
        _blacklist.FlushExpiredAsync(_time.GetUtcNow(), cancellationToken).AsTask();

    /// <summary><c>manage.py createsuperuser</c>: an active staff superuser with a Django password hash.</summary>
    /// <exception cref="DuplicateUsernameException">The username is taken.</exception>
    public Task<DjangoUser> CreateSuperuserAsync(string username, string password, string email = "", CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(password)) throw new ArgumentException("A superuser needs a password.", nameof(password));
        return _users.CreateUserAsync(username, password, isSuperuser: true, email, cancellationToken).AsTask();
    }

    /// <summary>
    /// Runs <paramref name="args"/> when they name one of the commands and returns the exit code, or
    /// returns null (nothing done) so the host starts normally. Understands
    /// <c>flushexpiredtokens</c> and <c>createsuperuser [--username U] [--email E] [--noinput]</c>,
    /// the password coming from <c>DJANGO_SUPERUSER_PASSWORD</c> as in Django's non-interactive mode.
    /// </summary>
    public async Task<int?> TryRunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Count == 0) return null;
        switch (args[0])
        {
            case "flushexpiredtokens":
                int flushed = await FlushExpiredTokensAsync(cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"Flushed {flushed} expired token(s).").ConfigureAwait(false);
                return 0;
            case "createsuperuser":
                string? username = Option(args, "--username") ?? _configuration?["DJANGO_SUPERUSER_USERNAME"];
                string email = Option(args, "--email") ?? _configuration?["DJANGO_SUPERUSER_EMAIL"] ?? "";
                string? password = _configuration?[SuperuserPasswordKey];
                if (string.IsNullOrEmpty(username))
                {
                    await output.WriteLineAsync("CommandError: You must use --username with --noinput.").ConfigureAwait(false);
                    return 1;
                }
                if (string.IsNullOrEmpty(password))
                {
                    await output.WriteLineAsync($"CommandError: set {SuperuserPasswordKey} to the new superuser's password.").ConfigureAwait(false);
                    return 1;
                }
                try
                {
                    await CreateSuperuserAsync(username, password, email, cancellationToken).ConfigureAwait(false);
                }
                catch (DuplicateUsernameException e)
                {
                    await output.WriteLineAsync("CommandError: Error: That username is already taken. " + e.Message).ConfigureAwait(false);
                    return 1;
                }
                await output.WriteLineAsync("Superuser created successfully.").ConfigureAwait(false);
                return 0;
            default:
                return null;
        }
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count) return args[i + 1];
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i].Substring(name.Length + 1);
        }
        return null;
    }
}
