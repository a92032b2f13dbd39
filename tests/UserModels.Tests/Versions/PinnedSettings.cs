using DjangoSettings;

namespace DjangoSettings.UserModels.Tests.Versions;

/// <summary>requirements.txt: <c>djangorestframework-simplejwt==5.2.2</c>.</summary>
[DjangoSettingsFile("Versions/Projects/v522/config/settings.py")]
internal sealed partial class Pinned522Settings;

/// <summary>requirements.txt: <c>djangorestframework-simplejwt&gt;=5.3,&lt;5.5</c> (a range: 5.4.0, the newest it allows).</summary>
[DjangoSettingsFile("Versions/Projects/v540/config/settings.py")]
internal sealed partial class Pinned540Settings;

/// <summary>requirements.txt: <c>djangorestframework-simplejwt==5.5.0</c>.</summary>
[DjangoSettingsFile("Versions/Projects/v550/config/settings.py")]
internal sealed partial class Pinned550Settings;

/// <summary>requirements.txt: <c>djangorestframework-simplejwt[crypto]~=5.5.1</c>.</summary>
[DjangoSettingsFile("Versions/Projects/v551/config/settings.py")]
internal sealed partial class Pinned551Settings;
