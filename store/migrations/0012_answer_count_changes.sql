-- samkoll schema version 12: the answered count of an area is written
-- only when an update changes it.
--
-- The trigger of schema 7 took one from the count and added one back for
-- every update of an answer, also a changed comment or a Ja changed to
-- Nej: two statements and a page of assessment_areas written for nothing
-- in the commit of every such key. It now runs only when the row moves to
-- another assessment or area or changes between answered and not
-- answered, and then does the same as before.
DROP TRIGGER answers_count_update;

CREATE TRIGGER answers_count_update AFTER UPDATE OF answer, assessment_id, area_id, item_id ON answers
WHEN NEW.item_id NOT GLOB 'E[0-9]*' AND ((OLD.answer <> '') <> (NEW.answer <> '')
	OR OLD.assessment_id <> NEW.assessment_id OR OLD.area_id <> NEW.area_id) BEGIN
	UPDATE assessment_areas SET answered = answered - (OLD.answer <> '')
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id;
	UPDATE assessment_areas SET answered = answered + (NEW.answer <> '')
	WHERE assessment_id = NEW.assessment_id AND area_id = NEW.area_id;
END;
