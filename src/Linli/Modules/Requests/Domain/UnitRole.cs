namespace Linli.Modules.Requests.Domain;

internal enum UnitRole { Lead = 1, CoHandler = 2, Summoned = 3 }
