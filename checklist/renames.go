package checklist

// ItemRename says that the answers, actions and risk history given to the
// item From now belong to the item To: From was renamed, moved to another
// area or merged into To. The store applies the table to old databases and
// to imported files, so old assessments keep showing their answers.
//
// An assessment records the content hash of each area it used. Had lists
// the hashes of every built-in version of From's area that had From: only
// assessments that used one of them are changed, so an organisation's own
// area with the same id is left alone. ToLacked lists the built-in versions
// of To's area without To, where a moved answer brings a new item.
//
// Batch names the content change the rename belongs to; the migration that
// introduced a batch applies that batch only, so a later batch does not
// apply an earlier one twice.
type ItemRename struct {
	From, To ItemKey
	Had      []string
	ToLacked []string
	Batch    string
}

// ItemRenames is every item id retired from the built-in checklists, in the
// order the changes were made. Never remove a line: a database or an
// exported file from before the change may still hold the old id. A new
// line also needs a store migration that applies the table again.
var ItemRenames = []ItemRename{
	// Content review of 2026-12 (area versions 1 → 2): duplicates merged and
	// the five areas of Diskrimineringslagen 3 kap 5 § gathered in the core
	// discrimination area.
	{From: ItemKey{"halsa", "prioritering"}, To: ItemKey{"osa", "prioritera"},
		Batch: "2026-12", Had: []string{"13e697359b05", "a74ce03031bc", "b0b27f3547dc"}},
	{From: ItemKey{"jamstalldhet", "kompetensutveckling"}, To: ItemKey{"diskriminering", "kompetensutveckling"},
		Batch: "2026-12", Had: []string{"6deb4342ad92", "7b77935ce67b", "7f00e593633e", "a5b6bc0a2b89", "e0537e58e2d8", "e9f14ca9f340"}},
	{From: ItemKey{"osa", "kompetensutveckling"}, To: ItemKey{"diskriminering", "kompetensutveckling"},
		Batch: "2026-12", Had: []string{"02246cd51133", "60235147417e", "7d8860f81a65"}},
	{From: ItemKey{"halsa", "utvecklas"}, To: ItemKey{"diskriminering", "kompetensutveckling"},
		Batch: "2026-12", Had: []string{"13e697359b05", "1f2b1062c8f4", "a74ce03031bc", "b0b27f3547dc", "e4cbe552f324"}},
	{From: ItemKey{"jamstalldhet", "arbetsforhallanden"}, To: ItemKey{"diskriminering", "arbetsforhallanden"},
		Batch: "2026-12", Had: []string{"6deb4342ad92", "7b77935ce67b", "7f00e593633e", "a5b6bc0a2b89", "e0537e58e2d8", "e9f14ca9f340"}},
	{From: ItemKey{"jamstalldhet", "rattvis-fordelning"}, To: ItemKey{"halsa", "rattvis-organisation"},
		Batch: "2026-12", Had: []string{"6deb4342ad92", "7b77935ce67b", "7f00e593633e", "a5b6bc0a2b89", "e0537e58e2d8", "e9f14ca9f340"},
		ToLacked: []string{"1f2b1062c8f4", "e4cbe552f324"}},
	{From: ItemKey{"information", "oppen-dialog"}, To: ItemKey{"krankningar", "gemensam-syn"},
		Batch: "2026-12", Had: []string{"7bde4b139836", "be47e3924812", "c9654baa74d0", "eae9dc51a165"}},
	{From: ItemKey{"information", "vardegrund-dialog"}, To: ItemKey{"krankningar", "gemensam-syn"},
		Batch: "2026-12", Had: []string{"7bde4b139836", "be47e3924812", "c9654baa74d0", "eae9dc51a165"}},
	{From: ItemKey{"jamstalldhet", "rekrytering"}, To: ItemKey{"diskriminering", "rekrytering"},
		Batch: "2026-12", Had: []string{"6deb4342ad92", "7b77935ce67b", "7f00e593633e", "a5b6bc0a2b89", "e0537e58e2d8", "e9f14ca9f340"},
		ToLacked: []string{"aeed2fd7d4f5", "b2eaa6d2d9c3", "b6fe679507c7", "fcde5aa00f0b", "fe47fca9c4a4"}},
	{From: ItemKey{"jamstalldhet", "forena-foraldraskap"}, To: ItemKey{"diskriminering", "foraldraskap"},
		Batch: "2026-12", Had: []string{"6deb4342ad92", "7b77935ce67b", "7f00e593633e", "a5b6bc0a2b89", "e0537e58e2d8", "e9f14ca9f340"},
		ToLacked: []string{"aeed2fd7d4f5", "b2eaa6d2d9c3", "b6fe679507c7", "fcde5aa00f0b", "fe47fca9c4a4"}},
	{From: ItemKey{"diskriminering", "kunskap"}, To: ItemKey{"diskriminering", "grunder-och-former"},
		Batch: "2026-12", Had: []string{"aeed2fd7d4f5", "b2eaa6d2d9c3", "b6fe679507c7", "fcde5aa00f0b", "fe47fca9c4a4"}},
	{From: ItemKey{"diskriminering", "underlag-dokumentation"}, To: ItemKey{"diskriminering", "folja-upp"},
		Batch: "2026-12", Had: []string{"aeed2fd7d4f5", "b2eaa6d2d9c3", "b6fe679507c7", "fcde5aa00f0b", "fe47fca9c4a4"}},
	{From: ItemKey{"diskriminering", "religion"}, To: ItemKey{"diskriminering", "vardag-alla-grunder"},
		Batch: "2026-12", Had: []string{"aeed2fd7d4f5", "b2eaa6d2d9c3", "b6fe679507c7", "fcde5aa00f0b", "fe47fca9c4a4"},
		ToLacked: []string{"aeed2fd7d4f5", "b2eaa6d2d9c3", "b6fe679507c7", "fcde5aa00f0b", "fe47fca9c4a4"}},
	{From: ItemKey{"diskriminering", "inkluderande-kommunikation"}, To: ItemKey{"information", "inkluderande-kommunikation"},
		Batch: "2026-12", Had: []string{"aeed2fd7d4f5", "b2eaa6d2d9c3", "b6fe679507c7", "fcde5aa00f0b", "fe47fca9c4a4"},
		ToLacked: []string{"7bde4b139836", "be47e3924812", "c9654baa74d0", "eae9dc51a165"}},
	{From: ItemKey{"krankningar", "opartisk-utredning"}, To: ItemKey{"krankningar", "utreda-skyndsamt"},
		Batch: "2026-12", Had: []string{"2950de66bd70", "499af1cb9dba", "9e9a433be1c5", "e447456c9887", "e64f290b5987"}},
}
