package org.paperdigest.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** What {@code kubectl kustomize <overlay>} renders: the resources {@code kubectl apply -k} would send. */
final class Kustomize {

    private static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "kubectl");

    private Kustomize() {
    }

    static List<Resource> render(Path overlay) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(KUBECTL, "kustomize", overlay.toString()).redirectErrorStream(true).start();
        } catch (IOException notFound) {
            throw new IllegalStateException("'" + KUBECTL + "' could not be run (" + notFound.getMessage()
                    + "): install kubectl (it includes kustomize) or point KUBECTL at it to check deploy/kubernetes",
                    notFound);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + overlay + " failed:\n" + output);
        }
        List<Resource> resources = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(output)) {
            if (document instanceof Map<?, ?> map) {
                resources.add(new Resource(map));
            }
        }
        return resources;
    }
}
