using System.Text.Json;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Tests;

/// <summary>The typed vocabulary: enums written as the strings they always were, a French label for each value, French plurals.</summary>
public class VocabularyTests
{
    [Fact]
    public void ThePostStatusesConverter_WritesAndReadsEnumNames()
    {
        var options = new JsonSerializerOptions { Converters = { new KebabCaseEnumConverter<PostStatus>() } };
        foreach (var status in Enum.GetValues<PostStatus>())
        {
            var json = JsonSerializer.Serialize(status, options);
            Assert.Equal($"\"{EnumNames.ToKebab(status)}\"", json);
            Assert.Equal(status, JsonSerializer.Deserialize<PostStatus>(json, options));
        }
        Assert.Equal("\"pending-validation\"", JsonSerializer.Serialize(PostStatus.PendingValidation, options));
    }

    [Fact]
    public void EveryPostStatus_HasItsFrenchLabel()
    {
        Assert.Equal(["Brouillon", "En attente de validation", "Publié", "Suspendu", "Clos"], Enum.GetValues<PostStatus>().Select(s => s.Label()));
        Assert.Equal("fr-badge--success", PostStatus.Published.Badge());
        Assert.Equal("", PostStatus.Closed.Badge());
    }

    [Fact]
    public void EveryHabilitationStatus_HasItsFrenchLabel() =>
        Assert.All(Enum.GetValues<HabilitationStatus>(), s => Assert.NotEqual(s.ToString(), s.Label()));

    [Theory]
    [InlineData(-3, false, "semaine")]
    [InlineData(0, false, "poste")]
    [InlineData(1, false, "poste")]
    [InlineData(2, false, "postes")]
    [InlineData(0, true, "postes")]
    [InlineData(1, true, "poste")]
    [InlineData(5, true, "postes")]
    public void Plural_IsSingularForZeroAndOne_UnlessZeroIsPlural(int count, bool zeroIsPlural, string expected)
    {
        var (one, many) = expected.StartsWith("semaine", StringComparison.Ordinal) ? ("semaine", "semaines") : ("poste", "postes");
        Assert.Equal(expected, Plural.Of(count, one, many, zeroIsPlural));
    }
}
