package store

import "slices"

func slicesSort(s []string) { slices.SortFunc(s, naturalCompare) }
