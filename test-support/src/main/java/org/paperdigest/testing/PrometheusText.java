package org.paperdigest.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The samples of a Prometheus text exposition ({@code /q/metrics}), read line by line: {@code name{labels} value},
 * with the trace exemplar Quarkus adds while tracing is on ({@code # {trace_id="…"} 1.0}) set aside. Comments
 * ({@code # HELP}, {@code # TYPE}) are skipped.
 */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Name, labels (quoted values may hold any character), value, then an optional timestamp and exemplar. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s+(\\S+)(?:\\s+-?\\d+)?(?:\\s+#\\s.*)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    /** What the Quarkus application under test serves at {@code /q/metrics} (its {@code test.url}). */
    public static String scrapeAppUnderTest() throws IOException, InterruptedException {
        String url = ConfigProvider.getConfig().getValue("test.url", String.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/q/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public static PrometheusText parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new PrometheusText(samples);
    }

    /** The samples named {@code name} that carry every one of {@code labels}. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /**
     * The sum of the matching samples' values, as PromQL's {@code sum(name{labels})}.
     *
     * @throws AssertionError when no sample matches: a meter that is not there is not zero
     */
    public double sum(String name, Map<String, String> labels) {
        List<Sample> matching = samples(name, labels);
        if (matching.isEmpty()) {
            throw new AssertionError("no sample " + name + labels);
        }
        return matching.stream().mapToDouble(Sample::value).sum();
    }
}
