// Package tomlpos reads TOML into a small tree of values that remember the
// line and column they were written at, so that a routine or settings file
// can be checked with messages that point at the exact value. The TOML rules
// themselves (syntax, duplicate keys, redefined tables) are go-toml's: its
// decoder checks the document first, and the tree is built only from valid
// documents.
package tomlpos

import (
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Kind is the TOML type of a value.
type Kind int

const (
	String Kind = iota
	Int
	Float
	Bool
	Date // dates, times and date-times
	List
	Table
)

// Pos is a 1-based line and column; the column counts characters, not bytes.
type Pos struct{ Line, Col int }

// Value is one TOML value with its position.
type Value struct {
	Kind  Kind
	At    Pos // where the value starts
	KeyAt Pos // where its key starts; the value's own position in a list
	Str   string
	Num   int64
	Float float64
	Bool  bool
	Raw   string // as written, for numbers and dates in messages
	List  []*Value
	Keys  []string // table keys in the order written
	// Fields holds a table's values by key.
	Fields map[string]*Value
}

func newTable(at Pos) *Value {
	return &Value{Kind: Table, At: at, KeyAt: at, Fields: map[string]*Value{}}
}

// Field returns a table's value for key, or nil (also when v is not a table).
func (v *Value) Field(key string) *Value {
	if v == nil || v.Kind != Table {
		return nil
	}
	return v.Fields[key]
}

func (v *Value) set(key string, child *Value) {
	if _, ok := v.Fields[key]; !ok {
		v.Keys = append(v.Keys, key)
	}
	v.Fields[key] = child
}

// SyntaxError is a document that is not valid TOML.
type SyntaxError struct {
	At  Pos
	Msg string // go-toml's description, without a "toml: " prefix
}

// Parse checks data against the TOML rules and returns its root table.
func Parse(data []byte) (*Value, *SyntaxError) {
	ls := newLines(data)
	var scratch map[string]any
	if err := toml.Unmarshal(data, &scratch); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			return nil, &SyntaxError{At: ls.atByteCol(line, col), Msg: strings.TrimPrefix(de.Error(), "toml: ")}
		}
		return nil, &SyntaxError{At: Pos{1, 1}, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}

	b := treeBuilder{lines: ls, root: newTable(Pos{1, 1})}
	current := b.root
	p := unstable.Parser{}
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			current = b.root
			for _, k := range b.keyParts(e.Key()) {
				current = b.descend(current, k)
			}
		case unstable.ArrayTable:
			keys := b.keyParts(e.Key())
			if len(keys) == 0 {
				continue
			}
			current = b.root
			for _, k := range keys[:len(keys)-1] {
				current = b.descend(current, k)
			}
			last := keys[len(keys)-1]
			list := current.Field(last.name)
			if list == nil || list.Kind != List {
				list = &Value{Kind: List, At: last.at, KeyAt: last.at}
				current.set(last.name, list)
			}
			elem := newTable(last.at)
			list.List = append(list.List, elem)
			current = elem
		case unstable.KeyValue:
			b.keyValue(current, e)
		}
	}
	if err := p.Error(); err != nil {
		// go-toml's decoder accepted the document, so its own parser should
		// too; report rather than trust a half-built tree.
		return nil, &SyntaxError{At: Pos{1, 1}, Msg: err.Error()}
	}
	return b.root, nil
}

// PosAt gives the position of a byte offset in data.
func PosAt(data []byte, offset int) Pos { return newLines(data).at(offset) }

// lines maps byte offsets to positions.
type lines struct {
	data   []byte
	starts []int // byte offset of each line's start
}

func newLines(data []byte) lines {
	l := lines{data: data, starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

func (l lines) at(offset int) Pos {
	offset = min(max(offset, 0), len(l.data))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	return Pos{Line: i + 1, Col: utf8.RuneCount(l.data[l.starts[i]:offset]) + 1}
}

// atByteCol converts go-toml's byte column on a line to a character column.
func (l lines) atByteCol(line, col int) Pos {
	if line < 1 || line > len(l.starts) {
		return Pos{Line: max(line, 1), Col: max(col, 1)}
	}
	return l.at(l.starts[line-1] + col - 1)
}

type treeBuilder struct {
	lines lines
	root  *Value
}

type keyPart struct {
	name string
	at   Pos
	end  int // byte offset just past the key as written
}

func (b *treeBuilder) keyParts(it unstable.Iterator) []keyPart {
	var parts []keyPart
	for it.Next() {
		n := it.Node()
		parts = append(parts, keyPart{
			name: string(n.Data),
			at:   b.lines.at(int(n.Raw.Offset)),
			end:  int(n.Raw.Offset + n.Raw.Length),
		})
	}
	return parts
}

// descend walks into (or creates) the table at key k under t. A list of
// tables means its last element, as TOML's [a.b] after [[a]] does.
func (b *treeBuilder) descend(t *Value, k keyPart) *Value {
	child := t.Field(k.name)
	switch {
	case child == nil:
		child = newTable(k.at)
		if t.Kind == Table {
			t.set(k.name, child)
		}
	case child.Kind == List && len(child.List) > 0:
		child = child.List[len(child.List)-1]
	}
	if child.Kind != Table {
		return newTable(k.at) // cannot happen in a valid document
	}
	return child
}

func (b *treeBuilder) keyValue(t *Value, e *unstable.Node) {
	keys := b.keyParts(e.Key())
	if len(keys) == 0 {
		return
	}
	for _, k := range keys[:len(keys)-1] {
		t = b.descend(t, k)
	}
	last := keys[len(keys)-1]
	v := b.value(e.Value(), b.valueStart(last.end))
	v.KeyAt = last.at
	if t.Kind == Table {
		t.set(last.name, v)
	}
}

// valueStart finds where a value begins after its key: past spaces and the
// "=". Arrays carry no position of their own in go-toml's syntax tree.
func (b *treeBuilder) valueStart(keyEnd int) Pos {
	i := keyEnd
	for i < len(b.lines.data) && strings.IndexByte(" \t=", b.lines.data[i]) >= 0 {
		i++
	}
	return b.lines.at(i)
}

func (b *treeBuilder) value(n *unstable.Node, at Pos) *Value {
	if n.Kind != unstable.Array {
		at = b.lines.at(int(n.Raw.Offset))
	}
	v := &Value{At: at, KeyAt: at, Raw: string(n.Data)}
	switch n.Kind {
	case unstable.String:
		v.Kind, v.Str = String, string(n.Data)
	case unstable.Bool:
		v.Kind, v.Bool = Bool, string(n.Data) == "true"
	case unstable.Integer:
		v.Kind = Int
		v.Num, _ = strconv.ParseInt(strings.ReplaceAll(string(n.Data), "_", ""), 0, 64)
	case unstable.Float:
		v.Kind, v.Float = Float, parseFloat(string(n.Data))
	case unstable.Array:
		v.Kind = List
		it := n.Children()
		for it.Next() {
			if c := it.Node(); c.Kind != unstable.Comment {
				v.List = append(v.List, b.value(c, at))
			}
		}
	case unstable.InlineTable:
		v.Kind, v.Fields = Table, map[string]*Value{}
		it := n.Children()
		for it.Next() {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				b.keyValue(v, c)
			}
		}
	default:
		v.Kind = Date
	}
	return v
}

func parseFloat(s string) float64 {
	s = strings.ReplaceAll(s, "_", "")
	switch strings.TrimLeft(s, "+-") {
	case "inf":
		if strings.HasPrefix(s, "-") {
			return math.Inf(-1)
		}
		return math.Inf(1)
	case "nan":
		return math.NaN()
	}
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
