package tui

// What the root does with a finished export: the question before a plan
// whose free text looks like a personnummer is written, and the copy of
// the extract for the minutes to the clipboard.

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// askExportText is the question before a plan whose free text looks like a
// personnummer is written.
func (m *Model) askExportText() string {
	ask := m.askExport
	places := strings.Join(ask.personal, "; ")
	return m.sh.tr("Fritexten liknar personnummer. Exportera ändå? j/n · ", "The free text looks like a personnummer. Export anyway? y/n · ") + places
}

// copied is what a finished copy does: the extract goes on the clipboard
// through the terminal (OSC 52), and the status line says what was copied
// and where the file is; where the terminal is known not to take it, only
// the file is named.
func (m *Model) copied(msg exportedMsg) (tea.Cmd, string) {
	lines := strings.Count(strings.TrimRight(msg.text, "\n"), "\n") + 1
	if m.noClipboard {
		return nil, m.sh.tr("Terminalen tar inte emot urklipp; utdraget för protokollet finns i ", "The terminal does not take the clipboard; the extract for the minutes is in ") + msg.path
	}
	return tea.SetClipboard(msg.text), fmt.Sprintf(m.sh.tr(
		"Utdraget för protokollet (%d rader) är kopierat; finns också i %s",
		"The extract for the minutes (%d lines) is copied; also in %s"), lines, msg.path)
}
