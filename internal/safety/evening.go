package safety

// The questions and lines of the evening that CONTENT.md v3 adds (sections
// 3 and 4): tonight's heat question, the skin stop, and the two questions
// asked when tonight cannot be read. One source for each sentence: the
// full screen, plain mode, a voice and the report all say these.

// HeatQuestion is asked just before the pad goes on, every night heat is
// in the routine (section 3, v3: a rule, not advice).
const HeatQuestion = "Tonight, have you had alcohol, a sleeping tablet, or a strong or nerve-pain painkiller " +
	"(for example codeine, tramadol, amitriptyline, gabapentin or pregabalin)?"

// HeatQuestionTitle heads the heat question, and HeatQuestionWhy says
// what its answer does, on screen and in plain mode alike.
const (
	HeatQuestionTitle = "Before the pad goes on"
	HeatQuestionWhy   = "Yes or not sure: no heat tonight. The stretches and the sleep set-up stay."
)

// HeatQuestionShort is the same question in a line that fits a narrow
// window and a heat step's always-on lines.
const HeatQuestionShort = "No heat after alcohol, a sleeping tablet, or a strong or nerve-pain painkiller tonight."

// NoHeatAfterQuestion is the one line that says why heat is left out after
// a yes or a "not sure" to HeatQuestion.
const NoHeatAfterQuestion = "No heat tonight: after alcohol, a sleeping tablet or a strong painkiller you may not feel " +
	"the pad getting too hot, or may fall asleep on it. The stretches and the sleep set-up stay."

// SkinStopAdvice is what to do after a skin stop, once the pad is off
// (section 3, v3; NHS burns advice [31], burns and diabetes [18]).
func SkinStopAdvice() []string {
	return []string{
		"Look at the skin where the pad was.",
		"If it is red, sore or blistered, cool it under cool running water for 20 minutes.",
		"Get medical help for a blister, a burn that is large or deep, or any burn if you have diabetes.",
		"Heat is over for tonight. The stretches can go on if you want them.",
	}
}

// The two questions of failing closed (section 4, v3): asked when tonight
// cannot be read; yes and "not sure" take the safe way.
const (
	UnknownHelpOrPain   = "Earlier tonight, did supine tell you to get help, or did you stop for pain?"
	UnknownHeatRecently = "Have you used the heating pad in the last 2 hours?"
	// UnknownWhy says why they are asked.
	UnknownWhy = "Your history cannot be read just now, so supine cannot see what happened earlier tonight."
	// UnknownSettleOnly says why tonight is the sleep set-up only after a
	// yes or "not sure" to the first.
	UnknownSettleOnly = "Tonight is the sleep set-up only: earlier tonight supine may have told you to get help, or you may have stopped for pain."
	// UnknownNoHeat is said after a yes or "not sure" to the second.
	UnknownNoHeat = "No heat tonight: heat runs at least 2 hours apart, and supine cannot check when it last ran."
)
