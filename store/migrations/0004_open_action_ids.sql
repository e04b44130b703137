-- samkoll schema version 4: carried-over actions on the start screen are
-- counted from an index of the unfinished actions by id, without reading
-- the action rows.
CREATE INDEX actions_open_by_id ON actions (id, due) WHERE status IN ('planerad', 'pagar');
