package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/sanitize"
)

// report prints, per learner and course, lessons done, best score,
// attempts, passed and last activity; --csv writes the same as CSV. It
// opens the data folder read-only: a report works on a read-only folder
// and leaves the folder as it was.
func report(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	csvFile := fs.String("csv", "", "also write the report to this CSV file")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	dev, err := openDeviceReadOnly(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	rows, err := dev.Service.Report(ctx)
	if err != nil {
		return failed(stderr, err)
	}
	title := courseTitles(dev.Courses)
	if *csvFile != "" {
		f, err := os.Create(*csvFile)
		if err != nil {
			return failed(stderr, err)
		}
		err = progress.WriteReportCSV(f, rows, title)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return failed(stderr, err)
		}
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LEARNER\tPOST\tCOURSE\tLESSONS\tBEST\tATTEMPTS\tPASSED\tLAST ACTIVITY")
	for _, r := range rows {
		best := "-"
		if r.BestPercent >= 0 {
			best = fmt.Sprintf("%d%%", r.BestPercent)
		}
		last := "-"
		if !r.LastActivity.IsZero() {
			last = r.LastActivity.Local().Format("2006-01-02 15:04")
		}
		passed := "no"
		if r.Passed {
			passed = "yes"
		}
		// Printable here too: a tab in a name would shift the columns.
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%s\t%s\n", sanitize.Printable(r.Name), sanitize.Printable(r.Post), sanitize.Printable(title(r.CourseID)), r.LessonsDone, best, r.Attempts, passed, last)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "%d row(s)\n", len(rows))
	return 0
}

// courseTitles names courses in English, from the device's courses.
func courseTitles(list []*course.Course) func(string) string {
	titles := map[string]string{}
	for _, c := range list {
		titles[c.ID] = c.Title.In("en", c.DefaultLanguage)
	}
	return func(id string) string {
		if t, ok := titles[id]; ok {
			return t
		}
		return id
	}
}
