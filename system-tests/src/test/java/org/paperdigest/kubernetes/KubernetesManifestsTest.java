package org.paperdigest.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code kubectl apply -k deploy/kubernetes/overlays/<overlay>} would create: probed and sized services,
 * Secrets referenced but never committed, and a KafkaTopic, sized as the services' clients expect, for every
 * topic they name.
 */
class KubernetesManifestsTest {

    private static final List<String> SERVICES = List.of(
            "fetcher-service", "summarizer-service", "qa-service", "publisher-service");
    /** Each probe and the Quarkus health endpoint it must ask. */
    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");
    private static final Pattern DOCUMENTED_SECRET = Pattern.compile("kubectl create secret generic (\\S+)");

    private final Path repo = Path.of(System.getProperty("user.dir")).getParent();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsDeployedProbedSizedAndNonRoot(String overlay) throws Exception {
        List<Resource> deployments = render(overlay).stream().filter(r -> r.kind().equals("Deployment")).toList();
        assertEquals(Set.copyOf(SERVICES), Set.copyOf(deployments.stream().map(Resource::name).toList()),
                "one Deployment per service in " + overlay);
        List<String> problems = new ArrayList<>();
        for (Resource deployment : deployments) {
            Map<?, ?> pod = deployment.mapAt("spec", "template", "spec");
            for (Map<?, ?> container : Resource.list(pod.get("containers"))) {
                String where = deployment + " container " + container.get("name");
                PROBES.forEach((probe, path) -> {
                    if (!path.equals(Resource.at(container, probe, "httpGet", "path"))) {
                        problems.add(where + ": " + probe + " must ask " + path);
                    }
                });
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (Resource.at(container, "resources", bound, resource) == null) {
                            problems.add(where + ": no " + resource + " in resources." + bound);
                        }
                    }
                }
                boolean nonRoot = Boolean.TRUE.equals(Resource.at(container, "securityContext", "runAsNonRoot"))
                        || Boolean.TRUE.equals(Resource.at(pod, "securityContext", "runAsNonRoot"));
                if (!nonRoot || !Boolean.FALSE.equals(
                        Resource.at(container, "securityContext", "allowPrivilegeEscalation"))) {
                    problems.add(where + ": must run as non-root without privilege escalation");
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreReferencedByDocumentedNameAndNeverCommitted(String overlay) throws Exception {
        List<Resource> resources = render(overlay);
        for (Resource resource : resources) {
            assertFalse(resource.kind().equals("Secret"), overlay + " must not carry a Secret: " + resource);
        }
        Set<String> referenced = new TreeSet<>();
        resources.forEach(resource -> collectSecretNames(resource.tree(), referenced));
        Set<String> documented = documentedSecrets(overlay);
        assertFalse(referenced.isEmpty(), "the services' credentials come from Secrets");
        assertEquals(documented, referenced, "the Secrets " + overlay + "/kustomization.yaml tells how to create"
                + " (kubectl create secret generic NAME) must be exactly the ones its resources reference");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheServicesNameHasAKafkaTopicTheirClientsFit(String overlay) throws Exception {
        List<Resource> resources = render(overlay);
        Map<String, Resource> kafkaTopics = new HashMap<>();
        resources.stream().filter(r -> r.kind().equals("KafkaTopic")).forEach(topic -> kafkaTopics.put(
                topic.at("spec", "topicName") instanceof String name ? name : topic.name(), topic));
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            ServiceKafkaConfig config = ServiceKafkaConfig.read(repo, service);
            assertFalse(config.channels().isEmpty(), service + " has Kafka channels");
            for (ServiceKafkaConfig.Channel channel : config.channels()) {
                if (channel.incoming() && channel.groupId().isEmpty()) {
                    problems.add(service + " incoming " + channel.name() + ": no explicit group.id");
                }
            }
            for (String topicName : config.topics()) {
                Resource topic = kafkaTopics.get(topicName);
                if (topic == null) {
                    problems.add(service + " names topic " + topicName + ", which has no KafkaTopic");
                    continue;
                }
                Object maxMessageBytes = topic.at("spec", "config", "max.message.bytes");
                if (maxMessageBytes == null) {
                    continue;
                }
                String limit = maxMessageBytes.toString();
                for (ServiceKafkaConfig.Producer producer : config.producersOf(topicName)) {
                    if (!limit.equals(producer.settings().get("max.request.size"))
                            || !"zstd".equals(producer.settings().get("compression.type"))) {
                        problems.add(producer.description() + " writes " + topicName + " (max.message.bytes "
                                + limit + "): needs max.request.size=" + limit + " and compression.type=zstd");
                    }
                }
                for (ServiceKafkaConfig.Channel consumer : config.consumersOf(topicName)) {
                    if (!limit.equals(consumer.settings().get("max.partition.fetch.bytes"))) {
                        problems.add(service + " incoming " + consumer.name() + " reads " + topicName
                                + ": needs max.partition.fetch.bytes=" + limit);
                    }
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void autoscalersFollowTheConsumerGroupAndStopAtThePartitions(String overlay) throws Exception {
        List<Resource> resources = render(overlay);
        List<Resource> scaledObjects = resources.stream().filter(r -> r.kind().equals("ScaledObject")).toList();
        assertFalse(scaledObjects.isEmpty(), overlay + " scales the LLM-bound consumers");
        for (Resource scaled : scaledObjects) {
            String service = (String) scaled.at("spec", "scaleTargetRef", "name");
            assertTrue(SERVICES.contains(service), scaled + " scales a service: " + service);
            ServiceKafkaConfig config = ServiceKafkaConfig.read(repo, service);
            for (Map<?, ?> trigger : scaled.listAt("spec", "triggers")) {
                String topic = (String) Resource.at(trigger, "metadata", "topic");
                String group = (String) Resource.at(trigger, "metadata", "consumerGroup");
                assertTrue(config.consumersOf(topic).stream().anyMatch(c -> c.groupId().orElse("").equals(group)),
                        scaled + ": " + service + " reads " + topic + " as group " + group);
                int partitions = resources.stream()
                        .filter(r -> r.kind().equals("KafkaTopic") && r.name().equals(topic))
                        .mapToInt(r -> (Integer) r.at("spec", "partitions")).findFirst().orElse(0);
                int maxReplicas = (Integer) scaled.at("spec", "maxReplicaCount");
                assertTrue(maxReplicas <= partitions, scaled + ": " + maxReplicas + " replicas but " + topic
                        + " has " + partitions + " partitions");
            }
        }
    }

    private List<Resource> render(String overlay) throws Exception {
        return Kustomize.render(repo.resolve("deploy/kubernetes/overlays").resolve(overlay));
    }

    private Set<String> documentedSecrets(String overlay) throws Exception {
        Matcher matcher = DOCUMENTED_SECRET.matcher(
                Files.readString(repo.resolve("deploy/kubernetes/overlays").resolve(overlay).resolve("kustomization.yaml")));
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Names in secretKeyRef, secretRef (envFrom), secret volumes and operators' {@code secret: {name: …}}. */
    private static void collectSecretNames(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value instanceof Map<?, ?> ref && Set.of("secretKeyRef", "secretRef", "secret").contains(key)) {
                    Object name = ref.get("name") != null ? ref.get("name") : ref.get("secretName");
                    if (name != null) {
                        names.add(name.toString());
                    }
                }
                collectSecretNames(value, names);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSecretNames(item, names));
        }
    }
}
