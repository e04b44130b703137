package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// keysOverlay is the list of all keys of the active screen, one binding a
// line, group by group, in a pager over the screen. ? or back closes it
// with a keysClosedMsg.
type keysOverlay struct {
	sh   *shared
	page pager
	w    int
}

// keysClosedMsg closes the keys overlay.
type keysClosedMsg struct{}

// newKeysOverlay lists groups, the active screen's FullHelp.
func newKeysOverlay(sh *shared, groups [][]key.Binding) *keysOverlay {
	o := &keysOverlay{sh: sh, page: newPager(sh.keys.ArrowList)}
	st := sh.styles.Help
	kw := 0
	for _, g := range groups {
		for _, b := range g {
			kw = max(kw, ansi.StringWidth(b.Help().Key))
		}
	}
	var lines []string
	for _, g := range groups {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		for _, b := range g {
			if b.Enabled() {
				lines = append(lines, "  "+st.FullKey.Render(pad(b.Help().Key, kw))+"  "+st.FullDesc.Render(b.Help().Desc))
			}
		}
	}
	o.page.SetLines(lines)
	return o
}

// SetSize implements the component contract.
func (o *keysOverlay) SetSize(w, h int) {
	o.w = w
	o.page.SetSize(w, h-2)
}

// Update scrolls, or closes on ? and back.
func (o *keysOverlay) Update(msg tea.Msg) (*keysOverlay, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, o.sh.keys.Global.Help, o.sh.keys.Global.Back) {
		o.sh.post(keysClosedMsg{})
		return o, nil
	}
	var cmd tea.Cmd
	o.page, cmd = o.page.Update(msg)
	return o, cmd
}

// View renders the title and the keys.
func (o *keysOverlay) View() string {
	st := o.sh.styles
	title := o.sh.tr("Alla tangenter", "All keys")
	if mark := o.page.Position(o.sh); mark != "" {
		title += "  " + st.Subtle.Render(mark)
	}
	return st.Title.Render(ansi.Truncate(title, o.w, "…")) + "\n\n" + o.page.View()
}

// ShortHelp implements help.KeyMap.
func (o *keysOverlay) ShortHelp() []key.Binding {
	g := o.sh.keys.Global
	closeKey := g.Help
	closeKey.SetHelp("?/esc", o.sh.tr("stäng", "close"))
	return append(o.page.ShortHelp(), closeKey)
}

// FullHelp implements help.KeyMap.
func (o *keysOverlay) FullHelp() [][]key.Binding { return [][]key.Binding{o.ShortHelp()} }
