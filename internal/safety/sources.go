package safety

// Source is one entry of the CONTENT.md source list. N keeps CONTENT.md's
// numbering (1 to 33), so tags like [22] stay traceable.
type Source struct {
	N     int
	Title string
	Where string // address or where to find it; empty when CONTENT.md gives none
}

var sources = []Source{
	{1, "NHS back pain guidance (as reproduced by NHS trusts)", "redflagsymptoms.co.uk/back-pain; bridgwaterbayhealth.nhs.uk/back-pain"},
	{2, "NHS 111 Wales, Sciatica", "111.wales.nhs.uk/encyclopaedia/s/article/sciatica/"},
	{3, "Royal Free London NHS, Cauda equina syndrome leaflet", "royalfree.nhs.uk (patient information leaflets)"},
	{4, "Northern Health and Social Care Trust, Low back pain", "northerntrust.hscni.net (physiotherapy services)"},
	{5, "NHS Gloucestershire G-Care, Red flags for spinal conditions", "g-care.glos.nhs.uk/pathway/71/resource/3"},
	{6, "NHS Greater Glasgow and Clyde MSK physiotherapy, Self-help: lower back", "nhsggc.scot"},
	{7, "NHS inform, Exercises for back pain", ""},
	{8, "NHS, Lower back pain exercises", "nhs.uk/live-well/exercise/lower-back-pain-exercises/"},
	{9, "Chartered Society of Physiotherapy, Exercise advice for back pain", "csp.org.uk/public-patient/rehabilitation-exercises/back-pain"},
	{10, "Mayo Clinic, Back exercises in 15 minutes a day", ""},
	{11, "Mayo Clinic, A guide to basic stretches", ""},
	{12, "Hospital for Special Surgery physician page, Low back exercises", ""},
	{13, "American College of Physicians, Noninvasive treatments for low back pain (2017)", ""},
	{14, "French et al., Superficial heat or cold for low back pain, Cochrane review (CD004750)", ""},
	{15, "FDA/CPSC public health advisory on electric heating pads (1995)", ""},
	{16, "University of Missouri Health Care via HealthDay, Prevent burns from a heating pad", ""},
	{17, "Hong Kong Department of Health, Elderly Health Service: Heat therapy", ""},
	{18, "MedStar Washington burn center, Burns and diabetes", ""},
	{19, "Annals of Rehabilitation Medicine 2012, Contact burns from therapeutic modalities", ""},
	{20, "Kovacs et al., Lancet 2003, medium-firm vs firm mattresses in chronic low back pain", ""},
	{21, "Caggiari et al., J Orthop Traumatol 2021, mattress firmness systematic review", ""},
	{22, "Mayo Clinic, Sleeping positions that reduce back pain", ""},
	{23, "Hamstring flexibility and low back pain meta-analysis (very low quality evidence)", ""},
	{24, "Royal Osteoporosis Society, Exercise and physical activity for osteoporosis (avoid repeated or sustained forward bending and twisting); Giangregorio et al., Too Fit To Fracture, Osteoporos Int 2014", ""},
	{25, "GIRFT / British Association of Spine Surgeons, Cauda equina syndrome symptom card (2023)", ""},
	{26, "NHS, Abdominal aortic aneurysm: call 999 for sudden, severe pain in the tummy or back", ""},
	{27, "NICE CKS, Back pain - low (without radiculopathy): red flags for infection, fracture and malignancy", ""},
	{28, "NICE NG65, Spondyloarthritis in over 16s: diagnosis and management (2017), referral criteria", ""},
	{29, "NHS, Hip replacement: recovery (avoid bending the hip past 90 degrees and crossing the legs for the first weeks), and the surgeon's own advice after spinal surgery", ""},
	{30, "NHS, Exercise in pregnancy (after 16 weeks, do not lie flat on your back for long periods)", ""},
	{31, "NHS, Burns and scalds: cool the burn with cool or lukewarm running water for 20 minutes; when to get medical help", ""},
	{32, "Heat wrap plus exercise vs heat wrap vs sham wrap, randomised trial in acute low back pain (99 adults), preprint", "medRxiv 2025.09.07.25335260 (registered NCT03986047)"},
	{33, "Owen et al., Exercise for chronic non-specific low back pain: network meta-analysis, Br J Sports Med 2020;54:1279", ""},
}

// Sources returns the source list, in CONTENT.md's order. The slice is a copy.
func Sources() []Source {
	out := make([]Source, len(sources))
	copy(out, sources)
	return out
}
