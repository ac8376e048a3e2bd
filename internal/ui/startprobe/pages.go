package startprobe

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"strings"
)

// writePresent writes, for each mapping of the program's own file, a line
// "<start> <end> <page>…" naming the pages of it that are resident, read
// from /proc/self/pagemap (Linux). It shows how much of the code and data
// a start-up keeps in memory (docs/performance.md).
func writePresent(path string) {
	exe, err := os.Readlink("/proc/self/exe")
	if err != nil {
		return
	}
	maps, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer maps.Close()
	pagemap, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return
	}
	defer pagemap.Close()
	out, err := os.Create(path)
	if err != nil {
		return
	}
	defer out.Close()
	s := bufio.NewScanner(maps)
	for s.Scan() {
		f := strings.Fields(s.Text())
		if len(f) < 6 || f[5] != exe {
			continue
		}
		var start, end uint64
		if _, err := fmt.Sscanf(f[0], "%x-%x", &start, &end); err != nil {
			continue
		}
		fmt.Fprintf(out, "%x %x%s\n", start, end, presentPages(pagemap, start, end))
	}
}

// presentPages lists, as " <n>" each, the pages from start to end that
// pagemap marks present (bit 63 of each page's 8 bytes).
func presentPages(pagemap *os.File, start, end uint64) string {
	const page = 4096
	n := (end - start) / page
	entries := make([]byte, n*8)
	if _, err := pagemap.ReadAt(entries, int64(start/page*8)); err != nil {
		return ""
	}
	var b strings.Builder
	for i := range n {
		if binary.LittleEndian.Uint64(entries[i*8:])&(1<<63) != 0 {
			fmt.Fprintf(&b, " %d", i)
		}
	}
	return b.String()
}
