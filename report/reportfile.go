package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"samkoll/checklist"
)

// FollowupFileName is the name the app saves a unit's yearly follow-up
// under: arsuppfoljning-<unit>-<year>.md, or yearly-follow-up-… in
// English; without a unit, every unit's.
func FollowupFileName(unit string, year int, lang checklist.Lang) string {
	name := checklist.Text{SV: "arsuppfoljning", EN: "yearly-follow-up"}.In(lang)
	if unit != "" {
		name += "-" + Slug(checklist.RemovePersonnummer(unit))
	}
	return name + "-" + strconv.Itoa(year) + ".md"
}

// RegionFileName is the name the app saves the region report under.
func RegionFileName(year int, lang checklist.Lang) string {
	return checklist.Text{SV: "region", EN: "region"}.In(lang) + "-" + strconv.Itoa(year) + ".md"
}

// WriteReportFile writes data under name in the folder the plans are
// exported to (Documents/samkoll) and returns the path written; a file
// open in another program is kept and the report goes beside it, with a
// warning through Warn.
func (x *Exporter) WriteReportFile(name string, data []byte) (string, error) {
	dir, err := x.dir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	path := filepath.Join(dir, name)
	written, err := WriteBeside(path, data)
	var beside *BesideError
	if errors.As(err, &beside) {
		if x.Warn != nil {
			x.Warn(beside)
		}
		return written, nil
	}
	if err != nil {
		return "", err
	}
	return path, nil
}
