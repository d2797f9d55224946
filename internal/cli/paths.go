package cli

import (
	"path/filepath"

	"github.com/adrg/xdg"

	"github.com/supine-app/supine/internal/remind"
)

// Paths are where supine keeps its files. They come from the XDG base
// directories so that a person (and the tests) can move them with
// XDG_CONFIG_HOME and XDG_DATA_HOME.
type Paths struct {
	ConfigDir   string // $XDG_CONFIG_HOME/supine
	Config      string // config.toml
	RoutinesDir string // routines/*.toml
	DataDir     string // $XDG_DATA_HOME/supine
	Database    string // supine.db
	// ReminderState is the bedtime reminder's own small file: the night it
	// last spoke and the last "not tonight" ($XDG_STATE_HOME/supine).
	ReminderState string
}

func defaultPaths() Paths {
	xdg.Reload()
	cfg := filepath.Join(xdg.ConfigHome, "supine")
	data := filepath.Join(xdg.DataHome, "supine")
	return Paths{
		ConfigDir:   cfg,
		Config:      filepath.Join(cfg, "config.toml"),
		RoutinesDir: filepath.Join(cfg, "routines"),
		DataDir:     data,
		Database:    filepath.Join(data, "supine.db"),

		ReminderState: remind.StatePath(xdg.StateHome),
	}
}
