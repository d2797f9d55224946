package history

import (
	"strings"
	"testing"
	"time"
)

func TestClinicianChecksStandFourWeeksFromTheirDay(t *testing.T) {
	ldn := london(t)
	st, _ := openTemp(t)
	date := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, ldn) }
	// Checked on 3 November, told to the app only on 25 November: the four
	// weeks still run from the 3rd.
	if err := st.SaveClinicianCheck("fever", date(11, 3, 0), date(11, 25, 22)); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveClinicianCheck("weight-loss", date(11, 10, 0), date(11, 10, 21)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		now  time.Time
		want string // the questions in force, joined
	}{
		{"the day before the first check (clock moved back)", date(11, 2, 23), ""},
		{"the evening of the check", date(11, 3, 22), "fever"},
		{"both", date(11, 20, 22), "fever,weight-loss"},
		{"the last evening of the fourth week", date(11, 30, 23), "fever,weight-loss"},
		{"01:00 still belongs to that night", date(12, 1, 1), "fever,weight-loss"},
		{"four weeks on: lapsed", date(12, 1, 22), "weight-loss"},
		{"both lapsed", date(12, 8, 22), ""},
	} {
		got, err := st.ClinicianChecks(tc.now, DefaultRolloverHour)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range got {
			ids = append(ids, c.QuestionID)
		}
		if strings.Join(ids, ",") != tc.want {
			t.Errorf("%s: in force %v, want %q", tc.name, ids, tc.want)
		}
	}
	got, _ := st.ClinicianChecks(date(11, 26, 22), DefaultRolloverHour)
	fever := got[0]
	if !fever.CheckedOn.Equal(date(11, 3, 0)) || !fever.Until.Equal(date(12, 1, 0)) || !fever.At.Equal(date(11, 25, 22)) {
		t.Errorf("fever check read back as %+v", fever)
	}

	// Checked again on 20 November: the newer assessment stands until 18 December.
	if err := st.SaveClinicianCheck("fever", date(11, 20, 0), date(11, 20, 20)); err != nil {
		t.Fatal(err)
	}
	for _, now := range []time.Time{date(11, 26, 22), date(12, 10, 22)} {
		got, _ := st.ClinicianChecks(now, DefaultRolloverHour)
		last := got[len(got)-1] // the newest assessment comes last
		if last.QuestionID != "fever" || !last.CheckedOn.Equal(date(11, 20, 0)) || !last.Until.Equal(date(12, 18, 0)) {
			t.Errorf("at %v: %+v, want the fever check of 20 November", now, got)
		}
	}
	all, err := st.ClinicianCheckHistory()
	if err != nil || len(all) != 3 {
		t.Errorf("history: %+v, %v", all, err)
	}
}

func TestBadClinicianChecksAreRefused(t *testing.T) {
	st, _ := openTemp(t)
	now := time.Date(2026, 11, 25, 22, 0, 0, 0, time.Local)
	for _, tc := range []struct {
		name      string
		question  string
		checkedOn time.Time
		want      string
	}{
		{"no question", "", now, "names no question"},
		{"no date", "fever", time.Time{}, "has no date"},
		{"tomorrow", "fever", now.AddDate(0, 0, 1), "2026-11-26 is after today"},
	} {
		err := st.SaveClinicianCheck(tc.question, tc.checkedOn, now)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one about %q", tc.name, err, tc.want)
		}
	}
	if all, _ := st.ClinicianCheckHistory(); len(all) != 0 {
		t.Errorf("refused checks were kept: %+v", all)
	}
}
