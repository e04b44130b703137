-- samkoll schema version 5: drafts, the text typed into a field and not yet
-- saved (a half-typed comment, a reason, a risk note, an action form), so
-- that a closed window, ctrl+c or a crash costs nothing. A draft is never
-- the saved value: the app offers it back and the manager confirms it.
CREATE TABLE drafts (
	-- The assessment the field belongs to; 0 for a field of no assessment.
	assessment_id INTEGER NOT NULL DEFAULT 0,
	-- field names the text field, e.g. comment/krankningar/3.2.
	field         TEXT NOT NULL CHECK (field <> ''),
	text          TEXT NOT NULL,
	saved         TEXT NOT NULL,
	PRIMARY KEY (assessment_id, field)
);

-- The drafts of a removed assessment go with it.
CREATE TRIGGER drafts_follow_assessment AFTER DELETE ON assessments BEGIN
	DELETE FROM drafts WHERE assessment_id = OLD.id;
END;
