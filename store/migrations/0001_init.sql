-- samkoll schema version 1: units, assessments, areas, answers with risk
-- evaluations, actions and the carry-over link table.

PRAGMA application_id = 1396788555; -- 0x5341_4D4B, "SAMK"

CREATE TABLE units (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL CHECK (trim(name) <> ''),
	-- name_key is the trimmed, lower-cased name: units match case-insensitively.
	name_key TEXT NOT NULL UNIQUE,
	created  TEXT NOT NULL
);

CREATE TABLE assessments (
	id           INTEGER PRIMARY KEY,
	uid          TEXT NOT NULL UNIQUE,
	unit_id      INTEGER NOT NULL REFERENCES units (id),
	meeting_date TEXT NOT NULL CHECK (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	participants TEXT NOT NULL DEFAULT '',
	safety_rep   INTEGER NOT NULL DEFAULT 0 CHECK (safety_rep IN (0, 1)),
	status       TEXT NOT NULL DEFAULT 'pagaende' CHECK (status IN ('pagaende', 'avslutad')),
	created      TEXT NOT NULL,
	updated      TEXT NOT NULL
);

CREATE TABLE assessment_areas (
	assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	area_id       TEXT NOT NULL CHECK (area_id <> ''),
	version       INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
	hash          TEXT NOT NULL DEFAULT '',
	items         INTEGER NOT NULL DEFAULT 0 CHECK (items >= 0),
	position      INTEGER NOT NULL,
	PRIMARY KEY (assessment_id, area_id)
);

CREATE TABLE answers (
	assessment_id    INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	area_id          TEXT NOT NULL CHECK (area_id <> ''),
	item_id          TEXT NOT NULL CHECK (item_id <> ''),
	-- '' is "not yet answered" (a row may hold only a comment).
	answer           TEXT NOT NULL DEFAULT '' CHECK (answer IN ('', 'ja', 'delvis', 'nej', 'ej_aktuellt')),
	comment          TEXT NOT NULL DEFAULT '',
	reason           TEXT NOT NULL DEFAULT '',
	answered_at      TEXT NOT NULL DEFAULT '',
	-- The risk evaluation: all NULL when there is none.
	risk_probability INTEGER CHECK (risk_probability BETWEEN 0 AND 4),
	risk_consequence INTEGER CHECK (risk_consequence BETWEEN 0 AND 4),
	risk_level       TEXT CHECK (risk_level IN ('', 'lag', 'medel', 'hog', 'mycket_hog')),
	risk_serious     INTEGER CHECK (risk_serious IN (0, 1)),
	risk_note        TEXT,
	PRIMARY KEY (assessment_id, area_id, item_id),
	CHECK ((risk_level IS NULL) = (risk_serious IS NULL)),
	CHECK (risk_level IS NULL OR risk_serious = (risk_level IN ('hog', 'mycket_hog'))),
	CHECK ((risk_level IS NULL) = (risk_probability IS NULL) AND (risk_level IS NULL) = (risk_consequence IS NULL))
);

CREATE TABLE actions (
	id            INTEGER PRIMARY KEY,
	uid           TEXT NOT NULL UNIQUE,
	unit_id       INTEGER NOT NULL REFERENCES units (id),
	-- The assessment where the action was created.
	assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	area_id       TEXT NOT NULL DEFAULT '',
	item_id       TEXT NOT NULL DEFAULT '',
	risk          TEXT NOT NULL DEFAULT '',
	what          TEXT NOT NULL CHECK (trim(what) <> ''),
	who           TEXT NOT NULL DEFAULT '',
	due           TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL DEFAULT 'planerad' CHECK (status IN ('planerad', 'pagar', 'klar', 'struken')),
	done_on       TEXT NOT NULL DEFAULT '',
	checked_on    TEXT NOT NULL DEFAULT '',
	effect        TEXT NOT NULL DEFAULT '',
	escalation    TEXT NOT NULL DEFAULT 'apt' CHECK (escalation IN ('apt', 'samverkansgrupp', 'narmaste_chef')),
	created       TEXT NOT NULL,
	updated       TEXT NOT NULL,
	CHECK ((area_id = '') = (item_id = '')),
	CHECK (done_on = '' OR status = 'klar')
);

-- Carry-over: an unfinished action shown in later assessments of its unit.
-- The rows point at the same action, so closing it closes it everywhere.
CREATE TABLE assessment_actions (
	assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	action_id     INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
	PRIMARY KEY (assessment_id, action_id)
);
