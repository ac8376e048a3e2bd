package store

// SetQuickCheckLimit lets tests make a small database count as a large one.
func SetQuickCheckLimit(n int64) (restore func()) {
	old := quickCheckLimit
	quickCheckLimit = n
	return func() { quickCheckLimit = old }
}
