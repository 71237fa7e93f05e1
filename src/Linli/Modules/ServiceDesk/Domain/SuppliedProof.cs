namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>Proofs the platform can supply from its own pools (免提交), so that the resident is not asked for them.</summary>
internal enum SuppliedProof
{
    /// <summary>The resident brings it.</summary>
    None = 0,
    /// <summary>居住证明: from the resident pool (household and community).</summary>
    Residence = 1,
    /// <summary>户籍/身份信息: the ID card data checked against the pool.</summary>
    Identity = 2,
    /// <summary>低保证明: the resident's 低保 tag.</summary>
    Dibao = 3,
    /// <summary>特困证明: the resident's 特困 tag.</summary>
    Tekun = 4,
    /// <summary>残疾证明: the resident's 残疾 tag with its grade.</summary>
    Disability = 5,
    /// <summary>年龄证明: the birth year in the pool.</summary>
    Age = 6,
}
