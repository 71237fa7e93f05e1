namespace Linli.Modules.Requests.Domain;

internal enum SupervisionReason { Overdue = 1, Dissatisfied = 2 }
