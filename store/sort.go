package store

import "strconv"

// naturalCompare orders strings with runs of digits compared as numbers,
// so "3.2" < "3.10".
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, ra := digitPrefix(a)
		db, rb := digitPrefix(b)
		if da != "" && db != "" {
			na, _ := strconv.Atoi(da)
			nb, _ := strconv.Atoi(db)
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitPrefix(s string) (string, string) {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}
