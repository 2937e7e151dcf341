package org.paperdigest.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The generated results (llm-client's {@code generated_result} table) of the service under test, reached with the
 * service's own datasource settings and schema. A flow test forgets what the fake model made before, so that each
 * test starts with a miss and pays its own LLM calls.
 */
public final class StoredResults {

    private StoredResults() {
    }

    /** Deletes every result stored for {@code model}; returns how many there were. */
    public static int forget(String model) {
        Config config = ConfigProvider.getConfig();
        String schema = config.getValue("quarkus.hibernate-orm.database.default-schema", String.class);
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("unexpected schema name: " + schema);
        }
        try (Connection db = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
                PreparedStatement delete = db.prepareStatement(
                        "DELETE FROM " + schema + ".generated_result WHERE model = ?")) {
            delete.setString(1, model);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the stored results of " + model + " in " + schema, e);
        }
    }
}
