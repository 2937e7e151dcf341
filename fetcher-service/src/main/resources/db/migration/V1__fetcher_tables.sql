-- The issues this service has planned. The primary key makes "check and record" one atomic insert, so two
-- concurrent requests for one week plan it once.
CREATE TABLE planned_issue (
    issue_id     VARCHAR(200) PRIMARY KEY,
    kind         VARCHAR(16)  NOT NULL CHECK (kind IN ('WEEK', 'CUSTOM')),
    title        VARCHAR(500) NOT NULL,
    paper_count  INTEGER      NOT NULL CHECK (paper_count >= 0),
    requested_at TIMESTAMPTZ  NOT NULL
);
