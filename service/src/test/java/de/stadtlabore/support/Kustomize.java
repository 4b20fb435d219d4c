package de.stadtlabore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a Kustomize directory ({@code deploy/kubernetes/overlays/*}) as {@code kubectl kustomize}
 * does — for exactly the features the manifests use, and nothing else: {@code resources} (files and
 * directories), {@code namespace}, {@code labels} (without selectors), {@code images} and
 * {@code patches} as JSON 6902 operations with a {@code target} of kind and name. Any other key,
 * option, patch kind or object kind fails the rendering, so that a manifest cannot depend on
 * something this renderer silently ignores. Within one kustomization the transformations run in
 * Kustomize's order: patches, namespace, labels, images.
 *
 * <p>
 * YAML through Jackson's YAML module, which the service has on its class path anyway (SmallRye
 * OpenAPI uses it). Not declared again in service/pom.xml: a test-scoped declaration would take it
 * off the production class path.
 */
public final class Kustomize {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> KUSTOMIZATION_KEYS = Set.of("apiVersion", "kind", "resources", "namespace",
            "labels", "images", "patches");
    private static final Set<String> LABELS_KEYS = Set.of("pairs", "includeSelectors", "includeTemplates");
    private static final Set<String> IMAGES_KEYS = Set.of("name", "newName", "newTag", "digest");
    private static final Set<String> PATCH_KEYS = Set.of("target", "patch");
    private static final Set<String> TARGET_KEYS = Set.of("kind", "name");
    private static final Set<String> OPERATION_KEYS = Set.of("op", "path", "value");
    private static final Pattern REGEX_CHARACTERS = Pattern.compile("[.*+?()\\[\\]{}|^$\\\\]");

    /**
     * Object kinds the renderer knows to be namespaced and without references to other namespaces
     * (which Kustomize's namespace transformer would rewrite), keyed by kind, valued by apiVersion.
     */
    private static final Map<String, Set<String>> KINDS = Map.of(
            "ServiceAccount", Set.of("v1"),
            "ConfigMap", Set.of("v1"),
            "Secret", Set.of("v1"),
            "Service", Set.of("v1"),
            "Deployment", Set.of("apps/v1"),
            "PodDisruptionBudget", Set.of("policy/v1"),
            "HorizontalPodAutoscaler", Set.of("autoscaling/v2"),
            "NetworkPolicy", Set.of("networking.k8s.io/v1"),
            "Cluster", Set.of("postgresql.cnpg.io/v1"),
            "ScheduledBackup", Set.of("postgresql.cnpg.io/v1"));

    private Kustomize() {
    }

    /** The objects {@code kubectl kustomize directory} would print, in the order of the resources. */
    public static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + directory);
        }
        JsonNode kustomization = readSingle(file);
        requireOnly(kustomization, KUSTOMIZATION_KEYS, file.toString());
        require("kustomize.config.k8s.io/v1beta1".equals(kustomization.path("apiVersion").asText()),
                file + ": apiVersion must be kustomize.config.k8s.io/v1beta1");
        require("Kustomization".equals(kustomization.path("kind").asText()), file + ": kind must be Kustomization");

        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : list(kustomization, "resources", file)) {
            objects.addAll(resource(directory, text(resource, file + ": resources[]"), file));
        }
        requireUniqueIds(objects, file);

        for (JsonNode patch : list(kustomization, "patches", file)) {
            patch(objects, patch, file);
        }
        if (kustomization.has("namespace")) {
            String namespace = text(kustomization.get("namespace"), file + ": namespace");
            objects.forEach(o -> metadata(o).put("namespace", namespace));
        }
        for (JsonNode labels : list(kustomization, "labels", file)) {
            labels(objects, labels, file);
        }
        for (JsonNode image : list(kustomization, "images", file)) {
            image(objects, image, file);
        }
        return objects;
    }

    private static List<ObjectNode> resource(Path directory, String reference, Path file) {
        require(!reference.contains("://") && !reference.startsWith("github.com/"),
                file + ": remote resource " + reference + " is not supported");
        Path path = directory.resolve(reference).normalize();
        if (Files.isDirectory(path)) {
            return render(path);
        }
        require(Files.isRegularFile(path), file + ": resource " + reference + " does not exist");
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode document : readAll(path)) {
            require(document.isObject(), path + ": a document is not a mapping");
            ObjectNode object = (ObjectNode) document;
            String kind = object.path("kind").asText();
            String apiVersion = object.path("apiVersion").asText();
            require(KINDS.containsKey(kind), path + ": kind " + kind + " is not known to this renderer");
            require(KINDS.get(kind).contains(apiVersion), path + ": " + kind + " with apiVersion " + apiVersion
                    + " is not known to this renderer");
            require(!object.path("metadata").path("name").asText().isEmpty(), path + ": " + kind + " without a name");
            objects.add(object);
        }
        return objects;
    }

    private static void requireUniqueIds(List<ObjectNode> objects, Path file) {
        Set<String> ids = new HashSet<>();
        for (ObjectNode object : objects) {
            String id = object.path("apiVersion").asText() + "/" + object.path("kind").asText() + "/"
                    + object.path("metadata").path("namespace").asText() + "/" + object.path("metadata").path("name").asText();
            require(ids.add(id), file + ": " + id + " appears twice");
        }
    }

    // --- patches: JSON 6902 ----------------------------------------------------------------------

    private static void patch(List<ObjectNode> objects, JsonNode entry, Path file) {
        requireOnly(entry, PATCH_KEYS, file + ": patches[]");
        JsonNode target = entry.path("target");
        require(target.isObject(), file + ": a patch needs a target (kind and name)");
        requireOnly(target, TARGET_KEYS, file + ": patches[].target");
        String kind = text(target.get("kind"), file + ": patches[].target.kind");
        String name = text(target.get("name"), file + ": patches[].target.name");
        // Kustomize matches the name as a regular expression; plain names match alike.
        require(!REGEX_CHARACTERS.matcher(name).find(), file + ": target name " + name + " is a pattern");
        JsonNode operations;
        try {
            operations = YAML.readTree(text(entry.get("patch"), file + ": patches[].patch"));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": patch for " + kind + " " + name + " is not YAML", e);
        }
        require(operations != null && operations.isArray(), file + ": patch for " + kind + " " + name
                + " is not a list of JSON 6902 operations (strategic-merge patches are not supported)");
        List<ObjectNode> targets = objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .toList();
        require(!targets.isEmpty(), file + ": patch target " + kind + " " + name + " matches nothing");
        for (ObjectNode object : targets) {
            for (JsonNode operation : operations) {
                apply(object, operation, file + ": patch of " + kind + " " + name);
            }
        }
    }

    private static void apply(ObjectNode object, JsonNode operation, String where) {
        requireOnly(operation, OPERATION_KEYS, where);
        String op = text(operation.get("op"), where + ": op");
        String path = text(operation.get("path"), where + ": path");
        require(path.startsWith("/"), where + ": path " + path + " does not start with /");
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        JsonNode parent = object;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, where + ": " + path);
        }
        String last = tokens.get(tokens.size() - 1);
        switch (op) {
            case "add" -> {
                require(operation.has("value"), where + ": add without value");
                if (parent instanceof ArrayNode array) {
                    if ("-".equals(last)) {
                        array.add(operation.get("value").deepCopy());
                    } else {
                        int index = index(last, array.size() + 1, where + ": " + path);
                        array.insert(index, operation.get("value").deepCopy());
                    }
                } else if (parent instanceof ObjectNode map) {
                    map.set(last, operation.get("value").deepCopy());
                } else {
                    throw new IllegalArgumentException(where + ": " + path + " has no container to add to");
                }
            }
            case "replace" -> {
                require(operation.has("value"), where + ": replace without value");
                child(parent, last, where + ": " + path);
                if (parent instanceof ArrayNode array) {
                    array.set(index(last, array.size(), where + ": " + path), operation.get("value").deepCopy());
                } else {
                    ((ObjectNode) parent).set(last, operation.get("value").deepCopy());
                }
            }
            case "remove" -> {
                require(!operation.has("value"), where + ": remove with a value");
                child(parent, last, where + ": " + path);
                if (parent instanceof ArrayNode array) {
                    array.remove(index(last, array.size(), where + ": " + path));
                } else {
                    ((ObjectNode) parent).remove(last);
                }
            }
            default -> throw new IllegalArgumentException(where + ": operation " + op + " is not supported");
        }
    }

    private static JsonNode child(JsonNode parent, String token, String where) {
        if (parent instanceof ArrayNode array) {
            return array.get(index(token, array.size(), where));
        }
        require(parent instanceof ObjectNode && parent.has(token), where + ": no " + token);
        return parent.get(token);
    }

    private static int index(String token, int bound, String where) {
        require(token.matches("0|[1-9][0-9]*"), where + ": " + token + " is not an array index");
        int index = Integer.parseInt(token);
        require(index < bound, where + ": index " + index + " out of range");
        return index;
    }

    // --- labels ----------------------------------------------------------------------------------

    private static void labels(List<ObjectNode> objects, JsonNode entry, Path file) {
        requireOnly(entry, LABELS_KEYS, file + ": labels[]");
        require(!entry.path("includeSelectors").asBoolean(false),
                file + ": labels with includeSelectors are not supported (selectors are written out)");
        JsonNode pairs = entry.path("pairs");
        require(pairs.isObject() && !pairs.isEmpty(), file + ": labels[] without pairs");
        boolean templates = entry.path("includeTemplates").asBoolean(false);
        for (ObjectNode object : objects) {
            addLabels(metadata(object), pairs, file);
            if (templates && "Deployment".equals(object.path("kind").asText())) {
                JsonNode template = object.path("spec").path("template");
                require(template.isObject(), file + ": Deployment without a pod template");
                addLabels(metadata((ObjectNode) template), pairs, file);
            }
        }
    }

    private static void addLabels(ObjectNode metadata, JsonNode pairs, Path file) {
        ObjectNode labels = metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
        for (Map.Entry<String, JsonNode> pair : pairs.properties()) {
            labels.put(pair.getKey(), text(pair.getValue(), file + ": label " + pair.getKey()));
        }
    }

    // --- images ----------------------------------------------------------------------------------

    private static void image(List<ObjectNode> objects, JsonNode entry, Path file) {
        requireOnly(entry, IMAGES_KEYS, file + ": images[]");
        String name = text(entry.get("name"), file + ": images[].name");
        int matched = 0;
        for (ObjectNode object : objects) {
            if (!"Deployment".equals(object.path("kind").asText())) {
                continue;
            }
            JsonNode pod = object.path("spec").path("template").path("spec");
            for (String field : List.of("initContainers", "containers")) {
                for (JsonNode container : pod.path(field)) {
                    String image = container.path("image").asText();
                    Image current = Image.parse(image);
                    if (current.name().equals(name)) {
                        String newName = entry.has("newName") ? text(entry.get("newName"), "newName") : current.name();
                        String suffix = current.suffix();
                        if (entry.has("digest")) {
                            suffix = "@" + text(entry.get("digest"), "digest");
                        } else if (entry.has("newTag")) {
                            suffix = ":" + text(entry.get("newTag"), "newTag");
                        }
                        ((ObjectNode) container).put("image", newName + suffix);
                        matched++;
                    }
                }
            }
        }
        require(matched > 0, file + ": image " + name + " matches no container");
    }

    /** An image reference: name (registry and path), and ":tag" or "@digest" or nothing. */
    public record Image(String name, String tag, String digest) {

        public static Image parse(String image) {
            int at = image.indexOf('@');
            if (at >= 0) {
                return new Image(image.substring(0, at), null, image.substring(at + 1));
            }
            int colon = image.lastIndexOf(':');
            if (colon > image.lastIndexOf('/')) {
                return new Image(image.substring(0, colon), image.substring(colon + 1), null);
            }
            return new Image(image, null, null);
        }

        String suffix() {
            return digest != null ? "@" + digest : tag != null ? ":" + tag : "";
        }
    }

    // --- YAML and checks -------------------------------------------------------------------------

    /** Every document of a YAML file, empty ones left out. */
    public static List<JsonNode> readAll(Path file) {
        try {
            return readAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of YAML text, empty ones left out (for the output of kubectl kustomize). */
    public static List<JsonNode> readAll(String text) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            for (Iterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text); it.hasNext();) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readSingle(Path file) {
        List<JsonNode> documents = readAll(file);
        require(documents.size() == 1 && documents.get(0).isObject(), file + " must hold one mapping");
        return documents.get(0);
    }

    private static ObjectNode metadata(ObjectNode object) {
        return object.has("metadata") ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
    }

    private static Iterable<JsonNode> list(JsonNode node, String key, Path file) {
        if (!node.has(key)) {
            return List.of();
        }
        require(node.get(key).isArray(), file + ": " + key + " must be a list");
        return node.get(key);
    }

    private static void requireOnly(JsonNode node, Set<String> allowed, String where) {
        require(node.isObject(), where + " must be a mapping");
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            require(allowed.contains(name), where + ": " + name + " is not supported by this renderer (only "
                    + allowed.stream().sorted().toList() + ")");
        }
    }

    private static String text(JsonNode node, String where) {
        require(node != null && node.isValueNode() && !node.asText().isEmpty(), where + " must be a non-empty scalar");
        return node.asText();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
