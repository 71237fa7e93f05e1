namespace Linli.Modules.Requests.Domain;

internal enum DeadlineKind { Sign = 1, Finish = 2, ReportIn = 3 }
