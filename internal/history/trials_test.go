package history

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func trialAt(started time.Time) Trial {
	return Trial{Kind: "heat", Started: started, FirstNight: time.Date(started.Year(), started.Month(), started.Day(), 0, 0, 0, 0, time.Local),
		Seed: -42, HeatFirst: []bool{true, false, false, true, true, false, true, false}, Outcome: "after; next before"}
}

func TestATrialIsKeptAsStarted(t *testing.T) {
	st, _ := openTemp(t)
	started := time.Date(2026, 11, 2, 21, 0, 0, 0, time.Local)
	want := trialAt(started)
	id, err := st.SaveTrial(want, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Trials()
	if err != nil {
		t.Fatal(err)
	}
	want.ID = id
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Fatalf("trials = %+v\nwant %+v", got, want)
	}
	stop := started.AddDate(0, 0, 3)
	if err := st.StopTrial(id, stop); err != nil {
		t.Fatal(err)
	}
	if err := st.StopTrial(id, stop.Add(time.Hour)); err == nil {
		t.Error("a stopped trial was stopped again")
	}
	got, _ = st.Trials()
	if !got[0].Stopped.Equal(stop) {
		t.Errorf("stopped at %v, want %v", got[0].Stopped, stop)
	}
}

func TestASecondTrialWaitsForTheFirst(t *testing.T) {
	st, _ := openTemp(t)
	started := time.Date(2026, 11, 2, 21, 0, 0, 0, time.Local)
	if _, err := st.SaveTrial(trialAt(started), nil); err != nil {
		t.Fatal(err)
	}
	stillRuns := func(k Trial) bool { return k.Stopped.IsZero() }
	_, err := st.SaveTrial(trialAt(started.AddDate(0, 0, 1)), stillRuns)
	if err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("err = %v, want one saying a trial is already running", err)
	}
	if got, _ := st.Trials(); len(got) != 1 {
		t.Fatalf("%d trials kept, want 1", len(got))
	}
}

func TestAnOrderThatIsNotHAndNIsAnError(t *testing.T) {
	for _, s := range []string{"", "HX", "hn"} {
		if _, err := decodeOrder(s); err == nil {
			t.Errorf("decodeOrder(%q) gave no error", s)
		}
	}
	if got, _ := decodeOrder(encodeOrder([]bool{true, false, true})); !reflect.DeepEqual(got, []bool{true, false, true}) {
		t.Errorf("the order does not survive a round trip: %v", got)
	}
}

// The evening reads tonight's trial night through Recent: the newest trial
// is there as soon as this process saves or stops one, whatever Recent
// read before (its cache is dropped by the write).
func TestRecentHoldsTheNewestTrial(t *testing.T) {
	st, _ := openTemp(t)
	now := time.Date(2026, 11, 20, 22, 0, 0, 0, time.Local)
	read := func() *Trial {
		t.Helper()
		r, err := st.Recent(now.AddDate(0, 0, -2), now.AddDate(0, 0, -2), now, 4)
		if err != nil {
			t.Fatal(err)
		}
		return r.Trial
	}
	if got := read(); got != nil {
		t.Fatalf("no trial kept, Recent gave %+v", got)
	}
	first, err := st.SaveTrial(trialAt(now.AddDate(0, 0, -30)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := read(); got == nil || got.ID != first {
		t.Fatalf("after a trial was saved, Recent gave %+v; want trial %d", got, first)
	}
	if err := st.StopTrial(first, now.AddDate(0, 0, -25)); err != nil {
		t.Fatal(err)
	}
	if got := read(); got == nil || got.Stopped.IsZero() {
		t.Fatalf("after the trial was stopped, Recent gave %+v; want it stopped", got)
	}
	second, err := st.SaveTrial(trialAt(now.AddDate(0, 0, -1)), nil)
	if err != nil {
		t.Fatal(err)
	}
	// An older start saved later is not the newest trial.
	if _, err := st.SaveTrial(trialAt(now.AddDate(0, 0, -40)), nil); err != nil {
		t.Fatal(err)
	}
	want := trialAt(now.AddDate(0, 0, -1))
	want.ID = second
	if got := read(); got == nil || !reflect.DeepEqual(*got, want) {
		t.Fatalf("Recent gave %+v\nwant the newest %+v", got, want)
	}
}
