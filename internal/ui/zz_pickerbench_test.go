package ui

import (
	"context"
	"fmt"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

func BenchmarkZZPicker(b *testing.B) {
	d := start(b, b.TempDir(), "en")
	defer d.close()
	for i := range 25 {
		d.dev.Service.CreateLearner(context.Background(), progress.NewLearner{Name: fmt.Sprintf("Learner %03d", i), Role: domain.RoleOther, Language: "en"})
	}
	d.app.courses = nil
	for b.Loop() {
		d.app.nav.open(newProfilesScreen(d.app))
		paint(d.app.win.Canvas())
	}
}
