package safety

// questions is CONTENT.md section 4 in tier order. IDs are stored with
// check-in answers, so they must never change once released.
var questions = []Question{
	// EMERGENCY
	{
		ID:   "saddle-numbness",
		Tier: Emergency,
		Text: "Is there numbness or tingling between your legs, around your genitals, buttocks or inner thighs?",
		Hint: "For example, it feels different when you wipe.",
	},
	{
		ID:   "bladder-bowel",
		Tier: Emergency,
		Text: "Is there new trouble starting or stopping urine, leaking, or loss of bowel control?",
		Hint: "This includes not being able to tell when your bladder is full.",
	},
	{
		ID:   "both-legs",
		Tier: Emergency,
		Text: "Is there pain, numbness, tingling or weakness in both legs, or leg weakness that is severe or getting worse?",
	},
	{
		ID:   "sexual-function",
		Tier: Emergency,
		Text: "Have you newly lost sexual function, or feeling in your genitals?",
	},
	{
		ID:   "accident-fall",
		Tier: Emergency,
		Text: "Did the pain start after a serious accident or fall?",
		Hint: "Or after a minor fall, if you have osteoporosis or take steroids long term.",
	},
	{
		ID:   "chest-pain",
		Tier: Emergency,
		Text: "Do you have chest pain along with the back pain?",
	},

	// URGENT
	{
		ID:   "fever-unwell",
		Tier: Urgent,
		Text: "Do you have a high temperature or chills, or feel very unwell?",
	},
	{
		ID:   "weight-cancer",
		Tier: Urgent,
		Text: "Have you lost weight without trying, or have you ever had cancer?",
	},
	{
		// CONTENT.md asks that this one separates ordinary tightness, which
		// eases when you shift, from pain that nothing eases.
		ID:   "pain-nothing-eases",
		Tier: Urgent,
		Text: "Is there pain that rest or a change of position does not ease, that is worse at night, or that wakes you?",
		Hint: "Tightness that eases when you move or shift is what this app is for. Pain that nothing eases is not.",
	},
	{
		ID:   "one-leg",
		Tier: Urgent,
		Text: "Is there new weakness, numbness or tingling in one leg or foot, tripping, or a change in how you walk?",
	},
	{
		ID:   "upper-back",
		Tier: Urgent,
		Text: "Is there pain between your shoulder blades, or pain that is worse when you cough or sneeze?",
		Hint: "Also answer yes to a new lump or a change in the shape of your back.",
	},

	// BOOK
	{
		ID:   "no-better",
		Tier: Book,
		Text: "Is your back no better after several weeks of looking after it yourself, or getting worse?",
	},
	{
		ID:   "not-coping",
		Tier: Book,
		Text: "Does the pain stop you doing daily things, or do you feel you are not coping with it?",
	},
	{
		ID:   "exercise-pain",
		Tier: Book,
		Text: "Do you get severe pain during the exercises?",
	},
}

// Questions returns every red-flag question, EMERGENCY first, then URGENT,
// then BOOK. The slice is a copy: callers may reorder or trim it freely.
func Questions() []Question {
	out := make([]Question, len(questions))
	copy(out, questions)
	return out
}

// QuestionsIn returns the questions of one tier, in their usual order.
func QuestionsIn(t Tier) []Question {
	var out []Question
	for _, q := range questions {
		if q.Tier == t {
			out = append(out, q)
		}
	}
	return out
}

// QuestionByID finds a question by its stored ID, so that answers kept in
// the history can be said again in words.
func QuestionByID(id string) (Question, bool) {
	for _, q := range questions {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}
