-- samkoll schema version 7: the answered count of an area counts its
-- checklist items only: an own item (E1, E2, ...; checklist ids are
-- lower-case) placed in a checklist area is answered beside them, not
-- instead of one.
DROP TRIGGER answers_count_insert;
DROP TRIGGER answers_count_delete;
DROP TRIGGER answers_count_update;

CREATE TRIGGER answers_count_insert AFTER INSERT ON answers
WHEN NEW.answer <> '' AND NEW.item_id NOT GLOB 'E[0-9]*' BEGIN
	UPDATE assessment_areas SET answered = answered + 1
	WHERE assessment_id = NEW.assessment_id AND area_id = NEW.area_id;
END;

CREATE TRIGGER answers_count_delete AFTER DELETE ON answers
WHEN OLD.answer <> '' AND OLD.item_id NOT GLOB 'E[0-9]*' BEGIN
	UPDATE assessment_areas SET answered = answered - 1
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id;
END;

CREATE TRIGGER answers_count_update AFTER UPDATE ON answers
WHEN NEW.item_id NOT GLOB 'E[0-9]*' BEGIN
	UPDATE assessment_areas SET answered = answered - (OLD.answer <> '')
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id;
	UPDATE assessment_areas SET answered = answered + (NEW.answer <> '')
	WHERE assessment_id = NEW.assessment_id AND area_id = NEW.area_id;
END;
