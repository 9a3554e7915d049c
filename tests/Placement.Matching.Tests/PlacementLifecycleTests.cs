using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Tests;

public class PlacementLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static TigPlacement New(double target = 20) => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), target, Now);

    [Fact]
    public void AProposal_IsConfirmed_StartedByTheFirstHours_AndCompletedAtTheTarget()
    {
        var placement = New(10);
        Assert.True(placement.IsActive);
        placement.Confirm(Now);
        placement.LogHours(new HoursLog(new(2026, 12, 5), 6, "Bon travail"), Now);
        Assert.Equal(PlacementStatus.InProgress, placement.Status);
        placement.LogHours(new HoursLog(new(2026, 12, 12), 4, null), Now);
        Assert.Equal(PlacementStatus.Completed, placement.Status);
        Assert.Equal(10, placement.HoursLogged);
        Assert.False(placement.IsActive);
    }

    [Fact]
    public void HoursBeyondTheTarget_AreRefused()
    {
        var placement = New(10);
        placement.Confirm(Now);
        placement.LogHours(new HoursLog(new(2026, 12, 5), 8, null), Now);
        Assert.Equal("hours", Assert.Throws<DomainRuleException>(() => placement.LogHours(new HoursLog(new(2026, 12, 6), 3, null), Now)).Field);
        Assert.Equal(8, placement.HoursLogged);
    }

    [Fact]
    public void HoursOnAProposal_AreRefused() =>
        Assert.Throws<IllegalTransitionException>(() => New().LogHours(new HoursLog(new(2026, 12, 5), 3, null), Now));

    [Fact]
    public void ADeclinedPlacement_CannotBeConfirmedNorCancelled()
    {
        var placement = New();
        placement.Decline("Pas de tuteur disponible", Now);
        Assert.Equal("Pas de tuteur disponible", placement.Reason);
        Assert.Throws<IllegalTransitionException>(() => placement.Confirm(Now));
        Assert.Throws<IllegalTransitionException>(() => placement.Cancel("x", Now));
    }

    [Fact]
    public void ADeclineNeedsAReason() =>
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => New().Decline(" ", Now)).Field);

    [Theory]
    [InlineData(PlacementStatus.Proposed, PlacementAction.Confirm, PlacementStatus.Confirmed)]
    [InlineData(PlacementStatus.Proposed, PlacementAction.Decline, PlacementStatus.Declined)]
    [InlineData(PlacementStatus.Proposed, PlacementAction.Cancel, PlacementStatus.Cancelled)]
    [InlineData(PlacementStatus.Confirmed, PlacementAction.Start, PlacementStatus.InProgress)]
    [InlineData(PlacementStatus.Confirmed, PlacementAction.Cancel, PlacementStatus.Cancelled)]
    [InlineData(PlacementStatus.InProgress, PlacementAction.Complete, PlacementStatus.Completed)]
    [InlineData(PlacementStatus.InProgress, PlacementAction.Cancel, PlacementStatus.Cancelled)]
    [InlineData(PlacementStatus.Confirmed, PlacementAction.Decline, null)]
    [InlineData(PlacementStatus.Completed, PlacementAction.Cancel, null)]
    [InlineData(PlacementStatus.Cancelled, PlacementAction.Confirm, null)]
    [InlineData(PlacementStatus.Proposed, PlacementAction.Complete, null)]
    public void Next_FollowsTheLifecycle(PlacementStatus from, PlacementAction action, PlacementStatus? to) =>
        Assert.Equal(to, TigPlacement.Next(from, action));
}

/// <summary>The one list of active statuses, and the one free-places computation.</summary>
public class ActivePlacementsTests
{
    [Fact]
    public void ActiveStatuses_AreExactlyThoseACancelCanLeave() =>
        Assert.Equal(Enum.GetValues<Placement.Matching.Domain.PlacementStatus>().Where(s => Placement.Matching.Domain.TigPlacement.Next(s, Placement.Matching.Domain.PlacementAction.Cancel) is not null),
            Placement.Matching.Domain.TigPlacement.ActiveStatuses);

    [Theory]
    [InlineData(3, 1, 2)]
    [InlineData(2, 2, 0)]
    [InlineData(1, 3, 0)]
    public void FreePlaces_AreCapacityLessTaken_NeverBelowZero(int capacity, int taken, int free) =>
        Assert.Equal(free, Placement.Matching.Persistence.ActivePlacements.FreePlaces(capacity, taken));
}
