package xapi

import (
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// questionActivity describes a question as a cmi.interaction, with its
// choices in every language and the right answer as xAPI's pattern.
func (b *Builder) questionActivity(c *course.Course, q *course.Quiz, qu *course.Question) Activity {
	def := &Definition{Name: names(c, qu.Text), Type: typeInteraction}
	def.CorrectResponsesPattern = []string{responsePattern(qu, quiz.Key(qu))}
	switch qu.Type {
	case domain.KindSingle, domain.KindMultiple:
		def.InteractionType = "choice"
		def.Choices = optionComponents(c, qu)
	case domain.KindOrdering:
		def.InteractionType = "sequencing"
		def.Choices = optionComponents(c, qu)
	case domain.KindTrueFalse:
		def.InteractionType = "true-false"
	case domain.KindMatching:
		def.InteractionType = "matching"
		for _, p := range qu.Pairs {
			def.Source = append(def.Source, Component{ID: p.ID, Description: names(c, p.Left)})
			def.Target = append(def.Target, Component{ID: p.ID, Description: names(c, p.Right)})
		}
	}
	return Activity{ObjectType: "Activity", ID: b.iri("courses", c.ID, "quizzes", q.ID, "questions", qu.ID), Definition: def}
}

func optionComponents(c *course.Course, qu *course.Question) []Component {
	out := make([]Component, len(qu.Options))
	for i, o := range qu.Options {
		out[i] = Component{ID: o.ID, Description: names(c, o.Text)}
	}
	return out
}

// responsePattern writes a response in xAPI's format for the question's
// interaction type: "a[,]c" for choices and sequences, "true" or "false",
// and "left[.]right[,]…" for matching.
func responsePattern(qu *course.Question, r []string) string {
	if qu.Type != domain.KindMatching {
		return strings.Join(r, "[,]")
	}
	parts := make([]string, len(r))
	for i, item := range r {
		left, right := quiz.SplitMatch(item)
		parts[i] = left + "[.]" + right
	}
	return strings.Join(parts, "[,]")
}
