package plain

import (
	"reflect"
	"strings"
	"testing"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/psfs"
)

// scripted is an asker reading from a list of scripted and keeping what is said.
type scripted struct {
	in  []string
	out []string
}

func (l *scripted) say(text string) { l.out = append(l.out, text) }

func (l *scripted) readLine() (string, bool, error) {
	if len(l.in) == 0 {
		return "", false, nil
	}
	s := l.in[0]
	l.in = l.in[1:]
	return s, true, nil
}

func TestAskActivities(t *testing.T) {
	named := []psfs.Series{{Activity: history.Activity{ID: 3, Name: "Turning over in bed"}}, {Activity: history.Activity{ID: 5, Name: "Putting on socks"}}}
	for _, tt := range []struct {
		name   string
		series []psfs.Series
		in     []string
		want   []history.Rated
		says   string
	}{
		{"named, rated", named, []string{"4", "10"}, []history.Rated{{ID: 3, Name: "Turning over in bed", Score: 4}, {ID: 5, Name: "Putting on socks", Score: 10}}, "2 of 2. Putting on socks:"},
		{"a wrong answer is asked again", named, []string{"11", "x", "4", "6"}, []history.Rated{{ID: 3, Name: "Turning over in bed", Score: 4}, {ID: 5, Name: "Putting on socks", Score: 6}}, "Please type a whole number from 0 to 10:"},
		{"skipped at once", named, []string{""}, nil, "Skipped this week."},
		{"the input ends half way: nothing is kept", named, []string{"4"}, nil, ""},
		{"nothing named: naming first", nil, []string{"Putting on socks", "Gardening", "", "3", "7"}, []history.Rated{{Name: "Putting on socks", Score: 3}, {Name: "Gardening", Score: 7}}, "name up to 3, one a line"},
		{"nothing named, and none given", nil, []string{""}, nil, ""},
		{"at most three are named", nil, []string{"a", "b", "c", "1", "2", "3"}, []history.Rated{{Name: "a", Score: 1}, {Name: "b", Score: 2}, {Name: "c", Score: 3}}, "3 of 3. c:"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := &scripted{in: tt.in}
			got, err := askActivities(l, tt.series)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if said := strings.Join(l.out, "\n"); !strings.Contains(said, tt.says) {
				t.Errorf("it did not say %q:\n%s", tt.says, said)
			}
		})
	}
}
