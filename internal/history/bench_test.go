package history

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// tenYears fills a store with a session every night for ten years, in one
// transaction (one commit per row would measure the disk, not the queries).
func tenYears(b *testing.B) (*Store, time.Time) {
	b.Helper()
	st, _, err := Open(filepath.Join(b.TempDir(), "supine.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	now := time.Date(2026, 11, 24, 23, 0, 0, 0, time.Local)
	start := now.AddDate(-10, 0, 0)
	tx, err := st.db.BeginTx(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for d := start; d.Before(now); d = d.AddDate(0, 0, 1) {
		s := Session{
			Start: d.Add(-time.Hour), End: d.Add(-40 * time.Minute), Routine: "tonight",
			Completed:   []string{"Heat", "Knee-to-chest", "Pelvic tilts", "Knee rolls", "Settle in"},
			HeatMinutes: 15, Before: Score(3 + n%5), After: Score(1 + n%3), RedFlag: TierNone,
		}
		r, _ := toRow(s)
		if _, err := tx.Exec(`INSERT INTO sessions (start_ms, end_ms, routine, completed, skipped,
			heat_minutes, before_score, after_score, red_flag, stopped_for_pain, partial)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
			r.start, r.end, s.Routine, r.completed, r.skipped, s.HeatMinutes, r.before, r.after, r.redFlag); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return st, now
}

// BenchmarkHistory10Years is what opening the history screen costs: load
// every session, then the chart, the streak, the comparison and the rule.
func BenchmarkHistory10Years(b *testing.B) {
	st, now := tenYears(b)
	b.ReportAllocs()
	for b.Loop() {
		sessions, err := st.Sessions(time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		if len(sessions) < 3650 {
			b.Fatalf("%d sessions", len(sessions))
		}
		Weekly(sessions, now, 8, DefaultRolloverHour)
		Streak(sessions, now, DefaultRolloverHour)
		ThisWeekVsFirst(sessions, now, DefaultRolloverHour)
		WeeksRule(sessions, now, DefaultRolloverHour)
	}
}
