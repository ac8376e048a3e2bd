package course

// WithoutParts is c as Load would give it: without LoadChecked's record
// of reading its quiz pools and scenarios later.
func WithoutParts(c *Course) *Course {
	out := *c
	out.parts = nil
	return &out
}
