package org.paperdigest.llm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One validated LLM result, kept so that the same paper is never paid for twice. Each service that uses this module
 * has the table in its own schema (this module's migrations, {@code db/generation-store}). Written only through
 * {@link GenerationStore}, which inserts if absent.
 */
@Entity
@Table(name = "generated_result")
public class GeneratedResult {

    @EmbeddedId
    public GeneratedResultId id;

    /** The service's result, in the JSON shape of the record it was stored from. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result", nullable = false)
    public String result;

    /** The model name the server reported, which may be more precise than the configured one in the key. */
    @Column(name = "reply_model", nullable = false)
    public String replyModel;

    @Column(name = "input_tokens", nullable = false)
    public int inputTokens;

    @Column(name = "output_tokens", nullable = false)
    public int outputTokens;

    /** The part of {@link #inputTokens} the server read from its prompt cache. */
    @Column(name = "cached_input_tokens", nullable = false)
    public int cachedInputTokens;

    /** What the checks found when the result was made ({@code QualityReport} as JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "quality", nullable = false)
    public String quality;

    /** When the result was generated: the {@code generatedAt} of every event made from it. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
