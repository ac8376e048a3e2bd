// Package locales embeds the UI translations: one TOML file per language.
package locales

import "embed"

// FS holds en.toml, ru.toml and uz.toml.
//
//go:embed *.toml
var FS embed.FS
