package checklist

import (
	"strings"
	"testing"
)

func TestCheckRef(t *testing.T) {
	tests := []struct {
		ref     string
		law     string
		chapter int
		para    int
		paraTo  int
		problem string // a part of the Swedish message; "" for none
		offset  int
	}{
		{ref: "AFS 2023:1 11 §", law: "AFS 2023:1", para: 11, paraTo: 11},
		{ref: "AFS 2023:2 kap 2 10 §", law: "AFS 2023:2", chapter: 2, para: 10, paraTo: 10},
		{ref: "AFS 2023:2 kap 2 6–9 §§", law: "AFS 2023:2", chapter: 2, para: 6, paraTo: 9},
		{ref: "AFS 2023:2 kap 8", law: "AFS 2023:2", chapter: 8},
		{ref: "AFS 2023:10 kap 7", law: "AFS 2023:10", chapter: 7},
		{ref: "Arbetsmiljölagen 3 kap 2 a §", law: "Arbetsmiljölagen", chapter: 3, para: 2, paraTo: 2},
		{ref: "Arbetsmiljölagen (1977:1160) 6 kap 4 §", law: "Arbetsmiljölagen", chapter: 6, para: 4, paraTo: 4},
		{ref: "Diskrimineringslagen 3 kap 8-12 §§", law: "Diskrimineringslagen", chapter: 3, para: 8, paraTo: 12},
		{ref: "Diskrimineringslagen 3 kap", law: "Diskrimineringslagen", chapter: 3},
		{ref: "Diskrimineringslagen, regler om lönetransparens", law: "Diskrimineringslagen"},
		{ref: "Dataskyddsförordningen (EU) 2016/679 art. 9", law: "Dataskyddsförordningen (EU) 2016/679", para: 9, paraTo: 9},
		{ref: "Lag (2018:1197) om Förenta nationernas konvention om barnets rättigheter, artikel 12",
			law: "Lag (2018:1197) om Förenta nationernas konvention om barnets rättigheter"},
		{ref: "Avtal om samverkan och arbetsmiljö (SKR, Sobona och fackförbunden, 2017)"},
		{ref: "Arbetsmiljöverkets vägledning, jfr AFS 2023:2", law: ""},

		{ref: "AFS 2001:1 8 §", problem: "upphävdes 2025-01-01; använd AFS 2023:1"},
		{ref: "AFS 2015:4", problem: "använd AFS 2023:2 kap 2"},
		{ref: "AFS 1993:2", problem: "använd AFS 2023:2 kap 5"},
		{ref: "AFS 1993:17", problem: "hänvisa till föreskrifterna AFS 2023:1–2023:15"},
		{ref: "AFS 2020:5", problem: "använd AFS 2023:2 kap 3"},
		{ref: "Se AFS 1993:2", problem: "upphävdes", offset: 3},
		{ref: "AFS 2023:16", problem: "finns inte i 2025 års struktur"},
		{ref: "AFS 2024:1", problem: "finns inte i 2025 års struktur"},
		{ref: "AFS 2023:2 kap 2 14 §", problem: "kap 2 har 1–11 §§, inte 14 §", offset: 11},
		{ref: "AFS 2023:2 kap 9", problem: "har kapitel 1–8, inte 9", offset: 11},
		{ref: "AFS 2023:2 kap 0", problem: "har kapitel 1–8, inte 0", offset: 11},
		{ref: "AFS 2023:1 23 §", problem: "har 1–16 §§, inte 23 §", offset: 11},
		{ref: "AFS 2023:1 kap 2 3 §", problem: "har inga kapitel"},
		{ref: "AFS 2023:2 10 §", problem: "kapitel saknas"},
		{ref: "Diskrimineringslagen 3 kap 9–21 §§", problem: "inte 21 §"},
		{ref: "Diskrimineringslagen 3 kap 12–8 §§", problem: "fel ordning"},
		{ref: "Diskrimineringslagen 7 kap", problem: "har kapitel 1–6, inte 7"},
		{ref: "Diskrimineringslagen art. 3", problem: "har inga artiklar"},
		{ref: "Arbetsmiljölagen 3 kap 2 § första stycket", problem: "går inte att tolka"},
		{ref: "Dataskyddsförordningen (EU) 2016/679 art. 100", problem: "artiklarna 1–99"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			info, p := CheckRef(tt.ref)
			if tt.problem != "" {
				if p == nil {
					t.Fatalf("no problem, want %q", tt.problem)
				}
				if !strings.Contains(p.Msg.SV, tt.problem) || p.Msg.EN == "" {
					t.Errorf("problem %q, want it to contain %q", p.Msg.SV, tt.problem)
				}
				if tt.offset != 0 && p.Offset != tt.offset {
					t.Errorf("offset %d, want %d", p.Offset, tt.offset)
				}
				return
			}
			if p != nil {
				t.Fatalf("problem %q, want none", p.Msg.SV)
			}
			if info.Law != tt.law {
				t.Errorf("law %q, want %q", info.Law, tt.law)
			}
			if tt.chapter != 0 && info.Chapter != tt.chapter || tt.para != 0 && (info.Para != tt.para || info.ParaTo != tt.paraTo) {
				t.Errorf("got %+v", info)
			}
		})
	}
}

func TestRepealedAFS(t *testing.T) {
	got := RepealedAFS("enligt AFS 2001:1 och afs 2015:4, inte AFS 2023:1 eller AFS 2023:2")
	if len(got) != 2 || got[0] != "AFS 2001:1" || got[1] != "AFS 2015:4" {
		t.Errorf("RepealedAFS = %v", got)
	}
}
