-- samkoll schema version 8: answers, actions, risk history and drafts saved
-- under item ids that the built-in checklists retired (renamed, moved to
-- another area or merged) move to the items that replace them. The table of
-- renames is checklist.ItemRenames; the move is done in Go after this step
-- (store/renames.go), in the same transaction, because two answers merged
-- into one item must be combined, not overwritten. The schema itself does
-- not change.
SELECT 1;
