package store

import (
	"reflect"
	"slices"
	"testing"
)

func TestNaturalCompare(t *testing.T) {
	ids := []string{"3.10", "3.2", "10.1", "3.1", "a", "3.1b"}
	slices.SortFunc(ids, naturalCompare)
	if want := []string{"3.1", "3.1b", "3.2", "3.10", "10.1", "a"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("%v, want %v", ids, want)
	}
}
