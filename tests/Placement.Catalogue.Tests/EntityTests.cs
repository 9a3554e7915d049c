using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Tests;

public class PostLifecycleTests
{
    public static TheoryData<PostStatus, PostAction, PostStatus?> Transitions()
    {
        var data = new TheoryData<PostStatus, PostAction, PostStatus?>();
        var legal = new Dictionary<(PostStatus, PostAction), PostStatus>
        {
            [(PostStatus.Draft, PostAction.Submit)] = PostStatus.PendingValidation,
            [(PostStatus.PendingValidation, PostAction.Publish)] = PostStatus.Published,
            [(PostStatus.Published, PostAction.Suspend)] = PostStatus.Suspended,
            [(PostStatus.Suspended, PostAction.Publish)] = PostStatus.Published,
            [(PostStatus.Suspended, PostAction.Reopen)] = PostStatus.Published,
            [(PostStatus.PendingValidation, PostAction.Refuse)] = PostStatus.Draft,
            [(PostStatus.Draft, PostAction.Close)] = PostStatus.Closed,
            [(PostStatus.PendingValidation, PostAction.Close)] = PostStatus.Closed,
            [(PostStatus.Published, PostAction.Close)] = PostStatus.Closed,
            [(PostStatus.Suspended, PostAction.Close)] = PostStatus.Closed,
        };
        foreach (var from in Enum.GetValues<PostStatus>())
            foreach (var action in Enum.GetValues<PostAction>())
                data.Add(from, action, legal.TryGetValue((from, action), out var to) ? to : null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Move_FollowsTheLifecycle_AndRefusesEveryOtherMove(PostStatus from, PostAction action, PostStatus? expected)
    {
        var post = Samples.PostIn(from);
        void Act()
        {
            if (action == PostAction.Refuse) post.Refuse("Horaires à revoir.", Samples.Now);
            else post.Move(action, Samples.Now);
        }
        if (expected is { } to)
        {
            Act();
            Assert.Equal(to, post.Status);
        }
        else
        {
            Assert.Throws<IllegalTransitionException>(Act);
            Assert.Equal(from, post.Status);
        }
    }

    [Fact]
    public void ARefusal_KeepsItsReason_UntilThePostIsPublished()
    {
        var post = Samples.PostIn(PostStatus.PendingValidation);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => post.Move(PostAction.Refuse, Samples.Now)).Field);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => post.Refuse("  ", Samples.Now)).Field);
        post.Refuse("Horaires à revoir.", Samples.Now);
        Assert.Equal("Horaires à revoir.", post.RefusalReason);
        post.Submit(Samples.Now);
        post.Publish(Samples.Now);
        Assert.Null(post.RefusalReason);
    }

    [Fact]
    public void Update_Throws_WhenClosed()
    {
        var post = Samples.PostIn(PostStatus.Closed);
        Assert.Throws<IllegalTransitionException>(() => post.Update(Samples.PostFields.ToDetails(), Samples.Now));
    }

    public static TheoryData<string, bool> Edits => new()
    {
        { "activity", true }, { "flag", true }, { "address", true }, { "capacity up", true },
        { "capacity down", false }, { "title", false }, { "schedule", false },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void AChangeOfSubstance_ToAValidatedPost_SendsItBackToValidation(string edit, bool substance)
    {
        var fields = Samples.PostFields with { Capacity = 2 };
        var edited = edit switch
        {
            "activity" => fields with { Activity = fields.Activity + "-autre" },
            "flag" => fields with { ContactWithMinors = !fields.ContactWithMinors },
            "address" => fields with { Address = fields.Address! with { Street = "2 rue Neuve" } },
            "capacity up" => fields with { Capacity = 3 },
            "capacity down" => fields with { Capacity = 1 },
            "title" => fields with { Title = "Un autre titre" },
            _ => fields with { Schedule = [new TimeWindowDto { Day = "sat", Start = "09:00", End = "11:00" }] },
        };
        foreach (var status in new[] { PostStatus.Published, PostStatus.Suspended })
        {
            var post = Samples.PostIn(status);
            post.Update(fields.ToDetails(), Samples.Now, editorValidates: true);
            post.Update(edited.ToDetails(), Samples.Now);
            Assert.Equal(substance ? PostStatus.PendingValidation : status, post.Status);
        }
        var bySpip = Samples.PostIn(PostStatus.Published);
        bySpip.Update(edited.ToDetails(), Samples.Now, editorValidates: true);
        Assert.Equal(PostStatus.Published, bySpip.Status);
        var draft = Samples.PostIn(PostStatus.Draft);
        draft.Update(edited.ToDetails(), Samples.Now);
        Assert.Equal(PostStatus.Draft, draft.Status);
    }

    [Fact]
    public void NewPost_IsADraft_InTheDepartementOfItsPlace()
    {
        var post = new Post(Guid.NewGuid(), Guid.NewGuid(), Samples.PostFields.ToDetails(), Samples.Now);
        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.Equal("69", post.Departement);
    }
}

public class HostBodyTests
{
    [Fact]
    public void OnlyPublicBodies_AreHabilitatedByRight()
    {
        var association = Samples.HostBodyFields with { LegalType = "association" };
        var e = Assert.Throws<ValidationFailedException>(association.ToDetails);
        Assert.Contains("habilitation.status", e.Errors.Keys);

        var commune = Samples.HostBodyFields with { LegalType = "commune", Habilitation = new HabilitationDto { Status = "habilitated", ValidFrom = new(2025, 1, 1), ValidUntil = new(2030, 1, 1) } };
        Assert.Contains("habilitation.status", Assert.Throws<ValidationFailedException>(commune.ToDetails).Errors.Keys);
    }

    [Fact]
    public void AGrantedHabilitation_HasAPeriod_AndIsValidOnlyWithinIt()
    {
        var noPeriod = Samples.HostBodyFields with { LegalType = "association", Habilitation = new HabilitationDto { Status = "habilitated" } };
        Assert.Contains("habilitation.validUntil", Assert.Throws<ValidationFailedException>(noPeriod.ToDetails).Errors.Keys);

        var details = (Samples.HostBodyFields with
        {
            LegalType = "association",
            Habilitation = new HabilitationDto { Status = "habilitated", ValidFrom = new(2025, 1, 1), ValidUntil = new(2029, 12, 31) },
        }).ToDetails();
        var host = new HostBody(Guid.NewGuid(), details, Samples.Now);
        Assert.True(host.CanHostOn(new(2027, 6, 1)));
        Assert.False(host.CanHostOn(new(2030, 1, 1)));
    }
}

public class FieldContractTests
{
    [Fact]
    public void PostFields_ToDetails_NamesEveryBadField()
    {
        var bad = Samples.PostFields with
        {
            Address = Samples.PostFields.Address! with { Location = new PointDto { Lat = 123, Lon = 4.8 } },
            Schedule = [new TimeWindowDto { Day = "mon", Start = "12:00", End = "09:00" }, new TimeWindowDto { Day = "xyz", Start = "09:00", End = "10:00" }],
            PhysicalDemand = "extreme",
            OpenFrom = null,
        };
        var e = Assert.Throws<ValidationFailedException>(bad.ToDetails);
        Assert.Equal(["address.location.lat", "openFrom", "physicalDemand", "schedule[0].end", "schedule[1].day"], e.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PostFields_ToDetails_RefusesANegativeCapacity()
    {
        var e = Assert.Throws<ValidationFailedException>((Samples.PostFields with { Capacity = -1 }).ToDetails);
        Assert.Equal(["capacity"], e.Errors.Keys);
    }

    [Fact]
    public void PostFields_ToDetails_AcceptsCapacityZero()
    {
        Assert.Equal(0, (Samples.PostFields with { Capacity = 0 }).ToDetails().Capacity);
    }

    [Fact]
    public void PostDetails_RoundTripThroughTheContract()
    {
        var details = Samples.PostFields.ToDetails();
        var again = Mapster.TypeAdapter.Adapt<PostFields>(details, CatalogueMappings.Config).ToDetails();
        Assert.Equal(details.Schedule, again.Schedule);
        Assert.Equal(details.Conditions, again.Conditions);
        Assert.Equal(details.Place, again.Place);
        Assert.Equal(details.Skills, again.Skills);
        Assert.Equal(details.OpenPeriod, again.OpenPeriod);
        Assert.Equal(details.Tutor, again.Tutor);
    }

    [Theory]
    [InlineData(PostStatus.PendingValidation, "pending-validation")]
    [InlineData(LegalType.SocieteAMission, "societe-a-mission")]
    [InlineData(LegalType.PersonneMoralePriveeServicePublic, "personne-morale-privee-service-public")]
    public void EnumNames_AreKebabCase_BothWays(object value, string text)
    {
        switch (value)
        {
            case PostStatus s:
                Assert.Equal(text, EnumNames.ToKebab(s));
                Assert.Equal(s, EnumNames.Parse<PostStatus>(text, "status"));
                break;
            case LegalType l:
                Assert.Equal(text, EnumNames.ToKebab(l));
                Assert.Equal(l, EnumNames.Parse<LegalType>(text, "legalType"));
                break;
        }
    }
}

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static readonly AddressDto Lyon = new()
    {
        Street = "1 place de la Comédie", CommuneInsee = "69123", Departement = "69", Location = new PointDto { Lat = 45.7676, Lon = 4.8345 },
    };

    public static readonly HostBodyFields HostBodyFields = new()
    {
        Name = "Mairie de Lyon",
        LegalType = "commune",
        Siret = "21690123100011",
        Habilitation = new HabilitationDto { Status = "by-right" },
        Address = Lyon,
        Contact = new ContactDto { Name = "Service TIG", Email = "tig@mairie-lyon.fr" },
    };

    public static readonly PostFields PostFields = new()
    {
        Title = "Entretien des espaces verts",
        Description = "Entretenir les massifs du parc.",
        Activity = "espaces-verts",
        Skills = ["jardinage", "Tonte"],
        Address = Lyon,
        Capacity = 2,
        MaxWeeklyHoursPerPerson = 12,
        Schedule = [new TimeWindowDto { Day = "mon", Start = "09:00", End = "12:00" }, new TimeWindowDto { Day = "wed", Start = "14:00", End = "17:00" }],
        OpenFrom = new(2026, 1, 1),
        OpenUntil = new(2027, 12, 31),
        Tutor = new ContactDto { Name = "Camille Roux", Phone = "04 72 00 00 00" },
        PhysicalDemand = "medium",
        WheelchairAccessible = true,
        NearPublicTransport = true,
    };

    public static Post PostIn(PostStatus status)
    {
        var post = new Post(Guid.NewGuid(), Guid.NewGuid(), PostFields.ToDetails(), Now);
        PostAction[] path = status switch
        {
            PostStatus.Draft => [],
            PostStatus.PendingValidation => [PostAction.Submit],
            PostStatus.Published => [PostAction.Submit, PostAction.Publish],
            PostStatus.Suspended => [PostAction.Submit, PostAction.Publish, PostAction.Suspend],
            _ => [PostAction.Close],
        };
        foreach (var a in path) post.Move(a, Now);
        return post;
    }
}
