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
		Route:  RouteDepartment,
		Text:   "Is there numbness or tingling between your legs: around your genitals, back passage, buttocks or inner thighs?",
		Hint:   "For example, it feels different when you wipe.",
		Report: "Numbness or tingling between the legs (genitals, back passage, buttocks or inner thighs)",
	},
	{
		ID:     "bladder-bowel",
		Tier:   Emergency,
		Group:  GroupNerves,
		Route:  RouteDepartment,
		Text:   "Is there new trouble starting or stopping urine, a weak or changed flow, new leaking or a recent need for pads, or loss of bowel control?",
		Hint:   "Also yes if you cannot tell when your bladder is full or empty, or cannot feel urine or a bowel motion pass.",
		Report: "New bladder or bowel trouble (starting or stopping urine, flow, new leaking or a recent need for pads, feeling, or bowel control)",
	},
	{
		// v3: "new or worse than a clinician has already assessed"; walking
		// moved to its own EMERGENCY question.
		ID:     "both-legs-new",
		Tier:   Emergency,
		Group:  GroupNerves,
		Route:  RouteDepartment,
		Text:   "Is there new pain, numbness, tingling or weakness in both legs, or leg weakness that is severe or getting worse?",
		Hint:   "Answer yes too if it is worse than when a clinician last checked it.",
		Report: "Pain, numbness, tingling or weakness in both legs, new or worse than a clinician has assessed, or severe or worsening leg weakness",
	},
	{
		ID:     "walking",
		Tier:   Emergency,
		Group:  GroupNerves,
		Route:  RouteDepartment,
		Text:   "Is it newly hard to walk, or do your legs give way?",
		Report: "New difficulty walking, or legs giving way",
	},
	{
		ID:     "sexual-function",
		Tier:   Emergency,
		Group:  GroupNerves,
		Route:  RouteDepartment,
		Text:   "Have you newly lost sexual function, or feeling in your genitals?",
		Hint:   "For example erection, ejaculation, or feeling during sex.",
		Report: "New loss of sexual function or genital feeling",
	},
	{
		// v3: a minor fall with osteoporosis or steroids is URGENT
		// (minor-fall), no longer part of this question.
		ID:     "serious-accident",
		Tier:   Emergency,
		Group:  GroupPain,
		Route:  RouteDepartment,
		Text:   "Did this pain start after a serious accident or fall, and has no clinician checked it since?",
		Hint:   "A trip or a fall from standing is asked about on a later page.",
		Report: "Pain since a serious accident or fall, not checked by a clinician since",
	},
	{
		ID:     "chest-pain",
		Tier:   Emergency,
		Group:  GroupPain,
		Route:  RouteAmbulance,
		Text:   "Do you have chest pain along with the back pain?",
		Report: "Chest pain with the back pain",
	},
	{
		ID:     "sudden-severe",
		Tier:   Emergency,
		Group:  GroupPain,
		Route:  RouteAmbulance,
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
		// v3: walking moved to the EMERGENCY question "walking".
		ID:     "one-leg-foot",
		Tier:   Urgent,
		Group:  GroupNerves,
		Text:   "Is there new weakness, numbness or tingling in one leg or foot, or do you trip over that foot?",
		Report: "New weakness, numbness or tingling in one leg or foot, or tripping over that foot",
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
	{
		// v3: a suspected fragility fracture is same-day care unless there
		// are nerve signs (NICE CKS).
		ID:     "minor-fall",
		Tier:   Urgent,
		Group:  GroupHealth,
		Text:   "Have you had back pain since a minor fall, such as a trip or a fall from standing, and do you have osteoporosis or take steroid tablets long term?",
		Report: "Back pain since a minor fall, with osteoporosis or long-term steroid tablets",
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
}

// ExercisePain is the ID of "severe pain during the exercises": a yes
// leaves the stretches out tonight (NoStretchesTonight).
const ExercisePain = "exercise-pain"

// retired are questions an earlier version asked, whose meaning has since
// changed. They are never asked; they keep stored answers readable and
// keep their tier in Triage.
var retired = []Question{
	// Until v3 (2026-11): walking was part of one-leg, a minor fall part of
	// the accident question, and both legs did not ask "new or worse".
	{ID: "both-legs", Tier: Emergency, Group: GroupNerves, Route: RouteDepartment,
		Text:   "Is there pain, numbness, tingling or weakness in both legs, or leg weakness that is severe or getting worse?",
		Report: "Pain, numbness, tingling or weakness in both legs, or severe or worsening leg weakness"},
	{ID: "accident-unchecked", Tier: Emergency, Group: GroupPain, Route: RouteDepartment,
		Text:   "Did this pain start after a serious accident or fall, and has no clinician checked it since?",
		Hint:   "A minor fall counts too if you have osteoporosis or take steroids long term.",
		Report: "Pain since a serious accident or fall (or a minor fall with osteoporosis or long-term steroids), not checked by a clinician since"},
	{ID: "one-leg", Tier: Urgent, Group: GroupNerves,
		Text:   "Is there new weakness, numbness or tingling in one leg or foot, tripping, or a change in how you walk?",
		Report: "New weakness, numbness or tingling in one leg or foot, tripping, or a change in walking"},
	{ID: "accident-fall", Tier: Emergency, Group: GroupPain, Route: RouteDepartment,
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
// it freely. The check asks them by group (CheckGroups), with the
// long-standing pattern's parts (PatternQuestions) when they are due.
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
	for _, list := range [][]Question{questions, derived, patternParts, retired} {
		for _, q := range list {
			if q.ID == id {
				return q, true
			}
		}
	}
	return Question{}, false
}

// Reported turns the red flags among the IDs answered yes into Report
// lines, in the order given: what the outcome lists to take along. The
// long-standing pattern's parts, no red flag alone, are left out (the
// pattern itself is listed when they add up to it), and so are unknown IDs.
func Reported(yes []string) []string {
	var out []string
	for _, id := range yes {
		if q, ok := QuestionByID(id); ok && q.Tier > None {
			out = append(out, q.Report)
		}
	}
	return out
}

// Marked turns the IDs marked on the check into Report lines, in the order
// given, the pattern's parts included: what the confirm step reads back.
// The pattern that the parts add up to is not marked by the person, so it
// is left out, and so are unknown IDs.
func Marked(yes []string) []string {
	var out []string
	for _, id := range yes {
		if q, ok := QuestionByID(id); ok && id != InflammatoryPattern {
			out = append(out, q.Report)
		}
	}
	return out
}
