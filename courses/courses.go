// Package courses embeds the course folders that ship inside the app.
package courses

import "embed"

// FS holds one folder per bundled course.
//
//go:embed */course.toml */*.toml */lessons */media
var FS embed.FS
