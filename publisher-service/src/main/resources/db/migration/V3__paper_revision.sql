-- The issue revision a paper's state is being made for: 1 from the plan, the new revision once a regeneration names
-- the paper. Events carry the revision they were made for, so a late outcome of an earlier run (still in flight when
-- the regeneration started) is told apart and ignored instead of counting toward the new revision.
ALTER TABLE paper_state ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
