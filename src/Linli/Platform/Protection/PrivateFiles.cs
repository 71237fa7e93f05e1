namespace Linli.Platform.Protection;

/// <summary>
/// Files that hold secrets or personal data (the SQLite database, the development key) are readable by the service's own
/// user only: folders 0700, files 0600. Existing files that others may read are tightened. Windows has no such modes and
/// relies on the folder's ACL.
/// </summary>
internal static class PrivateFiles
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OthersMayAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                                 | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder (and missing parents) 0700; an existing folder keeps the mode its owner gave it.</summary>
    public static void EnsureFolder(string path)
    {
        if (Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, OwnerOnlyFolder);
    }

    /// <summary>Creates an empty file 0600 if there is none, else takes group and world access away from it.</summary>
    public static void EnsureFile(string path)
    {
        EnsureFolder(Path.GetDirectoryName(path)!);
        try
        {
            using var created = new FileStream(path, Options(FileMode.CreateNew));
        }
        catch (IOException) when (File.Exists(path))
        {
            Tighten(path);
        }
    }

    /// <summary>Writes a new file 0600 (it must not exist).</summary>
    public static void WriteNew(string path, string content)
    {
        EnsureFolder(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, Options(FileMode.CreateNew));
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }

    /// <summary>Replaces a file's content through a 0600 temporary file and an atomic rename.</summary>
    public static void Replace(string path, string content)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        WriteNew(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Takes group and world access away from an existing file.</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & OthersMayAccess) != 0) File.SetUnixFileMode(path, mode & ~OthersMayAccess);
    }

    private static FileStreamOptions Options(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }
}
