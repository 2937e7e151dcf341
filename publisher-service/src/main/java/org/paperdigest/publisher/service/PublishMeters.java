package org.paperdigest.publisher.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.paperdigest.pipeline.StageMeters;

/** The publish stage's meters: events recorded are timed by the consumer, papers counted as issues publish. */
final class PublishMeters {

    private PublishMeters() {
    }

    @Produces
    @Singleton
    static StageMeters publishStage(MeterRegistry registry) {
        return new StageMeters(registry, StageMeters.PUBLISH);
    }
}
