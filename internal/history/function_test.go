package history

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRatingsAreKeptBySitting(t *testing.T) {
	st, _ := openTemp(t)
	first := time.Date(2026, 11, 2, 21, 0, 0, 0, time.Local)
	if err := st.SaveRatings(first, []Rated{{Name: "Turning over in bed", Score: 3}, {Name: " Putting on socks ", Score: 5}}); err != nil {
		t.Fatal(err)
	}
	acts, err := st.Activities()
	if err != nil {
		t.Fatal(err)
	}
	if len(acts) != 2 || acts[1].Name != "Putting on socks" || !acts[0].Active() {
		t.Fatalf("activities = %+v, want the two named, trimmed, active", acts)
	}
	second := first.AddDate(0, 0, 7)
	if err := st.SaveRatings(second, []Rated{{ID: acts[0].ID, Score: 4}, {ID: acts[1].ID, Score: 7}}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Ratings()
	if err != nil {
		t.Fatal(err)
	}
	want := []Rating{
		{At: first, ActivityID: acts[0].ID, Score: 3}, {At: first, ActivityID: acts[1].ID, Score: 5},
		{At: second, ActivityID: acts[0].ID, Score: 4}, {At: second, ActivityID: acts[1].ID, Score: 7},
	}
	for i := range got {
		got[i].At = got[i].At.In(time.Local)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ratings = %+v\nwant %+v", got, want)
	}
}

func TestRatingsRefuseWhatTheScaleDoesNotHold(t *testing.T) {
	st, _ := openTemp(t)
	at := time.Date(2026, 11, 2, 21, 0, 0, 0, time.Local)
	for _, tt := range []struct {
		name    string
		answers []Rated
		want    string
	}{
		{"a score above 10", []Rated{{Name: "Socks", Score: 11}}, "outside 0 to 10"},
		{"a score below 0", []Rated{{Name: "Socks", Score: -1}}, "outside 0 to 10"},
		{"no name", []Rated{{Name: "  ", Score: 3}}, "no name"},
		{"an escape in the name", []Rated{{Name: "Socks\x1b]52;c;aGk=\x07", Score: 3}}, "control characters"},
		{"an unknown activity", []Rated{{ID: 99, Score: 3}}, "not one being rated"},
		{"four activities", []Rated{{Name: "a", Score: 1}, {Name: "b", Score: 1}, {Name: "c", Score: 1}, {Name: "d", Score: 1}}, "3 activities are rated already"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := st.SaveRatings(at, tt.answers)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if r, _ := st.Ratings(); len(r) != 0 {
				t.Fatalf("a refused sitting left %d ratings: it must be kept whole or not at all", len(r))
			}
			if a, _ := st.Activities(); len(a) != 0 {
				t.Fatalf("a refused sitting left %d activities", len(a))
			}
		})
	}
}

func TestADroppedActivityKeepsItsRatings(t *testing.T) {
	st, _ := openTemp(t)
	at := time.Date(2026, 11, 2, 21, 0, 0, 0, time.Local)
	if err := st.SaveRatings(at, []Rated{{Name: "a", Score: 1}, {Name: "b", Score: 2}, {Name: "c", Score: 3}}); err != nil {
		t.Fatal(err)
	}
	acts, _ := st.Activities()
	if err := st.DropActivity(acts[1].ID, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.DropActivity(acts[1].ID, at.Add(time.Hour)); err == nil {
		t.Error("dropping an activity twice gave no error")
	}
	if err := st.SaveRatings(at.AddDate(0, 0, 7), []Rated{{ID: acts[1].ID, Score: 5}}); err == nil {
		t.Error("a dropped activity was rated")
	}
	if err := st.SaveRatings(at.AddDate(0, 0, 7), []Rated{{ID: acts[0].ID, Score: 2}, {Name: "d", Score: 4}}); err != nil {
		t.Fatalf("a new activity in the dropped one's place: %v", err)
	}
	acts, _ = st.Activities()
	if len(acts) != 4 || acts[1].Active() || acts[1].Dropped.IsZero() {
		t.Fatalf("activities = %+v, want b dropped and d added", acts)
	}
	if r, _ := st.Ratings(); len(r) != 5 {
		t.Fatalf("%d ratings, want 5 (b's first one kept)", len(r))
	}
}
