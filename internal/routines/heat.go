package routines

// HasHeat reports whether the routine has a heat step (a routine file
// holds at most one, first).
func (r Routine) HasHeat() bool {
	for _, st := range r.Steps {
		if st.Kind == KindHeat {
			return true
		}
	}
	return false
}
