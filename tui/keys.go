package tui

import (
	"charm.land/bubbles/v2/key"

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
	t := func(sv, en string) string { return pickText(lang, sv, en) }
	b := binding
	// The answer keys follow the language (j/d/n/e in Swedish, y/p/n/x in
	// English); the digits work in both. In English p is Partly, so
	// presentation mode is F2 alone.
	ans := map[checklist.Answer]string{checklist.Ja: "j", checklist.Delvis: "d", checklist.Nej: "n", checklist.EjAktuellt: "e"}
	present := b([]string{"f2", "p"}, "p/F2", t("presentationsläge", "presentation mode"))
	if lang == checklist.English {
		ans = map[checklist.Answer]string{checklist.Ja: "y", checklist.Delvis: "p", checklist.Nej: "n", checklist.EjAktuellt: "x"}
		present = b([]string{"f2"}, "F2", "presentation mode")
	}
	answer := func(digit string, a checklist.Answer) key.Binding {
		return b([]string{digit, ans[a]}, digit+"/"+ans[a], a.Label(lang))
	}
	up := b([]string{"up", "k"}, "↑/k", t("upp", "up"))
	down := b([]string{"down", "j"}, "↓/j", t("ned", "down"))
	arrowUp := b([]string{"up"}, "↑", t("upp", "up"))
	arrowDown := b([]string{"down"}, "↓", t("ned", "down"))
	pgUp := b([]string{"pgup"}, "pgup", t("sida upp", "page up"))
	pgDown := b([]string{"pgdown"}, "pgdn", t("sida ned", "page down"))
	first := b([]string{"home"}, "home", t("först", "first"))
	last := b([]string{"end"}, "end", t("sist", "last"))
	return KeyMap{
		List:      ListKeys{Up: up, Down: down, PageUp: pgUp, PageDown: pgDown, Home: first, End: last},
		ArrowList: ListKeys{Up: arrowUp, Down: arrowDown, PageUp: pgUp, PageDown: pgDown, Home: first, End: last},
		Global: GlobalKeys{
			Quit:          b([]string{"ctrl+c"}, "ctrl+c", t("avsluta", "quit")),
			Help:          b([]string{"?"}, "?", t("alla tangenter", "all keys")),
			Present:       present,
			Dismiss:       b([]string{"esc"}, "esc", t("stäng meddelandet", "close the message")),
			PresentAlways: b([]string{"f2"}, "F2", t("presentationsläge", "presentation mode")),
			Back:          b([]string{"esc", "q"}, "q/esc", t("tillbaka", "back")),
		},
		Home: HomeKeys{
			Up:       up,
			Down:     down,
			Filter:   b([]string{"/"}, "/", t("filtrera", "filter")),
			New:      b([]string{"n"}, "n", t("ny bedömning", "new assessment")),
			Open:     b([]string{"enter"}, "enter", t("fortsätt", "continue")),
			Plan:     b([]string{"a", "h"}, "a/h", t("handlingsplan", "action plan")),
			Summary:  b([]string{"s"}, "s", t("sammanfattning", "summary")),
			Export:   b([]string{"x"}, "x", t("exportera", "export")),
			Delete:   b([]string{"d"}, "d", t("ta bort", "delete")),
			Confirm:  b([]string{"y", "j"}, "y/j", t("ja, ta bort", "yes, delete")),
			Cancel:   b([]string{"n", "esc"}, "n/esc", t("avbryt", "cancel")),
			Followup: b([]string{"f"}, "f", t("årets uppföljning", "the year's follow-up")),
			YearPlan: b([]string{"w"}, "w", t("årshjul", "year plan")),
			ByUnit:   b([]string{"u"}, "u", t("per enhet", "by unit")),
			Region:   b([]string{"r"}, "r", t("regionens bild", "the region's picture")),
		},
		New: NewKeys{
			Next:     b([]string{"tab", "down"}, "tab/↓", t("nästa fält", "next field")),
			Prev:     b([]string{"shift+tab", "up"}, "shift+tab/↑", t("föregående fält", "previous field")),
			Complete: b([]string{"tab"}, "tab", t("fyll i förslag", "accept suggestion")),
			Toggle:   b([]string{"space"}, "space", t("välj/avvälj", "toggle")),
			Up:       b([]string{"up", "k"}, "↑/k", t("upp", "up")),
			Down:     b([]string{"down", "j"}, "↓/j", t("ned", "down")),
			Create:   b([]string{"ctrl+s"}, "ctrl+s", t("skapa och börja", "create and start")),
			Submit:   b([]string{"enter"}, "enter", t("nästa fält, sist skapa", "next field, create from the last")),
			Yes:      b([]string{"j", "y"}, "j/y", t("ja", "yes")),
			No:       b([]string{"n"}, "n", t("nej", "no")),
		},
		Walk: WalkKeys{
			Ja:            answer("1", checklist.Ja),
			Delvis:        answer("2", checklist.Delvis),
			Nej:           answer("3", checklist.Nej),
			EjAktuellt:    answer("4", checklist.EjAktuellt),
			Prev:          b([]string{"left", "h"}, "←", t("föregående", "previous")),
			Next:          b([]string{"right", "l"}, "→", t("nästa", "next")),
			Comment:       b([]string{"c"}, "c", t("kommentar", "comment")),
			Guidance:      b([]string{"g"}, "g", t("vägledning", "guidance")),
			Overview:      b([]string{"o"}, "o", t("översikt", "overview")),
			Risk:          b([]string{"r"}, "r", t("riskbedöm", "assess risk")),
			Plan:          b([]string{"a"}, "a", t("handlingsplan", "action plan")),
			Summary:       b([]string{"s"}, "s", t("sammanfattning", "summary")),
			History:       b([]string{"t"}, "t", t("tidigare svar", "earlier answers")),
			Measures:      b([]string{"f"}, "f", t("fungerar redan", "measures in place")),
			NextOpen:      b([]string{"tab"}, "tab", t("nästa obesvarade", "next unanswered")),
			Reopen:        b([]string{"u"}, "u", t("öppna bedömningen igen", "reopen the assessment")),
			KeepActions:   b([]string{"b", "k"}, "b", t("behåll åtgärderna", "keep the actions")),
			DoneActions:   b([]string{"m"}, "m", t("markera klara", "mark done")),
			StrikeActions: b([]string{"s"}, "s", t("stryk", "strike")),
		},
		Risk: RiskKeys{
			Score:     b([]string{"1", "2", "3", "4"}, "1–4", t("sannolikhet → konsekvens", "probability → consequence")),
			Note:      b([]string{"c"}, "c", t("kommentar om risken", "comment on the risk")),
			AddAction: b([]string{"a"}, "a", t("ny åtgärd", "new action")),
			Save:      b([]string{"enter"}, "enter", t("spara risk", "save risk")),
		},
		Overview: OverviewKeys{
			Jump:     b([]string{"enter"}, "enter", t("gå till punkten", "go to item")),
			AllAreas: b([]string{"tab"}, "tab", t("området/alla områden", "area/all areas")),
			NextOpen: b([]string{"n"}, "n", t("nästa obesvarade", "next unanswered")),
		},
		Input: InputKeys{
			Save:    b([]string{"enter"}, "enter", t("spara", "save")),
			Cancel:  b([]string{"esc"}, "esc", t("avbryt", "cancel")),
			Confirm: b([]string{"enter"}, "enter", t("spara ändå", "save anyway")),
		},
		Form: FormKeys{
			Pick:           b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–9", t("välj förslag", "pick suggestion")),
			EscalationNext: b([]string{"space", "right", "l"}, "space/→", t("nästa nivå", "next level")),
			EscalationPrev: b([]string{"left", "h"}, "←", t("föregående nivå", "previous level")),
		},
		Plan: PlanKeys{
			Add:        b([]string{"a"}, "a", t("ny åtgärd", "new action")),
			Edit:       b([]string{"enter"}, "enter", t("redigera", "edit")),
			Escalate:   b([]string{"e"}, "e", t("eskalering", "escalation")),
			Status:     b([]string{"s"}, "s", t("ändra status", "change status")),
			Checked:    b([]string{"k"}, "k", t("kontrollerad", "checked")),
			Delete:     b([]string{"d"}, "d", t("ta bort", "delete")),
			Summary:    b([]string{"z"}, "z", t("sammanfattning", "summary")),
			Reevaluate: b([]string{"r"}, "r", t("omvärdera risken", "re-evaluate the risk")),
		},
		Summary: SummaryKeys{
			Export:     b([]string{"x"}, "x", t("exportera", "export")),
			ExportHTML: b([]string{"w"}, "w", t("HTML att skriva ut", "HTML to print")),
			Copy:       b([]string{"y"}, "y", t("kopiera utdraget", "copy the extract")),
			Plan:       b([]string{"a"}, "a", t("handlingsplan", "action plan")),
			Close:      b([]string{"c"}, "c", t("avsluta bedömningen", "close the assessment")),
			AddRisk:    b([]string{"r"}, "r", t("åtgärd för allvarlig risk", "action for a serious risk")),
		},
		Own: OwnKeys{
			Open:      b([]string{"+"}, "+", t("egen punkt", "own item")),
			New:       b([]string{"n", "+"}, "n/+", t("ny egen punkt", "new own item")),
			Go:        b([]string{"enter"}, "enter", t("gå till punkten", "go to the item")),
			Edit:      b([]string{"e"}, "e", t("ändra texten", "edit the text")),
			Retire:    b([]string{"d"}, "d", t("ta bort från kommande APT", "retire from later APTs")),
			NextArea:  b([]string{"right", "space"}, "→/space", t("nästa område", "next area")),
			PrevArea:  b([]string{"left"}, "←", t("föregående område", "previous area")),
			NextField: b([]string{"tab", "down"}, "tab/↓", t("nästa fält", "next field")),
			PrevField: b([]string{"shift+tab", "up"}, "shift+tab/↑", t("föregående fält", "previous field")),
			Save:      b([]string{"ctrl+s"}, "ctrl+s", t("spara punkten", "save the item")),
		},
		Report: ReportKeys{
			PrevYear: b([]string{"left"}, "←", t("föregående år", "previous year")),
			NextYear: b([]string{"right"}, "→", t("nästa år", "next year")),
			Save:     b([]string{"x"}, "x", t("skriv till fil", "write to a file")),
		},
		YearPlan: YearPlanKeys{
			Later:    b([]string{"right", "l"}, "→", t("senare månad", "later month")),
			Earlier:  b([]string{"left", "h"}, "←", t("tidigare månad", "earlier month")),
			Clear:    b([]string{"delete", "backspace", "x"}, "x/del", t("ingen månad", "no month")),
			PrevYear: b([]string{"-", "["}, "-", t("föregående år", "previous year")),
			NextYear: b([]string{"+", "]"}, "+", t("nästa år", "next year")),
		},
		Export: ExportKeys{
			Confirm: b([]string{"j", "y"}, "j/y", t("skriv ändå", "write anyway")),
			Cancel:  b([]string{"n", "esc"}, "n/esc", t("avbryt", "cancel")),
		},
	}
}
