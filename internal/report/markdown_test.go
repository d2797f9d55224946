package report

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// blockMarks are texts a routine file or the history could hold that open a
// Markdown block if written at the start of a line as they are.
var blockMarks = []string{
	"~~~ fenced", "``` fenced", "```", "~~~", "=== setext", "---", "- a list", "+ a list",
	"1. an ordered list", "12) another", "    indented code", "# a heading", "> a quote",
	"<div>html</div>", "| a | table |",
}

// A routine's title, its steps and the history's step names go into the
// Markdown report as text: parsed by a CommonMark parser (goldmark), the
// report has the headings, the one fenced chart and nothing else of theirs
// as a block. A title starting with ~~~ opened a code fence that swallowed
// the rest of the report.
func TestMarkdownTextCannotOpenABlock(t *testing.T) {
	// The same report with plain words in those places is the measure:
	// the texts change what is listed, never into what kind of block.
	with := func(text string) Input {
		in := sixWeeks(t)
		in.Routine.Title = text
		in.Routine.Steps[1].Title = text
		for i := range in.Sessions {
			in.Sessions[i].Skipped = []string{text}
			if in.Sessions[i].StoppedForPain {
				in.Sessions[i].PainStep = text
			}
		}
		return in
	}
	want := blocks(t, Build(with("Plain words")).Markdown())
	for _, mark := range blockMarks {
		r := Build(with(mark))
		if got := blocks(t, r.Markdown()); got != want {
			t.Errorf("with %q in the texts the report's blocks are\n%s\nwant\n%s", mark, got, want)
		}
		if !strings.Contains(r.Text(), strings.TrimSpace(mark)) {
			t.Errorf("%q is not in the text report", mark)
		}
	}
}

// blocks lists the kinds of block a Markdown document parses into, one a
// line, with the text of headings and the info of fenced blocks.
func blocks(t *testing.T, md string) string {
	t.Helper()
	src := []byte(md)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var out []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		line := n.Kind().String()
		switch b := n.(type) {
		case *ast.Heading:
			line += " " + strings.Repeat("#", b.Level)
		case *ast.FencedCodeBlock:
			line += " " + string(b.Language(src))
		}
		out = append(out, line)
		return ast.WalkContinue, nil
	})
	return strings.Join(out, "\n")
}
