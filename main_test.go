package main

import (
	"os"
	"regexp"
	"testing"
)

func TestVersionMatchesFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(data)
	if m == nil || string(m[1]) != version {
		t.Errorf("FyneApp.toml says %q, main.go %q: the About screen would lie", m, version)
	}
}
