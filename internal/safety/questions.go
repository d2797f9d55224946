package safety

// questions is CONTENT.md section 4 in tier order. IDs are stored with
// every check, so they never change once released: a question whose
// meaning changes gets a new ID and the old one moves to retired.
var questions = []Question{
	// EMERGENCY
	{
		ID:     "saddle-numbness",
		Tier:   Emergency,
		Group:  GroupNerves,
		Text:   "Is there numbness or tingling between your legs: around your genitals, back passage, buttocks or inner thighs?",
		Hint:   "For example, it feels different when you wipe.",
		Report: "Numbness or tingling between the legs (genitals, back passage, buttocks or inner thighs)",
	},
	{
		ID:     "bladder-bowel",
		Tier:   Emergency,
		Group:  GroupNerves,
		Text:   "Is there new trouble starting or stopping urine, a weak or changed flow, leaking or needing pads, or loss of bowel control?",
		Hint:   "Also yes if you cannot tell when your bladder is full or empty, or cannot feel urine or a bowel motion pass.",
		Report: "New bladder or bowel trouble (starting or stopping urine, flow, leaking, feeling, or bowel control)",
	},
	{
		ID:     "both-legs",
		Tier:   Emergency,
		Group:  GroupNerves,
		Text:   "Is there pain, numbness, tingling or weakness in both legs, or leg weakness that is severe or getting worse?",
		Report: "Pain, numbness, tingling or weakness in both legs, or severe or worsening leg weakness",
	},
	{
		ID:     "sexual-function",
		Tier:   Emergency,
		Group:  GroupNerves,
		Text:   "Have you newly lost sexual function, or feeling in your genitals?",
		Hint:   "For example erection, ejaculation, or feeling during sex.",
		Report: "New loss of sexual function or genital feeling",
	},
	{
		ID:     "accident-unchecked",
		Tier:   Emergency,
		Group:  GroupPain,
		Text:   "Did this pain start after a serious accident or fall, and has no clinician checked it since?",
		Hint:   "A minor fall counts too if you have osteoporosis or take steroids long term.",
		Report: "Pain since a serious accident or fall (or a minor fall with osteoporosis or long-term steroids), not checked by a clinician since",
	},
	{
		ID:     "chest-pain",
		Tier:   Emergency,
		Group:  GroupPain,
		Text:   "Do you have chest pain along with the back pain?",
		Report: "Chest pain with the back pain",
	},
	{
		ID:     "sudden-severe",
		Tier:   Emergency,
		Group:  GroupPain,
		Text:   "Is there sudden, severe back pain with pain in your tummy, or with feeling faint or clammy?",
		Report: "Sudden, severe back pain with tummy pain, or feeling faint or clammy",
	},

	// URGENT
	{
		ID:     "fever-unwell",
		Tier:   Urgent,
		Group:  GroupPain,
		Text:   "Do you have a high temperature or chills, or feel very unwell?",
		Report: "High temperature, chills or feeling very unwell",
	},
	{
		// Asked so that ordinary tightness, which eases when you shift, is
		// told apart from pain that nothing eases; never "worse at night"
		// alone, which nearly everyone using the app would answer yes to.
		ID:     "pain-constant",
		Tier:   Urgent,
		Group:  GroupPain,
		Text:   "Is the pain there all the time, with no position, rest or movement that eases it?",
		Hint:   "It is often much worse at night. If moving or shifting eases it, that is the ordinary tightness this app is for: answer no.",
		Report: "Pain all the time that no position, rest or movement eases",
	},
	{
		ID:     "upper-back",
		Tier:   Urgent,
		Group:  GroupPain,
		Text:   "Is there pain between your shoulder blades, or pain that is worse when you cough, sneeze or strain on the toilet?",
		Hint:   "Also yes for a new lump or a change in the shape of your back.",
		Report: "Pain between the shoulder blades, worse on coughing, sneezing or straining, or a new lump or change in the back's shape",
	},
	{
		ID:     "one-leg",
		Tier:   Urgent,
		Group:  GroupNerves,
		Text:   "Is there new weakness, numbness or tingling in one leg or foot, tripping, or a change in how you walk?",
		Report: "New weakness, numbness or tingling in one leg or foot, tripping, or a change in walking",
	},
	{
		ID:     "weight-loss",
		Tier:   Urgent,
		Group:  GroupHealth,
		Text:   "Have you lost weight without trying?",
		Report: "Weight loss without trying",
	},
	{
		ID:     "cancer-new-pain",
		Tier:   Urgent,
		Group:  GroupHealth,
		Text:   "Do you have cancer now, or have you had it in the past, and is this back pain new or different?",
		Report: "Cancer now or in the past, and this back pain is new or different",
	},
	{
		ID:     "immune-risk",
		Tier:   Urgent,
		Group:  GroupHealth,
		Text:   "Is this back pain new while you inject drugs, have a weakened immune system or take steroid tablets long term, or since a recent infection?",
		Hint:   "A weakened immune system can come from medicines after a transplant, or from chemotherapy.",
		Report: "New back pain while injecting drugs, with a weakened immune system or long-term steroid tablets, or after a recent infection",
	},

	// BOOK
	{
		ID:     "no-better",
		Tier:   Book,
		Group:  GroupCourse,
		Text:   "Is your back no better after several weeks of looking after it yourself, or is it getting worse?",
		Report: "No better after several weeks of self-care, or getting worse",
	},
	{
		ID:     "not-coping",
		Tier:   Book,
		Group:  GroupCourse,
		Text:   "Does the pain stop you doing daily things, or do you feel you are not coping with it?",
		Report: "Pain that stops daily activities, or not coping with it",
	},
	{
		ID:     ExercisePain,
		Tier:   Book,
		Group:  GroupCourse,
		Text:   "Do you get severe pain during the exercises?",
		Report: "Severe pain during the exercises",
	},
	{
		// NICE NG65; asked in the full check only.
		ID:     InflammatoryPattern,
		Tier:   Book,
		Group:  GroupCourse,
		Text:   "Has your back pain lasted more than 3 months, starting before you were 45, with long morning stiffness or waking late in the night?",
		Hint:   "Long morning stiffness: more than 30 minutes after waking, easing as you move. Waking: in the second half of the night, from the pain.",
		Report: "Back pain for more than 3 months, starting before 45, with morning stiffness over 30 minutes that eases with movement, or waking in the second half of the night",
	},
}

// ExercisePain is the ID of "severe pain during the exercises": a yes
// leaves the stretches out tonight (NoStretchesTonight).
const ExercisePain = "exercise-pain"

// InflammatoryPattern is the question whose yes adds the GP line about an
// inflammatory back condition, and which the visit report points out.
const InflammatoryPattern = "inflammatory-pattern"

// retired are questions an earlier version asked, whose meaning has since
// changed. They are never asked; they keep stored answers readable and
// keep their tier in Triage.
var retired = []Question{
	{ID: "accident-fall", Tier: Emergency, Group: GroupPain,
		Text:   "Did the pain start after a serious accident or fall?",
		Hint:   "Or after a minor fall, if you have osteoporosis or take steroids long term.",
		Report: "Pain that started after a serious accident or fall"},
	{ID: "weight-cancer", Tier: Urgent, Group: GroupHealth,
		Text:   "Have you lost weight without trying, or have you ever had cancer?",
		Report: "Weight loss without trying, or cancer at some time"},
	{ID: "pain-nothing-eases", Tier: Urgent, Group: GroupPain,
		Text:   "Is there pain that rest or a change of position does not ease, that is worse at night, or that wakes you?",
		Report: "Pain that rest or a change of position does not ease, worse at night, or that wakes"},
}

// Questions returns every red-flag question asked today, EMERGENCY first,
// then URGENT, then BOOK. The slice is a copy: callers may reorder or trim
// it freely. The full-screen check asks them by group (Groups).
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

// QuestionByID finds a question by its stored ID, retired ones included,
// so that answers kept in the history can be said again in words.
func QuestionByID(id string) (Question, bool) {
	for _, list := range [][]Question{questions, retired} {
		for _, q := range list {
			if q.ID == id {
				return q, true
			}
		}
	}
	return Question{}, false
}

// Reported turns the IDs answered yes into Report lines, in the order
// given; unknown IDs are left out.
func Reported(yes []string) []string {
	var out []string
	for _, id := range yes {
		if q, ok := QuestionByID(id); ok {
			out = append(out, q.Report)
		}
	}
	return out
}
