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

// Uncovered returns the statements within scope that no item cites. With
// coreOnly, only those on the core themes, which must all be covered.
// Statements marked out of scope are never in the list.
func (c *Catalog) Uncovered(coreOnly bool) []*Statement {
	var out []*Statement
	for _, sc := range c.Coverage() {
		if len(sc.Items) == 0 && sc.Statement.OutOfScope.IsZero() && (!coreOnly || sc.Statement.Theme.Core()) {
			out = append(out, sc.Statement)
		}
	}
	return out
}

// CoverageCount counts the statements of a group of sources.
type CoverageCount struct {
	// Total is every statement; OutOfScope those marked out of scope;
	// Covered those in scope cited by at least one item.
	Total, OutOfScope, Covered int
}

// InScope returns the statements a checklist can address.
func (n CoverageCount) InScope() int { return n.Total - n.OutOfScope }

func (n *CoverageCount) add(sc StatementCoverage) {
	n.Total++
	switch {
	case !sc.Statement.OutOfScope.IsZero():
		n.OutOfScope++
	case len(sc.Items) > 0:
		n.Covered++
	}
}

// CoverageCounts returns the counts for the seed policies (sources with a
// seed file) and for the other sources, kept apart so that statements
// added from outside the seeds do not raise the seeds' figure.
func (c *Catalog) CoverageCounts() (seeds, other CoverageCount) {
	for _, sc := range c.Coverage() {
		if sc.Statement.Source.File != "" {
			seeds.add(sc)
		} else {
			other.add(sc)
		}
	}
	return seeds, other
}

// WriteCoverage writes the policy coverage report as markdown. It is
// generated, never edited by hand.
func WriteCoverage(w io.Writer, c *Catalog) error {
	var b strings.Builder
	b.WriteString("# Policytäckning / Policy coverage\n\n")
	b.WriteString("<!-- Genererad av `samkoll checklists coverage -o docs/policy-coverage.md`. Redigera inte för hand. -->\n\n")
	b.WriteString("Varje policyuttalande och de checklistpunkter som täcker det. ")
	b.WriteString("Each policy statement and the checklist items that cover it.\n\n")
	b.WriteString("Ett uttalande räknas som täckt när en inbyggd punkt hänvisar till det, och en punkt hänvisar bara ")
	b.WriteString("till uttalanden som den faktiskt tar upp. Uttalanden om service till invånare och patienter, och andra ")
	b.WriteString("som en arbetsgrupp inte kan bedöma, är markerade som utanför området och räknas inte. Ett uttalande ")
	b.WriteString("är en omskrivning av en del av källan; en mening i en policy kan ge flera uttalanden.\n")
	b.WriteString("A statement counts as covered when a built-in item cites it, and an item cites only statements it ")
	b.WriteString("actually addresses. Statements on services to residents and patients, and others a work group cannot ")
	b.WriteString("judge, are marked out of scope and not counted. A statement paraphrases part of its source; one ")
	b.WriteString("sentence of a policy may give several statements.\n\n")

	seeds, other := c.CoverageCounts()
	b.WriteString("| Källor / Sources | Uttalanden / Statements | Utanför området / Out of scope | Inom området / In scope | Täckta / Covered |\n|---|---|---|---|---|\n")
	for _, row := range []struct {
		name string
		n    CoverageCount
	}{{"Seedpolicyerna / The seed policies", seeds}, {"Andra källor / Other sources", other}} {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d av %d |\n", row.name, row.n.Total, row.n.OutOfScope, row.n.InScope(), row.n.Covered, row.n.InScope())
	}
	b.WriteString("\n")

	b.WriteString("## Områden / Areas\n\n| Område | Version | Punkter | Kärnområde |\n|---|---|---|---|\n")
	for _, a := range c.Areas {
		core := "nej"
		switch {
		case a.Core:
			core = "ja"
		case a.Recommended:
			core = "nej, rekommenderat (förvalt)"
		}
		fmt.Fprintf(&b, "| %s (`%s`) | %d | %d | %s |\n", mdCell(a.Title.SV), a.ID, a.Version, len(a.Items), core)
	}
	b.WriteString("\n")

	cov := c.Coverage()
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
			switch {
			case !sc.Statement.OutOfScope.IsZero():
				cell = "*utanför området:* " + mdCell(sc.Statement.OutOfScope.SV)
			case cell == "":
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

	b.WriteString("\n## Utanför området / Out of scope\n\n")
	n := 0
	for _, sc := range cov {
		if st := sc.Statement; !st.OutOfScope.IsZero() {
			fmt.Fprintf(&b, "- `%s` (%s): %s\n", st.ID, st.Theme, mdCell(st.OutOfScope.SV))
			n++
		}
	}
	if n == 0 {
		b.WriteString("Inga. / None.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell makes s safe inside a markdown table cell.
func mdCell(s string) string {
	s = SanitizeLine(s)
	return strings.ReplaceAll(s, "|", `\|`)
}
