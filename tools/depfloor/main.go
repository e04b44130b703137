// Command depfloor uses, once each, the libraries samkoll's design
// requires: SQLite (modernc.org/sqlite through database/sql), Bubble Tea
// with the bubbles samkoll draws with (text input and area, viewport,
// help, key, progress), lipgloss, YAML for the checklists, JSON, and
// text/template for the exports. It exists only as a reference for the
// binary-size budget (scripts/binsize.sh, docs/performance.md): built as
// samkoll is released, its size is what those libraries cost before
// samkoll adds any code of its own.
package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"regexp"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	template "github.com/DataDog/datadog-agent/pkg/template/text"
	"go.yaml.in/yaml/v3"
	_ "modernc.org/sqlite"
)

type model struct {
	area  textarea.Model
	input textinput.Model
	view  viewport.Model
	help  help.Model
	bar   progress.Model
	quit  key.Binding
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.quit) {
		return m, tea.Quit
	}
	var a, b, c tea.Cmd
	m.area, a = m.area.Update(msg)
	m.input, b = m.input.Update(msg)
	m.view, c = m.view.Update(msg)
	return m, tea.Batch(a, b, c, tea.SetClipboard("depfloor"))
}

func (m model) View() tea.View {
	box := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#5fafff")).Border(lipgloss.RoundedBorder()).Width(40)
	body := m.area.View() + m.input.View() + m.view.View() + m.help.ShortHelpView([]key.Binding{m.quit}) + m.bar.ViewAs(0.5)
	v := tea.NewView(lipgloss.JoinVertical(lipgloss.Left, box.Render(body), "q"))
	v.AltScreen = true
	return v
}

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: depfloor DB YAML TEMPLATE REGEXP")
		os.Exit(2)
	}
	db, err := sql.Open("sqlite", os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var v map[string]any
	if err := yaml.Unmarshal([]byte(os.Args[2]), &v); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	j, _ := json.Marshal(v)
	t, err := template.New("t").Parse(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var out bytes.Buffer
	if err := t.Execute(&out, v); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	re, err := regexp.Compile(os.Args[4])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(n, html.EscapeString(string(j)), out.Len(), re.MatchString(out.String()))
	m := model{area: textarea.New(), input: textinput.New(), view: viewport.New(), help: help.New(),
		bar: progress.New(), quit: key.NewBinding(key.WithKeys("q"))}
	if _, err := tea.NewProgram(m).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
