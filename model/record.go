package model

import (
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/history"
	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/screens"
)

// record is the session as the store keeps it, from what the model knows now.
func (m Model) record() history.Session {
	p := m.sess.progress
	if m.screen == ScreenPlayer && !m.sess.done {
		p = m.player.Progress()
	}
	heat := p.HeatMins
	if heat == 0 {
		heat = m.sess.plan.HeatMinutes()
	}
	return history.Session{
		Start:          m.sess.started,
		End:            m.now(),
		Routine:        m.sess.routine.Name,
		Completed:      m.sess.stepTitles(p.Completed),
		Skipped:        m.sess.stepTitles(p.Skipped),
		HeatMinutes:    heat,
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
