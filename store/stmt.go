package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"sync"
)

// stmtCache prepares each query text once and reuses the statement: the
// loaders that run once per assessment (LoadAssessment and what it calls)
// then do not compile their SQL again for every assessment of an export.
// Only fixed query texts go through it; at most maxCachedStmts are kept,
// beyond that a query runs unprepared as before.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

const maxCachedStmts = 64

func (c *stmtCache) stmt(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		return nil, nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

// query runs the fixed query text query through its prepared statement.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmts.stmt(ctx, s.db, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.db.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

// queryAll runs query through its prepared statement and returns its rows,
// each read by scan, in order.
func queryAll[T any](ctx context.Context, s *Store, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// queryRow runs the fixed query text query through its prepared statement.
func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.stmts.stmt(ctx, s.db, query)
	if err != nil || st == nil {
		// A failed prepare is reported by the unprepared query.
		return s.db.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// keyWriter runs the writes the app repeats with every key, an answer or
// a draft, on one connection kept for them, with BEGIN IMMEDIATE, COMMIT
// and their statements prepared once on it. Through a database/sql
// transaction each of them compiled BEGIN and COMMIT again and started a
// goroutine to watch its context: about a tenth of an answer key
// (docs/performance.md). After any failure the connection is rolled back
// and closed, and the next write takes a new one.
type keyWriter struct {
	mu     sync.Mutex
	conn   *sql.Conn
	stmts  map[string]*sql.Stmt
	closed bool
}

// keyExec runs one of the fixed query texts in a keyTx.
type keyExec func(query string, args ...any) (sql.Result, error)

// keyTx runs fn in one transaction on the key writer's connection and
// commits it: the same checks and the same durable commit as tx.
func (s *Store) keyTx(ctx context.Context, fn func(exec keyExec) error) error {
	if err := s.mayWrite(ctx); err != nil {
		return err
	}
	w := &s.keys
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errors.New("databasen är stängd")
	}
	if w.conn == nil {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return err
		}
		w.conn, w.stmts = conn, map[string]*sql.Stmt{}
	}
	exec := func(query string, args ...any) (sql.Result, error) {
		st, ok := w.stmts[query]
		if !ok {
			var err error
			if st, err = w.conn.PrepareContext(ctx, query); err != nil {
				return nil, err
			}
			w.stmts[query] = st
		}
		return st.ExecContext(ctx, args...)
	}
	if _, err := exec("BEGIN IMMEDIATE"); err != nil {
		w.drop()
		return err
	}
	if err := fn(exec); err != nil {
		w.drop()
		return err
	}
	if _, err := exec("COMMIT"); err != nil {
		w.drop()
		return err
	}
	return nil
}

// drop rolls back what the connection may hold and closes it, so that a
// failed write leaves no transaction open and no statement behind.
func (w *keyWriter) drop() {
	if w.conn == nil {
		return
	}
	ctx := context.Background()
	// After a failed BEGIN or COMMIT there may be no transaction: the
	// rollback's error then says so and is of no interest.
	_, _ = w.conn.ExecContext(ctx, "ROLLBACK")
	w.release(true)
}

// release closes the statements and gives up the connection: closed for
// good when discard, else back to the pool.
func (w *keyWriter) release(discard bool) {
	for _, st := range w.stmts {
		st.Close()
	}
	if discard {
		// driver.ErrBadConn makes database/sql close the connection
		// instead of putting it back into the pool.
		_ = w.conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	w.conn.Close()
	w.conn, w.stmts = nil, nil
}

// close closes the key writer's connection for good (Store.Close).
func (w *keyWriter) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil {
		w.release(false)
	}
	w.closed = true
}

// close closes the prepared statements.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}

// querier runs SQL: a *sql.Tx, or a txStmts that prepares each query text
// once in its transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// txStmts runs the queries of one transaction through statements prepared
// once per query text, for writers that repeat the same few statements
// thousands of times (import): compiling the SQL costs more than running
// it. Statements are closed with the transaction (close).
type txStmts struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newTxStmts(tx *sql.Tx) *txStmts { return &txStmts{tx: tx, stmts: map[string]*sql.Stmt{}} }

func (t *txStmts) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

func (t *txStmts) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (t *txStmts) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (t *txStmts) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, query)
	if err != nil {
		// The unprepared query reports the error through its Row.
		return t.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// close closes the prepared statements.
func (t *txStmts) close() {
	for _, st := range t.stmts {
		st.Close()
	}
	t.stmts = nil
}
