using Linli.Modules.Residents.Contracts;
using Linli.Platform.PersonalData;

namespace Linli.Modules.Residents.Domain;

/// <summary>The sex an ID number codes, as the resident pool records it.</summary>
internal static class IdNumberGender
{
    extension(IdNumberInfo id)
    {
        public Gender Gender => id.IsMale ? Gender.Male : Gender.Female;
    }
}
