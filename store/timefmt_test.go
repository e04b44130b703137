package store

import (
	"testing"
	"time"
)

// FuzzStoredTime holds the hand-written layout to the time package: a
// string parseStoredTime accepts parses to the same time as time.Parse,
// and a time appendStoredTime writes is what time.Format writes.
func FuzzStoredTime(f *testing.F) {
	for _, s := range []string{"2026-12-03T09:28:36.681573911Z", "2024-02-29T23:59:59.999999999Z",
		"2025-02-29T00:00:00.000000000Z", "0000-01-01T00:00:00.000000000Z", "9999-12-31T23:59:60.000000000Z",
		"2026-12-03T09:28:36.681573911+01:00", "2026-12-03T09:28:36Z", "2026-13-01T00:00:00.000000000Z",
		"2026-04-31T00:00:00.000000000Z", "2026-1a-01T00:00:00.000000000Z", "+026-01-01T00:00:00.000000000Z"} {
		f.Add(s, int64(0))
	}
	f.Add("", int64(1764754116681573911))
	f.Add("", int64(-62135596800000000))
	f.Fuzz(func(t *testing.T, s string, ns int64) {
		if got, ok := parseStoredTime(s); ok {
			want, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				t.Fatalf("parseStoredTime(%q) accepted what time.Parse refuses: %v", s, err)
			}
			if !got.Equal(want) || got.Location() != want.Location() {
				t.Fatalf("parseStoredTime(%q) = %v, time.Parse %v", s, got, want)
			}
		} else if len(s) == len(timeFormat) {
			if want, err := time.Parse(timeFormat, s); err == nil && want.Format(timeFormat) == s {
				t.Fatalf("parseStoredTime(%q) refused a time in the stored layout", s)
			}
		}
		tm := time.Unix(0, ns).UTC()
		if b, ok := appendStoredTime(nil, tm); ok {
			if got, want := string(b), tm.Format(timeFormat); got != want {
				t.Fatalf("appendStoredTime(%v) = %q, time.Format %q", tm, got, want)
			}
		}
		if got, want := fmtTime(tm), tm.Format(timeFormat); !tm.IsZero() && got != want {
			t.Fatalf("fmtTime(%v) = %q, want %q", tm, got, want)
		}
	})
}

// TestStoredTimeRoundTrip writes and reads back times across the years
// samkoll stores, with every kind of nanoseconds.
func TestStoredTimeRoundTrip(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2026, 12, 3, 9, 28, 36, 681573911, time.UTC),
		time.Date(2024, 2, 29, 23, 59, 59, 999999999, time.UTC),
		time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1999, 12, 31, 23, 0, 0, 1, time.FixedZone("CET", 3600)),
	} {
		s := fmtTime(tm)
		if want := tm.UTC().Format(timeFormat); s != want {
			t.Errorf("fmtTime(%v) = %q, want %q", tm, s, want)
		}
		back, err := parseTime(s)
		if err != nil || !back.Equal(tm) {
			t.Errorf("parseTime(%q) = %v, %v; want %v", s, back, err, tm)
		}
	}
	if _, err := parseTime("2026-02-30T00:00:00.000000000Z"); err == nil {
		t.Error("parseTime accepted 30 February")
	}
}
