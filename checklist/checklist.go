// Package checklist holds samkoll's domain: checklist areas and items, the
// answers a work group gives, risk evaluations and the actions of a
// handlingsplan. It loads and validates checklist files.
//
// The package imports only the standard library and a YAML parser. It never
// imports Bubble Tea, lipgloss or database/sql.
package checklist

import (
	"fmt"
	"strings"
)

// Lang is a user-facing language.
type Lang string

// The languages samkoll speaks. Swedish is the default and always present.
const (
	Swedish Lang = "sv"
	English Lang = "en"
)

// ParseLang returns the Lang for s ("sv" or "en").
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "sv", "sv_se", "swedish", "svenska":
		return Swedish, nil
	case "en", "en_gb", "en_us", "english", "engelska":
		return English, nil
	}
	return "", fmt.Errorf("okänt språk %q (välj sv eller en)", s)
}

// Text is a user-facing string in Swedish and, optionally, English.
type Text struct {
	// SV is the Swedish text. It is required.
	SV string `yaml:"sv" json:"sv"`
	// EN is the English text. When empty, the Swedish text is shown.
	EN string `yaml:"en,omitempty" json:"en,omitempty"`
}

// In returns the text in lang, falling back to Swedish.
//
//go:noinline
func (t Text) In(lang Lang) string {
	if lang == English && t.EN != "" {
		return t.EN
	}
	return t.SV
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.SV == "" && t.EN == "" }

// ItemType classifies an item, which sets the default risk level of a
// shortcoming.
type ItemType string

// The item types of the OiRA-style method in the domain reference.
const (
	// Lagkrav is a legal requirement or a required routine. A shortcoming
	// defaults to hög risk.
	Lagkrav ItemType = "lagkrav"
	// RiskItem is a risk judged on the probability × consequence matrix.
	RiskItem ItemType = "risk"
	// Friskfaktor is a health factor; a shortcoming is a development
	// measure.
	Friskfaktor ItemType = "friskfaktor"
)

// Valid reports whether t is a known type.
func (t ItemType) Valid() bool {
	return t == Lagkrav || t == RiskItem || t == Friskfaktor
}

// Label returns the type's name for display.
func (t ItemType) Label(lang Lang) string {
	switch t {
	case Lagkrav:
		return Text{"Lagkrav", "Legal requirement"}.In(lang)
	case RiskItem:
		return Text{"Risk", "Risk"}.In(lang)
	case Friskfaktor:
		return Text{"Friskfaktor", "Health factor"}.In(lang)
	}
	return string(t)
}

// LegalKind says how binding a legal basis is.
type LegalKind string

// The kinds of legal basis.
const (
	// Law is binding text: a statute or an AFS provision.
	Law LegalKind = "law"
	// Advice is an allmänt råd inside an AFS: guidance, not binding.
	Advice LegalKind = "advice"
	// Practice is established practice or a collective agreement, not law.
	Practice LegalKind = "practice"
	// PolicyOnly means the item rests on the regional policy alone.
	PolicyOnly LegalKind = "policy"
)

// Valid reports whether k is a known kind.
func (k LegalKind) Valid() bool {
	return k == Law || k == Advice || k == Practice || k == PolicyOnly
}

// Legal is one legal basis of an item, e.g. "AFS 2023:1 11 §".
type Legal struct {
	// Ref is the citation in the structure in force, e.g. "AFS 2023:2 kap 2 10 §"
	// or "Diskrimineringslagen 3 kap". It may be empty only for PolicyOnly.
	Ref string `yaml:"ref,omitempty" json:"ref,omitempty"`
	// Kind says whether the basis is law, allmänt råd, practice or policy.
	Kind LegalKind `yaml:"kind" json:"kind"`
	// Unverified marks a reference that must be checked before release.
	Unverified bool `yaml:"unverified,omitempty" json:"unverified,omitempty"`
}

// String renders the basis for display.
func (l Legal) String(lang Lang) string {
	s := l.Ref
	switch l.Kind {
	case Advice:
		s += Text{" (allmänt råd)", " (general advice)"}.In(lang)
	case Practice:
		s += Text{" (praxis)", " (practice)"}.In(lang)
	case PolicyOnly:
		if s == "" {
			s = Text{"Endast policy", "Policy only"}.In(lang)
		} else {
			s += Text{" (policy, ej lag)", " (policy, not law)"}.In(lang)
		}
	}
	if l.Unverified {
		s += " [?]"
	}
	return s
}

// Item is one statement of a checklist. The group answers it Ja, Delvis, Nej
// or Ej aktuellt.
type Item struct {
	// ID is stable and unique within its area: answers are keyed by it.
	ID string `yaml:"id" json:"id"`
	// Type is lagkrav, risk or friskfaktor.
	Type ItemType `yaml:"type" json:"type"`
	// Statement is affirmative: Ja means good.
	Statement Text `yaml:"statement" json:"statement"`
	// Problem is the negative phrasing used in the handlingsplan.
	Problem Text `yaml:"problem" json:"problem"`
	// Guidance says what to talk about and what a good answer looks like.
	Guidance Text `yaml:"guidance" json:"guidance"`
	// Policies are ids of policy statements the item derives from.
	Policies []string `yaml:"policies" json:"policies"`
	// Legal is the item's legal basis.
	Legal []Legal `yaml:"legal" json:"legal"`
	// Measures are suggested actions, offered when an action is added.
	Measures []Text `yaml:"measures" json:"measures"`

	// Pos is where the item starts in its file, for messages.
	Pos Pos `yaml:"-" json:"-"`
}

// LegalString joins the item's legal basis for display.
func (it Item) LegalString(lang Lang) string {
	parts := make([]string, 0, len(it.Legal))
	for _, l := range it.Legal {
		parts = append(parts, l.String(lang))
	}
	return strings.Join(parts, "; ")
}

// Area is one checklist: a subject such as "Kränkande särbehandling" with
// its items. Each area lives in one file.
type Area struct {
	// ID is stable across versions, e.g. "krankningar". A user file with the
	// same id overrides the built-in area.
	ID string `yaml:"id" json:"id"`
	// Version is raised whenever the wording of an item changes.
	Version int `yaml:"version" json:"version"`
	// Core areas rest on the core themes (discrimination, harassment,
	// health, alcohol/drugs/tobacco); they are preselected for a new
	// assessment.
	Core bool `yaml:"core" json:"core"`
	// Recommended areas are not core but carry binding requirements that
	// every unit should go through each year; they are preselected too.
	Recommended bool `yaml:"recommended,omitempty" json:"recommended,omitempty"`
	// Order sorts areas in lists; lower first.
	Order int `yaml:"order,omitempty" json:"order,omitempty"`
	// Title is the area's name.
	Title Text `yaml:"title" json:"title"`
	// Description introduces the area, including the privacy reminder where
	// it touches sensitive matters.
	Description Text `yaml:"description" json:"description"`
	// VerifiedOn is the date the legal references were last checked.
	VerifiedOn string `yaml:"verified_on,omitempty" json:"verified_on,omitempty"`
	// Items are the statements, in the order they are walked.
	Items []Item `yaml:"items" json:"items"`

	// Origin says where the area was loaded from: "inbyggd" for built-in,
	// otherwise the file path.
	Origin string `yaml:"-" json:"-"`
	// Hash is a content hash of the file the area was loaded from.
	Hash string `yaml:"-" json:"-"`
}

// Item returns the item with id, if any.
func (a *Area) Item(id string) (Item, bool) {
	for _, it := range a.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// Pos is a position in a file.
type Pos struct {
	Line, Column int
}
