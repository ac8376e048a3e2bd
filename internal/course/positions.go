package course

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// lineIndex maps a key path such as "questions.2.options.0.id" to the line
// on which it is written, so semantic problems found after decoding still
// point at the author's line. Array-table elements are numbered from 0.
type lineIndex map[string]int

func indexLines(data []byte) lineIndex {
	idx := lineIndex{}
	nl := newlines(data)
	counts := map[string]int{} // array-table path -> elements seen
	var p unstable.Parser
	p.Reset(data)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = resolve(counts, keyParts(e.Key()))
			if e.Kind == unstable.ArrayTable {
				counts[table]++
				table += "." + strconv.Itoa(counts[table]-1)
			}
			idx.set(table, nl.lineOf(e))
		case unstable.KeyValue:
			idx.addKeyValue(nl, table, e)
		}
	}
	return idx
}

func (idx lineIndex) addKeyValue(nl newlineOffsets, table string, kv *unstable.Node) {
	parts := keyParts(kv.Key())
	line := nl.lineOf(kv)
	key := table
	for _, part := range parts { // text.en also places "text"
		key = join(key, part)
		idx.set(key, line)
	}
	if v := kv.Value(); v.Kind == unstable.InlineTable {
		for it := v.Children(); it.Next(); {
			idx.addKeyValue(nl, key, it.Node())
		}
	}
}

func (idx lineIndex) set(key string, line int) {
	if _, ok := idx[key]; !ok && line > 0 {
		idx[key] = line
	}
}

// line returns the line of the longest known prefix of key, so a problem in
// a value the index does not reach still points near it.
func (idx lineIndex) line(key string) int {
	for key != "" {
		if l, ok := idx[key]; ok {
			return l
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			break
		}
		key = key[:i]
	}
	return 1
}

// resolve turns [questions options] into "questions.3.options" by stepping
// into the last element of every array table on the way.
func resolve(counts map[string]int, parts []string) string {
	path := ""
	for i, part := range parts {
		path = join(path, part)
		if n, ok := counts[path]; ok && i < len(parts)-1 {
			path += "." + strconv.Itoa(n-1)
		}
	}
	return path
}

func keyParts(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

// newlineOffsets holds where each line ends. The parser's own Shape counts
// lines from the top of the file for every key, which made loading the
// bundled courses quadratic (50 ms of a start-up); a binary search is not.
type newlineOffsets []int

func newlines(data []byte) newlineOffsets {
	var nl newlineOffsets
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return nl
		}
		i += j
		nl = append(nl, i)
		i++
	}
}

func (nl newlineOffsets) lineOf(n *unstable.Node) int {
	it := n.Key()
	if !it.Next() {
		return 0
	}
	return sort.SearchInts(nl, int(it.Node().Raw.Offset)) + 1
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
