package org.paperdigest.llm.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.paperdigest.events.Generation;
import org.paperdigest.events.QualityReport;
import org.paperdigest.events.TokenUsage;

/**
 * The results already paid for, per {@link GenerationKey}: a paper seen again (a replayed event, the same week asked
 * for again, a later issue) is answered from here without an LLM call. Only validated results belong here; a
 * failure is not kept, so that a later attempt can succeed.
 */
@ApplicationScoped
public class GenerationStore {

    /**
     * Insert if absent: two replicas that raced on the same miss both emit, but one row stays. {@code {h-schema}} is
     * the schema the entities are mapped to ({@code quarkus.hibernate-orm.database.default-schema}).
     */
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO {h-schema}generated_result
                (paper_key, paper_version, prompt_version, model, result, reply_model, input_tokens, output_tokens,
                 cached_input_tokens, created_at, quality)
            VALUES (:paperKey, :paperVersion, :promptVersion, :model, CAST(:result AS jsonb), :replyModel,
                    :inputTokens, :outputTokens, :cachedInputTokens, :createdAt, CAST(:quality AS jsonb))
            ON CONFLICT DO NOTHING
            """;

    private final EntityManager em;
    private final ObjectMapper json;

    GenerationStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The stored result for {@code key}, read as {@code type}, or empty when this key was never generated. */
    @Transactional
    public <T> Optional<StoredGeneration<T>> find(GenerationKey key, Class<T> type) {
        GeneratedResult row = em.find(GeneratedResult.class, new GeneratedResultId(key));
        if (row == null) {
            return Optional.empty();
        }
        try {
            TokenUsage usage = new TokenUsage(row.inputTokens, row.outputTokens, row.cachedInputTokens);
            QualityReport quality = json.readValue(row.quality, QualityReport.class);
            Generation generation = new Generation(row.replyModel, key.promptVersion(), row.createdAt, usage, quality);
            return Optional.of(new StoredGeneration<>(json.readValue(row.result, type), generation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored result for " + key + " is not a " + type.getSimpleName()
                    + "; delete the row to generate it again", e);
        }
    }

    /**
     * Keeps {@code result} for {@code key} unless a result is stored already (then the first one stays).
     *
     * @param result     a validated result, written as JSON
     * @param generation how it was made; its {@code generatedAt} is stored to the microsecond
     */
    @Transactional
    public void save(GenerationKey key, Object result, Generation generation) {
        String resultJson;
        String qualityJson;
        try {
            resultJson = json.writeValueAsString(result);
            qualityJson = json.writeValueAsString(generation.quality());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store the result for " + key + " as JSON", e);
        }
        em.createNativeQuery(INSERT_IF_ABSENT)
                .setParameter("paperKey", key.paperKey())
                .setParameter("paperVersion", key.paperVersion())
                .setParameter("promptVersion", key.promptVersion())
                .setParameter("model", key.model())
                .setParameter("result", resultJson)
                .setParameter("replyModel", generation.model())
                .setParameter("inputTokens", generation.usage().inputTokens())
                .setParameter("outputTokens", generation.usage().outputTokens())
                .setParameter("cachedInputTokens", generation.usage().cachedInputTokens())
                .setParameter("createdAt", generation.generatedAt())
                .setParameter("quality", qualityJson)
                .executeUpdate();
    }
}
