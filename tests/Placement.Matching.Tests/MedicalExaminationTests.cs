using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>
/// R.623-14: the medical examination still to plan — not for a person recorded fit; else for a minor, a person the SPIP
/// reported, night work, particular risks, a care establishment. It places no one differently: it adds one French line to
/// the explanation of every assignment where it applies, and its reasons never name the person's situation.
/// </summary>
public class MedicalExaminationTests
{
    private static readonly AssignmentSolver Solver = new();
    private static readonly DateOnly Seventeen = Make.Today.AddYears(-17);

    [Fact]
    public void Reasons_AreEmpty_ForAnAdultOnAnOrdinaryPost()
    {
        Assert.Empty(MedicalExamination.Reasons(Make.Person(), Make.Post(), Make.Today));
        Assert.False(MedicalExamination.IsRequired(Make.Person(), Make.Post(), Make.Today));
        Assert.Null(MedicalExamination.Note(Make.Person(), Make.Post(), Make.Today));
    }

    [Fact]
    public void Reasons_NameEachCause_InTheirOrder_WhenSeveralApply()
    {
        var person = Make.Person(with: p => p with { BirthDate = Seventeen, MedicalExaminationRequired = true });
        var post = Make.Post(with: q => q with { NightWork = true, ParticularRisks = true, CareSetting = true });

        Assert.Equal(["mineur", "situation signalée par le SPIP", "travail de nuit", "risques particuliers", "établissement de soins"],
            MedicalExamination.Reasons(person, post, Make.Today));
    }

    [Theory]
    [InlineData("minor", "visite médicale à prévoir (mineur)")]
    [InlineData("reported", "visite médicale à prévoir (situation signalée par le SPIP)")]
    [InlineData("night", "visite médicale à prévoir (travail de nuit)")]
    [InlineData("risks", "visite médicale à prévoir (risques particuliers)")]
    [InlineData("care", "visite médicale à prévoir (établissement de soins)")]
    public void Note_IsTheFrenchLine_ForEachCauseAlone(string cause, string expected)
    {
        var person = Make.Person(with: p => p with { BirthDate = cause == "minor" ? Seventeen : p.BirthDate, MedicalExaminationRequired = cause == "reported" });
        var post = Make.Post(with: q => q with { NightWork = cause == "night", ParticularRisks = cause == "risks", CareSetting = cause == "care" });

        Assert.True(MedicalExamination.IsRequired(person, post, Make.Today));
        Assert.Equal(expected, MedicalExamination.Note(person, post, Make.Today));
    }

    [Fact]
    public void IsRequired_IsFalse_WhenThePersonIsRecordedFit_WhateverThePost()
    {
        var person = Make.Person(with: p => p with { BirthDate = Seventeen, MedicalExaminationRequired = true, MedicallyFit = true });
        var post = Make.Post(with: q => q with { NightWork = true, ParticularRisks = true, CareSetting = true });

        Assert.False(MedicalExamination.IsRequired(person, post, Make.Today));
        Assert.Null(MedicalExamination.Note(person, post, Make.Today));
    }

    [Fact]
    public void IsRequired_ReadsTheMinorOnTheReferenceDate()
    {
        // Turning 18 tomorrow: a minor today, not tomorrow.
        var person = Make.Person(with: p => p with { BirthDate = Make.Today.AddDays(1).AddYears(-18) });

        Assert.True(MedicalExamination.IsRequired(person, Make.Post(), Make.Today));
        Assert.False(MedicalExamination.IsRequired(person, Make.Post(), Make.Today.AddDays(1)));
    }

    [Fact]
    public void Reasons_NeverNameTheSituationItself()
    {
        var person = Make.Person(with: p => p with { BirthDate = Seventeen, MedicalExaminationRequired = true });
        var post = Make.Post(with: q => q with { NightWork = true, ParticularRisks = true, CareSetting = true });

        var note = MedicalExamination.Note(person, post, Make.Today)!;
        Assert.DoesNotContain("handicap", note, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("grossesse", note, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Solve_AddsTheLineToTheAssignmentsExplanation_WhenThePostIsNightWork()
    {
        var post = Make.Post(with: q => q with { NightWork = true });
        var assignment = Assert.Single(Solver.Solve(Make.Instance([Make.Person()], [post])).Assignments);

        Assert.Equal("visite médicale à prévoir (travail de nuit)", assignment.Explanation[^1]);
        Assert.Equal(5, assignment.Explanation.Count);
    }

    [Fact]
    public void Solve_AddsNoLine_WhenThePersonIsMedicallyFit()
    {
        var post = Make.Post(with: q => q with { NightWork = true });
        var person = Make.Person(with: p => p with { MedicalExaminationRequired = true, MedicallyFit = true });
        var assignment = Assert.Single(Solver.Solve(Make.Instance([person], [post])).Assignments);

        Assert.Equal(4, assignment.Explanation.Count);
        Assert.DoesNotContain(assignment.Explanation, line => line.StartsWith(MedicalExamination.NotePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Solve_AddsTheLineToAPinnedAssignment_Too()
    {
        var person = Make.Person(with: p => p with { MedicalExaminationRequired = true });
        var assignment = Assert.Single(Solver.Solve(Make.Instance([person], [Make.Post()], [new PinnedPair("p1", "q1")])).Assignments);

        Assert.True(assignment.Pinned);
        Assert.Equal("visite médicale à prévoir (situation signalée par le SPIP)", assignment.Explanation[^1]);
    }

    [Fact]
    public void Solve_PlacesEveryoneAsWithoutTheExamination_ItChangesNoPlacementNorScore()
    {
        var persons = Enumerable.Range(0, 6).Select(i => Make.Person($"p{i}", p => p with { MaxTravelKm = 5 + i })).ToList();
        var posts = Enumerable.Range(0, 4).Select(i => Make.Post($"q{i}", $"org-{i}", q => q with { Capacity = 1 + i % 2 })).ToList();
        var plain = Solver.Solve(Make.Instance(persons, posts));
        var flagged = Solver.Solve(Make.Instance(
            persons.Select((p, i) => p with { MedicalExaminationRequired = i % 2 == 0 }),
            posts.Select((q, i) => q with { ParticularRisks = i % 2 == 0, CareSetting = i == 3 })));

        Assert.Equal(plain.Assignments.Select(a => (a.PersonId, a.PostId, a.Score, a.WeeklyHours)), flagged.Assignments.Select(a => (a.PersonId, a.PostId, a.Score, a.WeeklyHours)));
        Assert.Equal(plain.Unassigned.Select(u => (u.PersonId, u.Reason)), flagged.Unassigned.Select(u => (u.PersonId, u.Reason)));
        Assert.Contains(flagged.Assignments, a => a.Explanation[^1].StartsWith(MedicalExamination.NotePrefix, StringComparison.Ordinal));
    }
}
