package evening

import (
	"errors"
	"sync"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
)

// Store is what the evening needs of the history: *history.Store is one.
type Store interface {
	Recent(sessionsSince, checksSince, now time.Time, rollover int) (history.Recent, error)
	Begin(history.Session) (int64, error)
	Update(history.Session) error
	Finish(history.Session) error
	SaveCheck(history.Check) error
	SavePrecautions(at time.Time, answers map[string]bool) error
	ClaimHeat(s history.Session, since time.Time, allowed func(others []history.Session, checks []history.Check) error) (int64, error)
}

// ErrNoHistory is a Read's error when there is no store at all (it could
// not be opened): tonight is unknown, and the evening fails closed.
var ErrNoHistory = errors.New("the history is not open")

// Keeper carries out one evening's effects on the store. Front ends call
// Perform off their update loop (the full screen from a tea.Cmd, plain
// mode between lines) and feed its answer back to Evening.Do. It is safe
// for use from several goroutines: it writes one thing at a time, remembers
// the session's ID, and drops a save older than one already written. The
// update loop never waits on it.
type Keeper struct {
	st       Store
	rollover int

	mu    sync.Mutex
	id    int64
	seq   int // the newest snapshot written
	final bool
	// failed is the newest save that could not be written, for SaveNow to
	// try again; nil once a later one is.
	failed *SaveSession
}

// NewKeeper keeps an evening in st; nil st keeps nothing and reads nothing
// (the evening then fails closed).
func NewKeeper(st Store, rollover int) *Keeper { return &Keeper{st: st, rollover: rollover} }

// Perform carries out one effect and returns what the evening must be
// told of it (nil when nothing).
func (k *Keeper) Perform(e Effect) Input {
	k.mu.Lock()
	defer k.mu.Unlock()
	switch e := e.(type) {
	case ReadTonight:
		if k.st == nil {
			return Read{Err: ErrNoHistory}
		}
		rec, err := k.st.Recent(e.At.Add(-night.LookBack), e.At.Add(-night.ShortcutWithin-24*time.Hour), e.At, k.rollover)
		return Read{Recent: rec, Err: err}
	case SaveCheck:
		if k.st != nil {
			if err := k.st.SaveCheck(e.Check); err != nil {
				return Saved{Seq: -1, Err: err}
			}
		}
		return nil
	case SavePrecautions:
		if k.st != nil && len(e.Answers) > 0 {
			if err := k.st.SavePrecautions(e.At, e.Answers); err != nil {
				return Saved{Seq: -1, Err: err}
			}
		}
		return nil
	case SaveSession:
		return Saved{Seq: e.Seq, Err: k.save(e)}
	case ClaimHeat:
		return Claimed{Seq: e.Seq, Err: k.claim(e)}
	}
	return nil
}

// save writes one snapshot; the caller holds the lock.
func (k *Keeper) save(s SaveSession) error {
	if k.st == nil || s.Seq <= k.seq || k.final {
		return nil
	}
	sess := s.Session
	var err error
	if k.id == 0 {
		k.id, err = k.st.Begin(sess)
	}
	if err == nil {
		sess.ID = k.id
		if s.Final {
			err = k.st.Finish(sess)
		} else {
			err = k.st.Update(sess)
		}
	}
	if err != nil {
		if k.failed == nil || s.Seq > k.failed.Seq {
			k.failed = &s
		}
		return err
	}
	k.seq, k.final, k.failed = s.Seq, s.Final, nil
	return nil
}

// claim asks the store for the pad; the caller holds the lock.
func (k *Keeper) claim(c ClaimHeat) error {
	if k.st == nil {
		// Nothing to ask: the person answered the questions of failing
		// closed, which decide heat tonight.
		return nil
	}
	sess := c.Session
	sess.ID = k.id
	at := sess.HeatStart
	id, err := k.st.ClaimHeat(sess, at.Add(-night.LookBack), func(others []history.Session, checks []history.Check) error {
		return night.HeatAllowed(others, checks, at, c.Rollover)
	})
	if err != nil {
		return err
	}
	k.id = id
	k.seq = max(k.seq, c.Seq)
	return nil
}

// SaveNow writes the record of an evening as it ended, at once: the CLI
// calls it (for an evening whose State.Stored is true) after the screen is
// restored, so that q, Ctrl+C, a signal or a hang-up never lose what was
// done, even a save still on its way, and a save that failed earlier gets
// one more try. final says the evening ended on purpose; a save that
// failed as the finishing one finishes it.
func (k *Keeper) SaveNow(rec history.Session, final bool) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.st == nil || (k.final && k.failed == nil) {
		return nil
	}
	if k.failed != nil && k.failed.Final {
		final = true
	}
	rec.Partial = !final
	return k.save(SaveSession{Session: rec, Final: final, Seq: max(k.seq, k.failedSeq()) + 1})
}

func (k *Keeper) failedSeq() int {
	if k.failed == nil {
		return 0
	}
	return k.failed.Seq
}
