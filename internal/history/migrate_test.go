package history

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSchemaVersionMatchesMigrations(t *testing.T) {
	if SchemaVersion != len(migrations) {
		t.Fatalf("SchemaVersion = %d but there are %d migrations", SchemaVersion, len(migrations))
	}
}

func rawOpen(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// The schema of the first release, written out by hand rather than through
// the migration code, with a session in it, as an old supine left it.
const schemaV1 = `
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_ms INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1, 1763000000000);
CREATE TABLE sessions (
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
CREATE INDEX sessions_by_start ON sessions (start_ms);
INSERT INTO sessions (start_ms, end_ms, routine, completed, skipped, heat_minutes, before_score, after_score, partial)
VALUES (1763935200000, 1763936400000, 'tonight', '["Heat","Knee rolls"]', '["Pelvic tilts"]', 16, 7, 5, 0),
       (1764021600000, NULL, 'quick', '[]', '[]', 0, NULL, NULL, 1);
`

func TestMigrateFromV1KeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supine.db")
	db := rawOpen(t, path)
	mustExec(t, db, schemaV1)
	db.Close()

	st, notice, err := Open(path)
	if err != nil || notice != "" {
		t.Fatalf("Open: %v %q", err, notice)
	}
	defer st.Close()
	if v, err := st.version(); err != nil || v != SchemaVersion {
		t.Fatalf("version after upgrade = %d, %v; want %d", v, err, SchemaVersion)
	}
	got, err := st.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d sessions after upgrade, want 2", len(got))
	}
	old := got[1]
	if old.Routine != "tonight" || old.Partial || old.HeatMinutes != 16 || *old.Before != 7 || *old.After != 5 ||
		strings.Join(old.Completed, ",") != "Heat,Knee rolls" || strings.Join(old.Skipped, ",") != "Pelvic tilts" ||
		old.Start.UnixMilli() != 1763935200000 || old.End.UnixMilli() != 1763936400000 {
		t.Errorf("old session changed: %+v", old)
	}
	// The columns the upgrade added have their defaults; how long the pad
	// was on is unknown, not zero.
	if old.RedFlag != TierNone || old.StoppedForPain || !old.HeatStart.IsZero() || old.HeatKnown || old.PainStep != "" {
		t.Errorf("new columns: red flag %q, stopped %v, heat start %v, heat known %v, pain step %q",
			old.RedFlag, old.StoppedForPain, old.HeatStart, old.HeatKnown, old.PainStep)
	}
	if !got[0].Partial || got[0].Before != nil {
		t.Errorf("old partial session changed: %+v", got[0])
	}
	// And what schema 2 brought works.
	if err := st.SaveCheck(Check{At: time.Now(), Tier: TierNone, Full: true}); err != nil {
		t.Fatal(err)
	}
	id, err := st.Begin(Session{Start: time.Now(), Routine: "tonight", RedFlag: TierBook})
	if err != nil || id != 3 {
		t.Fatalf("new session after upgrade: id %d, %v", id, err)
	}
}

// Every earlier schema, from an empty file (0) up, is brought to the newest,
// and what the older supine saved in it reads back as it meant it: a session
// from before schema 3 has no known heat seconds, a check from before
// schema 3 was a full one with no answers kept, a session from before
// schema 4 was never asked about waking, and schema 3's fields survive.
func TestMigrateFromEveryEarlierSchema(t *testing.T) {
	for v := 0; v < SchemaVersion; v++ {
		path := filepath.Join(t.TempDir(), "supine.db")
		db := rawOpen(t, path)
		if v > 0 {
			mustExec(t, db, versionTable)
		}
		for i := 0; i < v; i++ {
			mustExec(t, db, migrations[i])
			mustExec(t, db, `INSERT INTO schema_version VALUES (?, 0)`, i+1)
		}
		if v > 0 {
			mustExec(t, db, `INSERT INTO sessions (start_ms, routine, heat_minutes, partial) VALUES (1, 'old', 15, 0)`)
		}
		if v > 1 {
			mustExec(t, db, `INSERT INTO red_flag_checks (at_ms, tier) VALUES (2, 'BOOK'), (3, 'URGENT')`)
		}
		if v > 2 {
			// What schema 3 brought: a short check with its answers, and a
			// session with the pad's real seconds and a pain stop.
			mustExec(t, db, `INSERT INTO red_flag_checks (at_ms, tier, yes, full) VALUES (4, 'none', '["fever"]', 0)`)
			mustExec(t, db, `INSERT INTO sessions (start_ms, routine, heat_minutes, partial, heat_started_ms, heat_seconds, pain_step)
				VALUES (5, 'three', 15, 0, 6, 900, 'Knee rolls')`)
		}
		db.Close()

		st, _, err := Open(path)
		if err != nil {
			t.Fatalf("from schema %d: %v", v, err)
		}
		got, _ := st.version()
		if got != SchemaVersion {
			t.Errorf("from schema %d: now at %d, want %d", v, got, SchemaVersion)
		}
		var applied int
		st.db.QueryRow(`SELECT count(*) FROM schema_version`).Scan(&applied)
		if applied != SchemaVersion {
			t.Errorf("from schema %d: %d version rows, want %d", v, applied, SchemaVersion)
		}
		sessions, err := st.Sessions(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		wantN := min(v, 1)
		if v > 2 {
			wantN = 2
		}
		if len(sessions) != wantN {
			t.Errorf("from schema %d: %d sessions, want %d", v, len(sessions), wantN)
		}
		for _, s := range sessions {
			// Nobody was asked about waking before schema 4: not asked, not no.
			if s.Woke != nil || s.WokeNothingEases != nil {
				t.Errorf("from schema %d: old session has waking answers %v %v", v, s.Woke, s.WokeNothingEases)
			}
			if s.Routine == "three" {
				if s.HeatMinutes != 15 || s.HeatStart.UnixMilli() != 6 || !s.HeatKnown || s.HeatSeconds != 900 || s.PainStep != "Knee rolls" {
					t.Errorf("from schema %d: schema 3 session read back as %+v", v, s)
				}
				continue
			}
			if s.HeatMinutes != 15 || !s.HeatStart.IsZero() || s.HeatKnown || s.HeatSeconds != 0 || s.PainStep != "" {
				t.Errorf("from schema %d: old session read back as %+v", v, s)
			}
		}
		checks, err := st.Checks(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		var wantChecks []Check
		if v > 1 {
			wantChecks = []Check{
				{At: time.UnixMilli(2), Tier: TierBook, Full: true},
				{At: time.UnixMilli(3), Tier: TierUrgent, Full: true},
			}
		}
		if v > 2 {
			wantChecks = append(wantChecks, Check{At: time.UnixMilli(4), Tier: TierNone, Yes: []string{"fever"}})
		}
		if !reflect.DeepEqual(checks, wantChecks) {
			t.Errorf("from schema %d: checks\n%+v\nwant\n%+v", v, checks, wantChecks)
		}
		// The old URGENT check is still the last full one, so it still
		// stands in the way of the short check.
		if last, ok := lastFull(t, st); ok != (v > 1) || (ok && (last.At.UnixMilli() != 3 || last.Tier != TierUrgent)) {
			t.Errorf("from schema %d: last full check %+v, %v", v, last, ok)
		}
		// Schema 4's tables start empty and work.
		now := time.Date(2026, 11, 24, 22, 0, 0, 0, time.Local)
		if p, err := st.Precautions(); err != nil || !p.Asked.IsZero() || len(p.Latest) != 0 {
			t.Errorf("from schema %d: precautions %+v, %v", v, p, err)
		}
		if c, err := st.ClinicianChecks(now, DefaultRolloverHour); err != nil || len(c) != 0 {
			t.Errorf("from schema %d: clinician's checks %+v, %v", v, c, err)
		}
		if err := st.SavePrecautions(now, map[string]bool{PrecautionPregnant: false}); err != nil {
			t.Errorf("from schema %d: %v", v, err)
		}
		if err := st.SaveClinicianCheck("fever", now, now); err != nil {
			t.Errorf("from schema %d: %v", v, err)
		}
		if _, err := st.Begin(Session{Start: now, Routine: "new", Woke: Answer(true), WokeNothingEases: Answer(false)}); err != nil {
			t.Errorf("from schema %d: %v", v, err)
		}
		st.Close()
	}
}

func TestOpeningTwiceMigratesOnce(t *testing.T) {
	_, path := openTemp(t)
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	st.db.QueryRow(`SELECT count(*) FROM schema_version`).Scan(&n)
	if n != SchemaVersion {
		t.Errorf("%d version rows, want %d", n, SchemaVersion)
	}
}

func TestNewerSchemaIsRefusedAndLeftUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supine.db")
	db := rawOpen(t, path)
	mustExec(t, db, `PRAGMA journal_mode=WAL`)
	mustExec(t, db, schemaV1)
	mustExec(t, db, `INSERT INTO schema_version VALUES (2, 0), (3, 0), (99, 0)`)
	mustExec(t, db, `CREATE TABLE from_the_future (x)`)
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	infoBefore, _ := os.Stat(path)

	st, notice, err := Open(path)
	if err == nil {
		st.Close()
		t.Fatal("a database from a newer supine was opened")
	}
	var ne *NewerSchemaError
	if !errors.As(err, &ne) || ne.Version != 99 || ne.Known != SchemaVersion {
		t.Fatalf("error %v, want a NewerSchemaError for schema 99", err)
	}
	want := "This history was written by a newer supine (schema 99); update supine, or move " + path + " aside to start fresh."
	if err.Error() != want {
		t.Errorf("message\n%s\nwant\n%s", err, want)
	}
	if notice != "" {
		t.Errorf("notice %q for a refused database", notice)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the newer database's bytes changed")
	}
	if infoAfter, _ := os.Stat(path); !infoAfter.ModTime().Equal(infoBefore.ModTime()) {
		t.Error("the newer database was written to")
	}
	matches, _ := filepath.Glob(path + ".corrupt-*")
	if len(matches) > 0 {
		t.Errorf("a newer database was moved aside: %v", matches)
	}
}

func TestSomeoneElsesDatabaseIsNotTouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	db := rawOpen(t, path)
	mustExec(t, db, `CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')`)
	db.Close()
	before, _ := os.ReadFile(path)
	_, _, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "not a supine history") {
		t.Fatalf("error %v, want one saying it is not a supine history", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("someone else's database changed")
	}
}
