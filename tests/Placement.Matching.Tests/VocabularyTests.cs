using System.Text.Json;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;

namespace Placement.Matching.Tests;

/// <summary>The matching's statuses: written as the strings they always were, a French label for each value.</summary>
public class VocabularyTests
{
    private static void WrittenAsEnumNames<T>() where T : struct, Enum
    {
        var options = new JsonSerializerOptions { Converters = { new KebabCaseEnumConverter<T>() } };
        foreach (var value in Enum.GetValues<T>())
        {
            var json = JsonSerializer.Serialize(value, options);
            Assert.Equal($"\"{EnumNames.ToKebab(value)}\"", json);
            Assert.Equal(value, JsonSerializer.Deserialize<T>(json, options));
        }
    }

    [Fact]
    public void TheStatusesConverters_WriteEnumNames()
    {
        WrittenAsEnumNames<PlacementStatus>();
        WrittenAsEnumNames<RunState>();
        WrittenAsEnumNames<ProposalStatus>();
        Assert.Equal("\"in-progress\"", JsonSerializer.Serialize(PlacementStatus.InProgress, new JsonSerializerOptions { Converters = { new KebabCaseEnumConverter<PlacementStatus>() } }));
    }

    [Fact]
    public void EveryStatus_HasItsFrenchLabel()
    {
        Assert.Equal(["Proposé à la structure", "Confirmé", "En cours", "Terminé", "Décliné par la structure", "Annulé", "Suspendu", "Clos (heures attestées)"], Enum.GetValues<PlacementStatus>().Select(s => s.Label()));
        Assert.Equal(["En attente", "En cours", "Terminée", "En échec", "Annulée"], Enum.GetValues<RunState>().Select(s => s.Label()));
        Assert.Equal(["À examiner", "Acceptée", "Rejetée", "Remplacée"], Enum.GetValues<ProposalStatus>().Select(s => s.Label()));
    }
}
