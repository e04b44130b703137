package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// The group's own items ("Egen punkt", issue 16 point 4): during the
// meeting the manager adds an item of the group's own, a statement with
// optional guidance, in one of the assessment's areas or in the unit's own
// area; it is then answered, risk-evaluated and acted on in the walk like
// any other item, and offered again at the unit's next APT. An own item the
// group no longer wants is retired: it is not offered at later APTs, and
// the answers already given stay.

// ownItemStore is the own items' part of the store; *store.Store
// satisfies it.
type ownItemStore interface {
	// SaveOwnItem adds (ID 0) or changes an own item and returns it saved.
	SaveOwnItem(ctx context.Context, o checklist.OwnItem) (checklist.OwnItem, error)
	// RetireOwnItem stops offering the item at assessments after date.
	RetireOwnItem(ctx context.Context, id int64, date checklist.Date) error
}

// ownItemSavedMsg confirms a saved own item.
type ownItemSavedMsg struct{ o checklist.OwnItem }

// ownItemRetiredMsg confirms a retired own item.
type ownItemRetiredMsg struct {
	assessmentID, id int64
}

// errNoOwnItems is the error of a store without own items.
func errNoOwnItems() error {
	return checklist.Errorf("databasen kan inte spara egna punkter", "the database cannot store own items")
}

// saveOwnItem queues a new or changed own item, edited in assessment aid.
func (sh *shared) saveOwnItem(o checklist.OwnItem, aid int64) {
	statement, guidance := ownItemFields(o)
	sh.enqueue(&writeOp{what: sh.tr("den egna punkten ", "the own item ") + quoteShort(o.Statement), assessmentID: o.AssessmentID,
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			ost, ok := s.(ownItemStore)
			if !ok {
				return nil, errNoOwnItems()
			}
			got, err := ost.SaveOwnItem(ctx, o)
			if err != nil {
				return nil, err
			}
			// The text is saved: its drafts go.
			for _, field := range []string{statement, guidance} {
				_ = s.DeleteDraft(ctx, aid, field)
			}
			return ownItemSavedMsg{got}, nil
		}})
}

// retireOwnItem queues the retiring of own item o at assessment a: from
// the day before its meeting, so that an item not answered here leaves
// this APT too.
func (sh *shared) retireOwnItem(a checklist.Assessment, o checklist.OwnItem) {
	id, aid, date := o.ID, a.ID, a.Date.AddDays(-1)
	sh.enqueue(&writeOp{what: sh.tr("borttagningen av den egna punkten ", "the retiring of the own item ") + quoteShort(o.Statement),
		run: func(ctx context.Context, s Store) (tea.Msg, error) {
			ost, ok := s.(ownItemStore)
			if !ok {
				return nil, errNoOwnItems()
			}
			if err := ost.RetireOwnItem(ctx, id, date); err != nil {
				return nil, err
			}
			return ownItemRetiredMsg{assessmentID: aid, id: id}, nil
		}})
}

// ownItemFields names the draft fields of the statement and guidance of
// own item o: "ownitem/statement" for a new one, "ownitem/E2/statement"
// for E2.
func ownItemFields(o checklist.OwnItem) (statement, guidance string) {
	p := "ownitem/"
	if o.ID != 0 {
		p += o.ItemID + "/"
	}
	return p + "statement", p + "guidance"
}

// ownItemScreen lists the group's own items offered at this APT and adds
// or retires one.
type ownItemScreen struct {
	sh   *shared
	a    checklist.Assessment
	list listWindow
	// form is the new item's form while it is open.
	form *ownItemForm
	// retiring is set while the retiring of the selected item waits for
	// confirmation; retired are the items retired here.
	retiring bool
	retired  map[int64]bool
	// focusArea is the area of the walk's item, the form's first choice.
	focusArea string
	w, h      int
}

// newOwnItemScreen returns the screen for a loaded assessment; focus is
// the walk's item. Without own items it opens the form at once.
func newOwnItemScreen(sh *shared, a checklist.Assessment, focus checklist.ItemKey) *ownItemScreen {
	s := &ownItemScreen{sh: sh, a: a, focusArea: focus.AreaID, retired: map[int64]bool{}, w: 80, h: 20}
	s.list = newListWindow(sh.keys.List, s.row)
	s.list.SetLen(len(a.OwnItems))
	if len(a.OwnItems) == 0 {
		s.openForm()
	}
	return s
}

// openForm opens the form for a new item.
func (s *ownItemScreen) openForm() {
	s.form = newOwnItemForm(s.sh, s.a, s.focusArea, checklist.OwnItem{})
	s.form.SetSize(s.w, s.h)
}

// Inputting implements screen.
func (s *ownItemScreen) Inputting() bool { return s.form != nil || s.retiring }

// SetSize implements screen.
func (s *ownItemScreen) SetSize(w, h int) {
	s.w, s.h = max(w, 1), max(h, 1)
	s.list.SetSize(s.w, max(s.h-4, 1))
	if s.form != nil {
		s.form.SetSize(s.w, s.h)
	}
}

// draftField implements drafter: the form's text while typed.
func (s *ownItemScreen) draftField() (int64, string, string, bool) {
	if s.form == nil {
		return 0, "", "", false
	}
	return s.form.draftField()
}

// Update implements screen.
func (s *ownItemScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case assessmentLoadedMsg:
		if msg.a.ID == s.a.ID {
			s.a = msg.a
			s.list.SetLen(len(s.a.OwnItems))
		}
		return s, nil
	case resumedMsg:
		s.sh.loadOrdered(openMsg{id: s.a.ID}, nil)
		return s, nil
	case ownItemSavedMsg:
		for i, o := range s.a.OwnItems {
			if o.ID == msg.o.ID {
				// A changed item: the list shows it as saved.
				s.a.OwnItems[i] = msg.o
				return s, nil
			}
		}
		if msg.o.AssessmentID != s.a.ID {
			return s, nil
		}
		// Back to the walk, at the new item.
		return s, s.sh.openAt(walkScreenID, s.a.ID, ownKey(msg.o))
	case ownItemRetiredMsg:
		if msg.assessmentID == s.a.ID {
			s.retired[msg.id] = true
		}
		return s, nil
	case ownFormDoneMsg:
		s.form = nil
		if msg.save == nil {
			if len(s.a.OwnItems) == 0 {
				return s, s.sh.back()
			}
			return s, nil
		}
		s.sh.saveOwnItem(*msg.save, s.a.ID)
		return s, nil
	}
	if s.form != nil {
		var cmd tea.Cmd
		s.form, cmd = s.form.Update(msg)
		return s, cmd
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	keys := s.sh.keys.Own
	o, has := s.selected()
	if s.retiring {
		switch {
		case key.Matches(k, s.sh.keys.Home.Confirm):
			s.retiring = false
			s.sh.retireOwnItem(s.a, o)
		case key.Matches(k, s.sh.keys.Home.Cancel):
			s.retiring = false
		}
		return s, nil
	}
	switch {
	case key.Matches(k, s.sh.keys.Global.Back):
		return s, s.sh.back()
	case key.Matches(k, keys.New):
		s.openForm()
	case key.Matches(k, keys.Edit) && has:
		s.form = newOwnItemForm(s.sh, s.a, "", o)
		s.form.SetSize(s.w, s.h)
	case key.Matches(k, keys.Retire) && has && !s.retired[o.ID]:
		s.retiring = true
	case key.Matches(k, keys.Go) && has:
		return s, s.sh.openAt(walkScreenID, s.a.ID, ownKey(o))
	default:
		s.list, _ = s.list.Update(k)
	}
	return s, nil
}

// ownKey is the item key of an own item.
func ownKey(o checklist.OwnItem) checklist.ItemKey {
	return checklist.ItemKey{AreaID: o.AreaID, ItemID: o.ItemID}
}

// selected returns the own item under the cursor.
func (s *ownItemScreen) selected() (checklist.OwnItem, bool) {
	if i := s.list.Cursor(); i < len(s.a.OwnItems) {
		return s.a.OwnItems[i], true
	}
	return checklist.OwnItem{}, false
}

// ownAreaTitle names an area of the assessment or the unit's own area.
func (sh *shared) ownAreaTitle(id string) string {
	if id == checklist.OwnArea {
		return checklist.OwnAreaTitle.In(sh.lang)
	}
	if ar := sh.cat.Area(id); ar != nil {
		return ar.Title.In(sh.lang)
	}
	return id
}

// row draws own item i.
func (s *ownItemScreen) row(i int, selected bool) string {
	sh, st := s.sh, s.sh.styles
	o := s.a.OwnItems[i]
	line := fmt.Sprintf("%-4s %s · %s", o.ItemID, oneLine(o.Statement), sh.ownAreaTitle(o.AreaID))
	if s.retired[o.ID] {
		line += " · " + sh.tr("utgår efter denna APT", "retired after this APT")
	}
	if selected {
		return st.Selected.Render("> " + line)
	}
	return "  " + line
}

// View implements screen.
func (s *ownItemScreen) View() string {
	if s.form != nil {
		return s.form.View()
	}
	sh, st := s.sh, s.sh.styles
	cut := func(t string) string { return ansi.Truncate(t, s.w, "…") }
	b := []string{st.Title.Render(cut(fmt.Sprintf("%s · %s · %s", sh.tr("Egna punkter", "Own items"), checklist.SanitizeLine(s.a.Unit), s.a.Date))), ""}
	if len(s.a.OwnItems) == 0 {
		b = append(b, wrap(sh.tr("Gruppen har inga egna punkter ännu. n lägger till en.", "The group has no own items yet. n adds one."), s.w))
		return strings.Join(b, "\n")
	}
	b = append(b, s.list.View(), "")
	if s.retiring {
		b = append(b, st.Warning.Render(wrap(sh.tr("Ta bort punkten från kommande APT? Svaren som redan getts finns kvar. y/j = ja · n/esc = nej",
			"Stop offering the item at later APTs? The answers already given stay. y = yes · n/esc = no"), s.w)))
	} else if o, ok := s.selected(); ok && o.Guidance != "" {
		b = append(b, st.Subtle.Render(wrap(sh.tr("Vägledning: ", "Guidance: ")+oneLine(o.Guidance), s.w)))
	}
	return strings.Join(b, "\n")
}

// ShortHelp implements help.KeyMap.
func (s *ownItemScreen) ShortHelp() []key.Binding {
	switch {
	case s.form != nil:
		return s.form.ShortHelp()
	case s.retiring:
		return []key.Binding{s.sh.keys.Home.Confirm, s.sh.keys.Home.Cancel}
	}
	k := s.keys()
	return []key.Binding{k.New, k.Go, k.Edit, k.Retire, s.sh.keys.Global.Back}
}

// FullHelp implements help.KeyMap.
func (s *ownItemScreen) FullHelp() [][]key.Binding {
	if s.form != nil {
		return s.form.FullHelp()
	}
	if s.retiring {
		return [][]key.Binding{s.ShortHelp()}
	}
	k, g, l := s.keys(), s.sh.keys.Global, s.sh.keys.List
	return [][]key.Binding{{l.Up, l.Down}, {k.New, k.Go, k.Edit, k.Retire}, {g.Back, g.Help, g.Quit}}
}

// keys returns the screen's bindings, those that need an item disabled
// without one; the shared KeyMap is not touched.
func (s *ownItemScreen) keys() OwnKeys {
	k := s.sh.keys.Own
	o, ok := s.selected()
	k.Go.SetEnabled(ok)
	k.Edit.SetEnabled(ok)
	k.Retire.SetEnabled(ok && !s.retired[o.ID])
	return k
}

// syncOwnItems rebuilds the walk's items when the assessment's own items
// are not those walked, keeping the current item; the mode stays.
func (s *walkScreen) syncOwnItems() {
	var items []walkItem
	for _, ar := range s.sh.walkAreas(s.a) {
		for i, it := range ar.Items {
			items = append(items, walkItem{ar, it, i + 1})
		}
	}
	same := len(items) == len(s.items)
	for i := 0; same && i < len(items); i++ {
		same = items[i].key() == s.items[i].key() && items[i].item.Statement == s.items[i].item.Statement &&
			items[i].item.Guidance == s.items[i].item.Guidance
	}
	if same {
		return
	}
	cur, ok := s.current()
	s.items = items
	s.recount()
	s.idx = min(s.idx, max(len(items)-1, 0))
	for i, wi := range items {
		if ok && wi.key() == cur.key() {
			s.idx = i
		}
	}
	s.guideFor = -1
}

// openOwnItems opens the own items, with the current item's area as the
// first choice for a new one.
func (s *walkScreen) openOwnItems() tea.Cmd {
	var k checklist.ItemKey
	if wi, ok := s.current(); ok {
		k = wi.key()
	}
	return s.sh.openAt(ownItemScreenID, s.a.ID, k)
}
