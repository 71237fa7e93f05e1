namespace Linli.Modules.Workforce.Domain;

internal enum Gender { Male = 1, Female = 2 }
