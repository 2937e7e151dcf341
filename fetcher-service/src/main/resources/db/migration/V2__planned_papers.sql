-- The papers of each planned issue, as its issue-plans event listed them. A regeneration names papers by key and the
-- fetcher reads each again as its row here says; a week planned again replaces its rows. Issues planned before this
-- table existed have no rows: a regeneration of theirs fails each paper with a reason saying so.
CREATE TABLE planned_paper (
    issue_id    VARCHAR(200) NOT NULL REFERENCES planned_issue (issue_id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL CHECK (position >= 1),
    paper_key   VARCHAR(100) NOT NULL,
    title       TEXT         NOT NULL,
    description TEXT         NOT NULL,
    links       JSONB        NOT NULL,
    PRIMARY KEY (issue_id, position)
);
