namespace DjangoSettings.Stores;

/// <summary>
/// The server part of <c>DATABASES['default']</c> (USER, PASSWORD, HOST, PORT) for engines that are
/// not SQLite; each null when the settings leave it out (Django's default: empty).
/// </summary>
/// <param name="User"><c>USER</c>.</param>
/// <param name="Password"><c>PASSWORD</c>.</param>
/// <param name="Host"><c>HOST</c>: a host name, an address, or a socket directory starting with <c>/</c>.</param>
/// <param name="Port"><c>PORT</c>, as text.</param>
public sealed record DatabaseConnectionSettings(string? User, string? Password, string? Host, string? Port);
