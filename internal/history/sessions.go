package history

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// Begin saves a session as it starts and returns its ID. The row is partial
// until Finish: if the process dies first, what was done is still there.
func (s *Store) Begin(sess Session) (int64, error) {
	if err := sess.check(); err != nil {
		return 0, fmt.Errorf("the session could not be saved: %v", err)
	}
	row, err := toRow(sess)
	if err != nil {
		return 0, err
	}
	id, err := insertSession(s.db, sess, row)
	if err != nil {
		return 0, fmt.Errorf("the session could not be saved to %s: %v", s.path, err)
	}
	s.wrote()
	return id, nil
}

// execer is a database or a transaction.
type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
}

func insertSession(db execer, sess Session, row row) (int64, error) {
	res, err := db.Exec(`INSERT INTO sessions
		(start_ms, end_ms, routine, completed, skipped, heat_minutes, before_score, after_score,
		 red_flag, stopped_for_pain, heat_started_ms, heat_seconds, pain_step, woke, woke_nothing_eases,
		 heat_question, skin_stop_ms, partial)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
		row.start, row.end, sess.Routine, row.completed, row.skipped, sess.HeatMinutes,
		row.before, row.after, row.redFlag, sess.StoppedForPain,
		row.heatStart, row.heatSeconds, sess.PainStep, row.woke, row.wokeNothingEases,
		sess.HeatQuestion, row.skinStop)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// Update saves what a running session has done so far (by sess.ID). It stays
// partial.
func (s *Store) Update(sess Session) error { return s.save(sess, true) }

// Finish saves the session's final state and marks it complete (not partial).
func (s *Store) Finish(sess Session) error { return s.save(sess, false) }

func (s *Store) save(sess Session, partial bool) error {
	if sess.ID <= 0 {
		return fmt.Errorf("the session could not be saved: it has no ID; call Begin first")
	}
	if err := sess.check(); err != nil {
		return fmt.Errorf("the session could not be saved: %v", err)
	}
	row, err := toRow(sess)
	if err != nil {
		return err
	}
	err = updateSession(s.db, sess, row, partial)
	s.wrote()
	if errors.Is(err, errNoSuchSession) {
		return fmt.Errorf("the session could not be saved: session %d is not in %s", sess.ID, s.path)
	}
	if err != nil {
		return fmt.Errorf("the session could not be saved to %s: %v", s.path, err)
	}
	return nil
}

var errNoSuchSession = errors.New("no such session")

func updateSession(db execer, sess Session, row row, partial bool) error {
	res, err := db.Exec(`UPDATE sessions SET
		start_ms = ?, end_ms = ?, routine = ?, completed = ?, skipped = ?, heat_minutes = ?,
		before_score = ?, after_score = ?, red_flag = ?, stopped_for_pain = ?,
		heat_started_ms = ?, heat_seconds = ?, pain_step = ?, woke = ?, woke_nothing_eases = ?,
		heat_question = ?, skin_stop_ms = ?, partial = ?
		WHERE id = ?`,
		row.start, row.end, sess.Routine, row.completed, row.skipped, sess.HeatMinutes,
		row.before, row.after, row.redFlag, sess.StoppedForPain,
		row.heatStart, row.heatSeconds, sess.PainStep, row.woke, row.wokeNothingEases,
		sess.HeatQuestion, row.skinStop, partial, sess.ID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return errNoSuchSession
	}
	return nil
}

// Sessions returns the sessions that started at or after since, newest first.
// A zero since returns every session. Times come back in the local zone.
func (s *Store) Sessions(since time.Time) ([]Session, error) {
	out, err := sessionsSince(s.db, since)
	if err != nil {
		return nil, fmt.Errorf("the history in %s could not be read: %v", s.path, err)
	}
	return out, nil
}

func sessionsSince(db execer, since time.Time) ([]Session, error) {
	var from int64 = -1 << 62
	if !since.IsZero() {
		from = since.UnixMilli()
	}
	rows, err := db.Query(`SELECT id, start_ms, end_ms, routine, completed, skipped, heat_minutes,
		before_score, after_score, red_flag, stopped_for_pain, partial,
		heat_started_ms, heat_seconds, pain_step, woke, woke_nothing_eases, heat_question, skin_stop_ms
		FROM sessions WHERE start_ms >= ? ORDER BY start_ms DESC, id DESC`, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var (
			sess                   Session
			start                  int64
			end, before, after     sql.NullInt64
			heatStart, heatSeconds sql.NullInt64
			skinStop               sql.NullInt64
			woke, nothingEases     sql.NullBool
			completed, skipped     string
		)
		if err := rows.Scan(&sess.ID, &start, &end, &sess.Routine, &completed, &skipped,
			&sess.HeatMinutes, &before, &after, &sess.RedFlag, &sess.StoppedForPain, &sess.Partial,
			&heatStart, &heatSeconds, &sess.PainStep, &woke, &nothingEases, &sess.HeatQuestion, &skinStop); err != nil {
			return nil, err
		}
		sess.Start = time.UnixMilli(start)
		if end.Valid {
			sess.End = time.UnixMilli(end.Int64)
		}
		sess.Before = fromNull(before)
		sess.After = fromNull(after)
		if heatStart.Valid {
			sess.HeatStart = time.UnixMilli(heatStart.Int64)
		}
		if skinStop.Valid {
			sess.SkinStop = time.UnixMilli(skinStop.Int64)
		}
		sess.HeatSeconds, sess.HeatKnown = int(heatSeconds.Int64), heatSeconds.Valid
		sess.Woke, sess.WokeNothingEases = fromNullBool(woke), fromNullBool(nothingEases)
		// A list that does not decode is left empty rather than losing the
		// whole session over it.
		decodeList(completed, &sess.Completed)
		decodeList(skipped, &sess.Skipped)
		out = append(out, cleaned(sess))
	}
	return out, rows.Err()
}

// row is a session in its stored form.
type row struct {
	start                  int64
	end, before, after     sql.NullInt64
	heatStart, heatSeconds sql.NullInt64
	skinStop               sql.NullInt64
	woke, wokeNothingEases sql.NullBool
	completed, skipped     string
	redFlag                string
}

func toRow(sess Session) (row, error) {
	r := row{start: sess.Start.UnixMilli(), redFlag: sess.RedFlag}
	if r.redFlag == "" {
		r.redFlag = TierNone
	}
	if !sess.End.IsZero() {
		r.end = sql.NullInt64{Int64: sess.End.UnixMilli(), Valid: true}
	}
	r.before = toNull(sess.Before)
	r.woke, r.wokeNothingEases = toNullBool(sess.Woke), toNullBool(sess.WokeNothingEases)
	r.after = toNull(sess.After)
	if !sess.HeatStart.IsZero() {
		r.heatStart = sql.NullInt64{Int64: sess.HeatStart.UnixMilli(), Valid: true}
	}
	if !sess.SkinStop.IsZero() {
		r.skinStop = sql.NullInt64{Int64: sess.SkinStop.UnixMilli(), Valid: true}
	}
	if sess.HeatKnown {
		r.heatSeconds = sql.NullInt64{Int64: int64(sess.HeatSeconds), Valid: true}
	}
	var err error
	if r.completed, err = encodeList(sess.Completed); err != nil {
		return row{}, err
	}
	if r.skipped, err = encodeList(sess.Skipped); err != nil {
		return row{}, err
	}
	return r, nil
}

// encodeList is a list of titles or IDs in its stored form, a JSON array;
// nil is stored as [] like an empty list.
func encodeList(list []string) (string, error) {
	if list == nil {
		list = []string{}
	}
	b, err := json.Marshal(list)
	return string(b), err
}

func toNull(v *int) sql.NullInt64 {
	if v == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: int64(*v), Valid: true}
}

func fromNull(v sql.NullInt64) *int {
	if !v.Valid {
		return nil
	}
	n := int(v.Int64)
	return &n
}

func toNullBool(v *bool) sql.NullBool {
	if v == nil {
		return sql.NullBool{}
	}
	return sql.NullBool{Bool: *v, Valid: true}
}

func fromNullBool(v sql.NullBool) *bool {
	if !v.Valid {
		return nil
	}
	b := v.Bool
	return &b
}

func decodeList(stored string, dst *[]string) {
	if stored == "[]" || stored == "" {
		return
	}
	_ = json.Unmarshal([]byte(stored), dst)
}

// cleaned makes a session's text safe to show. The database is a file
// anyone with the account can edit, and its text ends up on the history
// screen, in plain lines and in exports printed to a terminal.
func cleaned(sess Session) Session {
	sess.Routine = textsafe.Clean(sess.Routine)
	sess.RedFlag = textsafe.Clean(sess.RedFlag)
	sess.PainStep = textsafe.Clean(sess.PainStep)
	sess.HeatQuestion = textsafe.Clean(sess.HeatQuestion)
	for _, list := range [][]string{sess.Completed, sess.Skipped} {
		for i := range list {
			list[i] = textsafe.Clean(list[i])
		}
	}
	return sess
}
