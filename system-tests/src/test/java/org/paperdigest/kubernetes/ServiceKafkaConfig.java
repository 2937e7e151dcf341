package org.paperdigest.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka channels of one service as its configuration sets them (default profile): the defaults of the project
 * libraries it depends on ({@code META-INF/microprofile-config.properties}), overridden by its own
 * application.properties, with {@code ${key}} references resolved as Quarkus resolves them.
 */
record ServiceKafkaConfig(String service, List<Channel> channels) {

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final String DEAD_LETTER_PREFIX = "dead-letter-queue.";

    /** One channel: its connector settings with the {@code mp.messaging.<direction>.<name>.} prefix removed. */
    record Channel(String name, boolean incoming, Map<String, String> settings) {

        /** The connector reads or writes the topic named like the channel unless {@code topic} says otherwise. */
        String topic() {
            return settings.getOrDefault("topic", name);
        }

        Optional<String> groupId() {
            return Optional.ofNullable(settings.get("group.id"));
        }

        /** Where a record this channel cannot handle goes (the connector's default name if none is set). */
        Optional<String> deadLetterTopic() {
            if (!incoming || !"dead-letter-queue".equals(settings.get("failure-strategy"))) {
                return Optional.empty();
            }
            return Optional.of(settings.getOrDefault(DEAD_LETTER_PREFIX + "topic", "dead-letter-topic-" + topic()));
        }

        /** The settings of the dead-letter producer: the channel's {@code dead-letter-queue.*} keys. */
        Map<String, String> deadLetterProducerSettings() {
            Map<String, String> producer = new LinkedHashMap<>();
            settings.forEach((key, value) -> {
                if (key.startsWith(DEAD_LETTER_PREFIX)) {
                    producer.put(key.substring(DEAD_LETTER_PREFIX.length()), value);
                }
            });
            return producer;
        }
    }

    /** A producer writing a topic: an outgoing channel, or an incoming channel's dead-letter producer. */
    record Producer(String description, Map<String, String> settings) {
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)}");
    private static final List<String> LIBRARIES = List.of("llm-client");

    static ServiceKafkaConfig read(Path repo, String service) throws IOException {
        Properties properties = new Properties();
        String pom = Files.readString(repo.resolve(service).resolve("pom.xml"));
        for (String library : LIBRARIES) {
            if (pom.contains("<artifactId>" + library + "</artifactId>")) {
                load(properties, repo.resolve(library).resolve("src/main/resources/META-INF/microprofile-config.properties"));
            }
        }
        load(properties, repo.resolve(service).resolve("src/main/resources/application.properties"));
        for (String key : properties.stringPropertyNames()) {
            properties.setProperty(key, REFERENCE.matcher(properties.getProperty(key))
                    .replaceAll(reference -> Matcher.quoteReplacement(properties.getProperty(reference.group(1), ""))));
        }
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher channelKey = CHANNEL_KEY.matcher(key);
            if (channelKey.matches()) {
                boolean incoming = channelKey.group(1).equals("incoming");
                channels.computeIfAbsent(channelKey.group(1) + "." + channelKey.group(2),
                                id -> new Channel(channelKey.group(2), incoming, new LinkedHashMap<>()))
                        .settings().put(channelKey.group(3), properties.getProperty(key));
            }
        }
        return new ServiceKafkaConfig(service, List.copyOf(channels.values()));
    }

    private static void load(Properties properties, Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
    }

    /** Every topic this service reads or writes, dead-letter topics included. */
    List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (Channel channel : channels) {
            topics.add(channel.topic());
            channel.deadLetterTopic().ifPresent(topics::add);
        }
        return topics;
    }

    List<Channel> consumersOf(String topic) {
        return channels.stream().filter(channel -> channel.incoming() && channel.topic().equals(topic)).toList();
    }

    List<Producer> producersOf(String topic) {
        List<Producer> producers = new ArrayList<>();
        for (Channel channel : channels) {
            if (!channel.incoming() && channel.topic().equals(topic)) {
                producers.add(new Producer(service + " outgoing " + channel.name(), channel.settings()));
            }
            if (channel.deadLetterTopic().filter(topic::equals).isPresent()) {
                producers.add(new Producer(service + " dead letters of incoming " + channel.name(),
                        channel.deadLetterProducerSettings()));
            }
        }
        return producers;
    }
}
