namespace Linli.Platform.Localization;

/// <summary>
/// Marker for the shared UI strings. Keys are the Chinese texts (zh-CN is the product's first language);
/// SharedResource.en.resx gives the English.
/// </summary>
internal sealed class SharedResource;
