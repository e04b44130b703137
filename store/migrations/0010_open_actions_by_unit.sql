-- samkoll schema version 10: the unfinished actions of each unit by due
-- date, so that the start screen by unit and the region report count a
-- unit's overdue actions from this index alone instead of reading the row
-- of every unfinished action (20 ms of the first frame at 10,000
-- assessments).
CREATE INDEX actions_open_by_unit ON actions (unit_id, due) WHERE status IN ('planerad', 'pagar');
