-- Tokens spent per issue (llm-client IssueBudget), checked against paperdigest.llm.issue-token-budget.
CREATE TABLE issue_spend (
    issue_id      VARCHAR(100) PRIMARY KEY,
    input_tokens  BIGINT       NOT NULL,
    output_tokens BIGINT       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
