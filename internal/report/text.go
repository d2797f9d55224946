package report

import (
	"fmt"
	"strings"
)

const textWidth = 78

// Text is the report as plain text, wrapped at 78 columns.
func (r Report) Text() string { return r.document().text() }

// Markdown is the report as Markdown; the chart is a fenced block.
func (r Report) Markdown() string { return r.document().markdown() }

func (d document) text() string {
	var b strings.Builder
	b.WriteString(d.Title + "\n" + strings.Repeat("=", len([]rune(d.Title))) + "\n\n")
	for _, l := range d.Subtitle {
		b.WriteString(wrap(l, textWidth, "", "") + "\n")
	}
	for i, s := range d.Sections {
		b.WriteString("\n" + s.Title + "\n" + strings.Repeat("-", len([]rune(s.Title))) + "\n")
		for _, l := range s.Lines {
			b.WriteString(wrap(l, textWidth, "", "") + "\n")
		}
		if i == d.Chart {
			for _, l := range d.report.chartLines() {
				b.WriteString(l + "\n")
			}
		}
		for _, it := range s.Items {
			b.WriteString(wrap(it, textWidth, "- ", "  ") + "\n")
		}
		for _, l := range s.after {
			b.WriteString(wrap(l, textWidth, "", "") + "\n")
		}
	}
	return b.String()
}

func (d document) markdown() string {
	var b strings.Builder
	b.WriteString("# " + md(d.Title) + "\n\n")
	for _, l := range d.Subtitle {
		b.WriteString(md(l) + "\n\n")
	}
	for i, s := range d.Sections {
		b.WriteString("## " + md(s.Title) + "\n\n")
		for _, l := range s.Lines {
			b.WriteString(md(l) + "\n\n")
		}
		if i == d.Chart {
			if lines := d.report.chartLines(); len(lines) > 0 {
				b.WriteString("```text\n" + strings.Join(lines, "\n") + "\n```\n\n")
			}
		}
		for _, it := range s.Items {
			b.WriteString("- " + md(it) + "\n")
		}
		if len(s.Items) > 0 {
			b.WriteString("\n")
		}
		for _, l := range s.after {
			b.WriteString(md(l) + "\n\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// chartLines is the text chart: a line a night, "#" for before and "=" for
// after, one mark a point. Empty when no night was rated.
func (r Report) chartLines() []string {
	rated := false
	for _, n := range r.Nights {
		rated = rated || n.Before != nil || n.After != nil
	}
	if !rated {
		return nil
	}
	out := []string{"night          before            after"}
	bar := func(v *int, mark string) string {
		if v == nil {
			return fmt.Sprintf("%2s %-10s", "-", "")
		}
		return fmt.Sprintf("%2d %-10s", *v, strings.Repeat(mark, *v))
	}
	for i, n := range r.Nights {
		if i > 0 && i%7 == 0 {
			out = append(out, "")
		}
		day := n.Date.Format("Mon _2 Jan")
		switch {
		case n.Before == nil && n.After == nil && !n.Used:
			out = append(out, day+"     not used")
		case n.Before == nil && n.After == nil:
			out = append(out, day+"     used, not rated")
		default:
			out = append(out, strings.TrimRight(fmt.Sprintf("%s   %s   %s", day, bar(n.Before, "#"), bar(n.After, "=")), " "))
		}
	}
	return out
}

// md escapes the characters Markdown would read as markup, so that a step
// title or a routine's title from a file cannot become a link, a heading, a
// list or a code block: ~ as well as `, since ~~~ opens a fence that takes
// the rest of the report, and at the start of the text the marks that begin
// a block (a list item, a setext underline, an ordered item's "1."). Each
// md text starts a line of its own. Leading blanks go: four of them make
// an indented code block.
func md(s string) string {
	s = strings.TrimLeft(s, " \t")
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\`*_[]<>#|!~", r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("-+=", r):
			b.WriteByte('\\')
		case (r == '.' || r == ')') && i > 0 && i <= 9 && allDigits(s[:i]):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func allDigits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

// wrap breaks s into lines of at most width runes, the first starting with
// first and the rest with rest.
func wrap(s string, width int, first, rest string) string {
	var lines []string
	line := first
	empty := true
	for _, w := range strings.Fields(s) {
		if !empty && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line, empty = rest, true
		}
		if !empty {
			line += " "
		}
		line += w
		empty = false
	}
	return strings.Join(append(lines, line), "\n")
}
