package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"samkoll/checklist"
)

// overviewState is the walk's overview of items and answers: the current
// area, or all areas.
type overviewState struct {
	cursor int // index into walkScreen.items
	all    bool
}

// overviewRange returns the item indexes the overview shows.
func (s *walkScreen) overviewRange() (from, to int) {
	if s.ov.all || len(s.items) == 0 {
		return 0, len(s.items)
	}
	area := s.items[min(s.ov.cursor, len(s.items)-1)].area
	from, to = -1, 0
	for i, wi := range s.items {
		if wi.area == area {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	return max(from, 0), to
}

func (s *walkScreen) updateOverview(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	k := s.sh.keys.Overview
	from, to := s.overviewRange()
	switch {
	case key.Matches(msg, s.sh.keys.Global.Back):
		s.mode = modeItem
	case key.Matches(msg, k.Up):
		s.ov.cursor = max(s.ov.cursor-1, from)
	case key.Matches(msg, k.Down):
		s.ov.cursor = min(s.ov.cursor+1, max(to-1, from))
	case key.Matches(msg, k.AllAreas):
		s.ov.all = !s.ov.all
	case key.Matches(msg, k.Jump):
		if s.ov.cursor >= 0 && s.ov.cursor < len(s.items) {
			s.idx = s.ov.cursor
		}
		s.mode = modeItem
	}
	return s, nil
}

// overviewView lists the items with their answers; areas get a heading in
// the all-areas view.
func (s *walkScreen) overviewView() string {
	sh, st := s.sh, s.sh.styles
	from, to := s.overviewRange()
	title := sh.tr("Översikt: ", "Overview: ") + s.items[min(s.ov.cursor, len(s.items)-1)].area.Title.In(sh.lang)
	if s.ov.all {
		title = sh.tr("Översikt: alla områden", "Overview: all areas")
	}
	var rows []string
	cursorRow := 0
	var last *checklist.Area
	for i := from; i < to; i++ {
		wi := s.items[i]
		if s.ov.all && wi.area != last {
			rows = append(rows, st.Area.Render(wi.area.Title.In(sh.lang)))
			last = wi.area
		}
		r := s.response(wi)
		ans := st.Answers[r.Answer].Render(fmt.Sprintf("%-12s", r.Answer.Label(sh.lang)))
		risk := ""
		if r.Risk != nil && r.Answer.IsShortcoming() {
			risk = " " + st.Levels[r.Risk.Level].Render(r.Risk.Level.Label(sh.lang))
			if r.Risk.Serious() {
				risk += "!"
			}
		}
		line := fmt.Sprintf("%2d. %s %s%s", wi.num, ans, wi.item.Statement.In(sh.lang), risk)
		if i == s.ov.cursor {
			cursorRow = len(rows)
			line = st.Selected.Render("> " + fmt.Sprintf("%2d. %-12s %s", wi.num, r.Answer.Label(sh.lang), wi.item.Statement.In(sh.lang)))
		} else {
			line = "  " + line
		}
		rows = append(rows, line)
	}
	room := max(s.h-2, 1)
	start := 0
	if cursorRow >= room {
		start = cursorRow - room + 1
	}
	end := min(start+room, len(rows))
	return st.Title.Render(title) + "\n\n" + strings.Join(rows[start:end], "\n")
}
