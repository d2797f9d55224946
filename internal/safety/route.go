package safety

// Route is how an EMERGENCY outcome tells the person to get there
// (CONTENT.md section 4, v3): what was ticked decides it.
type Route int

const (
	RouteNone Route = iota
	// RouteDepartment: the nerve, bladder, bowel, both-legs, walking and
	// sexual-function items, and a serious accident or fall: go to an
	// emergency department, taken by someone else, never driving.
	RouteDepartment
	// RouteAmbulance: chest pain, sudden severe back and tummy pain,
	// feeling faint or clammy: call for an ambulance.
	RouteAmbulance
)

// EmergencyRoute is how the EMERGENCY answers among yes say to get to
// care. The ambulance wins when both kinds were ticked; RouteNone when no
// EMERGENCY question was answered yes (or none is known).
func EmergencyRoute(yes []string) Route {
	route := RouteNone
	for _, id := range yes {
		if q, ok := QuestionByID(id); ok && q.Tier == Emergency && q.Route > route {
			route = q.Route
		}
	}
	return route
}
