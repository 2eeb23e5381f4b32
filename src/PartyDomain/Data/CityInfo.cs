namespace PartyDomain.Data;

/// <summary>The city whose data a <see cref="CityDataset"/> holds.</summary>
/// <param name="Id">A short, stable identifier, for example the administrative division code.</param>
/// <param name="Name">The city's name, for example 信阳市.</param>
public sealed record CityInfo(string Id, string Name);
