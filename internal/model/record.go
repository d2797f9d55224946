package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
)

// record is the session as the store keeps it, from what the model knows now.
func (m Model) record() history.Session {
	p := m.sess.progress
	if m.screen == ScreenPlayer && !m.sess.done {
		p = m.player.Progress()
	}
	var heatStart time.Time
	if p.HeatMins > 0 {
		heatStart = m.sess.heatStart
		if heatStart.IsZero() {
			heatStart = m.wallAt(p.HeatStartedAt)
		}
	}
	return history.Session{
		HeatStart:      heatStart,
		HeatSeconds:    p.HeatSeconds,
		HeatKnown:      true,
		PainStep:       p.PainStep,
		Woke:           m.sess.woke,
		Start:          m.sess.started,
		End:            m.now(),
		Routine:        m.sess.routine.Name,
		Completed:      m.sess.stepTitles(p.Completed),
		Skipped:        m.sess.stepTitles(p.Skipped),
		HeatMinutes:    p.HeatMins, // the minutes set, only when the pad went on
		Before:         m.sess.before,
		After:          m.sess.after,
		RedFlag:        safety.TierName(m.sess.tier),
		StoppedForPain: m.sess.done && p.Reason == screens.StoppedByPain,
		Partial:        true,
	}
}

// saveSession writes the session as it stands; finish marks it complete.
func (m *Model) saveSession(finish bool) tea.Cmd {
	if m.opts.Store == nil || !m.sess.saving {
		return nil
	}
	m.sess.seq++
	rec := m.record()
	rec.Partial = !finish
	return m.saver.cmd(snapshot{seq: m.sess.seq, session: rec, finish: finish})
}

// SaveNow writes a session that is still under way, synchronously, as
// partial (or as finished, when the save that failed was the finishing
// one). The CLI calls it on the final model after the program ends, so that
// q, Ctrl+C, SIGTERM and SIGHUP never lose what was done, and a save that
// failed earlier gets one more try.
func (m Model) SaveNow() error {
	if m.opts.Store == nil || !m.sess.saving || m.saver.isFinal() {
		return nil
	}
	rec := m.record()
	finish := m.saver.retryFinish()
	rec.Partial = !finish
	return m.saver.save(snapshot{seq: m.sess.seq + 1, session: rec, finish: finish})
}
