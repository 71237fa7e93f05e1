namespace Linli.Platform.Ui;

/// <summary>Names of region codes for platform pages (the audit log); the Regions module provides it.</summary>
internal interface IRegionNames
{
    /// <summary>Names of many units in one query; unknown codes are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default);
}
