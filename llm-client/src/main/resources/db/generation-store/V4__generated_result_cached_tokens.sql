-- Input tokens the LLM server read from its prompt cache (OpenAI's and vLLM's prefix caching), kept with the result
-- so that a reuse reports what the first generation cost.
ALTER TABLE generated_result ADD COLUMN cached_input_tokens INTEGER NOT NULL DEFAULT 0;
