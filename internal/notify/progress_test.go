package notify

import "testing"

func TestProgressSafe(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		want bool
	}{
		{"nothing known", []string{"TERM=xterm-256color"}, false},
		{"kitty shows 9;4 as pop-ups", []string{"TERM=xterm-kitty"}, false},
		{"kitty by window id", []string{"TERM=xterm-256color", "KITTY_WINDOW_ID=2", "VTE_VERSION=8000"}, false},
		{"Windows Terminal", []string{"WT_SESSION=5b1c"}, true},
		{"ConEmu", []string{"ConEmuANSI=ON"}, true},
		{"ConEmu with ANSI off", []string{"ConEmuANSI=OFF"}, false},
		{"mintty", []string{"TERM_PROGRAM=mintty"}, true},
		{"Ghostty 1.2", []string{"TERM_PROGRAM=ghostty", "TERM_PROGRAM_VERSION=1.2.0"}, true},
		{"Ghostty 1.3 dev", []string{"TERM_PROGRAM=ghostty", "TERM_PROGRAM_VERSION=1.3.0-dev+abc"}, true},
		{"Ghostty 1.1", []string{"TERM_PROGRAM=ghostty", "TERM_PROGRAM_VERSION=1.1.3"}, false},
		{"Ghostty, version unknown", []string{"TERM_PROGRAM=ghostty"}, false},
		{"iTerm2 3.6.6", []string{"TERM_PROGRAM=iTerm.app", "TERM_PROGRAM_VERSION=3.6.6"}, true},
		{"iTerm2 3.6.10", []string{"TERM_PROGRAM=iTerm.app", "TERM_PROGRAM_VERSION=3.6.10"}, true},
		{"iTerm2 3.7", []string{"TERM_PROGRAM=iTerm.app", "TERM_PROGRAM_VERSION=3.7.0beta1"}, true},
		{"iTerm2 3.6.5", []string{"TERM_PROGRAM=iTerm.app", "TERM_PROGRAM_VERSION=3.6.5"}, false},
		{"iTerm2 3.5", []string{"TERM_PROGRAM=iTerm.app", "TERM_PROGRAM_VERSION=3.5.14"}, false},
		{"WezTerm 2024 stable", []string{"TERM_PROGRAM=WezTerm", "TERM_PROGRAM_VERSION=20240203-110809-5046fc22"}, false},
		{"WezTerm 2025 nightly", []string{"TERM_PROGRAM=WezTerm", "TERM_PROGRAM_VERSION=20250312-071045-7ad8c1f3"}, true},
		{"VTE 0.79", []string{"TERM=xterm-256color", "VTE_VERSION=7900"}, true},
		{"VTE 0.76", []string{"TERM=xterm-256color", "VTE_VERSION=7600"}, false},
		{"VTE garbage", []string{"VTE_VERSION=new"}, false},
		{"tmux, even in Windows Terminal", []string{"TMUX=/tmp/t,1,0", "WT_SESSION=5b1c"}, false},
	}
	for _, tt := range tests {
		if got := ProgressSafe(tt.env); got != tt.want {
			t.Errorf("%s: ProgressSafe(%q) = %v, want %v", tt.name, tt.env, got, tt.want)
		}
	}
}

func TestAtLeast(t *testing.T) {
	tests := []struct {
		version string
		want    []int
		ok      bool
	}{
		{"3.6.6", []int{3, 6, 6}, true},
		{"3.6", []int{3, 6, 6}, false}, // missing parts count as 0
		{"4", []int{3, 6, 6}, true},
		{"v3.6.6", []int{3, 6, 6}, false}, // does not start with a number
		{"", []int{1}, false},
		{"99999999999999999999", []int{1}, false}, // out of range is not a version
	}
	for _, tt := range tests {
		if got := atLeast(tt.version, tt.want...); got != tt.ok {
			t.Errorf("atLeast(%q, %v) = %v, want %v", tt.version, tt.want, got, tt.ok)
		}
	}
}
