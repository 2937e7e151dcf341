package org.paperdigest.llm.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperdigest.events.TokenUsage;
import org.paperdigest.llm.LlmConfig;

/**
 * What this service has spent on each issue, against {@code paperdigest.llm.issue-token-budget}. Every paper's
 * calls are charged when its generation ends, succeeded or not; a paper is only started while its issue has budget
 * left. The tally lives in the service's schema ({@code issue_spend}), so it holds across restarts and instances.
 */
@ApplicationScoped
public class IssueBudget {

    private static final String CHARGE = """
            INSERT INTO {h-schema}issue_spend (issue_id, input_tokens, output_tokens, updated_at)
            VALUES (:issueId, :input, :output, :now)
            ON CONFLICT (issue_id) DO UPDATE SET
                input_tokens = issue_spend.input_tokens + EXCLUDED.input_tokens,
                output_tokens = issue_spend.output_tokens + EXCLUDED.output_tokens,
                updated_at = EXCLUDED.updated_at
            """;
    private static final String SPENT = """
            SELECT input_tokens + output_tokens FROM {h-schema}issue_spend WHERE issue_id = :issueId
            """;

    private final EntityManager em;
    private final LlmConfig config;

    IssueBudget(EntityManager em, LlmConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Why a paper of {@code issueId} must not be started, or empty while the issue has budget left. */
    @Transactional
    public Optional<String> refusal(String issueId) {
        if (config.issueTokenBudget().isEmpty()) {
            return Optional.empty();
        }
        long budget = config.issueTokenBudget().getAsLong();
        long spent = spent(issueId);
        if (spent < budget) {
            return Optional.empty();
        }
        return Optional.of("the token budget of issue " + issueId + " is spent (" + spent + " of " + budget
                + " tokens); raise paperdigest.llm.issue-token-budget and re-run the paper");
    }

    /** Adds what one paper's calls cost to its issue's spend. */
    @Transactional
    public void charge(String issueId, TokenUsage usage) {
        if (usage.inputTokens() == 0 && usage.outputTokens() == 0) {
            return;
        }
        em.createNativeQuery(CHARGE)
                .setParameter("issueId", issueId)
                .setParameter("input", usage.inputTokens())
                .setParameter("output", usage.outputTokens())
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    /** Tokens spent on {@code issueId} so far (input plus output). */
    @Transactional
    public long spent(String issueId) {
        List<?> rows = em.createNativeQuery(SPENT).setParameter("issueId", issueId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
