namespace DjangoSettings.UserModels.Tests.Models;

/// <summary>Project A's settings; the generator reads users.Member from apps/accounts/models/member.py.</summary>
[DjangoSettingsFile("../DjangoProjects/email_uuid/project/settings.py")]
internal sealed partial class EmailUuidSettings;

/// <summary>Project B's settings; the generator reads core.User from core/models.py.</summary>
[DjangoSettingsFile("../DjangoProjects/bigauto_table/project/settings.py")]
internal sealed partial class BigAutoTableSettings;

/// <summary>Project C's settings; the generator reads people.Person from people/models.py.</summary>
[DjangoSettingsFile("../DjangoProjects/char_pk/project/settings.py")]
internal sealed partial class CharPkSettings;

/// <summary>The sample's settings (samples/DjangoStyle/cors.settings); the generator translates seed/serializers.py's get_token.</summary>
[DjangoSettingsFile("../../samples/DjangoStyle/cors.settings")]
internal sealed partial class SeedSettings;
