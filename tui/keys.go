package tui

import (
	"charm.land/bubbles/v2/key"
	"strings"

	"samkoll/checklist"
)

// KeyMap holds every key binding of the app, one struct per screen. Each
// binding carries its help text in the chosen language.
type KeyMap struct {
	Global GlobalKeys
	// List moves a list with the arrows and j/k; ArrowList with the
	// arrows only, where j or k means something else (or is typed).
	List, ArrowList ListKeys
	Home            HomeKeys
	New             NewKeys
	Walk            WalkKeys
	Risk            RiskKeys
	Overview        OverviewKeys
	Input           InputKeys
	Form            FormKeys
	Plan            PlanKeys
	Summary         SummaryKeys
	Export          ExportKeys
	Own             OwnKeys
	Report          ReportKeys
	YearPlan        YearPlanKeys
}

// GlobalKeys work on every screen (q, p and ? only when no text input has
// focus).
type GlobalKeys struct {
	Quit, Help, Present, Back key.Binding
	// PresentAlways toggles presentation mode even while typing.
	PresentAlways key.Binding
	// Dismiss closes a message that stays until it is read.
	Dismiss key.Binding
}

// ListKeys move the cursor of a list.
type ListKeys struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
}

// HomeKeys are the start screen's keys.
type HomeKeys struct {
	Up, Down, Filter, New, Open, Plan, Summary, Export, Delete, Confirm, Cancel key.Binding
	// Followup shows the yearly follow-up of the selected unit; YearPlan
	// its year plan.
	Followup, YearPlan key.Binding
	// ByUnit switches between the list by unit and the list of all
	// assessments.
	ByUnit key.Binding
	// Region shows the region's picture where there are several units.
	Region key.Binding
}

// NewKeys are the new assessment form's keys.
type NewKeys struct {
	Next, Prev, Complete, Toggle, Up, Down, Create key.Binding
	// Submit goes to the next field, and creates from the last ones.
	Submit key.Binding
	// Yes and No answer whether the skyddsombud is present.
	Yes, No key.Binding
}

// WalkKeys are the walk's keys.
type WalkKeys struct {
	Ja, Delvis, Nej, EjAktuellt key.Binding
	Prev, Next                  key.Binding
	Comment, Guidance, Overview key.Binding
	Risk, Plan, Summary         key.Binding
	// History shows the unit's earlier answers to the item.
	History key.Binding
	// Measures edits the measures already in place.
	Measures key.Binding
	// NextOpen goes to the next unanswered item; Reopen reopens a closed
	// assessment.
	NextOpen, Reopen key.Binding
	// KeepActions, DoneActions and StrikeActions answer what becomes of an
	// item's open actions when its answer turns to Ja.
	KeepActions, DoneActions, StrikeActions key.Binding
}

// RiskKeys are the risk evaluation's keys.
type RiskKeys struct {
	Score, Note, AddAction, Save key.Binding
}

// OverviewKeys are the item overview's keys.
type OverviewKeys struct {
	Jump, AllAreas key.Binding
	// NextOpen moves to the next unanswered item.
	NextOpen key.Binding
}

// InputKeys apply while a text input has focus.
type InputKeys struct {
	Save, Cancel, Confirm key.Binding
}

// FormKeys are the action form's own keys.
type FormKeys struct {
	// Pick chooses a suggested measure by its number.
	Pick key.Binding
	// EscalationNext and EscalationPrev cycle the escalation.
	EscalationNext, EscalationPrev key.Binding
}

// PlanKeys are the action plan's keys.
type PlanKeys struct {
	Add, Edit, Status, Checked, Escalate, Delete, Summary key.Binding
	// Reevaluate re-evaluates the item's risk after a done or checked
	// action (reeval.go).
	Reevaluate key.Binding
}

// SummaryKeys are the summary's keys.
type SummaryKeys struct {
	Export, ExportHTML, Copy, Plan, Close key.Binding
	// AddRisk adds an action for the first serious risk without one.
	AddRisk key.Binding
}

// ExportKeys answer the question before a plan whose free text looks like
// a personnummer is written.
type ExportKeys struct {
	Confirm, Cancel key.Binding
}

// OwnKeys are the keys of the group's own items (ownitem.go).
type OwnKeys struct {
	// Open opens the own items from the walk.
	Open key.Binding
	// New adds one; Go goes to it in the walk; Edit changes its text;
	// Retire stops offering it.
	New, Go, Edit, Retire key.Binding
	// The form: the area, the fields, saving.
	NextArea, PrevArea, NextField, PrevField, Save key.Binding
}

// ReportKeys are the keys of a report in a pager (reportscreen.go).
type ReportKeys struct {
	PrevYear, NextYear, Save key.Binding
}

// YearPlanKeys are the year plan's keys (yearplan.go).
type YearPlanKeys struct {
	Later, Earlier, Clear, PrevYear, NextYear key.Binding
}

// binding is a key binding with its help. It is not inlined: the key map
// makes about a hundred, and inlined they were 50 KB of code.
//
//go:noinline
func binding(keys []string, k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
}

// DefaultKeyMap returns the bindings with help in lang.
func DefaultKeyMap(lang checklist.Lang) KeyMap {
	// k makes a binding of the keys named in keys (separated by spaces),
	// shown as help with the Swedish or English description. A call with
	// four constant strings is less code than building each binding's
	// slice and description at its place: the binaries are 29–33 KB
	// smaller (docs/performance.md, "Binary size").
	k := func(keys, help, sv, en string) key.Binding {
		return binding(strings.Fields(keys), help, pickText(lang, sv, en))
	}
	// The answer keys follow the language (j/d/n/e in Swedish, y/p/n/x in
	// English); the digits work in both. In English p is Partly, so
	// presentation mode is F2 alone.
	ans := map[checklist.Answer]string{checklist.Ja: "j", checklist.Delvis: "d", checklist.Nej: "n", checklist.EjAktuellt: "e"}
	present := k("f2 p", "p/F2", "presentationsläge", "presentation mode")
	if lang == checklist.English {
		ans = map[checklist.Answer]string{checklist.Ja: "y", checklist.Delvis: "p", checklist.Nej: "n", checklist.EjAktuellt: "x"}
		present = k("f2", "F2", "presentation mode", "presentation mode")
	}
	answer := func(digit string, a checklist.Answer) key.Binding {
		return binding([]string{digit, ans[a]}, digit+"/"+ans[a], a.Label(lang))
	}
	up := k("up k", "↑/k", "upp", "up")
	down := k("down j", "↓/j", "ned", "down")
	arrowUp := k("up", "↑", "upp", "up")
	arrowDown := k("down", "↓", "ned", "down")
	pgUp := k("pgup", "pgup", "sida upp", "page up")
	pgDown := k("pgdown", "pgdn", "sida ned", "page down")
	first := k("home", "home", "först", "first")
	last := k("end", "end", "sist", "last")
	return KeyMap{
		List:      ListKeys{Up: up, Down: down, PageUp: pgUp, PageDown: pgDown, Home: first, End: last},
		ArrowList: ListKeys{Up: arrowUp, Down: arrowDown, PageUp: pgUp, PageDown: pgDown, Home: first, End: last},
		Global: GlobalKeys{
			Quit:          k("ctrl+c", "ctrl+c", "avsluta", "quit"),
			Help:          k("?", "?", "alla tangenter", "all keys"),
			Present:       present,
			Dismiss:       k("esc", "esc", "stäng meddelandet", "close the message"),
			PresentAlways: k("f2", "F2", "presentationsläge", "presentation mode"),
			Back:          k("esc q", "q/esc", "tillbaka", "back"),
		},
		Home: HomeKeys{
			Up:       up,
			Down:     down,
			Filter:   k("/", "/", "filtrera", "filter"),
			New:      k("n", "n", "ny bedömning", "new assessment"),
			Open:     k("enter", "enter", "fortsätt", "continue"),
			Plan:     k("a h", "a/h", "handlingsplan", "action plan"),
			Summary:  k("s", "s", "sammanfattning", "summary"),
			Export:   k("x", "x", "exportera", "export"),
			Delete:   k("d", "d", "ta bort", "delete"),
			Confirm:  k("y j", "y/j", "ja, ta bort", "yes, delete"),
			Cancel:   k("n esc", "n/esc", "avbryt", "cancel"),
			Followup: k("f", "f", "årets uppföljning", "the year's follow-up"),
			YearPlan: k("w", "w", "årshjul", "year plan"),
			ByUnit:   k("u", "u", "per enhet", "by unit"),
			Region:   k("r", "r", "regionens bild", "the region's picture"),
		},
		New: NewKeys{
			Next:     k("tab down", "tab/↓", "nästa fält", "next field"),
			Prev:     k("shift+tab up", "shift+tab/↑", "föregående fält", "previous field"),
			Complete: k("tab", "tab", "fyll i förslag", "accept suggestion"),
			Toggle:   k("space", "space", "välj/avvälj", "toggle"),
			Up:       k("up k", "↑/k", "upp", "up"),
			Down:     k("down j", "↓/j", "ned", "down"),
			Create:   k("ctrl+s", "ctrl+s", "skapa och börja", "create and start"),
			Submit:   k("enter", "enter", "nästa fält, sist skapa", "next field, create from the last"),
			Yes:      k("j y", "j/y", "ja", "yes"),
			No:       k("n", "n", "nej", "no"),
		},
		Walk: WalkKeys{
			Ja:            answer("1", checklist.Ja),
			Delvis:        answer("2", checklist.Delvis),
			Nej:           answer("3", checklist.Nej),
			EjAktuellt:    answer("4", checklist.EjAktuellt),
			Prev:          k("left h", "←", "föregående", "previous"),
			Next:          k("right l", "→", "nästa", "next"),
			Comment:       k("c", "c", "kommentar", "comment"),
			Guidance:      k("g", "g", "vägledning", "guidance"),
			Overview:      k("o", "o", "översikt", "overview"),
			Risk:          k("r", "r", "riskbedöm", "assess risk"),
			Plan:          k("a", "a", "handlingsplan", "action plan"),
			Summary:       k("s", "s", "sammanfattning", "summary"),
			History:       k("t", "t", "tidigare svar", "earlier answers"),
			Measures:      k("f", "f", "fungerar redan", "measures in place"),
			NextOpen:      k("tab", "tab", "nästa obesvarade", "next unanswered"),
			Reopen:        k("u", "u", "öppna bedömningen igen", "reopen the assessment"),
			KeepActions:   k("b k", "b", "behåll åtgärderna", "keep the actions"),
			DoneActions:   k("m", "m", "markera klara", "mark done"),
			StrikeActions: k("s", "s", "stryk", "strike"),
		},
		Risk: RiskKeys{
			Score:     k("1 2 3 4", "1–4", "sannolikhet → konsekvens", "probability → consequence"),
			Note:      k("c", "c", "kommentar om risken", "comment on the risk"),
			AddAction: k("a", "a", "ny åtgärd", "new action"),
			Save:      k("enter", "enter", "spara risk", "save risk"),
		},
		Overview: OverviewKeys{
			Jump:     k("enter", "enter", "gå till punkten", "go to item"),
			AllAreas: k("tab", "tab", "området/alla områden", "area/all areas"),
			NextOpen: k("n", "n", "nästa obesvarade", "next unanswered"),
		},
		Input: InputKeys{
			Save:    k("enter", "enter", "spara", "save"),
			Cancel:  k("esc", "esc", "avbryt", "cancel"),
			Confirm: k("enter", "enter", "spara ändå", "save anyway"),
		},
		Form: FormKeys{
			Pick:           k("1 2 3 4 5 6 7 8 9", "1–9", "välj förslag", "pick suggestion"),
			EscalationNext: k("space right l", "space/→", "nästa nivå", "next level"),
			EscalationPrev: k("left h", "←", "föregående nivå", "previous level"),
		},
		Plan: PlanKeys{
			Add:        k("a", "a", "ny åtgärd", "new action"),
			Edit:       k("enter", "enter", "redigera", "edit"),
			Escalate:   k("e", "e", "eskalering", "escalation"),
			Status:     k("s", "s", "ändra status", "change status"),
			Checked:    k("k", "k", "kontrollerad", "checked"),
			Delete:     k("d", "d", "ta bort", "delete"),
			Summary:    k("z", "z", "sammanfattning", "summary"),
			Reevaluate: k("r", "r", "omvärdera risken", "re-evaluate the risk"),
		},
		Summary: SummaryKeys{
			Export:     k("x", "x", "exportera", "export"),
			ExportHTML: k("w", "w", "HTML att skriva ut", "HTML to print"),
			Copy:       k("y", "y", "kopiera utdraget", "copy the extract"),
			Plan:       k("a", "a", "handlingsplan", "action plan"),
			Close:      k("c", "c", "avsluta bedömningen", "close the assessment"),
			AddRisk:    k("r", "r", "åtgärd för allvarlig risk", "action for a serious risk"),
		},
		Own: OwnKeys{
			Open:      k("+", "+", "egen punkt", "own item"),
			New:       k("n +", "n/+", "ny egen punkt", "new own item"),
			Go:        k("enter", "enter", "gå till punkten", "go to the item"),
			Edit:      k("e", "e", "ändra texten", "edit the text"),
			Retire:    k("d", "d", "ta bort från kommande APT", "retire from later APTs"),
			NextArea:  k("right space", "→/space", "nästa område", "next area"),
			PrevArea:  k("left", "←", "föregående område", "previous area"),
			NextField: k("tab down", "tab/↓", "nästa fält", "next field"),
			PrevField: k("shift+tab up", "shift+tab/↑", "föregående fält", "previous field"),
			Save:      k("ctrl+s", "ctrl+s", "spara punkten", "save the item"),
		},
		Report: ReportKeys{
			PrevYear: k("left", "←", "föregående år", "previous year"),
			NextYear: k("right", "→", "nästa år", "next year"),
			Save:     k("x", "x", "skriv till fil", "write to a file"),
		},
		YearPlan: YearPlanKeys{
			Later:    k("right l", "→", "senare månad", "later month"),
			Earlier:  k("left h", "←", "tidigare månad", "earlier month"),
			Clear:    k("delete backspace x", "x/del", "ingen månad", "no month"),
			PrevYear: k("- [", "-", "föregående år", "previous year"),
			NextYear: k("+ ]", "+", "nästa år", "next year"),
		},
		Export: ExportKeys{
			Confirm: k("j y", "j/y", "skriv ändå", "write anyway"),
			Cancel:  k("n esc", "n/esc", "avbryt", "cancel"),
		},
	}
}
