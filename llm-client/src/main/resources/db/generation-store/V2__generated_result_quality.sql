-- Every stored result now carries the report of the checks it passed (Generation.quality), shown with the paper.
-- Results stored before reports existed cannot show theirs: they are dropped and generated again once.
DELETE FROM generated_result;
ALTER TABLE generated_result ADD COLUMN quality JSONB NOT NULL;
