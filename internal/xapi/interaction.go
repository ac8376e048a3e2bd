package xapi

import (
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// interaction is how xAPI describes one kind of question: the
// cmi.interaction type, what the learner chose among, and how a response
// is written.
type interaction struct {
	interactionType string
	components      func(def *Definition, c *course.Course, qu *course.Question)
	pattern         func(r []string) string
}

// interactions has one entry per domain.Kind.
var interactions = map[domain.Kind]interaction{
	domain.KindSingle:    {interactionType: "choice", components: optionChoices, pattern: listPattern},
	domain.KindMultiple:  {interactionType: "choice", components: optionChoices, pattern: listPattern},
	domain.KindTrueFalse: {interactionType: "true-false", components: noComponents, pattern: listPattern},
	domain.KindOrdering:  {interactionType: "sequencing", components: optionChoices, pattern: listPattern},
	domain.KindMatching:  {interactionType: "matching", components: pairSourceTarget, pattern: matchPattern},
}

// interactionOf is the kind's interaction; a question no check let through
// gets no interaction type and its response as a plain list.
func interactionOf(qu *course.Question) interaction {
	if in, ok := interactions[qu.Type]; ok {
		return in
	}
	return interaction{components: noComponents, pattern: listPattern}
}

// questionActivity describes a question as a cmi.interaction, with its
// choices in every language and the right answer as xAPI's pattern.
func (b *Builder) questionActivity(c *course.Course, q *course.Quiz, qu *course.Question) Activity {
	in := interactionOf(qu)
	def := &Definition{Name: names(c, qu.Text), Type: typeInteraction, InteractionType: in.interactionType}
	def.CorrectResponsesPattern = []string{in.pattern(quiz.Key(qu))}
	in.components(def, c, qu)
	return Activity{ObjectType: "Activity", ID: b.iri("courses", c.ID, "quizzes", q.ID, "questions", qu.ID), Definition: def}
}

func optionChoices(def *Definition, c *course.Course, qu *course.Question) {
	def.Choices = make([]Component, len(qu.Options))
	for i, o := range qu.Options {
		def.Choices[i] = Component{ID: o.ID, Description: names(c, o.Text)}
	}
}

func pairSourceTarget(def *Definition, c *course.Course, qu *course.Question) {
	for _, p := range qu.Pairs {
		def.Source = append(def.Source, Component{ID: p.ID, Description: names(c, p.Left)})
		def.Target = append(def.Target, Component{ID: p.ID, Description: names(c, p.Right)})
	}
}

func noComponents(*Definition, *course.Course, *course.Question) {}

// responsePattern writes a response in xAPI's format for the question's
// interaction type: "a[,]c" for choices and sequences, "true" or "false",
// and "left[.]right[,]…" for matching.
func responsePattern(qu *course.Question, r []string) string { return interactionOf(qu).pattern(r) }

func listPattern(r []string) string { return strings.Join(r, "[,]") }

func matchPattern(r []string) string {
	parts := make([]string, len(r))
	for i, item := range r {
		left, right := quiz.SplitMatch(item)
		parts[i] = left + "[.]" + right
	}
	return strings.Join(parts, "[,]")
}
