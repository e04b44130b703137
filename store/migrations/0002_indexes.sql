-- samkoll schema version 2: what the start screen and carry-over need to
-- stay fast with many assessments.

-- Answered items per area, kept up to date by triggers, so the start screen
-- need not count every answer of every assessment.
ALTER TABLE assessment_areas ADD COLUMN answered INTEGER NOT NULL DEFAULT 0 CHECK (answered >= 0);

UPDATE assessment_areas SET answered = (
	SELECT count(*) FROM answers w
	WHERE w.assessment_id = assessment_areas.assessment_id AND w.area_id = assessment_areas.area_id AND w.answer <> ''
);

CREATE TRIGGER answers_count_insert AFTER INSERT ON answers WHEN NEW.answer <> '' BEGIN
	UPDATE assessment_areas SET answered = answered + 1
	WHERE assessment_id = NEW.assessment_id AND area_id = NEW.area_id;
END;

CREATE TRIGGER answers_count_delete AFTER DELETE ON answers WHEN OLD.answer <> '' BEGIN
	UPDATE assessment_areas SET answered = answered - 1
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id;
END;

CREATE TRIGGER answers_count_update AFTER UPDATE ON answers BEGIN
	UPDATE assessment_areas SET answered = answered - (OLD.answer <> '')
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id;
	UPDATE assessment_areas SET answered = answered + (NEW.answer <> '')
	WHERE assessment_id = NEW.assessment_id AND area_id = NEW.area_id;
END;

CREATE INDEX assessments_by_unit_date ON assessments (unit_id, meeting_date);
CREATE INDEX actions_by_unit_status ON actions (unit_id, status);
CREATE INDEX actions_by_assessment ON actions (assessment_id);
CREATE INDEX assessment_actions_by_action ON assessment_actions (action_id);
