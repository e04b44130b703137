-- samkoll schema version 9: what the region report needs without reading
-- every answer ever given.
--
-- latest_answers holds, for every item a unit has answered, the meeting
-- with the unit's latest non-empty answer to it (the newest meeting date,
-- then the newest assessment). Triggers keep it as answers and meetings
-- change, so that the open serious risks of hundreds of units are read
-- from one row per unit and item instead of from all their answers.
CREATE TABLE latest_answers (
	unit_id       INTEGER NOT NULL,
	area_id       TEXT NOT NULL,
	item_id       TEXT NOT NULL,
	assessment_id INTEGER NOT NULL,
	meeting_date  TEXT NOT NULL,
	PRIMARY KEY (unit_id, area_id, item_id)
) WITHOUT ROWID;
CREATE INDEX latest_answers_by_answer ON latest_answers (assessment_id, area_id, item_id);

INSERT INTO latest_answers (unit_id, area_id, item_id, assessment_id, meeting_date)
SELECT unit_id, area_id, item_id, id, meeting_date FROM (
	SELECT a.unit_id, w.area_id, w.item_id, a.id, a.meeting_date,
		max(a.meeting_date || ' ' || printf('%020d', a.id))
	FROM assessments a JOIN answers w ON w.assessment_id = a.id
	WHERE w.answer <> ''
	GROUP BY a.unit_id, w.area_id, w.item_id);

-- The statements below never rely on a conflict clause (OR REPLACE, ON
-- CONFLICT): the statement that fires a trigger imposes its own, and the
-- write path's answer upsert would turn a replace into an abort.

-- A new answer is the latest if its meeting is newer than the one recorded.
CREATE TRIGGER latest_answers_insert AFTER INSERT ON answers
WHEN NEW.answer <> '' BEGIN
	INSERT INTO latest_answers (unit_id, area_id, item_id, assessment_id, meeting_date)
	SELECT a.unit_id, NEW.area_id, NEW.item_id, a.id, a.meeting_date FROM assessments a
	WHERE a.id = NEW.assessment_id AND NOT EXISTS (SELECT 1 FROM latest_answers l
		WHERE l.unit_id = a.unit_id AND l.area_id = NEW.area_id AND l.item_id = NEW.item_id);
	UPDATE latest_answers SET assessment_id = a.id, meeting_date = a.meeting_date
	FROM assessments a
	WHERE a.id = NEW.assessment_id AND latest_answers.unit_id = a.unit_id
		AND latest_answers.area_id = NEW.area_id AND latest_answers.item_id = NEW.item_id
		AND (a.meeting_date > latest_answers.meeting_date
			OR (a.meeting_date = latest_answers.meeting_date AND a.id > latest_answers.assessment_id));
END;

-- An answer that was the latest and is gone (deleted, emptied or moved to
-- another item) gives way to the unit's latest remaining answer, or to
-- none: the unit's meetings are read newest first and the first one
-- answering the item wins.
CREATE TRIGGER latest_answers_delete AFTER DELETE ON answers
WHEN OLD.answer <> '' BEGIN
	DELETE FROM latest_answers
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id AND item_id = OLD.item_id
		AND NOT EXISTS (SELECT 1 FROM assessments a CROSS JOIN answers w
			WHERE a.unit_id = latest_answers.unit_id AND w.assessment_id = a.id
				AND w.area_id = latest_answers.area_id AND w.item_id = latest_answers.item_id AND w.answer <> '');
	UPDATE latest_answers SET (assessment_id, meeting_date) = (SELECT a.id, a.meeting_date
		FROM assessments a CROSS JOIN answers w
		WHERE a.unit_id = latest_answers.unit_id AND w.assessment_id = a.id
			AND w.area_id = latest_answers.area_id AND w.item_id = latest_answers.item_id AND w.answer <> ''
		ORDER BY a.meeting_date DESC, a.id DESC LIMIT 1)
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id AND item_id = OLD.item_id;
END;

CREATE TRIGGER latest_answers_update AFTER UPDATE OF answer, assessment_id, area_id, item_id ON answers
WHEN (OLD.answer <> '') <> (NEW.answer <> '') OR OLD.assessment_id <> NEW.assessment_id
	OR OLD.area_id <> NEW.area_id OR OLD.item_id <> NEW.item_id BEGIN
	DELETE FROM latest_answers
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id AND item_id = OLD.item_id
		AND NOT EXISTS (SELECT 1 FROM assessments a CROSS JOIN answers w
			WHERE a.unit_id = latest_answers.unit_id AND w.assessment_id = a.id
				AND w.area_id = latest_answers.area_id AND w.item_id = latest_answers.item_id AND w.answer <> '');
	UPDATE latest_answers SET (assessment_id, meeting_date) = (SELECT a.id, a.meeting_date
		FROM assessments a CROSS JOIN answers w
		WHERE a.unit_id = latest_answers.unit_id AND w.assessment_id = a.id
			AND w.area_id = latest_answers.area_id AND w.item_id = latest_answers.item_id AND w.answer <> ''
		ORDER BY a.meeting_date DESC, a.id DESC LIMIT 1)
	WHERE assessment_id = OLD.assessment_id AND area_id = OLD.area_id AND item_id = OLD.item_id;
	INSERT INTO latest_answers (unit_id, area_id, item_id, assessment_id, meeting_date)
	SELECT a.unit_id, NEW.area_id, NEW.item_id, a.id, a.meeting_date FROM assessments a
	WHERE a.id = NEW.assessment_id AND NEW.answer <> '' AND NOT EXISTS (SELECT 1 FROM latest_answers l
		WHERE l.unit_id = a.unit_id AND l.area_id = NEW.area_id AND l.item_id = NEW.item_id);
	UPDATE latest_answers SET assessment_id = a.id, meeting_date = a.meeting_date
	FROM assessments a
	WHERE a.id = NEW.assessment_id AND NEW.answer <> '' AND latest_answers.unit_id = a.unit_id
		AND latest_answers.area_id = NEW.area_id AND latest_answers.item_id = NEW.item_id
		AND (a.meeting_date > latest_answers.meeting_date
			OR (a.meeting_date = latest_answers.meeting_date AND a.id > latest_answers.assessment_id));
END;

-- A meeting moved to another date or unit (a unit merge): every item it
-- answered is looked up again in the unit it left and the unit it joined.
CREATE TRIGGER latest_answers_meeting AFTER UPDATE OF unit_id, meeting_date ON assessments
WHEN OLD.unit_id <> NEW.unit_id OR OLD.meeting_date <> NEW.meeting_date BEGIN
	DELETE FROM latest_answers WHERE assessment_id = NEW.id;
	DELETE FROM latest_answers WHERE unit_id IN (OLD.unit_id, NEW.unit_id)
		AND (area_id, item_id) IN (SELECT area_id, item_id FROM answers WHERE assessment_id = NEW.id AND answer <> '');
	INSERT INTO latest_answers (unit_id, area_id, item_id, assessment_id, meeting_date)
	SELECT u.id, k.area_id, k.item_id, x.id, x.meeting_date
	FROM answers k CROSS JOIN (SELECT OLD.unit_id AS id UNION SELECT NEW.unit_id) u CROSS JOIN assessments x
	WHERE k.assessment_id = NEW.id AND k.answer <> ''
		AND x.id = (SELECT a.id FROM assessments a CROSS JOIN answers w
			WHERE a.unit_id = u.id AND w.assessment_id = a.id AND w.area_id = k.area_id AND w.item_id = k.item_id
				AND w.answer <> ''
			ORDER BY a.meeting_date DESC, a.id DESC LIMIT 1);
END;

-- The Delvis and Nej answers with their risk level, in an index of their
-- own: the items most units fall short on in a year, and the open serious
-- risks, read from it alone.
CREATE INDEX answers_short ON answers (assessment_id, area_id, item_id, answer, risk_level)
WHERE answer IN ('delvis', 'nej');

-- Whether a unit has an action on an item, without reading its actions.
CREATE INDEX actions_by_item ON actions (unit_id, area_id, item_id, status);
