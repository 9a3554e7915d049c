namespace Placement.Notifications.Mail.Templates;

/// <summary>
/// What an e-mail says: a heading and one item (a notification) or several (the daily digest); links are absolute. Without
/// <see cref="PreferencesLink"/> (a sign-in link, which no choice turns off) the footer offers no choice of messages.
/// </summary>
public sealed record MailModel(string Heading, IReadOnlyList<MailItem> Items, string? PreferencesLink);

/// <summary>One notification in an e-mail: its subject, when, its paragraphs, the page to open and the words of its button.</summary>
public sealed record MailItem(string Subject, string At, IReadOnlyList<string> Paragraphs, string Link, string LinkLabel = MailItem.OpenLabel)
{
    public const string OpenLabel = "Ouvrir dans Placement TIG";
}
