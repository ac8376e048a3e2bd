// Package domain is Ogoh's model at the centre of the house: the learners
// on a device, their attempts and answers, scenarios, the statements that
// leave the device and the sync runs that carry them, the kinds of
// question, and the errors a person can be shown. Every other package of
// Ogoh may import it; it imports none of them, and does no I/O.
//
// internal/store implements the storage interfaces declared here; the
// service layer (internal/progress) wires the rest around them.
package domain
