using Mapster;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Features.Posts;

/// <summary>A post without an address of its own is at its host body's address.</summary>
internal static class PostAddress
{
    public static T WithDefault<T>(T input, HostBody hostBody) where T : PostFields =>
        input.Address is null ? input with { Address = hostBody.Details.Address.Adapt<AddressDto>(CatalogueMappings.Config) } : input;
}
