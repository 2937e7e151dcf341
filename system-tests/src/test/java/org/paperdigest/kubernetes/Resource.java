package org.paperdigest.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One rendered Kubernetes object, read by paths of map keys. */
record Resource(Map<?, ?> tree) {

    String kind() {
        return (String) tree.get("kind");
    }

    String name() {
        return (String) map(tree, "metadata").get("name");
    }

    /** The value at the path of map keys, or null where the path ends early. */
    Object at(String... path) {
        return at(tree, path);
    }

    Map<?, ?> mapAt(String... path) {
        return map(tree, path);
    }

    List<Map<?, ?>> listAt(String... path) {
        return list(at(tree, path));
    }

    static Object at(Object node, String... path) {
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    static Map<?, ?> map(Object node, String... path) {
        return at(node, path) instanceof Map<?, ?> map ? map : Map.of();
    }

    static List<Map<?, ?>> list(Object node) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (node instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(item -> maps.add((Map<?, ?>) item));
        }
        return maps;
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
