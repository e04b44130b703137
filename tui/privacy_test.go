package tui

import (
	"regexp"
	"testing"

	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// privacyHint matches the short hints not to write names or individual
// cases, in Swedish and English.
var privacyHint = map[checklist.Lang]*regexp.Regexp{
	checklist.Swedish: regexp.MustCompile(`inte (namn|enskilda)`),
	checklist.English: regexp.MustCompile(`not (write )?names|not individual`),
}

// newLangDriver is newDriver in lang.
func newLangDriver(t testing.TB, fs *fakeStore, lang checklist.Lang) *driver {
	t.Helper()
	return driverOn(t, fs, fs, lang)
}

// driverOn is newLangDriver on s, a Store built over fs.
func driverOn(t testing.TB, s Store, fs *fakeStore, lang checklist.Lang) *driver {
	t.Helper()
	exp := &fakeExporter{}
	d := driverWith(t, s, fs, lang, exp)
	d.export = exp
	return d
}

// driverWith is driverOn with the exporter exp.
func driverWith(t testing.TB, s Store, fs *fakeStore, lang checklist.Lang, exp Exporter) *driver {
	t.Helper()
	m := New(Config{Store: s, Exporter: exp, Catalog: testCatalog(t), Lang: lang,
		Today: func() checklist.Date { return testToday }})
	d := attach(t, m, fs)
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return d
}

// TestFreeTextFieldsShowPrivacyHint opens every free-text field the user
// can type into (participants, comment, reason, risk note, the action's
// risk, what and who, and the effect of a checked action) and checks that
// the hint not to write names or individual cases is on screen while the
// field is focused, in Swedish and in English.
func TestFreeTextFieldsShowPrivacyHint(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.Swedish, checklist.English} {
		t.Run(string(lang), func(t *testing.T) {
			fs := newFakeStore()
			a := seed(t, fs, "Enhet", testToday, 0)
			if _, err := fs.SaveAction(t.Context(), checklist.Action{UnitID: a.UnitID, AssessmentID: a.ID, What: "Rutin", Who: "chef"}); err != nil {
				t.Fatal(err)
			}
			d := newLangDriver(t, fs, lang)
			hint := func(field string) {
				t.Helper()
				if v := d.view(); !privacyHint[lang].MatchString(v) {
					t.Errorf("%s: no privacy hint on screen:\n%s", field, v)
				}
			}

			d.keys("n")
			d.keys("tab", "tab")
			if s, ok := d.m.active().(*newScreen); !ok || s.focus != fieldParticipants {
				t.Fatalf("participants not focused on %s", d.m.ActiveScreen())
			}
			hint("participants")
			d.keys("esc")

			d.send(openMsg{to: walkScreenID, id: a.ID, focus: checklist.ItemKey{AreaID: "krank", ItemID: "p1"}})
			d.keys("c")
			hint("comment")
			d.keys("esc", "4")
			if d.walk().mode != modeReason {
				t.Fatalf("Ej aktuellt did not ask for a reason")
			}
			hint("reason")
			d.keys("esc", "3")
			d.keys("c")
			if d.walk().mode != modeRiskNote {
				t.Fatalf("c on the risk screen did not open the note (mode %v)", d.walk().mode)
			}
			hint("risk note")
			d.keys("esc", "esc")

			d.send(openMsg{to: planScreenID, id: a.ID})
			d.keys("enter")
			p, ok := d.m.active().(*planScreen)
			if !ok || p.form == nil {
				t.Fatalf("the action form did not open on %s", d.m.ActiveScreen())
			}
			seen := map[formField]bool{}
			for range len(p.form.fields) {
				f := p.form.field()
				if f == fieldRisk || f == fieldWhat || f == fieldWho {
					hint("action " + f.String())
					seen[f] = true
				}
				d.keys("tab")
			}
			for _, f := range []formField{fieldRisk, fieldWhat, fieldWho} {
				if !seen[f] {
					t.Errorf("the action form has no %s field", f)
				}
			}
			d.keys("esc", "k", "y")
			if p.effect == nil {
				t.Fatal("k did not ask for the effect")
			}
			hint("effect")
		})
	}
}
