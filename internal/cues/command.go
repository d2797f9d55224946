package cues

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"strings"
	"time"
)

// Command returns the program and arguments configured for cues of kind k,
// and ok false when the sound is not "command", the kind is silent with
// these settings, or no usable command line is set for it.
func Command(s Settings, k Kind) (name string, args []string, ok bool) {
	if s.Sound != SoundCommand || !s.Audible(k) {
		return "", nil, false
	}
	words, err := SplitCommand(s.Commands[k.String()])
	if err != nil || len(words) == 0 {
		return "", nil, false
	}
	return words[0], words[1:], true
}

// SplitCommand splits a command line into words the way a shell does for
// simple quoting: blanks separate words, 'single quotes' keep everything
// literally, "double quotes" keep blanks and let a backslash escape " and \,
// and a backslash outside quotes escapes the next character.
//
// It is written by hand rather than run through sh -c: no shell process per
// bell, no expansion of $ or globs in a file name, and no new module for
// what is a few dozen lines. Config validation calls it to report a broken
// line; Command then treats that line as unset. The error says what is
// wrong with the line without naming it or what it is for (a sound, the
// voice): the caller's sentence does.
func SplitCommand(line string) ([]string, error) {
	var (
		words   []string
		word    strings.Builder
		inWord  bool
		quote   rune // 0, '\'' or '"'
		escaped bool
	)
	for _, r := range line {
		switch {
		case escaped:
			if quote == '"' && r != '"' && r != '\\' {
				word.WriteRune('\\')
			}
			word.WriteRune(r)
			escaped = false
		case quote == '\'':
			if r == '\'' {
				quote = 0
			} else {
				word.WriteRune(r)
			}
		case quote == '"':
			switch r {
			case '"':
				quote = 0
			case '\\':
				escaped = true
			default:
				word.WriteRune(r)
			}
		case r == '\\':
			escaped, inWord = true, true
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	switch {
	case quote != 0:
		return nil, fmt.Errorf("it has a %c quote that is never closed; close it or remove it", quote)
	case escaped:
		return nil, fmt.Errorf("it ends with a lone backslash; remove it")
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, nil
}

// Run starts the sound program and returns at once: a cue must never hold
// up the timer or the screen. The program gets no input and its output is
// thrown away so it cannot draw over the screen. Cancelling ctx stops it.
// The error, when there is one, is a sentence a person can act on.
func Run(ctx context.Context, name string, args []string) error {
	path, err := exec.LookPath(name)
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("the sound command %q was not found; install it or set sound = \"bell\" in config.toml", name)
		}
		return fmt.Errorf("the sound command %q cannot be run (%v); fix it or set sound = \"bell\" in config.toml", name, err)
	}
	cmd := exec.CommandContext(ctx, path, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("the sound command %q could not start (%v); fix it or set sound = \"bell\" in config.toml", name, err)
	}
	// Wait in the background so the finished process is reaped; how the
	// sound ended is of no interest once it has started.
	go func() { _ = cmd.Wait() }()
	return nil
}

// RunChecked runs the sound program like Run, then waits up to wait for it
// to end, so that a program that starts and fails (a non-zero exit) is told
// apart from one that plays: the heat-done reminder must never pass for
// sounding when it does not. A program still running after wait is taken
// to be playing. Call it off the update loop.
func RunChecked(ctx context.Context, name string, args []string, wait time.Duration) error {
	path, err := exec.LookPath(name)
	if err != nil {
		return Run(ctx, name, args) // the same sentence for a missing program
	}
	cmd := exec.CommandContext(ctx, path, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("the sound command %q could not start (%v); fix it or set sound = \"bell\" in config.toml", name, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("the sound command %q failed (%v), so the bell rings instead; fix it or set sound = \"bell\" in config.toml", name, err)
		}
		return nil
	case <-time.After(wait):
		return nil
	}
}
