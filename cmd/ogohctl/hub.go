package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/hub"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/xapi"
)

// openHub opens the hub folder given by --hub.
func openHub(dir, homePage string) (*hub.Hub, error) {
	if dir == "" {
		return nil, fmt.Errorf("--hub DIR is required: the hub's folder on this laptop")
	}
	return hub.Open(dir, hub.Options{HomePage: homePage})
}

// hubImport takes posts' sync files, or a stick's from-posts folder, into
// a hub.
func hubImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hub import", flag.ContinueOnError)
	dir := fs.String("hub", "", "the hub's folder")
	stick := fs.String("stick", "", "also import every sync file in this stick's ogoh-exchange/from-posts")
	homePage := fs.String("home-page", xapi.DefaultConfig.HomePage, "the organisation's home page: every learner is an account under it")
	files, err := parseMixed(fs, args, stderr)
	if err != nil {
		return 2
	}
	if len(files) == 0 && *stick == "" {
		fmt.Fprintln(stderr, "usage: ogohctl hub import --hub DIR FILE... [--stick STICK]")
		return 2
	}
	h, err := openHub(*dir, *homePage)
	if err != nil {
		return failed(stderr, err)
	}
	got, err := h.Import(ctx, files...)
	if err == nil && *stick != "" {
		var more []hub.Imported
		more, err = h.ImportStick(ctx, *stick)
		got = append(got, more...)
	}
	status := printImported(stdout, got)
	if err != nil {
		return failed(stderr, err)
	}
	return status
}

func printImported(w io.Writer, got []hub.Imported) int {
	status, fresh, dup := 0, 0, 0
	for _, g := range got {
		switch {
		case g.Err != nil:
			fmt.Fprintf(w, "%s: refused: %s\n", g.File, sanitize.Printable(g.Err.Error()))
			status = 1
		case g.Duplicate:
			fmt.Fprintf(w, "%s: imported before (device %s, export %d): counted once\n", g.File, g.Device, g.Sequence)
			dup++
		default:
			fmt.Fprintf(w, "%s: device %s, export %d: %d statement(s), %d refused\n", g.File, g.Device, g.Sequence, g.Total, g.Refused)
			fresh++
		}
		if g.NewDevice {
			fmt.Fprintf(w, "  new device %s: compare its key fingerprint (hub report) with the device's Sync screen\n", g.Device)
		}
	}
	fmt.Fprintf(w, "imported %d file(s), %d imported before\n", fresh, dup)
	return status
}

// hubForward sends what the hub holds and has not forwarded to the LRS,
// and writes every device's receipt.
func hubForward(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hub forward", flag.ContinueOnError)
	dir := fs.String("hub", "", "the hub's folder")
	keyFile := fs.String("key", "", "the trainer's key (TRAINER.key), to sign the receipts")
	homePage := fs.String("home-page", xapi.DefaultConfig.HomePage, "the organisation's home page: every learner is an account under it")
	var l lrsFlags
	l.register(fs)
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if l.endpoint == "" || *keyFile == "" {
		fmt.Fprintln(stderr, "usage: ogohctl hub forward --hub DIR --lrs URL --user U [--password-file FILE] --key TRAINER.key")
		return 2
	}
	s, err := l.sender(domain.LRS{}, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "ogohctl:", err)
		return 2
	}
	trainer, err := trainerKey(*keyFile)
	if err != nil {
		return failed(stderr, err)
	}
	h, err := openHub(*dir, *homePage)
	if err != nil {
		return failed(stderr, err)
	}
	got, err := h.Forward(ctx, s, trainer)
	status := 0
	total := 0
	for _, d := range got {
		fmt.Fprintf(stdout, "device %s: %d file(s): %d stored, %d already there, %d sent before, %d refused\n",
			d.Device, d.Files, d.Stored, d.AlreadyThere, d.Skipped, len(d.Refused))
		printRefused(stdout, d.Refused)
		if d.Err != nil {
			fmt.Fprintf(stdout, "  not finished: %s (the rest is sent next time)\n", sanitize.Printable(d.Err.Error()))
			status = 1
		}
		if d.Receipt != "" {
			fmt.Fprintf(stdout, "  receipt %s\n", sanitize.Printable(d.Receipt))
		}
		total += d.Stored
	}
	fmt.Fprintf(stdout, "forwarded %d device(s), %d statement(s) stored\n", len(got), total)
	if err != nil {
		return failed(stderr, err)
	}
	return status
}

// trainerKey reads the trainer's secret key file.
func trainerKey(path string) (hub.Trainer, error) {
	k, err := readKeyFile(path)
	if err != nil {
		return hub.Trainer{}, err
	}
	if k.Private == nil {
		return hub.Trainer{}, fmt.Errorf("%s is a public key: give the secret one (NAME.key)", path)
	}
	return hub.Trainer{Name: k.Name, Key: k.Private}, nil
}

// hubReport prints the hub's two tables: devices, and learners across
// posts; --csv writes them as FILE and FILE's learners beside it.
func hubReport(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hub report", flag.ContinueOnError)
	dir := fs.String("hub", "", "the hub's folder")
	csvFile := fs.String("csv", "", "also write the devices to this CSV file, and the learners beside it (NAME-learners.csv)")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	h, err := openHub(*dir, "")
	if err != nil {
		return failed(stderr, err)
	}
	devices, err := h.Devices()
	if err != nil {
		return failed(stderr, err)
	}
	learners := h.Learners()
	if *csvFile != "" {
		if err := writeHubCSV(*csvFile, devices, learners); err != nil {
			return failed(stderr, err)
		}
	}
	printDevices(stdout, devices)
	fmt.Fprintln(stdout)
	printLearners(stdout, learners)
	return 0
}

func writeHubCSV(path string, devices []hub.DeviceRow, learners []hub.LearnerRow) error {
	write := func(path string, fn func(io.Writer) error) error {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		err = fn(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if err := write(path, func(w io.Writer) error { return hub.WriteDevicesCSV(w, devices) }); err != nil {
		return err
	}
	return write(learnersCSV(path), func(w io.Writer) error { return hub.WriteLearnersCSV(w, learners) })
}

func learnersCSV(path string) string {
	return strings.TrimSuffix(path, ".csv") + "-learners.csv"
}

func printDevices(w io.Writer, rows []hub.DeviceRow) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "POST\tDEVICE\tFINGERPRINT\tLEARNERS\tLAST EXPORT\tLAST IMPORT\tWAITING\tFORWARDED\tCLOCK")
	for _, r := range rows {
		clock := "ok"
		if r.ClockFlag {
			clock = "OFF"
			if r.ClockKnown {
				clock = fmt.Sprintf("OFF by %s", days(r.ClockOffset))
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\t%d\t%d\t%s\n", orDash(r.Post), r.Device, r.Fingerprint, r.Learners,
			when(r.LastExport), when(r.LastImport), r.Waiting, r.Forwarded, clock)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d device(s)\n", len(rows))
}

func printLearners(w io.Writer, rows []hub.LearnerRow) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LEARNER\tNAME\tPOSTS\tCOURSES COMPLETED\tQUIZZES PASSED\tBEST\tLAST ACTIVITY")
	for _, r := range rows {
		best := "-"
		if r.BestPercent >= 0 {
			best = fmt.Sprintf("%d%%", r.BestPercent)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d of %d\t%s\t%s\n", r.Learner, orDash(r.Name), strings.Join(r.Posts, ", "),
			len(r.Courses), r.QuizzesPass, r.QuizzesTaken, best, when(r.LastActivity))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d learner(s)\n", len(rows))
}

func days(d time.Duration) string {
	if d < 0 {
		return fmt.Sprintf("%.0f days ahead", -d.Hours()/24)
	}
	return fmt.Sprintf("%.0f days behind", d.Hours()/24)
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// hubStick prepares a USB stick for a round of visits.
func hubStick(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hub stick", flag.ContinueOnError)
	dir := fs.String("hub", "", "the hub's folder")
	out := fs.String("out", "", "the stick (or a folder): ogoh-exchange/ is made there")
	keyFile := fs.String("key", "", "the trainer's key (TRAINER.key), to sign the contacts")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "usage: ogohctl hub stick --hub DIR --out STICK [--key TRAINER.key]")
		return 2
	}
	var trainer hub.Trainer
	if *keyFile != "" {
		var err error
		if trainer, err = trainerKey(*keyFile); err != nil {
			return failed(stderr, err)
		}
	}
	h, err := openHub(*dir, "")
	if err != nil {
		return failed(stderr, err)
	}
	got, err := h.PrepareStick(ctx, *out, trainer)
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "%s: %d receipt(s), %d course pack(s), %d contact(s)\n", sanitize.Printable(got.Folder), got.Receipts, got.Courses, got.Contacts)
	return 0
}
