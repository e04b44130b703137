-- samkoll schema version 6: the SAM cycle. Each APT builds on the last:
-- measures already in place per item, the group's own items, unresolved
-- risks carried to the unit's next assessment by reference, risk
-- re-evaluations kept beside the first evaluation, and the unit's year
-- plan (årshjul).

-- "Det här fungerar redan": the measures in place for the item.
ALTER TABLE answers ADD COLUMN measures TEXT NOT NULL DEFAULT '';

-- History of one item of a unit, and each item's latest answer.
CREATE INDEX answers_by_item ON answers (area_id, item_id, assessment_id);

-- The group's own items ("Egen punkt"). item_id is E1, E2, ... within the
-- unit; area_id is a checklist area or 'egen', the unit's own area. An item
-- is offered at the unit's assessments from the date it was added, until
-- it is retired.
CREATE TABLE own_items (
	id            INTEGER PRIMARY KEY,
	uid           TEXT NOT NULL UNIQUE,
	unit_id       INTEGER NOT NULL REFERENCES units (id),
	-- The assessment where it was added; NULL once that one is deleted.
	assessment_id INTEGER REFERENCES assessments (id) ON DELETE SET NULL,
	since         TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	area_id       TEXT NOT NULL CHECK (area_id <> ''),
	item_id       TEXT NOT NULL CHECK (item_id GLOB 'E[0-9]*'),
	statement     TEXT NOT NULL CHECK (trim(statement) <> ''),
	guidance      TEXT NOT NULL DEFAULT '',
	retired       TEXT NOT NULL DEFAULT '',
	created       TEXT NOT NULL,
	updated       TEXT NOT NULL,
	UNIQUE (unit_id, item_id)
);

-- Carry-over of unresolved risks: an answer of an earlier assessment
-- (judged without an action, or Delvis/Nej without a risk evaluation)
-- shown in a later assessment of the unit. The row points at the answer;
-- nothing is copied.
CREATE TABLE carried_risks (
	assessment_id      INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	from_assessment_id INTEGER NOT NULL,
	area_id            TEXT NOT NULL,
	item_id            TEXT NOT NULL,
	PRIMARY KEY (assessment_id, from_assessment_id, area_id, item_id),
	FOREIGN KEY (from_assessment_id, area_id, item_id)
		REFERENCES answers (assessment_id, area_id, item_id) ON DELETE CASCADE
);
CREATE INDEX carried_risks_by_origin ON carried_risks (from_assessment_id, area_id, item_id);

-- Re-evaluations of an answer's risk, e.g. after its action was done and
-- checked. The answer keeps its first evaluation.
CREATE TABLE reevaluations (
	id            INTEGER PRIMARY KEY,
	uid           TEXT NOT NULL UNIQUE,
	assessment_id INTEGER NOT NULL,
	area_id       TEXT NOT NULL,
	item_id       TEXT NOT NULL,
	action_id     INTEGER REFERENCES actions (id) ON DELETE SET NULL,
	evaluated_on  TEXT NOT NULL CHECK (evaluated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	probability   INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 4),
	consequence   INTEGER NOT NULL CHECK (consequence BETWEEN 0 AND 4),
	level         TEXT NOT NULL CHECK (level IN ('lag', 'medel', 'hog', 'mycket_hog')),
	serious       INTEGER NOT NULL CHECK (serious = (level IN ('hog', 'mycket_hog'))),
	note          TEXT NOT NULL DEFAULT '',
	created       TEXT NOT NULL,
	FOREIGN KEY (assessment_id, area_id, item_id)
		REFERENCES answers (assessment_id, area_id, item_id) ON DELETE CASCADE
);
CREATE INDEX reevaluations_by_answer ON reevaluations (assessment_id, area_id, item_id);

-- The year plan (årshjul): the month of the year's APT where each area is
-- taken.
CREATE TABLE year_plans (
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	year    INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
	area_id TEXT NOT NULL CHECK (area_id <> ''),
	month   INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
	PRIMARY KEY (unit_id, year, area_id)
);
