package checklist

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// BuiltinOrigin is the Origin of areas embedded in the binary.
const BuiltinOrigin = "inbyggd"

// maxFileSize bounds a checklist or policy file; anything larger is refused
// before it is parsed.
const maxFileSize = 4 << 20

// Catalog is the set of loaded areas and policy statements.
type Catalog struct {
	// Areas are sorted by Order, then ID.
	Areas []*Area
	// Sources are the policy documents, built-in first.
	Sources []*PolicySource

	areas      map[string]*Area
	statements map[string]*Statement
}

// Area returns the area with id, or nil.
func (c *Catalog) Area(id string) *Area { return c.areas[id] }

// Statement returns the policy statement with id, or nil.
func (c *Catalog) Statement(id string) *Statement { return c.statements[id] }

// PreselectedAreaIDs returns the ids of the areas preselected for a new
// assessment, in order: the core and the recommended areas.
func (c *Catalog) PreselectedAreaIDs() []string {
	var ids []string
	for _, a := range c.Areas {
		if a.Core || a.Recommended {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// CoreAreaIDs returns the ids of the core areas, in order.
func (c *Catalog) CoreAreaIDs() []string {
	var ids []string
	for _, a := range c.Areas {
		if a.Core {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// Load reads the built-in areas and policies from builtin (directories
// checklists/ and policies/) and then the organisation's directory userDir,
// whose *.yaml files add areas or replace built-in areas with the same id,
// and whose policies/*.yaml add policy statements.
//
// Load never fails as a whole: a broken file is reported in the returned
// errors (each a *FileError naming file:line:column) and the rest loads. A
// missing userDir is not an error; userDir "" skips it.
func Load(builtin fs.FS, userDir string) (*Catalog, []error) {
	return load(builtin, userDir, true)
}

// LoadForReports is Load for what reads assessments (the exports, the
// follow-up, the region report): the areas, with their titles and items,
// and the policy statements only where they are needed. Nothing in a
// report shows a statement; the statements are read to check the areas'
// policy references, and the built-in areas' references are checked when
// the program is built (assets' TestBuiltinContent). So where the
// organisation's directory holds no checklist or policy file, no policy
// file is parsed, Statement returns nil and Sources is empty; otherwise
// the catalog and the errors are Load's. Parsing the policies took a
// seventh of a plan export.
func LoadForReports(builtin fs.FS, userDir string) (*Catalog, []error) {
	return load(builtin, userDir, false)
}

// load is Load; statements false leaves out the policy statements where
// no file of the organisation's needs them (LoadForReports).
func load(builtin fs.FS, userDir string, statements bool) (*Catalog, []error) {
	c := &Catalog{areas: map[string]*Area{}, statements: map[string]*Statement{}}
	var errs []error

	type file struct {
		name   string
		data   []byte
		origin string
	}
	builtinFiles := func(dir string) []file {
		names, err := fs.Glob(builtin, dir+"/*.yaml")
		if err != nil {
			errs = append(errs, err)
		}
		var out []file
		for _, n := range names {
			data, err := fs.ReadFile(builtin, n)
			if err != nil {
				errs = append(errs, &FileError{File: BuiltinOrigin + ":" + n, Msg: TextOf(err)})
				continue
			}
			out = append(out, file{BuiltinOrigin + ":" + n, data, BuiltinOrigin})
		}
		return out
	}
	userFiles := func(dir string) []file {
		if userDir == "" {
			return nil
		}
		full := filepath.Join(userDir, dir)
		entries, err := os.ReadDir(full)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, &FileError{File: full, Msg: Textf("kan inte läsa katalogen: %v", "cannot read the directory: %v", unwrapPathError(err))})
			}
			return nil
		}
		var out []file
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
				continue
			}
			p := filepath.Join(full, name)
			data, err := readLimited(p)
			if err != nil {
				errs = append(errs, &FileError{File: p, Msg: TextOf(err)})
				continue
			}
			out = append(out, file{p, data, p})
		}
		return out
	}

	// Load reads the policies first and the organisation's areas after
	// them. The reports' load reads the organisation's files first: they
	// decide whether the policies are needed to check references.
	var policyFiles, userAreas []file
	checkRefs := statements
	if statements {
		policyFiles = append(builtinFiles("policies"), userFiles("policies")...)
	} else {
		userPolicies := userFiles("policies")
		userAreas = userFiles(".")
		checkRefs = len(userPolicies) > 0 || len(userAreas) > 0
		if checkRefs {
			policyFiles = append(builtinFiles("policies"), userPolicies...)
		}
	}
	type parsedPolicy struct {
		src  *PolicySource
		errs []error
	}
	policies := inParallel(len(policyFiles), func(i int) parsedPolicy {
		src, perrs := parsePolicy(policyFiles[i].name, policyFiles[i].data)
		return parsedPolicy{src, perrs}
	})
	for i, f := range policyFiles {
		src, perrs := policies[i].src, policies[i].errs
		if perrs != nil {
			errs = append(errs, perrs...)
			continue
		}
		if err := c.addSource(src, f.name); err != nil {
			errs = append(errs, err)
		}
	}
	known := func(id string) bool { return c.statements[id] != nil }
	if !checkRefs {
		known = nil // built-in areas only, checked when built
	}

	builtinIDs := map[string]bool{}
	userIDs := map[string]string{}
	type parsedArea struct {
		a    *Area
		errs []error
	}
	if statements {
		userAreas = userFiles(".")
	}
	for i, group := range [][]file{builtinFiles("checklists"), userAreas} {
		// known only reads the statements, which are complete by now.
		parsed := inParallel(len(group), func(j int) parsedArea {
			a, aerrs := parseArea(group[j].name, group[j].data, known)
			return parsedArea{a, aerrs}
		})
		for j, f := range group {
			a, aerrs := parsed[j].a, parsed[j].errs
			if aerrs != nil {
				errs = append(errs, aerrs...)
				continue
			}
			a.Origin = f.origin
			a.Hash = hashOf(f.data)
			if i == 0 {
				if builtinIDs[a.ID] {
					errs = append(errs, &FileError{File: f.name, Msg: Textf("området %q finns redan", "the area %q already exists", a.ID)})
					continue
				}
				builtinIDs[a.ID] = true
			} else {
				if prev, dup := userIDs[a.ID]; dup {
					errs = append(errs, &FileError{File: f.name, Msg: Textf(
						"området %q finns redan i %s; filen hoppas över",
						"the area %q already exists in %s; the file is skipped", a.ID, prev)})
					continue
				}
				userIDs[a.ID] = f.name
			}
			c.areas[a.ID] = a
		}
	}
	for _, a := range c.areas {
		c.Areas = append(c.Areas, a)
	}
	sort.Slice(c.Areas, func(i, j int) bool {
		if c.Areas[i].Order != c.Areas[j].Order {
			return c.Areas[i].Order < c.Areas[j].Order
		}
		return c.Areas[i].ID < c.Areas[j].ID
	})
	return c, errs
}

// inParallel returns f(0), …, f(n-1), computed on as many goroutines as
// there are processors. The files of a catalog parse independently, and
// parsing YAML was most of the time every command took to start (20 ms of
// CPU for the built-in checklists).
func inParallel[T any](n int, f func(int) T) []T {
	out := make([]T, n)
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			out[i] = f(i)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				out[i] = f(i)
			}
		})
	}
	wg.Wait()
	return out
}

func (c *Catalog) addSource(src *PolicySource, name string) error {
	for _, st := range src.Statements {
		if prev := c.statements[st.ID]; prev != nil {
			return &FileError{File: name, Msg: Textf(
				"policyuttalandet %q finns redan i %s; filen hoppas över",
				"the policy statement %q already exists in %s; the file is skipped", st.ID, prev.Source.Origin)}
		}
	}
	src.Origin = name
	for _, st := range src.Statements {
		c.statements[st.ID] = st
	}
	c.Sources = append(c.Sources, src)
	return nil
}

// Lint validates the given files. Area files are checked against the
// built-in policy statements and those in policy files among the arguments
// (files with a top-level "source" or "statements" key). It returns every
// problem found; none means all files are valid.
func Lint(builtin fs.FS, files []string) []error {
	base, _ := Load(builtin, "")
	extra := map[string]string{}
	extraSt := map[string]*Statement{}
	var errs []error
	type pending struct {
		name string
		data []byte
	}
	var areas []pending
	for _, name := range files {
		data, err := readLimited(name)
		if err != nil {
			errs = append(errs, &FileError{File: name, Msg: TextOf(err)})
			continue
		}
		if !looksLikePolicy(data) {
			areas = append(areas, pending{name, data})
			continue
		}
		src, perrs := parsePolicy(name, data)
		errs = append(errs, perrs...)
		if src == nil {
			continue
		}
		for _, st := range src.Statements {
			if prev, dup := extra[st.ID]; dup {
				errs = append(errs, &FileError{File: name, Msg: Textf(
					"policyuttalandet %q finns redan i %s", "the policy statement %q already exists in %s", st.ID, prev)})
			}
			extra[st.ID] = name
			extraSt[st.ID] = st
		}
	}
	known := func(id string) bool { return base.Statement(id) != nil || extra[id] != "" }
	outOfScope := func(id string) bool {
		st := base.Statement(id)
		if st == nil {
			st = extraSt[id]
		}
		return st != nil && !st.OutOfScope.IsZero()
	}
	seen := map[string]string{}
	for _, p := range areas {
		a, aerrs := parseArea(p.name, p.data, known)
		if aerrs != nil {
			errs = append(errs, aerrs...)
			continue
		}
		if prev, dup := seen[a.ID]; dup {
			errs = append(errs, &FileError{File: p.name, Msg: Textf("området %q finns redan i %s", "the area %q already exists in %s", a.ID, prev)})
		}
		seen[a.ID] = p.name
		// A statement marked out of scope is one no checklist item can
		// address; citing it stretches the mapping.
		for _, it := range a.Items {
			for _, id := range it.Policies {
				if outOfScope(id) {
					errs = append(errs, &FileError{File: p.name, Line: it.Pos.Line, Column: it.Pos.Column, Msg: Textf(
						"punkten %q hänvisar till policyuttalandet %q, som är markerat utanför området (out_of_scope)",
						"the item %q cites the policy statement %q, which is marked out of scope (out_of_scope)", it.ID, id)})
				}
			}
		}
	}
	return errs
}

func looksLikePolicy(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("statements:")) || bytes.HasPrefix(line, []byte("source:")) {
			return true
		}
	}
	return false
}

// readLimited reads a checklist or policy file: a regular file of at most
// maxFileSize bytes (see ReadFileLimited).
func readLimited(name string) ([]byte, error) {
	data, err := ReadFileLimited(name, maxFileSize)
	if err != nil {
		return nil, err
	}
	if err := checkUTF8(data); err != nil {
		return nil, err
	}
	return data, nil
}

// checkUTF8 refuses a file that is not UTF-8 with advice a manager can
// follow: Notepad and Excel on Windows save "ANSI" (Windows-1252) or
// "Unicode" (UTF-16) unless told otherwise, and YAML's own message
// ("invalid leading UTF-8 octet") does not say so.
func checkUTF8(data []byte) error {
	const save = " Öppna filen i Anteckningar, välj Arkiv → Spara som och kodningen UTF-8, och spara den igen."
	const saveEN = " Open the file in Notepad, choose File → Save as and the encoding UTF-8, and save it again."
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return Errorf("filen är sparad som UTF-16 (\"Unicode\"), inte UTF-8."+save,
			"the file is saved as UTF-16 (\"Unicode\"), not UTF-8."+saveEN)
	}
	if utf8.Valid(data) {
		return nil
	}
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		if data[i] == '\n' {
			line++
		}
		i += size
	}
	return Errorf("rad %d: filen är inte sparad som UTF-8 (troligen som \"ANSI\", så å, ä och ö blir fel)."+save,
		"line %d: the file is not saved as UTF-8 (probably as \"ANSI\", which garbles å, ä and ö)."+saveEN, line)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch classifyFileError(runtime.GOOS, pe.Err) {
		case problemNotFound:
			return Errorf("filen finns inte", "the file does not exist")
		case problemNoFolder:
			return Errorf("mappen eller enheten finns inte", "the folder or drive does not exist")
		case problemDenied:
			return Errorf("behörighet saknas", "permission denied")
		case problemInUse:
			return Errorf("filen är öppen i ett annat program; stäng den där och försök igen", "the file is open in another program; close it there and try again")
		case problemBadName:
			return Errorf("namnet är för långt eller har tecken som Windows inte tillåter", "the name is too long or has characters Windows does not allow")
		}
		return pe.Err
	}
	return err
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6])
}
