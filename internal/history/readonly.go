package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"github.com/supine-app/supine/internal/textsafe"
)

// ErrNoHistory is OpenReadOnly's answer when there is no history file yet.
var ErrNoHistory = errors.New("there is no history yet")

// OpenReadOnly opens the history at path for reading only, for a quick
// look that must change nothing (`supine nudge`): SQLite opens the file
// read-only (mode=ro) and refuses any write on the connection
// (query_only). Unlike Open it creates no file or folder, runs no
// migration, recovers nothing and changes no permission; a missing file is
// ErrNoHistory. A history written by another schema than this build's is
// refused: its columns may not be the ones read here.
func OpenReadOnly(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("the history path %s cannot be used: %v", textsafe.Quote(path), err)
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoHistory
	}
	u := url.URL{Scheme: "file", Path: abs}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "query_only(1)")
	db, err := sql.Open("sqlite", u.String()+"?"+q.Encode())
	if err != nil {
		return nil, describe(abs, err)
	}
	db.SetMaxOpenConns(1)
	st := &Store{db: db, path: abs}
	v, err := readVersion(context.Background(), db, abs)
	switch {
	case err != nil:
		db.Close()
		if aerr := accessProblem(abs); aerr != nil {
			return nil, aerr
		}
		return nil, describe(abs, err)
	case v == 0:
		db.Close()
		return nil, ErrNoHistory
	case v > len(migrations):
		db.Close()
		return nil, &NewerSchemaError{Path: abs, Version: v, Known: len(migrations)}
	case v < len(migrations):
		db.Close()
		return nil, fmt.Errorf("the history %s is from an older supine; open supine once to bring it up to date", textsafe.Quote(abs))
	}
	return st, nil
}
