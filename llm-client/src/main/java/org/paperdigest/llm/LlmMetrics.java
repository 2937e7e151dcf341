package org.paperdigest.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the LLM calls of a service did, for {@code /q/metrics}: {@code paperdigest_llm_calls_total{model,outcome}},
 * one per attempt ({@code ok}, {@code invalid_output}, {@code rejected}, {@code circuit_open}, or a
 * {@link LlmUnavailableException.Reason} tag); {@code paperdigest_llm_retries_total{reason}}, one per retry, tagged
 * with why the attempt before it failed; {@code paperdigest_llm_circuit_open}, 1 while the circuit breaker refuses
 * calls. Quarkus counts the rest itself: tokens ({@code gen_ai_client_token_usage_total{gen_ai_token_type}}) and
 * every HTTP request to the server by status ({@code http_client_requests_seconds_count}), LangChain4j's repeat of
 * a failed request inside one attempt included. Every meter of the service carries {@code service}, its
 * application name.
 */
@ApplicationScoped
public class LlmMetrics {

    private final MeterRegistry registry;

    LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Produces
    @Singleton
    static MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(Tags.of("service", service));
    }

    void attempted(String model, String outcome) {
        Counter.builder("paperdigest.llm.calls").description("LLM call attempts by model and outcome")
                .tag("model", model).tag("outcome", outcome).register(registry).increment();
    }

    void retrying(LlmUnavailableException.Reason reason) {
        Counter.builder("paperdigest.llm.retries").description("LLM calls retried, by why the attempt before failed")
                .tag("reason", reason.tag()).register(registry).increment();
    }

    void watchCircuit(CircuitBreaker breaker) {
        Gauge.builder("paperdigest.llm.circuit.open", breaker, b -> b.isOpen() ? 1 : 0)
                .description("1 while the circuit breaker refuses LLM calls").register(registry);
    }
}
