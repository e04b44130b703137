package store

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"samkoll/checklist"
)

// failingWriter takes limit bytes and then fails every write with err;
// when cancel is set it calls it instead, as a user's ctrl+c would.
type failingWriter struct {
	limit  int
	err    error
	cancel context.CancelFunc
	n      int
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n+len(p) <= w.limit {
		w.n += len(p)
		return len(p), nil
	}
	if w.cancel != nil {
		w.cancel()
		w.n += len(p)
		return len(p), nil
	}
	return 0, w.err
}

// An export that cannot write (a full disk) or is cancelled stops with
// that error, its reader too, and leaves the store as it was: the next
// export is whole and a write goes through.
func TestExportJSONStops(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if err := FillDemo(ctx, s, demoAreas(3, 10), 60, 7); err != nil {
		t.Fatal(err)
	}
	ids := fillSample(t, s)
	// A fixed clock, so that the file's time of export is the same.
	s.now = func() time.Time { return time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC) }
	want := export(t, s, nil)
	errFull := errors.New("disken är full")
	for _, tc := range []struct {
		name   string
		limit  int
		cancel bool
		want   error
	}{
		{"full disk at once", 0, false, errFull},
		{"full disk after a part", len(want) / 3, false, errFull},
		{"full disk near the end", len(want) - 100, false, errFull},
		{"cancelled after a part", len(want) / 2, true, context.Canceled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			w := &failingWriter{limit: tc.limit, err: errFull}
			if tc.cancel {
				w.cancel = cancel
			}
			err := s.ExportJSON(ctx, w, nil)
			if !errors.Is(err, tc.want) {
				t.Fatalf("ExportJSON = %v, want %v", err, tc.want)
			}
			if got := export(t, s, nil); !bytes.Equal(got, want) {
				t.Errorf("the next export differs: %d bytes, want %d", len(got), len(want))
			}
			r := checklist.Response{AreaID: "krankningar", ItemID: "3.1", Answer: checklist.Ja, Comment: "efter " + tc.name}
			if err := s.SaveResponse(context.Background(), ids[0], r); err != nil {
				t.Errorf("a write after the stopped export: %v", err)
			}
			want = export(t, s, nil)
		})
	}
}

// pipeline hands every assessment to write in the order read emits them;
// an error of either side is returned, and an error in write stops read
// within the queue's length.
func TestPipeline(t *testing.T) {
	errRead, errWrite := errors.New("läsfel"), errors.New("skrivfel")
	const n = 200
	for _, tc := range []struct {
		name                  string
		readFails, writeFails int // after that many; -1 never
		want                  error
	}{
		{"whole", -1, -1, nil},
		{"read fails", 50, -1, errRead},
		{"write fails", -1, 10, errWrite},
		{"both fail, write first", 150, 10, errWrite},
		{"read fails at once", 0, -1, errRead},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emitted := 0
			read := func(ctx context.Context, emit func(*exportRows) error) error {
				for i := range n {
					if i == tc.readFails {
						return errRead
					}
					if err := emit(&exportRows{id: int64(i)}); err != nil {
						if !errors.Is(err, context.Canceled) {
							t.Errorf("emit = %v, want context.Canceled", err)
						}
						return err
					}
					emitted++
				}
				return nil
			}
			var got []int64
			write := func(x *exportRows) error {
				if len(got) == tc.writeFails {
					return errWrite
				}
				got = append(got, x.id)
				return nil
			}
			err := pipeline(context.Background(), exportQueue, read, write)
			if !errors.Is(err, tc.want) {
				t.Fatalf("pipeline = %v, want %v", err, tc.want)
			}
			for i, id := range got {
				if id != int64(i) {
					t.Fatalf("write got %v, want 0, 1, 2, …", got)
				}
			}
			switch {
			case tc.writeFails >= 0:
				if emitted > tc.writeFails+exportQueue+2 {
					t.Errorf("read emitted %d after write failed at %d", emitted, tc.writeFails)
				}
			case tc.readFails >= 0:
				if len(got) != tc.readFails {
					t.Errorf("write got %d, want the %d read before the error", len(got), tc.readFails)
				}
			default:
				if len(got) != n {
					t.Errorf("write got %d, want %d", len(got), n)
				}
			}
		})
	}
}
