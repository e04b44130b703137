-- samkoll schema version 3: the start screen's first page and its action
-- counts come from indexes, so opening samkoll does not slow down as the
-- database grows.

-- Newest meetings first, without sorting every assessment.
CREATE INDEX assessments_by_date ON assessments (meeting_date, id);

-- Only unfinished actions count on the start screen.
CREATE INDEX actions_open ON actions (assessment_id, due) WHERE status IN ('planerad', 'pagar');
