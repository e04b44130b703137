-- samkoll schema version 2: indexes for the start screen, carry-over and
-- the open-actions view, which otherwise scan whole tables.

CREATE INDEX assessments_by_unit_date ON assessments (unit_id, meeting_date);
CREATE INDEX actions_by_unit_status ON actions (unit_id, status);
CREATE INDEX actions_by_assessment ON actions (assessment_id);
CREATE INDEX assessment_actions_by_action ON assessment_actions (action_id);
