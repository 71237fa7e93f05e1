namespace Linli.Modules.Requests.Domain;

/// <summary>One value of a (single|multi)valuelist attribute: the key a client sends and the name it shows.</summary>
internal sealed record ServiceAttributeValue(string Key, string Name);
