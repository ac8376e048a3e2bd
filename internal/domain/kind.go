package domain

// Kind is the kind of a quiz question. Its value is the word a course file
// writes in a question's type, so course files name kinds as they always
// have; each layer keeps one table of what it does with each kind, keyed
// by these values, so a new kind is one constant here and one entry per
// layer.
type Kind string

// The kinds of question of course format v1.
const (
	KindSingle    Kind = "single"    // one right option
	KindMultiple  Kind = "multiple"  // every right option and no other
	KindTrueFalse Kind = "truefalse" // a statement that is true or false
	KindOrdering  Kind = "ordering"  // every option in the right order
	KindMatching  Kind = "matching"  // each left item with its right item
)

// Kinds lists every kind, in the order a course author meets them.
var Kinds = []Kind{KindSingle, KindMultiple, KindTrueFalse, KindOrdering, KindMatching}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}
