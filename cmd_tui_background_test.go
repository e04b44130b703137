package main

import "testing"

func TestBackgroundFromEnvironment(t *testing.T) {
	for _, tc := range []struct {
		env        map[string]string
		fixed      string
		guessLight bool
	}{
		{map[string]string{}, "", false},
		{map[string]string{"SAMKOLL_BACKGROUND": "light"}, "light", false},
		{map[string]string{"SAMKOLL_BACKGROUND": " Dark ", "COLORFGBG": "0;15"}, "dark", false},
		{map[string]string{"SAMKOLL_BACKGROUND": "blue", "COLORFGBG": "0;15"}, "", true},
		{map[string]string{"COLORFGBG": "15;0"}, "", false},
		{map[string]string{"COLORFGBG": "0;default;15"}, "", true},
		{map[string]string{"COLORFGBG": "0;7"}, "", true},
		{map[string]string{"COLORFGBG": "default;default"}, "", false},
		{map[string]string{"COLORFGBG": ";"}, "", false},
	} {
		fixed, light := background(func(k string) string { return tc.env[k] })
		if fixed != tc.fixed || light != tc.guessLight {
			t.Errorf("%v: background = %q, %v; want %q, %v", tc.env, fixed, light, tc.fixed, tc.guessLight)
		}
	}
}
