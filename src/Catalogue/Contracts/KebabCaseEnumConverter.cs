using System.Text.Json;
using System.Text.Json.Serialization;

namespace Placement.Catalogue.Contracts;

/// <summary>An enum of the contracts written as its kebab-case name, the same as <see cref="EnumNames.ToKebab{T}(T)"/>: <c>pending-validation</c>.</summary>
public sealed class KebabCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) where T : struct, Enum;
