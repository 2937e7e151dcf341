package org.paperdigest.llm.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.paperdigest.testing.FakeLlmResource;

/**
 * The generation store's migrations are the ones the summarizer and qa have applied in their schemas since before
 * they lived here: the same versions with the same checksums, so that Flyway at start-up validates them and runs
 * nothing again. A change to the store is a new migration, never an edit of one of these.
 */
@QuarkusTest
@WithTestResource(FakeLlmResource.class)
class GenerationStoreMigrationsTest {

    /** Version and checksum of each migration as deployed services recorded it (their flyway_schema_history). */
    private static final Map<String, Integer> DEPLOYED = Map.of(
            "1", -1096998216, "2", 1857254646, "3", 2081610610, "4", 1340258511);

    @Inject
    Flyway flyway;

    @Test
    void theDeployedMigrationsAreUnchanged() {
        Map<String, Integer> found = new TreeMap<>();
        for (MigrationInfo migration : flyway.info().all()) {
            if (migration.getVersion() != null && DEPLOYED.containsKey(migration.getVersion().getVersion())) {
                found.put(migration.getVersion().getVersion(), migration.getChecksum());
            }
        }
        assertEquals(new TreeMap<>(DEPLOYED), found);
    }
}
