package checklist

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// fileProblem is what went wrong with a file, as a manager needs to know
// it: the operating system's own words ("The system cannot find the path
// specified.", "mkdir D:\nope: File not found.") are English on a Swedish
// Windows, differ between systems and do not say what to do.
type fileProblem int

const (
	problemOther    fileProblem = iota
	problemNotFound             // the file does not exist
	problemNoFolder             // its folder (or drive, or share) does not exist
	problemDenied               // no permission
	problemInUse                // another program has it open (Word, Excel)
	problemBadName              // characters Windows does not allow in a name
	problemIsDir                // a folder where a file was meant
	problemFull                 // the disk is full
)

// Windows error codes (winerror.h) by what they mean for the user.
// syscall.Errno holds them on Windows; they are listed by number so that
// the classification can be tested on any system.
var windowsProblems = map[uintptr]fileProblem{
	2:    problemNotFound, // ERROR_FILE_NOT_FOUND
	3:    problemNoFolder, // ERROR_PATH_NOT_FOUND
	5:    problemDenied,   // ERROR_ACCESS_DENIED
	15:   problemNoFolder, // ERROR_INVALID_DRIVE
	19:   problemDenied,   // ERROR_WRITE_PROTECT
	21:   problemNoFolder, // ERROR_NOT_READY (a card reader without a card)
	32:   problemInUse,    // ERROR_SHARING_VIOLATION
	33:   problemInUse,    // ERROR_LOCK_VIOLATION
	39:   problemFull,     // ERROR_HANDLE_DISK_FULL
	53:   problemNoFolder, // ERROR_BAD_NETPATH
	67:   problemNoFolder, // ERROR_BAD_NET_NAME
	112:  problemFull,     // ERROR_DISK_FULL
	123:  problemBadName,  // ERROR_INVALID_NAME
	161:  problemBadName,  // ERROR_BAD_PATHNAME
	206:  problemBadName,  // ERROR_FILENAME_EXCED_RANGE
	267:  problemNoFolder, // ERROR_DIRECTORY
	1224: problemInUse,    // ERROR_USER_MAPPED_FILE
}

// classifyFileError says what err, from the file system of goos, means.
func classifyFileError(goos string, err error) fileProblem {
	var errno syscall.Errno
	if goos == "windows" && errors.As(err, &errno) {
		if p, ok := windowsProblems[uintptr(errno)]; ok {
			return p
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return problemNotFound
	case errors.Is(err, fs.ErrPermission):
		return problemDenied
	}
	if goos != "windows" && errors.As(err, &errno) {
		switch errno {
		case syscall.ENOTDIR:
			return problemNoFolder
		case syscall.EISDIR:
			return problemIsDir
		case syscall.ENOSPC:
			return problemFull
		case syscall.EROFS:
			return problemDenied
		case syscall.ENAMETOOLONG:
			return problemBadName
		}
	}
	return problemOther
}

// FileProblem returns a sentence in Swedish and English that says what is
// wrong with the file at path, after the error err from the file system,
// and what to do. It names the file, or the folder that is missing. ok is
// false for an error it does not know; then the caller says what it can.
func FileProblem(path string, err error) (Text, bool) {
	return fileProblemText(runtime.GOOS, path, err, func(dir string) bool {
		fi, err := os.Stat(dir)
		return err == nil && fi.IsDir()
	})
}

// fileProblemText is FileProblem for the system goos; dirExists tells
// whether a folder exists.
func fileProblemText(goos, path string, err error, dirExists func(string) bool) (Text, bool) {
	p := classifyFileError(goos, err)
	if p == problemNotFound && !dirExists(filepath.Dir(path)) {
		p = problemNoFolder
	}
	switch p {
	case problemNotFound:
		return Textf("Filen %s finns inte. Kontrollera namnet och mappen.",
			"The file %s does not exist. Check the name and the folder.", path), true
	case problemNoFolder:
		dir := missingFolder(path, dirExists)
		return Textf("Mappen %s finns inte (eller enheten är inte ansluten), så %s kan inte nås. Skapa mappen, anslut enheten eller välj en annan plats.",
			"The folder %s does not exist (or the drive is not connected), so %s cannot be reached. Create the folder, connect the drive or choose another place.", dir, path), true
	case problemDenied:
		return Textf("samkoll har inte behörighet till %s. Välj en annan plats, t.ex. i Dokument, eller be IT om behörighet.",
			"samkoll is not allowed to use %s. Choose another place, e.g. in Documents, or ask IT for access.", path), true
	case problemInUse:
		return Textf("%s är öppen i ett annat program (t.ex. Word eller Excel). Stäng den där och försök igen, eller välj ett annat namn.",
			"%s is open in another program (e.g. Word or Excel). Close it there and try again, or choose another name.", path), true
	case problemBadName:
		return Textf("Namnet %s går inte att använda: det är för långt eller har ett tecken som Windows inte tillåter i filnamn (\\ / : * ? \" < > |). Välj ett annat namn.",
			"The name %s cannot be used: it is too long or has a character Windows does not allow in file names (\\ / : * ? \" < > |). Choose another name.", path), true
	case problemIsDir:
		return Textf("%s är en mapp, inte en fil. Ange en fil i mappen.",
			"%s is a folder, not a file. Name a file in the folder.", path), true
	case problemFull:
		return Textf("Disken är full, så %s kunde inte skrivas. Frigör utrymme och försök igen.",
			"The disk is full, so %s could not be written. Free some space and try again.", path), true
	}
	return Text{}, false
}

// missingFolder returns the outermost folder of path that does not exist,
// or path's folder when it cannot tell.
func missingFolder(path string, dirExists func(string) bool) string {
	dir := filepath.Dir(path)
	for {
		parent := filepath.Dir(dir)
		if parent == dir || dirExists(parent) {
			return dir
		}
		dir = parent
	}
}
