// The small-city builder ships in PartyDomain.Testing (a plugin's tests use the same one); the tests keep its name.
global using TestCity = PartyDomain.Testing.TestCity;
global using PartyDomain.Testing;

#pragma warning disable IDE0161 // the namespace that files linking this one import (using PartyDomain.Tests)
namespace PartyDomain.Tests
{
}
