package screentest

// Size is a window size, in cells.
type Size struct{ W, H int }

// Sizes are the window sizes the size tests draw every screen at (the
// screens on their own, and every screen and stage of the evening through
// the root): every size from 1x1 to 20x10, where a layout runs out of room
// (a negative repeat count, a wrap to nothing: the history screen panicked
// at 5x3), and above it a sparse sample:
//   - wide and short: 24, 32, 40, 56, 80 and 120 columns at 1, 4, 7 and 10
//     rows;
//   - narrow and tall: 1 to 20 columns in steps of 5 at 11, 15, 20 and 24
//     rows;
//   - around the widths and heights where a layout changes: 39-41 x 11-13
//     (the root's smallest window, 40x12), 48 columns (the check-in's wide
//     form), 60 (the check's, the precautions' and the recheck's), 80
//     (content is capped there), 120 (the player's cap), 16 and 20 rows
//     (screens add rows there), with 24 and 32 columns between.
//
// Every size costs a draw of every screen under -race in CI (a few ms
// each), so the sample above 20x10 stays sparse; the screens' own
// TestViewFitsEverySize tests cover 40x12 and up densely.
func Sizes() []Size {
	var out []Size
	for w := 1; w <= 20; w++ {
		for h := 1; h <= 10; h++ {
			out = append(out, Size{w, h})
		}
	}
	for _, w := range []int{24, 32, 40, 56, 80, 120} {
		for _, h := range []int{1, 4, 7, 10} {
			out = append(out, Size{w, h})
		}
	}
	for _, w := range []int{1, 5, 10, 15, 20} {
		for _, h := range []int{11, 15, 20, 24} {
			out = append(out, Size{w, h})
		}
	}
	for _, w := range []int{24, 32, 39, 40, 41, 48, 60, 80, 120} {
		for _, h := range []int{11, 12, 13, 16, 20} {
			out = append(out, Size{w, h})
		}
	}
	return out
}

// HelpSizes are the sizes a screen is drawn at again with its full help
// on: every height up to 10 rows and 12, 16 and 20 (the full help takes
// rows from the screen, so height is where it runs out of room), at 1, 4,
// 10, 20, 40 and 80 columns (where the help's columns wrap). Sparser than Sizes: the
// full help is a second state of every screen, and doubles its cost.
func HelpSizes() []Size {
	var out []Size
	for _, w := range []int{1, 4, 10, 20, 40, 80} {
		for _, h := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20} {
			out = append(out, Size{w, h})
		}
	}
	return out
}
