package org.paperdigest.fetcher.source.arxiv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.paperdigest.events.Category;

/** arXiv category codes and their human names, from the {@code /arxiv-taxonomy.tsv} resource. */
public final class ArxivTaxonomy {

    private static final String RESOURCE = "/arxiv-taxonomy.tsv";

    private final Map<String, String> names;

    private ArxivTaxonomy(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    public static ArxivTaxonomy load() {
        try (InputStream in = ArxivTaxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            Map<String, String> names = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2 || names.put(columns[0], columns[1]) != null) {
                    throw new IllegalStateException(RESOURCE + ": bad or repeated line: " + line);
                }
            }
            return new ArxivTaxonomy(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The category with its name; a code arXiv adds later keeps its code as its name until the table learns it. */
    public Category category(String code) {
        return new Category(code, names.getOrDefault(code, code));
    }

    public boolean knows(String code) {
        return names.containsKey(code);
    }

    public int size() {
        return names.size();
    }
}
