-- samkoll schema version 11: latest_answers is brought up to date after
-- an answer's commit instead of inside it.
--
-- A new answer used to update latest_answers in its own commit (the
-- trigger latest_answers_insert): two statements and two or three more
-- pages written for every answer key at a meeting. Now the answer only
-- notes its assessment in latest_pending (a page written once, for the
-- first answer after the table was emptied); the store folds the pending
-- assessments into latest_answers in a transaction of its own (see
-- store/latest.go), and every query that reads latest_answers reads it
-- together with the answers of the pending assessments, so that it is
-- right at every moment, also after a crash between the two commits.
-- Deleting, emptying or moving an answer and moving a meeting keep
-- latest_answers exact as before (their triggers read all answers).
CREATE TABLE latest_pending (
	assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE
);

DROP TRIGGER latest_answers_insert;

CREATE TRIGGER latest_pending_insert AFTER INSERT ON answers
WHEN NEW.answer <> '' BEGIN
	INSERT INTO latest_pending (assessment_id) SELECT NEW.assessment_id
	WHERE NOT EXISTS (SELECT 1 FROM latest_pending WHERE assessment_id = NEW.assessment_id);
END;
