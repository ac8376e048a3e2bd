// Package quickref embeds the field quick-reference: indicator checklists,
// "what to do now" cards and a glossary, in every UI language.
package quickref

import "embed"

// FS holds cards.toml.
//
//go:embed cards.toml
var FS embed.FS
