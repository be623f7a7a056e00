package geo

// Test-only access to unexported parts of the package, for the external
// tests in package geo_test.

// CrimeaProbe is crimeaProbe.
var CrimeaProbe = crimeaProbe

// RecogniseCrimea is recogniseCrimea.
func RecogniseCrimea(countries []Country) error { return recogniseCrimea(countries) }

// Absorb is absorb.
func Absorb(countries []Country, from, into string) ([]Country, error) {
	return absorb(countries, from, into)
}

// WholeWesternSahara is wholeWesternSahara.
func WholeWesternSahara(countries []Country) error { return wholeWesternSahara(countries) }

// WesternSaharaLat is westernSaharaLat.
const WesternSaharaLat = westernSaharaLat
