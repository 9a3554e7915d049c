using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.Activities;
using Placement.Catalogue.Features.HostBodies;

namespace Placement.Catalogue.Tests;

/// <summary>« A post can take someone »: published, its host body habilitated that day, a place free — checked once, by the post.</summary>
public class PostCanTakeSomeoneTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly Habilitation ByRight = new(HabilitationStatus.ByRight, null);
    private static readonly Habilitation Expired = new(HabilitationStatus.Habilitated, new DateRange(new(2021, 1, 1), new(2025, 12, 31)));

    [Fact]
    public void APublishedPost_OfAHabilitatedHost_WithAFreePlace_CanTakeSomeone() =>
        Assert.True(Samples.PostIn(PostStatus.Published).CanTakeSomeone(ByRight, Today, freePlaces: 1));

    [Theory]
    [InlineData(PostStatus.Draft)]
    [InlineData(PostStatus.PendingValidation)]
    [InlineData(PostStatus.Suspended)]
    [InlineData(PostStatus.Closed)]
    public void APostNotPublished_CannotTakeSomeone(PostStatus status) =>
        Assert.Equal(TakingRefusal.NotPublished, Samples.PostIn(status).WhyCannotTakeSomeone(ByRight, Today, freePlaces: 1));

    [Fact]
    public void APostWhoseHostIsNotHabilitatedThatDay_CannotTakeSomeone()
    {
        Assert.Equal(TakingRefusal.HostNotHabilitated, Samples.PostIn(PostStatus.Published).WhyCannotTakeSomeone(Expired, Today, freePlaces: 1));
        Assert.Equal(TakingRefusal.HostNotHabilitated, Samples.PostIn(PostStatus.Published).WhyCannotTakeSomeone(new(HabilitationStatus.Pending, null), Today, 1));
    }

    [Fact]
    public void AFullPost_CannotTakeSomeone() =>
        Assert.Equal(TakingRefusal.Full, Samples.PostIn(PostStatus.Published).WhyCannotTakeSomeone(ByRight, Today, freePlaces: 0));

    [Fact]
    public void WithoutACountOfFreePlaces_OnlyThePostAndItsHostAreChecked()
    {
        Assert.True(Samples.PostIn(PostStatus.Published).CanTakeSomeone(ByRight, Today, freePlaces: null));
        Assert.False(Samples.PostIn(PostStatus.Published).CanTakeSomeone(Expired, Today, freePlaces: null));
    }

    [Fact]
    public void TheReasons_AreGivenInOrder_PublishedThenHabilitatedThenFree() =>
        Assert.Equal(TakingRefusal.NotPublished, Samples.PostIn(PostStatus.Suspended).WhyCannotTakeSomeone(Expired, Today, freePlaces: 0));
}

/// <summary>Public bodies are habilitated by right; every other host body starts pending the SPIP's decision.</summary>
public class HabilitatedByRightTests
{
    [Theory]
    [InlineData(LegalType.Commune, HabilitationStatus.ByRight)]
    [InlineData(LegalType.CollectiviteTerritoriale, HabilitationStatus.ByRight)]
    [InlineData(LegalType.EtablissementPublic, HabilitationStatus.ByRight)]
    [InlineData(LegalType.Association, HabilitationStatus.Pending)]
    [InlineData(LegalType.PersonneMoralePriveeServicePublic, HabilitationStatus.Pending)]
    [InlineData(LegalType.EntrepriseEss, HabilitationStatus.Pending)]
    [InlineData(LegalType.SocieteAMission, HabilitationStatus.Pending)]
    public void ANewHostBody_StartsByRight_OnlyWhenItIsAPublicBody(LegalType type, HabilitationStatus expected)
    {
        Assert.Equal(expected, Habilitation.InitialStatus(type));
        Assert.Equal(EnumNames.ToKebab(expected), HabilitationDto.Initial(type).Status);
    }

    [Fact]
    public void AnUnknownLegalForm_StartsPending() => Assert.Equal("pending", HabilitationDto.Initial(null).Status);

    [Fact]
    public void EnumNames_FindAValueByItsKebabName_OrNone()
    {
        Assert.Equal(LegalType.EtablissementPublic, EnumNames.Find<LegalType>(" Etablissement-Public "));
        Assert.Null(EnumNames.Find<LegalType>("mairie"));
        Assert.Null(EnumNames.Find<LegalType>(null));
    }
}

/// <summary>The default activities are listed once: the configuration seeds them, with their French labels.</summary>
public class DefaultActivitiesTests
{
    [Fact]
    public void TheConfiguration_SeedsTheDefaultCodes_InTheirOrder() =>
        Assert.Equal(ActivityVocabulary.DefaultCodes, new CatalogueOptions().Activities);

    [Fact]
    public void EveryDefaultCode_IsAValidCode_WithItsFrenchLabel()
    {
        Assert.Equal(12, ActivityVocabulary.DefaultCodes.Count);
        Assert.All(ActivityVocabulary.Defaults, a =>
        {
            Assert.Equal(a.Code, Activity.ValidCode(a.Code));
            Assert.Equal(a.Label, ActivityVocabulary.DefaultLabels[a.Code]);
        });
    }
}
