namespace Linli.Modules.Workforce.Domain;

/// <summary>Highest completed education; "college degree" (大专以上学历) means <see cref="College"/> or above.</summary>
internal enum EducationLevel { JuniorHighOrBelow = 1, HighSchool = 2, College = 3, Bachelor = 4, Postgraduate = 5 }
