using System.Text.Json.Serialization;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Web.Hosting;

/// <summary>
/// The enums the API's contracts carry, written as the kebab-case strings they always were (<see cref="KebabCaseEnumConverter{T}"/>)
/// and described in the OpenAPI document as plain strings, as before they were typed (<see cref="OpenApiDocument"/>).
/// </summary>
internal static class ContractEnums
{
    public static readonly IReadOnlyList<Type> Types =
    [
        typeof(PostStatus), typeof(PlacementStatus), typeof(RunState), typeof(ProposalStatus), typeof(SessionStatus), typeof(AttendanceOutcome),
        typeof(IncidentKind), typeof(IncidentStatus), typeof(IncidentAction), typeof(PlacementFollowUp), typeof(MeasureActionKind), typeof(SuspensionGround),
    ];

    public static void AddConverters(IList<JsonConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        converters.Add(new KebabCaseEnumConverter<PostStatus>());
        converters.Add(new KebabCaseEnumConverter<PlacementStatus>());
        converters.Add(new KebabCaseEnumConverter<RunState>());
        converters.Add(new KebabCaseEnumConverter<ProposalStatus>());
        converters.Add(new KebabCaseEnumConverter<SessionStatus>());
        converters.Add(new KebabCaseEnumConverter<AttendanceOutcome>());
        converters.Add(new KebabCaseEnumConverter<IncidentKind>());
        converters.Add(new KebabCaseEnumConverter<IncidentStatus>());
        converters.Add(new KebabCaseEnumConverter<IncidentAction>());
        converters.Add(new KebabCaseEnumConverter<PlacementFollowUp>());
        converters.Add(new KebabCaseEnumConverter<MeasureActionKind>());
        converters.Add(new KebabCaseEnumConverter<SuspensionGround>());
    }

    /// <summary>Whether <paramref name="type"/> is one of them, or one of them made nullable.</summary>
    public static bool Contains(Type type) => Types.Contains(Nullable.GetUnderlyingType(type) ?? type);
}
