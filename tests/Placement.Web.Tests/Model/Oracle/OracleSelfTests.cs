namespace Placement.Web.Tests.Model.Oracle;

/// <summary>Hand-computed examples of every rule of matching.md, each boundary included, for the oracle itself.</summary>
public sealed class OracleSelfTests
{
    static readonly DateOnly Ref = new(2026, 12, 1);
    static readonly IReadOnlySet<string> None = new HashSet<string>();

    static OracleSlot S(string day, string start, string end) =>
        new(day, TimeOnly.Parse(start), end == "24:00" ? TimeOnly.MinValue : TimeOnly.Parse(end));

    static (double Lon, double Lat)[] Box(double x0, double y0, double x1, double y1) =>
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];

    static OraclePolygon Poly(params (double Lon, double Lat)[][] rings) => new(rings);

    // An adult who fits every post of Post() below: the baseline each test changes one field of.
    static OraclePerson Person(DateOnly? birth = null, double lat = 45.75, double lon = 4.85, double maxKm = 15,
        bool licence = true, bool ptOnly = false, double hours = 16, DateOnly? deadline = null,
        OracleSlot[]? availability = null, string maxDemand = "high", bool wheelchair = false,
        bool noMinors = false, bool noVulnerable = false, string[]? excluded = null, string[]? noContact = null,
        OraclePolygon[]? zones = null, string id = "p1") =>
        new(id, birth ?? new DateOnly(1990, 5, 12), lat, lon, maxKm, licence, ptOnly, hours,
            deadline ?? new DateOnly(2027, 1, 26), availability ?? [S("mon", "09:00", "12:00")], maxDemand, wheelchair,
            noMinors, noVulnerable, excluded ?? [], noContact ?? [], zones ?? []);

    static OraclePost Post(double lat = 45.764, double lon = 4.8357, double maxWeekly = 12,
        OracleSlot[]? schedule = null, DateOnly? openFrom = null, DateOnly? openUntil = null,
        bool acceptsMinors = true, bool contactMinors = false, bool vulnerable = false, bool needsLicence = false,
        string demand = "medium", bool night = false, bool wheelchair = true, bool nearPt = true,
        string partner = "org-1", string id = "q1") =>
        new(id, partner, lat, lon, 2, maxWeekly, schedule ?? [S("mon", "10:00", "14:00")],
            openFrom ?? new DateOnly(2026, 1, 1), openUntil ?? new DateOnly(2027, 12, 31),
            acceptsMinors, contactMinors, vulnerable, needsLicence, demand, night, wheelchair, nearPt);

    static string[] Broken(OraclePerson p, OraclePost q, IReadOnlySet<string>? co = null) =>
        SpecOracle.BrokenRules(p, q, Ref, co ?? None).Order(StringComparer.Ordinal).ToArray();

    static string[] R(params string[] names) => names.Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Baseline_is_eligible_with_the_hand_computed_W_and_N()
    {
        // overlap mon 10:00–12:00 = 2 h; N = (2027-01-26 − 2026-12-01) = 56 days = 8 weeks; W×N = 16 = hours.
        Assert.Empty(Broken(Person(), Post()));
        Assert.Equal(2.0, SpecOracle.WeeklyHours(Person(), Post(), Ref));
        Assert.Equal(8.0, SpecOracle.Weeks(Person(), Post(), Ref));
    }

    [Fact]
    public void WorkingTime_job_leaves_47_minus_J_a_week_exactly_enough_or_just_short()
    {
        // Baseline: 16 h over 8 weeks. A 45 h job leaves 2 h a week: 16 h exactly; a 45.5 h job leaves 1.5 h: 12 h, short.
        Assert.Empty(Broken(Person() with { WeeklyWorkHours = 45 }, Post()));
        Assert.Equal(R("workingTime"), Broken(Person() with { WeeklyWorkHours = 45.5 }, Post()));
        Assert.Equal(R("workingTime"), Broken(Person() with { WeeklyWorkHours = 47 }, Post()));
        Assert.Empty(Broken(Person() with { WeeklyWorkHours = 0 }, Post()));
    }

    // ------------------------------------------------------------ rule 1

    [Fact]
    public void IsMinor_exactly_18_on_the_reference_date_is_an_adult()
    {
        Assert.False(SpecOracle.IsMinor(new DateOnly(2008, 12, 1), Ref));
        Assert.True(SpecOracle.IsMinor(new DateOnly(2008, 12, 2), Ref));
        Assert.False(SpecOracle.IsMinor(new DateOnly(2008, 11, 30), Ref));
    }

    [Fact]
    public void IsMinor_29_February_turns_18_on_1_March_of_a_common_year()
    {
        var born = new DateOnly(2008, 2, 29); // 2026 is a common year
        Assert.True(SpecOracle.IsMinor(born, new DateOnly(2026, 2, 28)));
        Assert.False(SpecOracle.IsMinor(born, new DateOnly(2026, 3, 1)));
        Assert.Equal(new DateOnly(2026, 3, 1), SpecOracle.EighteenthBirthday(born));
        Assert.Equal(new DateOnly(2026, 2, 28), SpecOracle.EighteenthBirthday(new DateOnly(2008, 2, 28)));
    }

    [Fact]
    public void Minors_rule_needs_acceptsMinors_and_no_night_work()
    {
        var minor = Person(birth: new DateOnly(2010, 1, 1));
        Assert.Empty(Broken(minor, Post(acceptsMinors: true, night: false)));
        Assert.Equal(R("minors"), Broken(minor, Post(acceptsMinors: false)));
        Assert.Equal(R("minors"), Broken(minor, Post(acceptsMinors: true, night: true)));
        // an adult is not concerned by either flag
        Assert.Empty(Broken(Person(), Post(acceptsMinors: false, night: true)));
        // the one who turns 18 on the reference date is an adult
        Assert.Empty(Broken(Person(birth: new DateOnly(2008, 12, 1)), Post(acceptsMinors: false)));
        Assert.Equal(R("minors"), Broken(Person(birth: new DateOnly(2008, 12, 2)), Post(acceptsMinors: false)));
    }

    // ------------------------------------------------------------ rules 2, 3, 4, 7, 8, 9, 10

    [Fact]
    public void Flag_rules()
    {
        Assert.Equal(R("contactWithMinors"), Broken(Person(noMinors: true), Post(contactMinors: true)));
        Assert.Empty(Broken(Person(noMinors: false), Post(contactMinors: true)));
        Assert.Empty(Broken(Person(noMinors: true), Post(contactMinors: false)));

        Assert.Equal(R("vulnerablePublic"), Broken(Person(noVulnerable: true), Post(vulnerable: true)));
        Assert.Empty(Broken(Person(noVulnerable: false), Post(vulnerable: true)));

        Assert.Equal(R("excludedPartner"), Broken(Person(excluded: ["org-9", "org-1"]), Post(partner: "org-1")));
        Assert.Empty(Broken(Person(excluded: ["org-10"]), Post(partner: "org-1")));

        Assert.Equal(R("drivingLicence"), Broken(Person(licence: false), Post(needsLicence: true)));
        Assert.Empty(Broken(Person(licence: true), Post(needsLicence: true)));
        Assert.Empty(Broken(Person(licence: false), Post(needsLicence: false)));

        Assert.Equal(R("publicTransport"), Broken(Person(ptOnly: true), Post(nearPt: false)));
        Assert.Empty(Broken(Person(ptOnly: false), Post(nearPt: false)));
        Assert.Empty(Broken(Person(ptOnly: true), Post(nearPt: true)));

        Assert.Equal(R("wheelchair"), Broken(Person(wheelchair: true), Post(wheelchair: false)));
        Assert.Empty(Broken(Person(wheelchair: false), Post(wheelchair: false)));
    }

    [Theory]
    [InlineData("low", "low", true)]
    [InlineData("low", "medium", false)]
    [InlineData("low", "high", false)]
    [InlineData("medium", "low", true)]
    [InlineData("medium", "medium", true)]
    [InlineData("medium", "high", false)]
    [InlineData("high", "low", true)]
    [InlineData("high", "medium", true)]
    [InlineData("high", "high", true)]
    public void PhysicalDemand_low_medium_high(string personMax, string postDemand, bool ok)
    {
        var broken = Broken(Person(maxDemand: personMax), Post(demand: postDemand));
        Assert.Equal(ok ? R() : R("physicalDemand"), broken);
    }

    [Fact]
    public void Several_rules_are_all_reported()
    {
        var p = Person(licence: false, ptOnly: true, maxKm: 1);
        Assert.Equal(R("distance", "drivingLicence", "publicTransport"),
            Broken(p, Post(needsLicence: true, nearPt: false)));
    }

    // ------------------------------------------------------------ rule 6

    [Fact]
    public void Distance_haversine_with_the_spec_radius()
    {
        // Lyon → Paris, haversine R = 6371.0088 (computed independently in Python).
        Assert.Equal(391.49947243561326, SpecOracle.DistanceKm(45.764, 4.8357, 48.8566, 2.3522), 1e-9);
        // On the equator the great circle is R·Δλ: 0.02° = 2.223901604670658 km.
        Assert.Equal(2.223901604670658, SpecOracle.DistanceKm(0, 1.0, 0, 1.02), 1e-9);
        Assert.Equal(0.0, SpecOracle.DistanceKm(45, 4, 45, 4));
    }

    [Fact]
    public void Distance_wraps_at_the_antimeridian()
    {
        // post at 179.99, person at −179.99: 0.02° apart, not 359.98°.
        Assert.Equal(2.223901604670658, SpecOracle.DistanceKm(0, -179.99, 0, 179.99), 1e-9);
        Assert.Equal(2.223901604670658, SpecOracle.DistanceKm(0, 179.99, 0, -179.99), 1e-9);
        var person = Person(lat: -13.3, lon: -179.99, maxKm: 3);
        var post = Post(lat: -13.3, lon: 179.99);
        Assert.Empty(Broken(person, post));
        Assert.Equal(R("distance"), Broken(person with { MaxTravelKm = 2 }, post));
    }

    [Fact]
    public void Distance_tolerance_is_1e6_km()
    {
        double d = SpecOracle.DistanceKm(45.75, 4.85, 45.764, 4.8357); // 1.9115969261716919
        Assert.Equal(1.9115969261716919, d, 1e-9);
        Assert.Empty(Broken(Person(maxKm: d), Post()));
        Assert.Empty(Broken(Person(maxKm: d - 0.5e-6), Post()));           // within maxTravelKm + 1e-6
        Assert.Equal(R("distance"), Broken(Person(maxKm: d - 2e-6), Post()));
        Assert.Equal(R("distance"), Broken(Person(maxKm: 1.9), Post()));
    }

    // ------------------------------------------------------------ rule 5

    static bool Excluded(double lon, double lat, params OraclePolygon[] zones) =>
        Broken(Person(lat: lat, lon: lon, maxKm: 1000, zones: zones), Post(lat: lat, lon: lon)).Contains("exclusionZone");

    [Fact]
    public void Zone_inside_outside_and_the_1e7_boundary()
    {
        var square = Poly(Box(4.0, 45.0, 5.0, 46.0));
        Assert.True(Excluded(4.5, 45.5, square));
        Assert.False(Excluded(5.5, 45.5, square));
        Assert.True(Excluded(5.0, 45.5, square));             // on the boundary
        Assert.True(Excluded(4.0, 45.0, square));             // on a vertex
        Assert.True(Excluded(5.0 + 0.5e-7, 45.5, square));    // 5e-8° outside: on it
        Assert.True(Excluded(4.5, 46.0 + 0.9e-7, square));
        Assert.False(Excluded(5.0 + 2e-7, 45.5, square));     // 2e-7° outside: off it
        Assert.False(Excluded(4.5, 44.9999998, square));
        // Near a vertex, diagonally: (0.8e-7, 0.8e-7) from the corner is 1.13e-7 away → off it.
        Assert.False(Excluded(5.0 + 0.8e-7, 46.0 + 0.8e-7, square));
        Assert.True(Excluded(5.0 + 0.6e-7, 46.0 + 0.6e-7, square)); // 0.85e-7 → on it
    }

    [Fact]
    public void Zone_ring_without_a_closing_point_or_clockwise_is_the_same_region()
    {
        var open = Poly([(4.0, 45.0), (5.0, 45.0), (5.0, 46.0), (4.0, 46.0)]);
        var clockwise = Poly([(4.0, 45.0), (4.0, 46.0), (5.0, 46.0), (5.0, 45.0), (4.0, 45.0)]);
        foreach (var z in new[] { open, clockwise })
        {
            Assert.True(Excluded(4.5, 45.5, z));
            Assert.True(Excluded(4.0, 45.5, z)); // the closing edge is part of the boundary
            Assert.False(Excluded(3.9, 45.5, z));
        }
    }

    [Fact]
    public void Zone_hole_is_not_excluded_but_its_boundary_is()
    {
        var withHole = Poly(Box(4.0, 45.0, 5.0, 46.0), Box(4.25, 45.25, 4.75, 45.75));
        Assert.False(Excluded(4.5, 45.5, withHole));           // in the hole
        Assert.True(Excluded(4.1, 45.5, withHole));            // in the ring between
        Assert.True(Excluded(4.75, 45.5, withHole));           // on the hole's boundary
        Assert.True(Excluded(4.75 - 0.5e-7, 45.5, withHole));  // in the hole, 5e-8° from its boundary
        Assert.False(Excluded(4.75 - 2e-7, 45.5, withHole));   // in the hole, 2e-7° from it
    }

    [Fact]
    public void Zone_is_the_union_of_overlapping_or_touching_parts_and_of_several_zones()
    {
        // MultiPolygon = several OraclePolygon; parts overlap, the first has a hole the second covers.
        var a = Poly(Box(0.0, 0.0, 1.0, 1.0), Box(0.6, 0.2, 0.9, 0.8));
        var b = Poly(Box(0.5, 0.0, 1.5, 1.0));
        Assert.True(Excluded(0.75, 0.5, a, b));   // in a's hole, inside b: in the union
        Assert.False(Excluded(0.75, 0.5, a));     // with a alone it is free
        Assert.True(Excluded(1.2, 0.5, a, b));    // only in b
        Assert.True(Excluded(0.2, 0.5, a, b));    // only in a
        Assert.True(Excluded(1.0, 0.5, a, b));    // on a's edge, inside b
        Assert.False(Excluded(1.6, 0.5, a, b));
        Assert.False(Excluded(0.2, 1.0000002, a, b));
        // touching parts: their common edge is inside the union
        var left = Poly(Box(10.0, 0.0, 11.0, 1.0));
        var right = Poly(Box(11.0, 0.0, 12.0, 1.0));
        Assert.True(Excluded(11.0, 0.5, left, right));
        Assert.True(Excluded(11.5, 0.5, left, right));
        Assert.False(Excluded(12.5, 0.5, left, right));
    }

    [Fact]
    public void Zone_across_the_antimeridian()
    {
        var z = Poly([(179.9, -14.0), (-179.9, -14.0), (-179.9, -13.0), (179.9, -13.0), (179.9, -14.0)]);
        Assert.True(Excluded(-179.95, -13.5, z));
        Assert.True(Excluded(179.95, -13.5, z));
        Assert.True(Excluded(180.0, -13.5, z));
        Assert.False(Excluded(-179.8, -13.5, z));
        Assert.False(Excluded(179.8, -13.5, z));
        Assert.False(Excluded(0.0, -13.5, z));
        // a zone written beyond 180 (continuous longitudes) is the same place
        var z2 = Poly(Box(179.9, -14.0, 180.1, -13.0));
        Assert.True(Excluded(-179.95, -13.5, z2));
        Assert.False(Excluded(-179.8, -13.5, z2));
    }

    // ------------------------------------------------------------ rule 11

    [Fact]
    public void Schedule_W_times_N_exactly_equal_to_hours_is_eligible()
    {
        // W = 2 h, N = 8: 16 h passes, 16.01 h does not.
        Assert.Empty(Broken(Person(hours: 16), Post()));
        Assert.Equal(R("schedule"), Broken(Person(hours: 16.01), Post()));
        // W = 1 h 41 = 101/60 h, N = 42/7 = 6: W×N = 10.1 h exactly (not exactly representable in binary).
        var p = Person(hours: 10.1, deadline: Ref.AddDays(42), availability: [S("tue", "08:00", "09:41")]);
        var q = Post(schedule: [S("tue", "08:00", "12:00")]);
        Assert.Empty(Broken(p, q));
        Assert.Equal(R("schedule"), Broken(p with { HoursRemaining = 10.1000001 }, q));
        // W = 7 h, N = 10/7: W×N = 10 exactly.
        var p7 = Person(hours: 10, deadline: Ref.AddDays(10), availability: [S("wed", "08:00", "15:00")]);
        var q7 = Post(schedule: [S("wed", "08:00", "15:00")]);
        Assert.Empty(Broken(p7, q7));
        Assert.Equal(R("schedule"), Broken(p7 with { Deadline = Ref.AddDays(9) }, q7));
    }

    [Fact]
    public void Schedule_N_uses_the_latest_start_and_the_earliest_end()
    {
        var p = Person(deadline: new DateOnly(2027, 6, 30));
        // openFrom after referenceDate, openUntil before the deadline: N = (2027-03-01 − 2027-01-01)/7 = 59/7.
        var q = Post(openFrom: new DateOnly(2027, 1, 1), openUntil: new DateOnly(2027, 3, 1));
        Assert.Equal(59 / 7.0, SpecOracle.Weeks(p, q, Ref), 12);
        // W = 2: 2×59/7 = 16.857 h
        Assert.Empty(Broken(p with { HoursRemaining = 16.85 }, q));
        Assert.Equal(R("schedule"), Broken(p with { HoursRemaining = 16.86 }, q));
        // the deadline is before the reference date: N < 0, never eligible, even for 0 h
        var late = Person(hours: 0, deadline: new DateOnly(2026, 11, 30));
        Assert.Equal(-1 / 7.0, SpecOracle.Weeks(late, Post(), Ref), 12);
        Assert.Equal(R("schedule"), Broken(late, Post()));
        // N = 0 (deadline = reference date) and 0 h remaining: W > 0 and 0 ≥ 0 holds
        Assert.Empty(Broken(Person(hours: 0, deadline: Ref), Post()));
    }

    [Fact]
    public void Schedule_W_zero_is_never_eligible()
    {
        var p = Person(hours: 0, availability: [S("tue", "10:00", "14:00")]);
        Assert.Equal(0.0, SpecOracle.WeeklyHours(p, Post(), Ref));
        Assert.Equal(R("schedule"), Broken(p, Post()));
        // windows that only touch (12:00–14:00 vs 10:00–12:00) overlap by 0 h
        var touch = Person(hours: 0, availability: [S("mon", "14:00", "16:00")]);
        Assert.Equal(R("schedule"), Broken(touch, Post()));
        // a post with maxWeeklyHoursPerPerson 0
        Assert.Equal(R("schedule"), Broken(Person(hours: 0), Post(maxWeekly: 0)));
    }

    [Fact]
    public void Schedule_overlap_per_day_capped_by_the_post_maximum()
    {
        // two days, 4 h + 3 h = 7 h; overlapping windows of one side are not counted twice.
        var p = Person(availability: [S("mon", "08:00", "12:00"), S("mon", "10:00", "13:00"), S("thu", "14:00", "17:00")]);
        var q = Post(maxWeekly: 40, schedule: [S("mon", "09:00", "13:00"), S("thu", "09:00", "18:00"), S("fri", "09:00", "18:00")]);
        Assert.Equal(7.0, SpecOracle.WeeklyHours(p, q, Ref));
        Assert.Equal(5.0, SpecOracle.WeeklyHours(p, q with { MaxWeeklyHoursPerPerson = 5 }, Ref));
        Assert.Equal(6.5, SpecOracle.WeeklyHours(p, q with { MaxWeeklyHoursPerPerson = 6.5 }, Ref));
        // an end of 24:00 (stored as 00:00)
        var late = Person(availability: [S("sat", "20:00", "24:00")]);
        Assert.Equal(4.0, SpecOracle.WeeklyHours(late, Post(schedule: [S("sat", "18:00", "24:00")]), Ref));
    }

    [Fact]
    public void Schedule_minor_night_removal_and_8_hour_cap()
    {
        var minorBirth = new DateOnly(2010, 3, 3);
        var windows = new[] { S("sat", "20:00", "23:30"), S("sun", "04:00", "08:00"), S("mon", "06:00", "20:00") };
        var post = Post(maxWeekly: 40, schedule: [S("sat", "05:00", "23:00"), S("sun", "00:00", "12:00"), S("mon", "05:00", "21:00")]);
        var adult = Person(availability: windows);
        var minor = Person(birth: minorBirth, availability: windows);
        // adult: sat 20–23 = 3, sun 4–8 = 4, mon 6–20 = 14 → 21 h
        Assert.Equal(21.0, SpecOracle.WeeklyHours(adult, post, Ref));
        // minor: sat 20–22 = 2, sun 6–8 = 2, mon 6–20 = 14 capped at 8 → 12 h
        Assert.Equal(12.0, SpecOracle.WeeklyHours(minor, post, Ref));
        // the removal comes before the cap: 05:00–23:00 both sides = 18 h → 06–22 = 16 → 8 h
        var longDay = Person(birth: minorBirth, availability: [S("tue", "05:00", "23:00")]);
        Assert.Equal(8.0, SpecOracle.WeeklyHours(longDay, Post(schedule: [S("tue", "05:00", "23:00")]), Ref));
        // a window entirely at night gives a minor nothing
        var night = Person(birth: minorBirth, hours: 0, availability: [S("wed", "22:00", "24:00")]);
        Assert.Equal(R("schedule"), Broken(night, Post(schedule: [S("wed", "21:00", "24:00")])));
    }

    [Fact]
    public void Schedule_minor_35_hour_week()
    {
        string[] days = ["mon", "tue", "wed", "thu", "fri"];
        var windows = days.Select(d => S(d, "08:00", "17:00")).ToArray(); // 9 h a day
        var post = Post(maxWeekly: 45, schedule: windows);
        Assert.Equal(45.0, SpecOracle.WeeklyHours(Person(availability: windows), post, Ref));
        // minor: 5 × 8 = 40 → 35
        Assert.Equal(35.0, SpecOracle.WeeklyHours(Person(birth: new DateOnly(2010, 1, 1), availability: windows), post, Ref));
        Assert.Equal(30.0, SpecOracle.WeeklyHours(Person(birth: new DateOnly(2010, 1, 1), availability: windows), post with { MaxWeeklyHoursPerPerson = 30 }, Ref));
    }

    [Fact]
    public void Schedule_minor_uses_the_minor_W_for_completion()
    {
        // minor: sat 20:00–23:00 → 2 h; N = 8 → 16 h. An adult would have 3 h → 24 h.
        var w = new[] { S("sat", "20:00", "23:00") };
        var q = Post(schedule: w);
        Assert.Empty(Broken(Person(birth: new DateOnly(2010, 1, 1), hours: 16, availability: w), q));
        Assert.Equal(R("schedule"), Broken(Person(birth: new DateOnly(2010, 1, 1), hours: 17, availability: w), q));
        Assert.Empty(Broken(Person(hours: 24, availability: w), q));
    }

    // ------------------------------------------------------------ rule 13

    [Fact]
    public void CoDefendant_per_pair_rule()
    {
        Assert.Equal(R("coDefendant"), Broken(Person(), Post(partner: "org-1"), new HashSet<string> { "org-1" }));
        Assert.Empty(Broken(Person(), Post(partner: "org-1"), new HashSet<string> { "org-2" }));
    }

    [Fact]
    public void CoDefendant_violations_either_direction()
    {
        var a = Person(id: "A", noContact: ["B"]);
        var b = Person(id: "B");
        var c = Person(id: "C");
        var d = Person(id: "D", noContact: ["C"]);
        var persons = new[] { a, b, c, d };
        var placements = new[] { ("B", "org-1"), ("A", "org-1"), ("C", "org-1"), ("B", "org-2"), ("D", "org-2"), ("C", "org-3") };
        Assert.Equal(new[] { ("A", "B", "org-1") }, SpecOracle.CoDefendantViolations(placements, persons));
        var more = placements.Append(("D", "org-3")).Append(("A", "org-3"));
        Assert.Equal(new[] { ("A", "B", "org-1"), ("C", "D", "org-3") }, SpecOracle.CoDefendantViolations(more, persons));
        Assert.Empty(SpecOracle.CoDefendantViolations(placements, [b, c]));
    }

    [Fact]
    public void CoDefendant_partner_ids_either_direction()
    {
        var a = Person(id: "A", noContact: ["B", "E"]);
        var b = Person(id: "B");
        var e = Person(id: "E", noContact: ["A"]);
        var persons = new[] { a, b, e };
        var placements = new[] { ("A", "org-1"), ("B", "org-2"), ("E", "org-3"), ("B", "org-4"), ("X", "org-5") };
        // B lists nobody, A lists B: B's co-defendant A is at org-1
        Assert.Equal(R("org-1"), SpecOracle.CoDefendantPartnerIds("B", placements, persons).Order(StringComparer.Ordinal));
        // A: B at org-2 and org-4, E at org-3; A's own placement is not counted
        Assert.Equal(R("org-2", "org-3", "org-4"), SpecOracle.CoDefendantPartnerIds("A", placements, persons).Order(StringComparer.Ordinal));
        Assert.Empty(SpecOracle.CoDefendantPartnerIds("X", placements, persons));
    }

    // ------------------------------------------------------------ the short-circuit used for counting

    [Fact]
    public void IsEligible_agrees_with_BrokenRules_on_random_pairs()
    {
        var rng = new Random(12345);
        string[] demands = ["low", "medium", "high"];
        string[] days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        OracleSlot Slot()
        {
            int a = rng.Next(0, 46), b = rng.Next(a + 1, 48);
            return new OracleSlot(days[rng.Next(7)], new TimeOnly(a / 2, a % 2 * 30), b == 48 ? TimeOnly.MinValue : new TimeOnly(b / 2, b % 2 * 30));
        }
        bool B() => rng.Next(4) == 0;
        int eligible = 0;
        for (int i = 0; i < 4000; i++)
        {
            var zones = B() ? new[] { Poly(Box(4.80, 45.74, 4.84 + rng.NextDouble() * 0.02, 45.77)) } : [];
            var p = Person(birth: new DateOnly(2000 + rng.Next(12), 1 + rng.Next(12), 1), maxKm: rng.Next(1, 5), licence: !B(),
                ptOnly: B(), hours: rng.Next(0, 60), deadline: Ref.AddDays(rng.Next(-10, 200)),
                availability: Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Slot()).ToArray(), maxDemand: demands[rng.Next(3)],
                wheelchair: B(), noMinors: B(), noVulnerable: B(), excluded: B() ? ["org-1"] : [], zones: zones);
            var q = Post(lat: 45.75 + rng.NextDouble() * 0.04 - 0.02, lon: 4.85 + rng.NextDouble() * 0.04 - 0.02, maxWeekly: rng.Next(0, 20),
                schedule: Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Slot()).ToArray(), openUntil: Ref.AddDays(rng.Next(-10, 300)),
                acceptsMinors: !B(), contactMinors: B(), vulnerable: B(), needsLicence: B(), demand: demands[rng.Next(3)],
                night: B(), wheelchair: !B(), nearPt: !B(), partner: B() ? "org-1" : "org-2");
            bool byRules = SpecOracle.BrokenRules(p, q, Ref, None).Count == 0;
            Assert.Equal(byRules, SpecOracle.IsEligible(p, q, Ref));
            if (byRules) eligible++;
        }
        Assert.InRange(eligible, 5, 3995); // both outcomes are exercised
    }
}
