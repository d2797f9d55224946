package guide

// WhyIntro opens the "why it's tight" explainer.
func WhyIntro() string {
	return "A few things can make your back feel tight once you lie down."
}

// Causes returns the contributors of CONTENT.md section 1, most certain
// first. Weakly supported ones are hedged with "may" on purpose.
func Causes() []Cause {
	return []Cause{
		{
			Title: "Lying still",
			Body:  "All day, moving and holding yourself up hides small imbalances. Lying still takes that away, and the change in load lets you feel them.",
		},
		{
			Title: "Your mattress",
			Body:  "Too soft, and your hips sink and your spine bends. Too firm, and you get pressure points and the curve of your lower back flattens. The evidence favours medium-firm.",
		},
		{
			Title: "Your pillows",
			Body:  "A pillow that is too thick or too thin angles your neck, and that tension can travel down your back.",
		},
		{
			Title: "Hip flexors",
			Body:  "Sitting shortens the muscles at the front of your hips. They pull your pelvis into a forward (anterior) tilt, which arches and loads your lower back.",
		},
		{
			Title: "Back muscles",
			Body:  "Back muscles that worked all day can tighten once they finally relax. Tired muscles can also spasm at rest.",
		},
		{
			Title: "Hamstrings",
			Body:  "Tight muscles at the back of your thighs may pull your pelvis the other way, into a backward tilt. The evidence for this is very low quality.",
		},
		{
			Title: "Water and salts",
			Body:  "Dehydration or low electrolytes may play a part. The evidence is weak, and mostly about leg cramps.",
		},
	}
}
