-- Flyway runs this with search_path = this service's schema (quarkus.flyway.schemas), so names are unqualified.

-- Validated LLM results, one per paper version, prompt version and model (llm-client GenerationStore): a paper
-- seen again is answered from here without an LLM call. paper_version is '' when the source gives none.
CREATE TABLE generated_result (
    paper_key      VARCHAR(100) NOT NULL,
    paper_version  VARCHAR(50)  NOT NULL DEFAULT '',
    prompt_version VARCHAR(50)  NOT NULL,
    model          VARCHAR(200) NOT NULL,
    result         JSONB        NOT NULL,
    reply_model    VARCHAR(200) NOT NULL,
    input_tokens   INTEGER      NOT NULL,
    output_tokens  INTEGER      NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (paper_key, paper_version, prompt_version, model)
);
