package history

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// migrations bring a database from one schema to the next. Migration i
// (counting from 1) takes a database at schema i-1 to schema i. Append only:
// a released migration never changes, because databases out there have run it.
var migrations = []string{
	// 1: sessions, with check-ins and the partial flag from the start, so
	// that an interrupted session is never lost.
	`CREATE TABLE sessions (
		id           INTEGER PRIMARY KEY AUTOINCREMENT,
		start_ms     INTEGER NOT NULL,
		end_ms       INTEGER,
		routine      TEXT    NOT NULL,
		completed    TEXT    NOT NULL DEFAULT '[]',
		skipped      TEXT    NOT NULL DEFAULT '[]',
		heat_minutes INTEGER NOT NULL DEFAULT 0,
		before_score INTEGER CHECK (before_score BETWEEN 0 AND 10),
		after_score  INTEGER CHECK (after_score BETWEEN 0 AND 10),
		partial      INTEGER NOT NULL DEFAULT 1
	);
	CREATE INDEX sessions_by_start ON sessions (start_ms);`,

	// 2: the red-flag outcome and stop-for-pain on each session, and the
	// memory of full red-flag checks.
	`ALTER TABLE sessions ADD COLUMN red_flag TEXT NOT NULL DEFAULT 'none';
	ALTER TABLE sessions ADD COLUMN stopped_for_pain INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE red_flag_checks (
		id    INTEGER PRIMARY KEY AUTOINCREMENT,
		at_ms INTEGER NOT NULL,
		tier  TEXT    NOT NULL
	);
	CREATE INDEX red_flag_checks_by_time ON red_flag_checks (at_ms);`,

	// 3: what the night engine needs to know about tonight from earlier
	// processes: each check's yes answers and whether it was the full check
	// or the short "anything new?" (every check saved before was full), and
	// when heat started, how long the pad was really on and at which step
	// the person stopped for pain. heat_seconds stays NULL on older rows: it
	// was never measured, and 0 would claim the pad was never on.
	`ALTER TABLE red_flag_checks ADD COLUMN yes TEXT NOT NULL DEFAULT '[]';
	ALTER TABLE red_flag_checks ADD COLUMN full INTEGER NOT NULL DEFAULT 1;
	ALTER TABLE sessions ADD COLUMN heat_started_ms INTEGER;
	ALTER TABLE sessions ADD COLUMN heat_seconds INTEGER;
	ALTER TABLE sessions ADD COLUMN pain_step TEXT NOT NULL DEFAULT '';`,

	// 4: what the history rules and the precautions need (CONTENT.md
	// sections 4, 6 and 7). woke is whether back pain woke the person last
	// night, asked with the "before" check-in, and woke_nothing_eases whether
	// nothing eased it then; both stay NULL on older rows and when not asked,
	// because "not asked" is not "no". The precautions screen keeps every
	// answer with its time, so a changed answer (a pregnancy, a new hip) is
	// history, not an overwrite. A clinician's check keeps the date the
	// person gave as a plain date: it is a day in their life, not an instant.
	`ALTER TABLE sessions ADD COLUMN woke INTEGER CHECK (woke IN (0, 1));
	ALTER TABLE sessions ADD COLUMN woke_nothing_eases INTEGER CHECK (woke_nothing_eases IN (0, 1));
	CREATE TABLE precautions (
		at_ms INTEGER NOT NULL,
		id    TEXT    NOT NULL,
		yes   INTEGER NOT NULL CHECK (yes IN (0, 1))
	);
	CREATE INDEX precautions_by_id ON precautions (id, at_ms);
	CREATE TABLE clinician_checked (
		at_ms       INTEGER NOT NULL,
		question_id TEXT    NOT NULL,
		checked_on  TEXT    NOT NULL
	);
	CREATE INDEX clinician_checked_by_question ON clinician_checked (question_id, checked_on);`,

	// 5: the version of the questions a check was answered against
	// (safety.ContentVersion), so a stored yes can be read against the
	// question that was asked. Older checks keep '' (unknown).
	`ALTER TABLE red_flag_checks ADD COLUMN content_version TEXT NOT NULL DEFAULT '';`,

	// 6: what the evening of CONTENT.md v3 keeps with each session: the
	// answer to tonight's heat question ('' when it was not asked: no heat
	// in the routine, or a row from before) and when the skin under the pad
	// felt numb, tingled or burned (the skin stop: its own kind, not a stop
	// for pain).
	`ALTER TABLE sessions ADD COLUMN heat_question TEXT NOT NULL DEFAULT '';
	ALTER TABLE sessions ADD COLUMN skin_stop_ms INTEGER;`,
}

// SchemaVersion is the newest schema this build writes; it is always
// len(migrations) (a test holds them together).
const SchemaVersion = 6

const versionTable = `CREATE TABLE IF NOT EXISTS schema_version (
	version    INTEGER PRIMARY KEY,
	applied_ms INTEGER NOT NULL
)`

// foreignError is a valid SQLite file that is not a supine database: it is
// someone else's, so it is neither used nor moved.
type foreignError struct{ path string }

func (e *foreignError) Error() string {
	return fmt.Sprintf("%s is an SQLite database but not a supine history; point supine at another path or move it aside.", e.path)
}

// version reads the schema version without changing anything. A file with no
// tables at all is version 0 (new); one with tables but no version table is
// not ours.
func (s *Store) version() (int, error) {
	return readVersion(context.Background(), s.db, s.path)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readVersion(ctx context.Context, q querier, path string) (int, error) {
	var tables, versioned int
	err := q.QueryRowContext(ctx, `SELECT count(*), count(CASE WHEN name = 'schema_version' THEN 1 END)
		FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&tables, &versioned)
	if err != nil {
		return 0, err
	}
	if versioned == 0 {
		if tables > 0 {
			return 0, &foreignError{path: path}
		}
		return 0, nil
	}
	var v int
	err = q.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// migrate applies the missing migrations, each in its own transaction with
// the row that records it. BEGIN IMMEDIATE takes the write lock first, so
// when two supine windows open an old database together, the second waits,
// then sees the new version and has nothing left to do.
func (s *Store) migrate() error {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for {
		done, err := s.migrateOne(ctx, conn)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migrateOne(ctx context.Context, conn *sql.Conn) (done bool, err error) {
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return false, err
	}
	defer func() {
		if err != nil {
			_, _ = conn.ExecContext(ctx, "ROLLBACK")
		}
	}()
	v, err := readVersion(ctx, conn, s.path)
	if err != nil {
		return false, err
	}
	if v > len(migrations) {
		return false, &NewerSchemaError{Path: s.path, Version: v, Known: len(migrations)}
	}
	if v == len(migrations) {
		_, err = conn.ExecContext(ctx, "COMMIT")
		return true, err
	}
	if _, err := conn.ExecContext(ctx, versionTable); err != nil {
		return false, err
	}
	if _, err := conn.ExecContext(ctx, migrations[v]); err != nil {
		return false, fmt.Errorf("schema migration %d: %w", v+1, err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO schema_version (version, applied_ms) VALUES (?, ?)`,
		v+1, time.Now().UnixMilli()); err != nil {
		return false, err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return false, err
}
