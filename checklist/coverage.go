package checklist

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// ItemRef names one item of one area.
type ItemRef struct {
	AreaID, ItemID string
}

// String formats the reference as area/item.
func (r ItemRef) String() string { return r.AreaID + "/" + r.ItemID }

// StatementCoverage is one policy statement with the items that cite it.
type StatementCoverage struct {
	Statement *Statement
	Items     []ItemRef
}

// Coverage maps every policy statement to the items that cite it, in the
// order of the sources and their statements.
func (c *Catalog) Coverage() []StatementCoverage {
	cited := map[string][]ItemRef{}
	for _, a := range c.Areas {
		for _, it := range a.Items {
			for _, p := range it.Policies {
				cited[p] = append(cited[p], ItemRef{a.ID, it.ID})
			}
		}
	}
	var out []StatementCoverage
	for _, src := range c.Sources {
		for _, st := range src.Statements {
			out = append(out, StatementCoverage{Statement: st, Items: cited[st.ID]})
		}
	}
	return out
}

// Uncovered returns the statements no item cites. With coreOnly, only those
// on the core themes, which must all be covered.
func (c *Catalog) Uncovered(coreOnly bool) []*Statement {
	var out []*Statement
	for _, sc := range c.Coverage() {
		if len(sc.Items) == 0 && (!coreOnly || sc.Statement.Theme.Core()) {
			out = append(out, sc.Statement)
		}
	}
	return out
}

// WriteCoverage writes the policy coverage report as markdown. It is
// generated, never edited by hand.
func WriteCoverage(w io.Writer, c *Catalog) error {
	var b strings.Builder
	b.WriteString("# Policytäckning / Policy coverage\n\n")
	b.WriteString("<!-- Genererad av `samkoll checklists coverage -o docs/policy-coverage.md`. Redigera inte för hand. -->\n\n")
	b.WriteString("Varje policyuttalande och de checklistpunkter som täcker det. ")
	b.WriteString("Each policy statement and the checklist items that cover it.\n\n")

	cov := c.Coverage()
	total, covered := len(cov), 0
	for _, sc := range cov {
		if len(sc.Items) > 0 {
			covered++
		}
	}
	fmt.Fprintf(&b, "Täckta / covered: %d av %d.\n\n", covered, total)

	b.WriteString("## Områden / Areas\n\n| Område | Version | Punkter | Kärnområde |\n|---|---|---|---|\n")
	for _, a := range c.Areas {
		core := "nej"
		if a.Core {
			core = "ja"
		}
		fmt.Fprintf(&b, "| %s (`%s`) | %d | %d | %s |\n", mdCell(a.Title.SV), a.ID, a.Version, len(a.Items), core)
	}
	b.WriteString("\n")

	for _, src := range c.Sources {
		name := src.Title
		if src.File != "" {
			name += " (" + src.File + ")"
		}
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", mdCell(name), mdCell(src.Organisation))
		b.WriteString("| Id | Avsnitt | Tema | Uttalande | Täcks av |\n|---|---|---|---|---|\n")
		for _, sc := range cov {
			if sc.Statement.Source != src {
				continue
			}
			items := make([]string, 0, len(sc.Items))
			for _, r := range sc.Items {
				items = append(items, "`"+r.String()+"`")
			}
			cell := strings.Join(items, ", ")
			if cell == "" {
				cell = "**ej täckt**"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", sc.Statement.ID, mdCell(sc.Statement.Section),
				sc.Statement.Theme, mdCell(sc.Statement.Text.SV), cell)
		}
		b.WriteString("\n")
	}

	b.WriteString("## Ej täckta uttalanden / Statements not covered\n\n")
	un := c.Uncovered(false)
	if len(un) == 0 {
		b.WriteString("Inga. / None.\n")
	}
	sort.SliceStable(un, func(i, j int) bool { return un[i].Theme < un[j].Theme })
	for _, st := range un {
		mark := ""
		if st.Theme.Core() {
			mark = " **(kärntema: måste täckas)**"
		}
		fmt.Fprintf(&b, "- `%s` (%s): %s%s\n", st.ID, st.Theme, mdCell(st.Text.SV), mark)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell makes s safe inside a markdown table cell.
func mdCell(s string) string {
	s = SanitizeLine(s)
	return strings.ReplaceAll(s, "|", `\|`)
}
