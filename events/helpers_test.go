package events_test

import (
	"time"
)

// testKnown stands in for the map outlines: XYZ is the one unknown code.
func testKnown(iso string) bool { return iso != "XYZ" }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// validDoc is a small valid file; the error cases break one thing in it.
const validDoc = `{
  "events": [
    {"id": "req", "kind": "request", "alliance": "csto", "date": "2010-06-12", "iso": ["KGZ"],
     "place": "Osh", "lon": 72.8, "lat": 40.53,
     "actors": [{"role": "asked", "name": "Kyrgyzstan", "iso": "KGZ"}],
     "outcome": "no troops sent", "note": "Asked.", "sources": ["https://example.org/a"], "confidence": "high"},
    {"id": "base", "kind": "base", "alliance": "csto", "date": "1995", "iso": ["ARM"],
     "place": "Gyumri", "lon": 43.85, "lat": 40.79,
     "actors": [{"role": "operates", "name": "Russia", "iso": "RUS", "troops": 3000}],
     "note": "A base.", "sources": ["https://example.org/b"], "confidence": "medium"}
  ]
}`
