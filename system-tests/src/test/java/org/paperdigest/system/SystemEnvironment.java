package org.paperdigest.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperdigest.testing.AdminCredentials;
import org.paperdigest.testing.FakeOpenAiServer;
import org.paperdigest.testing.FixtureServer;

/**
 * Where the system tests find the real broker and their own database (from the environment the README names), and
 * the settings every service they start shares.
 */
record SystemEnvironment(String bootstrap, String jdbcUrl, String dbUser, String dbPassword) {

    static SystemEnvironment fromEnv() {
        return new SystemEnvironment(requiredEnv("KAFKA_BOOTSTRAP_SERVERS"),
                systemDatabase(requiredEnv("QUARKUS_DATASOURCE_JDBC_URL")),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "paperdigest"),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "paperdigest"));
    }

    /** Every service starts from an empty store: no issue, and no stored generation to reuse. */
    void emptyServiceSchemas() throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                Statement statement = connection.createStatement()) {
            for (String schema : List.of("publisher", "summarizer", "qa", "fetcher")) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            }
        }
    }

    /** Forgets the LLM services' stored results, so that the same papers cost every call again. */
    void forgetGeneratedResults() throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                Statement statement = connection.createStatement()) {
            for (String schema : List.of("summarizer", "qa")) {
                statement.execute("DELETE FROM " + schema + ".generated_result");
            }
        }
    }

    /** Broker, database, the fake LLM, and the fixture server in place of the list, arXiv and the web; modifiable. */
    Map<String, String> serviceSettings(FixtureServer fixtures, FakeOpenAiServer llm) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", bootstrap);
        settings.put("quarkus.datasource.jdbc.url", jdbcUrl);
        settings.put("quarkus.datasource.username", dbUser);
        settings.put("quarkus.datasource.password", dbPassword);
        settings.put("quarkus.langchain4j.openai.base-url", llm.baseUrl());
        settings.put("quarkus.langchain4j.openai.api-key", "test-key");
        settings.put("quarkus.langchain4j.openai.chat-model.model-name", FakeOpenAiServer.MODEL);
        settings.put("paperdigest.fetcher.readme-url", fixtures.readmeUrl());
        settings.put("paperdigest.fetcher.arxiv.api-url", fixtures.arxivApiUrl());
        settings.put("paperdigest.fetcher.arxiv.pdf-base-url", fixtures.arxivPdfBaseUrl());
        settings.put("paperdigest.fetcher.arxiv.html-base-url", fixtures.arxivHtmlBaseUrl());
        // The fixture server is not arXiv: its terms' three seconds between calls need not be kept.
        settings.put("paperdigest.fetcher.arxiv.min-interval", "PT0.1S");
        settings.put("paperdigest.fetcher.download.allow-private-hosts", "true");
        settings.put("paperdigest.fetcher.schedule.enabled", "false");
        settings.put("paperdigest.admin.password", AdminCredentials.PASSWORD);
        return settings;
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start the broker and database first (see README)");
        }
        return value;
    }

    /** The system test's own database beside the one named for the services (made by dev/postgres-setup.sh). */
    private static String systemDatabase(String jdbcUrl) {
        return jdbcUrl.replaceFirst("/([^/?]+)(\\?|$)", "/$1_system$2");
    }
}
