namespace Linli.Modules.ServiceDesk.Domain;

internal enum ItemVersionState
{
    /// <summary>草稿: being edited, not offered.</summary>
    Draft = 1,
    /// <summary>已发布: frozen, offered while it is the item's published version.</summary>
    Published = 2,
    /// <summary>已停用: replaced by a later version or the item retired; its cases keep it.</summary>
    Superseded = 3,
}
