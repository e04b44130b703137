package tui

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"samkoll/checklist"
)

// How the walk draws an item: the area and position, the progress bar, the
// statement, the answer with its risk, and the guidance or the text entry.

// View renders the current mode.
func (s *walkScreen) View() string {
	sh, st := s.sh, s.sh.styles
	wi, ok := s.current()
	if !ok {
		return st.Title.Render(checklist.SanitizeLine(s.a.Unit)+" "+s.a.Date.String()) + "\n\n" +
			sh.tr("Bedömningen har inga punkter (områdena saknas i checklistorna).", "The assessment has no items (its areas are missing from the checklists).")
	}
	if s.ov != nil {
		return s.ov.View()
	}
	if s.cyc.hist != nil {
		return s.cyc.hist.View(sh)
	}
	var out string
	if s.mode == modeRisk || s.mode == modeRiskNote {
		out = s.riskView()
	} else {
		out = s.itemView(wi)
	}
	// While typing, keep the input in view on a short window.
	if lines := strings.Split(out, "\n"); s.Inputting() && s.h > 0 && len(lines) > s.h {
		out = strings.Join(lines[len(lines)-s.h:], "\n")
	}
	return out
}

// itemView renders the current item with its answer, guidance and input.
// The guidance shows by itself when the window has room for all of it
// under the item; g hides it, or shows it in a pager when there is no
// room (guideShown).
func (s *walkScreen) itemView(wi walkItem) string {
	if s.sh.presenting && s.mode == modeItem {
		return strings.Join(s.presentLines(wi), "\n")
	}
	lines := s.itemLines(wi)
	errLines := s.errLines()
	switch s.mode {
	case modeComment, modeReason, modeMeasures:
	default:
		if s.guidance && !s.sh.presenting {
			g := s.guide
			if len(lines)+1+g.vp.Height()+len(errLines) > s.h {
				// No room under the item: the guidance takes the body
				// under the area's line (g again goes back).
				lines = lines[:1]
				g.SetSize(s.w, max(s.h-2-len(errLines), 1))
			}
			lines = append(lines, "", g.View())
		} else if s.guideFits(len(lines) + len(errLines)) {
			lines = append(append(lines, ""), s.guideAll...)
		}
	}
	return strings.Join(append(lines, errLines...), "\n")
}

// guideFits reports whether the guidance shows by itself under n lines of
// the item: not hidden with g, not presenting, and all of it fits.
func (s *walkScreen) guideFits(n int) bool {
	return !s.guideOff && !s.guidance && !s.sh.presenting && len(s.guideAll) > 0 && n+1+len(s.guideAll) <= s.h
}

// guideShown reports whether the guidance is on screen now.
func (s *walkScreen) guideShown() bool {
	wi, ok := s.current()
	return ok && (s.guidance || s.guideFits(len(s.itemLines(wi))+len(s.errLines())))
}

// errLines are the error line under the item, wrapped; none without one.
func (s *walkScreen) errLines() []string {
	if s.errText == "" {
		return nil
	}
	return strings.Split(s.sh.styles.Error.Render(wrap(s.errText, max(s.w, 1))), "\n")
}

// itemLines are the current item's lines above the guidance: the area
// and position, the progress, the statement, the answer options with
// their keys, the answer with its risk, and the text entry when open.
func (s *walkScreen) itemLines(wi walkItem) []string {
	sh, st := s.sh, s.sh.styles
	w := max(s.w, 1)
	var lines []string
	answered, total := s.progress()
	head := wi.area.Title.In(sh.lang)
	count := fmt.Sprintf("%d/%d", s.idx+1, len(s.items))
	gap := w - ansi.StringWidth(head) - len(count)
	if gap < 1 {
		head = ansi.Truncate(head, max(w-len(count)-1, 1), "…")
		gap = 1
	}
	lines = append(lines, st.walk().area.paint(head)+strings.Repeat(" ", max(gap, 1))+st.walk().subtle.paint(count))
	lines = append(lines, s.progressBar(answered, total)+" "+st.walk().subtle.paint(fmt.Sprintf("%d/%d %s", answered, total, sh.tr("besvarade", "answered"))))
	// A short window goes without the blank lines and the item's type, so
	// that the statement and the options show.
	compact := s.h < 16
	if !compact {
		lines = append(lines, "")
	}
	stmt := wi.item.Statement.In(sh.lang)
	for _, l := range strings.Split(ansi.Wrap(stmt, max(w-4, 10), ""), "\n") {
		lines = append(lines, "  "+st.walk().statement.paint(l))
	}
	if !compact {
		lines = append(lines, "  "+st.walk().subtle.paint(wi.item.Type.Label(sh.lang)), "")
	}
	r := s.response(wi)
	lines = append(lines, s.optionsLines(r.Answer)...)
	if !compact {
		lines = append(lines, "")
	}
	status := sh.tr("Svar: ", "Answer: ") + st.walk().answers[r.Answer].paint(r.Answer.Label(sh.lang))
	if r.Risk != nil && r.Answer.IsShortcoming() {
		status += " · " + sh.tr("Risk: ", "Risk: ") + st.Levels[r.Risk.Level].Render(r.Risk.Level.Label(sh.lang))
		if r.Risk.Serious() {
			status += " " + st.Serious.Render(sh.tr("(allvarlig)", "(serious)"))
		}
	}
	if s.pending(wi) {
		// Not confirmed by the store yet: never shown as saved.
		status += " " + st.Subtle.Render(sh.tr("· sparas …", "· saving …"))
	}
	lines = append(lines, status)
	lines = append(lines, s.cycleLines(wi, r)...)
	if s.closed() {
		lines = append(lines, st.Warning.Render(wrap(s.closedText(), w)))
	}
	if s.remind != nil {
		lines = append(lines, st.Warning.Render(wrap(s.remindText(), w)))
	}
	if s.mode == modeActionsAsk {
		lines = append(lines, s.actionsAskLines()...)
	}
	if r.Reason != "" {
		lines = append(lines, st.Subtle.Render(sh.tr("Skäl: ", "Reason: ")+checklist.SanitizeLine(r.Reason)))
	}
	if r.Comment != "" && s.mode != modeComment {
		lines = append(lines, st.Subtle.Render(sh.tr("Kommentar: ", "Comment: ")+checklist.SanitizeLine(r.Comment)))
	}
	switch s.mode {
	case modeComment, modeReason, modeMeasures:
		lines = append(append(lines, ""), s.entry.Lines()...)
	case modeItem:
		for _, f := range []struct{ field, sv, en string }{
			{commentField(wi.key()), "kommentaren", "the comment"},
			{reasonField(wi.key()), "skälet", "the reason"},
		} {
			if d, ok := sh.draftOf(s.a.ID, f.field); ok {
				lines = append(lines, st.Warning.Render(wrap(sh.tr("Ej sparat utkast till "+f.sv+" från "+d.Saved.Local().Format("15:04")+" – öppna fältet för att använda det.",
					"Unsaved draft of "+f.en+" from "+d.Saved.Local().Format("15:04")+" – open the field to use it."), w)))
			}
		}
	}
	return lines
}

// optionsLines show the four answers with their digits, the given one in
// brackets and in its colour, so that the group sees what each key means.
func (s *walkScreen) optionsLines(given checklist.Answer) []string {
	sh, st, k := s.sh, s.sh.styles, s.sh.keys.Walk
	// As many options a line as fit the width; each option is its text
	// with a bracket or a space on either side.
	var out []string
	line, lineW := "", 0
	for _, o := range []struct {
		b key.Binding
		a checklist.Answer
	}{{k.Ja, checklist.Ja}, {k.Delvis, checklist.Delvis}, {k.Nej, checklist.Nej}, {k.EjAktuellt, checklist.EjAktuellt}} {
		text := o.b.Keys()[0] + " " + o.a.Label(sh.lang)
		part := " " + text + " "
		if o.a == given {
			part = st.walk().answersStrong[o.a].paint("[" + text + "]")
		}
		pw := ansi.StringWidth(text) + 2
		if line != "" && lineW+1+pw > s.w {
			out = append(out, line)
			line, lineW = "", 0
		}
		line += " " + part
		lineW += 1 + pw
	}
	return append(out, line)
}

// presentLines are the item in presentation mode: the area and position,
// the statement in bold and double spaced, the four options with their
// keys spaced out, and the answer with its risk, all centred; a short
// window loses the spacing first.
func (s *walkScreen) presentLines(wi walkItem) []string {
	sh, st, w := s.sh, s.sh.styles, max(s.w, 1)
	r := s.response(wi)
	stmt := strings.Split(ansi.Wrap(wi.item.Statement.In(sh.lang), presentWidth(w), ""), "\n")
	var opts []string
	k := sh.keys.Walk
	for _, o := range []struct {
		b key.Binding
		a checklist.Answer
	}{{k.Ja, checklist.Ja}, {k.Delvis, checklist.Delvis}, {k.Nej, checklist.Nej}, {k.EjAktuellt, checklist.EjAktuellt}} {
		text := o.b.Keys()[0] + " " + o.a.Label(sh.lang)
		if o.a == r.Answer {
			opts = append(opts, st.AnswersStrong[o.a].Render("["+text+"]"))
		} else {
			opts = append(opts, st.Present.Render(" "+text+" "))
		}
	}
	status := sh.tr("Svar: ", "Answer: ") + st.AnswersStrong[r.Answer].Render(r.Answer.Label(sh.lang))
	if r.Risk != nil && r.Answer.IsShortcoming() {
		status += " · " + st.Levels[r.Risk.Level].Render(r.Risk.Level.Label(sh.lang))
		if r.Risk.Serious() {
			status += " " + st.Serious.Render(sh.tr("allvarlig", "serious"))
		}
	}
	for _, spaced := range []bool{true, false} {
		lines := []string{st.Area.Render(wi.area.Title.In(sh.lang)) + "  " + st.Subtle.Render(fmt.Sprintf("%d/%d", s.idx+1, len(s.items)))}
		gap := func() {
			if spaced {
				lines = append(lines, "")
			}
		}
		gap()
		lines = append(lines, "")
		for _, l := range stmt {
			lines = append(lines, st.Present.Render(l))
			gap()
		}
		lines = append(lines, "")
		row := strings.Join(opts, "   ")
		if ansi.StringWidth(row) > w {
			lines = append(lines, strings.Join(opts[:2], "   "), strings.Join(opts[2:], "   "))
		} else {
			lines = append(lines, row)
		}
		gap()
		lines = append(lines, "", status)
		if len(lines) <= s.h || !spaced {
			return centre(lines, w)
		}
	}
	return nil
}

// wrap word-wraps s to width w (at least 10).
func wrap(s string, w int) string { return ansi.Wrap(s, max(w, 10), "") }

// progressBar renders the answered share with the bar sized in SetSize, in
// the current colours (on a copy: View changes nothing).
func (s *walkScreen) progressBar(answered, total int) string {
	st := s.sh.styles
	pm := s.bar
	if st.ProgressFull != nil {
		pm.FullColor, pm.EmptyColor = st.ProgressFull, st.ProgressEmpty
	} else {
		pm.FullColor, pm.EmptyColor = lipgloss.NoColor{}, lipgloss.NoColor{}
	}
	pct := 0.0
	if total > 0 {
		pct = float64(answered) / float64(total)
	}
	// The bar changes only when a cell fills (progress fills
	// round(width×pct) cells), not with every answer: drawing it styles
	// both its parts.
	filled := max(0, min(pm.Width(), int(math.Round(float64(pm.Width())*pct))))
	m := &s.barMemo
	if m.out == "" || m.filled != filled || m.width != pm.Width() || m.full != pm.FullColor || m.empty != pm.EmptyColor {
		*m = barMemo{filled: filled, width: pm.Width(), full: pm.FullColor, empty: pm.EmptyColor, out: pm.ViewAs(pct)}
	}
	return m.out
}

// barMemo is the progress bar last drawn: its filled cells, width and
// colours, and the bar.
type barMemo struct {
	filled, width int
	full, empty   color.Color
	out           string
}
