// Package assets embeds samkoll's built-in data: the checklists, the policy
// statements they derive from, and the export templates. It holds no logic.
package assets

import "embed"

// FS holds checklists/*.yaml, policies/*.yaml and templates/*.
//
//go:embed checklists policies templates
var FS embed.FS
