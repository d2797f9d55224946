package e2e

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/report"
	"github.com/supine-app/supine/internal/trial"
)

// seedSixWeeks writes six weeks of nights into home's history: easing, then
// a relapse, a stop for pain, an URGENT check and an EMERGENCY one, three
// activities rated weekly and a heat trial done, so that every part of
// the report is on its pages.
func seedSixWeeks(t *testing.T, home string) {
	t.Helper()
	dir := filepath.Join(home, "data", "supine")
	st, _, err := history.Open(filepath.Join(dir, "supine.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	evening := func(ago int) time.Time {
		day := now.AddDate(0, 0, -ago)
		return time.Date(day.Year(), day.Month(), day.Day(), 22, 0, 0, 0, time.Local)
	}
	tr := trial.New(7, evening(36), history.Night(evening(35), history.DefaultRolloverHour))
	withoutHeat := map[string]bool{}
	for _, sc := range trial.Schedule(tr) {
		if !sc.Heat {
			withoutHeat[sc.Night.Format("2006-01-02")] = true
		}
	}
	if _, err := st.SaveTrial(tr, nil); err != nil {
		t.Fatal(err)
	}
	for i, ago := range []int{40, 33, 26, 19, 12, 5} {
		var answers []history.Rated
		if i == 0 {
			answers = []history.Rated{{Name: "Turning over in bed", Score: 2}, {Name: "Putting on socks", Score: 4}, {Name: "Sitting through a film", Score: 5}}
		} else {
			answers = []history.Rated{{ID: 1, Score: 2 + i}, {ID: 2, Score: 4 + i/2}, {ID: 3, Score: 5}}
		}
		if err := st.SaveRatings(evening(ago).Add(-10*time.Minute), answers); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveCheck(history.Check{At: evening(5).Add(5 * time.Minute), Tier: history.TierEmergency, Yes: []string{"saddle-numbness"}, Full: true}); err != nil {
		t.Fatal(err)
	}
	for ago := 41; ago >= 1; ago-- {
		if ago%9 == 0 {
			continue // a missed night
		}
		day := now.AddDate(0, 0, -ago)
		start := time.Date(day.Year(), day.Month(), day.Day(), 22, 0, 0, 0, time.Local)
		before := 6 - (41-ago)/8
		if ago <= 7 {
			before = 6
		}
		s := history.Session{Start: start, End: start.Add(12 * time.Minute), Routine: "tonight",
			Completed: []string{"Heat", "Pelvic tilts", "Settle in"}, HeatMinutes: 15,
			HeatStart: start.Add(time.Minute), HeatSeconds: 900, HeatKnown: true,
			Before: history.Score(before), After: history.Score(max(before-2, 0))}
		if ago == 3 {
			s.StoppedForPain, s.PainStep, s.After = true, "Knee rolls (right)", nil
		}
		if ago == 5 {
			continue // the EMERGENCY closed the night
		}
		if withoutHeat[start.Format("2006-01-02")] {
			s.HeatMinutes, s.HeatStart, s.HeatSeconds, s.Completed = 0, time.Time{}, 0, s.Completed[1:]
			s.After = history.Score(max(before-1, 0))
		}
		id, err := st.Begin(s)
		if err != nil {
			t.Fatal(err)
		}
		s.ID = id
		if err := st.Finish(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveCheck(history.Check{At: now.AddDate(0, 0, -20), Tier: history.TierUrgent, Yes: []string{"fever-unwell"}, Full: true}); err != nil {
		t.Fatal(err)
	}
}

func TestReportCommand(t *testing.T) {
	home := newHome(t)
	seedSixWeeks(t, home)
	cmd := exec.Command(binary, "report")
	cmd.Env = envFor(home)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("supine report: %v\n%s", err, out)
	}
	path := strings.TrimSpace(string(out))
	if filepath.Dir(path) != filepath.Join(home, "data", "supine") || !strings.HasSuffix(path, ".html") {
		t.Fatalf("supine report printed %q, want an .html file in the history folder", out)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("the report is %v, want -rw-------", fi.Mode().Perm())
	}

	cmd = exec.Command(binary, "report", "--format", "txt", "-o", "-")
	cmd.Env = envFor(home)
	out, err = cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("supine report --format txt -o -: %v\n%s", err, out)
	}
	for _, want := range []string{"stopped for pain, during Knee rolls (right)", "URGENT. Answered yes: High temperature",
		"At a glance", "EMERGENCY on", "Patient-Specific Functional Scale", "Stratford", "Does heat help me?", "pairs count"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the text report does not say %q:\n%s", want, out)
		}
	}

	cmd = exec.Command(binary, "report", "--card")
	cmd.Env = envFor(home)
	if out, err := cmd.CombinedOutput(); err == nil || !bytes.Contains(out, []byte("no EMERGENCY or URGENT check tonight")) {
		t.Errorf("report --card with no serious check tonight: err %v, output %q", err, out)
	}
}

// findChromium is the browser the check renders with; "" when none.
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// headless runs chromium headless on the page at an A4-like window size,
// with a profile of its own and nothing fetched, and returns its output.
func headless(t *testing.T, browser, page string, args ...string) []byte {
	t.Helper()
	profile := t.TempDir()
	all := append([]string{"--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--no-first-run", "--user-data-dir=" + profile, "--window-size=1240,1754"}, args...)
	c := exec.Command(browser, append(all, "file://"+page)...)
	c.Env = append(os.Environ(), "HOME="+profile)
	var out, errOut bytes.Buffer
	c.Stdout, c.Stderr = &out, &errOut
	if err := c.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.Bytes()
}

// TestReportInABrowser renders the HTML report headless: the chart must be
// drawn where it stands, and the page must print on at most two pages.
func TestReportInABrowser(t *testing.T) {
	browser := findChromium()
	if browser == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium found, and CI=true: .ci/run installs it")
		}
		t.Skip("no chromium found; install it to run the browser check")
	}
	home := newHome(t)
	seedSixWeeks(t, home)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	cmd := exec.Command(binary, "report", "-o", page)
	cmd.Env = envFor(home)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("supine report: %v\n%s", err, out)
	}
	shot, pdf := filepath.Join(dir, "report.png"), filepath.Join(dir, "report.pdf")
	headless(t, browser, page, "--screenshot="+shot)
	headless(t, browser, page, "--print-to-pdf="+pdf)

	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	plot, area, drawn := chartBox(img)
	if plot.Empty() || area < plot.Dx()*plot.Dy()/2 {
		t.Fatalf("the chart's plot area is not on the screenshot (%d pixels of its colour in %v)", area, plot)
	}
	if plot.Min.Y > img.Bounds().Dy()/2 || plot.Dx() < img.Bounds().Dx()/2 {
		t.Errorf("the chart is at %v: want it in the top half, at least half the page wide", plot)
	}
	if drawn < 500 {
		t.Errorf("only %d pixels of the before and after series are drawn in the chart %v", drawn, plot)
	}

	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(data, -1))
	if pages == 0 || pages > 2 {
		t.Errorf("the PDF has %d pages, want 1 or 2", pages)
	}
}

// chartBox finds the chart by its plot colour and counts the pixels of that
// colour and, inside it, the pixels of the before and after series.
func chartBox(img image.Image) (box image.Rectangle, area, drawn int) {
	near := func(x, y int, hex string) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		var want [3]int
		for i := range want {
			v, _ := parseHex(hex[1+2*i : 3+2*i])
			want[i] = v
		}
		d := func(a uint32, w int) int {
			x := int(a>>8) - w
			if x < 0 {
				return -x
			}
			return x
		}
		return d(r, want[0])+d(g, want[1])+d(b, want[2]) < 24
	}
	// The plot is a solid block of its colour: the rows and columns that
	// hold many such pixels bound it; a stray pixel of text does not.
	bounds := img.Bounds()
	rows := make([]int, bounds.Max.Y)
	cols := make([]int, bounds.Max.X)
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if near(x, y, report.PlotColour) {
				rows[y]++
				cols[x]++
				area++
			}
		}
	}
	span := func(counts []int, min int) (lo, hi int) {
		lo, hi = -1, -1
		for i, c := range counts {
			if c >= min {
				if lo < 0 {
					lo = i
				}
				hi = i + 1
			}
		}
		return lo, hi
	}
	y0, y1 := span(rows, 200)
	x0, x1 := span(cols, 100)
	if y0 < 0 || x0 < 0 {
		return image.Rectangle{}, 0, 0
	}
	box = image.Rect(x0, y0, x1, y1)
	area = 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if near(x, y, report.PlotColour) {
				area++
			}
		}
	}
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if near(x, y, report.BeforeColour) || near(x, y, report.AfterColour) {
				drawn++
			}
		}
	}
	return box, area, drawn
}

func parseHex(s string) (int, bool) {
	v := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			v = v*16 + int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v*16 + int(c-'a'+10)
		default:
			return 0, false
		}
	}
	return v, true
}
