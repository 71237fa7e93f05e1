namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>How an item may be handled (办理方式); an item allows several, a case is handled in one.</summary>
[Flags]
internal enum HandlingModes
{
    None = 0,
    /// <summary>窗口办: at the window.</summary>
    Window = 1,
    /// <summary>代办: by a proxy worker with the resident's mandate.</summary>
    Proxy = 2,
    /// <summary>上门办: at the resident's home.</summary>
    DoorToDoor = 4,
    /// <summary>预约办: by appointment.</summary>
    Appointment = 8,
    /// <summary>自助办: at a self-service terminal.</summary>
    SelfService = 16,
    /// <summary>网上办: online.</summary>
    Online = 32,
}
