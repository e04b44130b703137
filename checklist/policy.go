package checklist

// Theme groups policy statements by subject. Statements on the core themes
// must be covered by at least one built-in item.
type Theme string

// The themes of policy statements.
const (
	ThemeSAM            Theme = "sam"
	ThemeOSA            Theme = "osa"
	ThemeKrankningar    Theme = "krankningar"
	ThemeDiskriminering Theme = "diskriminering"
	ThemeJamstalldhet   Theme = "jamstalldhet"
	ThemeHalsa          Theme = "halsa"
	ThemeADT            Theme = "adt"
	ThemeInformation    Theme = "information"
	ThemeSakerhet       Theme = "sakerhet"
	ThemeBarnratt       Theme = "barnratt"
	ThemeHallbarhet     Theme = "hallbarhet"
	ThemeOvrigt         Theme = "ovrigt"
)

var themes = []Theme{ThemeSAM, ThemeOSA, ThemeKrankningar, ThemeDiskriminering, ThemeJamstalldhet,
	ThemeHalsa, ThemeADT, ThemeInformation, ThemeSakerhet, ThemeBarnratt, ThemeHallbarhet, ThemeOvrigt}

// Valid reports whether t is a known theme.
func (t Theme) Valid() bool {
	for _, x := range themes {
		if t == x {
			return true
		}
	}
	return false
}

// Core reports whether statements on the theme must be covered: the four
// core areas discrimination, harassment, health and alcohol/drugs/tobacco.
func (t Theme) Core() bool {
	return t == ThemeDiskriminering || t == ThemeKrankningar || t == ThemeHalsa || t == ThemeADT
}

// PolicySource is one policy document, e.g. a seed policy.
type PolicySource struct {
	// File is the seed file's name; empty for a source outside the seeds.
	File string `json:"file,omitempty"`
	// Title is the document's title.
	Title string `json:"title"`
	// Organisation issued the document.
	Organisation string `json:"organisation"`
	// Statements are the document's workplace-related statements.
	Statements []*Statement `json:"statements"`
	// Origin is where the source was loaded from.
	Origin string `json:"-"`
}

// Statement is one paraphrased statement of a policy.
type Statement struct {
	// ID is short and unique across all sources, e.g. "kro-4-nolltolerans".
	ID string `json:"id"`
	// Section names where in the source the statement is.
	Section string `json:"section"`
	// Theme is the statement's subject.
	Theme Theme `json:"theme"`
	// Text is a paraphrase in our own words.
	Text Text `json:"text"`
	// OutOfScope, when set, says why the statement is outside what a
	// workplace checklist can address, e.g. services to residents. Such a
	// statement is reported apart and is never counted as covered.
	OutOfScope Text `json:"out_of_scope,omitzero"`
	// Source is the document the statement belongs to.
	Source *PolicySource `json:"-"`
}
