// Command supine coaches a person through the quarter hour before sleep when
// their back feels tight lying down: a red-flag check, a heating-pad timer,
// gentle stretches held per side, and the pillow set-up for their position.
package main

import (
	"context"
	"os"

	"github.com/supine-app/supine/internal/cli"
)

// version is set only by release builds (-ldflags "-X main.version=...");
// left empty, --version comes from the build info: the module version for
// go install, the commit for a build from a clone.
var version string

func main() {
	os.Exit(cli.Execute(context.Background(), version))
}
