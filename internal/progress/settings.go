package progress

import (
	"context"
	"fmt"
	"strconv"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/xapi"
)

// The device's settings come in groups, each read and saved whole, in one
// transaction: a power cut never leaves half of a group saved.

// Settings keys of the display group.
const (
	settingLanguage = "ui.language" // of the profile picker, before a learner is chosen
	settingTheme    = "ui.theme"
	settingTextSize = "ui.text_size" // index into the UI's text scales
	settingWelcomed = "ui.welcomed"
)

// Theme is the look a device chose.
type Theme string

// The themes a device can choose.
const (
	ThemeSystem   Theme = "system"
	ThemeLight    Theme = "light"
	ThemeDark     Theme = "dark"
	ThemeContrast Theme = "contrast"
)

// Themes lists every theme, in the order settings offer them.
var Themes = []Theme{ThemeSystem, ThemeLight, ThemeDark, ThemeContrast}

// Display is how the device shows itself before and besides any learner's
// own choice of language.
type Display struct {
	Language string // the profile picker's; "" until one is chosen
	Theme    Theme
	TextSize int // 0 normal, 1 large, 2 larger
}

// TextSizes is how many text sizes there are.
const TextSizes = 3

// Display reads the display group; an unknown stored value reads as the
// default, so a hand-edited database never stops the app.
func (s *Service) Display(ctx context.Context) (Display, error) {
	d := Display{Theme: ThemeSystem}
	var err error
	if d.Language, err = s.db.Setting(ctx, settingLanguage, ""); err != nil {
		return d, fmt.Errorf("read the display settings: %w", err)
	}
	theme, err := s.db.Setting(ctx, settingTheme, string(ThemeSystem))
	if err != nil {
		return d, fmt.Errorf("read the display settings: %w", err)
	}
	for _, t := range Themes {
		if Theme(theme) == t {
			d.Theme = t
		}
	}
	size, err := s.db.Setting(ctx, settingTextSize, "0")
	if err != nil {
		return d, fmt.Errorf("read the display settings: %w", err)
	}
	if n, err := strconv.Atoi(size); err == nil && n >= 0 && n < TextSizes {
		d.TextSize = n
	}
	return d, nil
}

// SetDisplay saves the display group in one transaction.
func (s *Service) SetDisplay(ctx context.Context, d Display) error {
	if d.TextSize < 0 || d.TextSize >= TextSizes {
		return fmt.Errorf("text size %d: out of range", d.TextSize)
	}
	err := s.db.SetSettings(ctx, map[string]string{settingLanguage: d.Language, settingTheme: string(d.Theme),
		settingTextSize: strconv.Itoa(d.TextSize)})
	if err != nil {
		return fmt.Errorf("save the display settings: %w", err)
	}
	return nil
}

// Welcomed reports whether the first-run welcome was seen on this device.
func (s *Service) Welcomed(ctx context.Context) (bool, error) {
	v, err := s.db.Setting(ctx, settingWelcomed, "")
	return v != "", err
}

// SetWelcomed records that the welcome was seen, so it is not shown again.
func (s *Service) SetWelcomed(ctx context.Context) error {
	return s.db.SetSetting(ctx, settingWelcomed, "yes")
}

// SaveSyncSettings saves what the trainer sets on the sync screen — the LRS
// and the organisation's statement choices — in one transaction: both or
// neither. Statements made from now on follow the new choices.
func (s *Service) SaveSyncSettings(ctx context.Context, l domain.LRS, c xapi.Config) error {
	values, err := s.lrsValues(ctx, l)
	if err != nil {
		return err
	}
	cfg, err := xapiValues(c)
	if err != nil {
		return err
	}
	for k, v := range cfg {
		values[k] = v
	}
	if err := s.db.SetSettings(ctx, values); err != nil {
		return fmt.Errorf("save the sync settings: %w", err)
	}
	s.xapi.Config = c
	return nil
}
