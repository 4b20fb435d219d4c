package de.stadtlabore.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtlabore.support.Repository;

/**
 * The Keycloak realm templates that operators start production from
 * ({@code deploy/keycloak/production/}) carry no users, passwords or client secrets and allow
 * neither the password grant nor the implicit flow; public clients need PKCE. The demo realms,
 * with their publicly known passwords, stay in {@code deploy/keycloak/demo/} for dev mode and the
 * tests, and the README offers them for nothing else.
 */
class RealmTemplatesTest {

    private static final String PRODUCTION_DIR = "deploy/keycloak/production";
    private static final String DEMO_DIR = "deploy/keycloak/demo";
    private static final Set<String> FORBIDDEN_FIELDS = Set.of("secret", "credentials");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A README block starts at a blank line, a list item, a table row or a heading. */
    private static final Pattern BLOCK_START = Pattern.compile("^\\s*([-*+]|\\d+\\.|\\||#+)\\s");
    private static final Pattern UNQUALIFIED_REALMS_DIR =
            Pattern.compile("deploy/keycloak(?!/(demo|production)\\b)");
    private static final Pattern DEV_OR_TEST =
            Pattern.compile("\\b(dev|development|tests?)\\b", Pattern.CASE_INSENSITIVE);

    private record Template(String name, JsonNode realm) {
    }

    @Test
    void bothTemplatesExist() {
        assertThat(Repository.file(PRODUCTION_DIR + "/realm-municipality.template.json")).isRegularFile();
        assertThat(Repository.file(PRODUCTION_DIR + "/realm-netzwerk.template.json")).isRegularFile();
    }

    @Test
    void templatesCarryNoUsersPasswordsOrSecrets() {
        List<String> problems = new ArrayList<>();
        for (Template template : templates()) {
            JsonNode users = template.realm().path("users");
            if (!users.isMissingNode() && !(users.isArray() && users.isEmpty())) {
                problems.add(template.name() + ": has users; create them in the city's own directory instead");
            }
            forbiddenFields(template.realm(), "", template.name(), problems);
        }
        assertThat(problems).as("realm templates with users or secrets").isEmpty();
    }

    @Test
    void noClientAllowsThePasswordGrantOrTheImplicitFlow() {
        List<String> problems = new ArrayList<>();
        for (Template template : templates()) {
            for (JsonNode client : template.realm().path("clients")) {
                for (String flag : List.of("directAccessGrantsEnabled", "implicitFlowEnabled")) {
                    JsonNode value = client.path(flag);
                    if (!(value.isBoolean() && !value.booleanValue())) {
                        problems.add(where(template, client) + ": " + flag + " must be set to false, is "
                                + shown(value));
                    }
                }
            }
        }
        assertThat(problems).as("clients with the password grant or the implicit flow").isEmpty();
    }

    @Test
    void publicClientsRequirePkce() {
        List<String> problems = new ArrayList<>();
        for (Template template : templates()) {
            for (JsonNode client : template.realm().path("clients")) {
                if (client.path("publicClient").asBoolean(false)) {
                    JsonNode method = client.path("attributes").path("pkce.code.challenge.method");
                    if (!"S256".equals(method.textValue())) {
                        problems.add(where(template, client)
                                + ": a public client needs attributes.pkce.code.challenge.method = S256, is "
                                + shown(method));
                    }
                }
            }
        }
        assertThat(problems).as("public clients without PKCE").isEmpty();
    }

    @Test
    void demoRealmsStayOutOfTheProductionTemplates() throws IOException {
        List<Path> demoRealms = jsonFiles(DEMO_DIR).stream()
                .filter(file -> file.getFileName().toString().endsWith("-realm.json")).toList();
        assertThat(demoRealms).as("demo realms for dev mode and tests in " + DEMO_DIR).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : jsonFiles(PRODUCTION_DIR)) {
            String name = file.getFileName().toString();
            if (name.endsWith("-realm.json")) {
                problems.add(display(file) + ": named like a demo realm export");
            }
            for (Path demo : demoRealms) {
                if (name.equals(demo.getFileName().toString())
                        || Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(demo))) {
                    problems.add(display(file) + ": a copy of the demo realm " + display(demo));
                }
            }
        }
        assertThat(problems).as("demo realms among the production templates").isEmpty();
    }

    @Test
    void theReadmeOffersTheDemoRealmsForDevModeAndTestsOnly() throws IOException {
        String readme = Files.readString(Repository.file("README.md"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        if (!readme.contains(PRODUCTION_DIR)) {
            problems.add("never names " + PRODUCTION_DIR + ", where the production realm templates are");
        }
        for (String block : blocks(readme)) {
            Matcher unqualified = UNQUALIFIED_REALMS_DIR.matcher(block);
            if (unqualified.find()) {
                problems.add("names deploy/keycloak without saying demo/ or production/: " + block.strip());
            }
            if (block.contains(DEMO_DIR) && !DEV_OR_TEST.matcher(block).find()) {
                problems.add("mentions " + DEMO_DIR + " without saying it is for dev mode and tests: " + block.strip());
            }
        }
        assertThat(problems).as("README passages about the realm exports").isEmpty();
    }

    @Test
    void theReadmeCheckSeesWhatItLooksFor() {
        // Guards the test above against passing because it cannot see anything.
        assertThat(UNQUALIFIED_REALMS_DIR.matcher("`deploy/keycloak/` has complete realm exports.").find()).isTrue();
        assertThat(UNQUALIFIED_REALMS_DIR.matcher("see `deploy/keycloak/production/`").find()).isFalse();
        assertThat(DEV_OR_TEST.matcher("Import `deploy/keycloak/demo/` into production.").find()).isFalse();
        assertThat(blocks("para one\n- item with deploy/keycloak/demo/\n- for dev mode\n")).hasSize(3);
    }

    private static List<Template> templates() {
        List<Path> files = jsonFiles(PRODUCTION_DIR);
        assertThat(files).as("realm templates in " + PRODUCTION_DIR).isNotEmpty();
        List<Template> templates = new ArrayList<>();
        for (Path file : files) {
            try {
                templates.add(new Template(display(file), JSON.readTree(file.toFile())));
            } catch (IOException e) {
                throw new AssertionError(display(file) + " is not valid JSON: " + e.getMessage(), e);
            }
        }
        return templates;
    }

    private static List<Path> jsonFiles(String dir) {
        Path root = Repository.file(dir);
        assertThat(root).as(dir).isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Collects every field named like a credential, anywhere in the tree, by its path; array
     * elements are named by their {@code clientId} or {@code username} where they have one.
     */
    private static void forbiddenFields(JsonNode node, String pointer, String file, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = pointer + "/" + field.getKey();
                if (FORBIDDEN_FIELDS.contains(field.getKey())) {
                    problems.add(file + ": has " + at + "; templates carry no passwords or secrets"
                            + " (Keycloak generates client secrets on import)");
                }
                forbiddenFields(field.getValue(), at, file, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String name = element.path("clientId").asText(element.path("username").asText(String.valueOf(i)));
                forbiddenFields(element, pointer + "/" + name, file, problems);
            }
        }
    }

    private static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if ((line.isBlank() || BLOCK_START.matcher(line).find()) && !block.toString().isBlank()) {
                blocks.add(block.toString());
                block.setLength(0);
            }
            block.append(line).append('\n');
        }
        if (!block.toString().isBlank()) {
            blocks.add(block.toString());
        }
        return blocks;
    }

    private static String where(Template template, JsonNode client) {
        return template.name() + ", client " + client.path("clientId").asText("(without clientId)");
    }

    private static String shown(JsonNode value) {
        return value.isMissingNode() ? "missing" : value.toString();
    }

    private static String display(Path file) {
        return Repository.file("").relativize(file).toString();
    }
}
