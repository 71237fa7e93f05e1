using Linli.Modules.Residents.Contracts;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>免提交 at 收件 without a database: the one rule the window and the online application share (<see cref="MaterialRules.AtReceipt"/>).</summary>
public sealed class MaterialsAtReceiptTests
{
    private static ResidentCard Card(params PopulationTagKind[] tags) =>
        new(1, 1, "210102001002", null, "测试居民", "2101**************", Gender.Male, 1970, tags);

    [Theory]
    [InlineData((int)SuppliedProof.Identity)]
    [InlineData((int)SuppliedProof.Residence)]
    [InlineData((int)SuppliedProof.Age)]
    public void A_proof_from_the_pool_is_supplied_for_a_resident_of_the_pool_even_when_a_file_was_handed_in(int proofCode)
    {
        var proof = (SuppliedProof)proofCode;
        Assert.Equal(MaterialStatus.Supplied, MaterialRules.AtReceipt(proof, mandatory: true, handedIn: false, Card()));
        Assert.Equal(MaterialStatus.Supplied, MaterialRules.AtReceipt(proof, mandatory: true, handedIn: true, Card()));
    }

    [Fact]
    public void A_tag_proof_is_supplied_only_for_a_resident_with_the_tag_and_otherwise_asked_for_like_any_material()
    {
        Assert.Equal(MaterialStatus.Supplied, MaterialRules.AtReceipt(SuppliedProof.Dibao, true, false, Card(PopulationTagKind.Dibao)));
        Assert.Equal(MaterialStatus.Missing, MaterialRules.AtReceipt(SuppliedProof.Dibao, true, false, Card(PopulationTagKind.Tekun)));
        Assert.Equal(MaterialStatus.Received, MaterialRules.AtReceipt(SuppliedProof.Dibao, true, true, Card()));
        Assert.Equal(MaterialStatus.NotNeeded, MaterialRules.AtReceipt(SuppliedProof.Disability, false, false, Card()));
        Assert.Equal(MaterialStatus.Supplied, MaterialRules.AtReceipt(SuppliedProof.Disability, false, false, Card(PopulationTagKind.Disabled)));
    }

    [Fact]
    public void A_person_not_in_the_pool_brings_every_material_including_the_free_ones()
    {
        Assert.Equal(MaterialStatus.Missing, MaterialRules.AtReceipt(SuppliedProof.Identity, true, false, null));
        Assert.Equal(MaterialStatus.Received, MaterialRules.AtReceipt(SuppliedProof.Identity, true, true, null));
        Assert.Equal(MaterialStatus.NotNeeded, MaterialRules.AtReceipt(SuppliedProof.Disability, false, false, null));
        Assert.Equal(MaterialStatus.Missing, MaterialRules.AtReceipt(SuppliedProof.None, true, false, Card()));
    }
}
