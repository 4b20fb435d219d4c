package de.stadtlabore.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.stadtlabore.support.Kustomize;
import de.stadtlabore.support.Repository;

/**
 * What a municipal IT department deploys ({@code deploy/kubernetes/overlays/dev} and {@code prod}),
 * rendered with {@link Kustomize} and checked for what operations relies on: at least two replicas,
 * probes on the management port, resources sized after the benchmark, a hardened pod, a
 * disruption budget, an autoscaler and a network policy that all select the service's pods, a
 * Service that keeps the management port internal, configuration and secrets that resolve, no
 * secret values, a CloudNativePG cluster behind the JDBC URL, a pinned image in production, and
 * time enough to shut down gracefully. Where {@code kubectl} is installed, its rendering must agree.
 * A plain JUnit test: no Quarkus, no cluster.
 */
class KubernetesManifestsTest {

    private static final String KUBERNETES = "deploy/kubernetes";
    private static final String APP = "stadtlabore-api";
    private static final Map<String, String> COMMON_LABELS = Map.of(
            "app.kubernetes.io/part-of", "stadtlabore",
            "app.kubernetes.io/managed-by", "kustomize");
    private static final Map<String, String> NAMESPACES = Map.of("dev", "stadtlabore-dev", "prod", "stadtlabore");

    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final String MONITORING_NAMESPACE = "monitoring";
    private static final int HTTP_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9000;
    private static final long MEMORY_LIMIT_MINIMUM = 640L * 1024 * 1024;

    /**
     * The shutdown the service is to be configured with (readiness DOWN for 5 s, then 30 s for
     * in-flight requests). Once application.properties or the ConfigMap sets
     * quarkus.shutdown.delay / quarkus.shutdown.timeout, those values count instead.
     */
    private static final Duration PLANNED_SHUTDOWN_DELAY = Duration.ofSeconds(5);
    private static final Duration PLANNED_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Secrets the manifests reference without creating them, because the operator creates them
     * by hand (deploy/kubernetes/README.md shows the kubectl create secret command for each).
     * CloudNativePG's own Secret (<cluster>-app) and Secrets referenced as optional need no entry.
     */
    private static final Set<String> SECRETS_CREATED_BY_THE_OPERATOR = Set.of("stadtlabore-api-mail");

    private static final Set<String> CONFIG_KEYS = Set.of("QUARKUS_DATASOURCE_JDBC_URL",
            "STADTLABORE_IDENTITY_NETWORK_ISSUERS", "STADTLABORE_PUBLIC_URL", "QUARKUS_HTTP_CORS_ORIGINS",
            "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED",
            "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "STADTLABORE_MAIL_HOST", "STADTLABORE_MAIL_FROM",
            "STADTLABORE_REGISTRATION_LINK", "STADTLABORE_PRIVACY_LINK", "QUARKUS_LOG_CONSOLE_JSON_ENABLED");
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)(?:\\.[a-z0-9.-]+)?:(\\d+)/([a-z0-9_]+)");
    private static final Pattern QUANTITY = Pattern.compile("([0-9.]+)(Ki|Mi|Gi|Ti|k|M|G|T|m)?");
    private static final Pattern RELEASE_TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([-.][A-Za-z0-9.]+)?");

    // --- workload ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void atLeastTwoReplicasAlsoWhenTheAutoscalerScalesDown(String overlay) {
        Rendered rendered = render(overlay);
        JsonNode deployment = rendered.one("Deployment", APP);
        assertThat(deployment.path("spec").path("replicas").asInt()).as("Deployment replicas").isGreaterThanOrEqualTo(2);

        JsonNode hpa = rendered.one("HorizontalPodAutoscaler", APP).path("spec");
        assertThat(hpa.path("minReplicas").asInt()).as("HPA minReplicas").isGreaterThanOrEqualTo(2);
        assertThat(hpa.path("maxReplicas").asInt()).as("HPA maxReplicas").isGreaterThanOrEqualTo(hpa.path("minReplicas").asInt());
        assertThat(hpa.path("scaleTargetRef").path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(APP);
        List<JsonNode> cpu = stream(hpa.path("metrics"))
                .filter(m -> "Resource".equals(m.path("type").asText())
                        && "cpu".equals(m.path("resource").path("name").asText()))
                .toList();
        assertThat(cpu).as("HPA scales on CPU").hasSize(1);
        assertThat(cpu.get(0).path("resource").path("target").path("type").asText()).isEqualTo("Utilization");
        assertThat(cpu.get(0).path("resource").path("target").path("averageUtilization").asInt()).isEqualTo(70);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void probesAskTheManagementInterface(String overlay) {
        JsonNode container = render(overlay).container();
        assertThat(port(container, "management")).as("container port management").isEqualTo(MANAGEMENT_PORT);
        assertThat(port(container, "http")).as("container port http").isEqualTo(HTTP_PORT);
        Map<String, String> paths = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        paths.forEach((probe, path) -> {
            JsonNode httpGet = container.path(probe).path("httpGet");
            assertThat(httpGet.path("path").asText()).as(probe + " path").isEqualTo(path);
            JsonNode port = httpGet.path("port");
            int number = port.isNumber() ? port.asInt() : port(container, port.asText());
            assertThat(number).as(probe + " port").isEqualTo(MANAGEMENT_PORT);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void resourcesAreRequestedAndLimited(String overlay) {
        JsonNode resources = render(overlay).container().path("resources");
        JsonNode requests = resources.path("requests");
        JsonNode limits = resources.path("limits");
        assertThat(requests.path("cpu").isMissingNode()).as("cpu request").isFalse();
        assertThat(requests.path("memory").isMissingNode()).as("memory request").isFalse();
        assertThat(limits.path("memory").isMissingNode()).as("memory limit").isFalse();
        BigDecimal memoryLimit = quantity(limits.path("memory").asText());
        assertThat(memoryLimit).as("memory limit (benchmark: 360-400 MB resident)")
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(MEMORY_LIMIT_MINIMUM))
                .isGreaterThanOrEqualTo(quantity(requests.path("memory").asText()));
        if (limits.has("cpu")) {
            assertThat(quantity(limits.path("cpu").asText())).as("cpu limit")
                    .isGreaterThanOrEqualTo(quantity(requests.path("cpu").asText()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void thePodRunsHardened(String overlay) {
        Rendered rendered = render(overlay);
        JsonNode pod = rendered.podSpec();
        JsonNode podContext = pod.path("securityContext");
        assertThat(podContext.path("runAsNonRoot").asBoolean()).as("pod runAsNonRoot").isTrue();
        assertThat(podContext.path("runAsUser").isIntegralNumber()).as("pod runAsUser numeric").isTrue();
        assertThat(podContext.path("runAsUser").asInt()).as("pod runAsUser").isEqualTo(185);
        assertThat(podContext.path("runAsGroup").isIntegralNumber()).as("pod runAsGroup numeric").isTrue();
        assertThat(podContext.path("runAsGroup").asInt()).as("pod runAsGroup").isEqualTo(185);
        assertThat(podContext.path("seccompProfile").path("type").asText()).as("pod seccompProfile")
                .isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").isBoolean()).as("automountServiceAccountToken set").isTrue();
        assertThat(pod.path("automountServiceAccountToken").asBoolean()).as("automountServiceAccountToken").isFalse();
        assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
        assertThat(pod.path("hostPID").asBoolean(false)).isFalse();

        for (JsonNode container : rendered.containers()) {
            String name = container.path("name").asText();
            JsonNode context = container.path("securityContext");
            assertThat(context.path("allowPrivilegeEscalation").isBoolean()).as(name + " allowPrivilegeEscalation set").isTrue();
            assertThat(context.path("allowPrivilegeEscalation").asBoolean()).as(name + " allowPrivilegeEscalation").isFalse();
            assertThat(context.path("readOnlyRootFilesystem").asBoolean()).as(name + " readOnlyRootFilesystem").isTrue();
            assertThat(context.path("runAsNonRoot").asBoolean()).as(name + " runAsNonRoot").isTrue();
            assertThat(context.path("privileged").asBoolean(false)).as(name + " privileged").isFalse();
            assertThat(strings(context.path("capabilities").path("drop"))).as(name + " capabilities.drop").contains("ALL");
            assertThat(context.path("capabilities").path("add").isEmpty()).as(name + " capabilities.add").isTrue();
            assertThat(context.path("seccompProfile").path("type").asText("RuntimeDefault")).as(name + " seccompProfile")
                    .isEqualTo("RuntimeDefault");
            if (context.has("runAsUser")) {
                assertThat(context.path("runAsUser").asInt()).as(name + " runAsUser").isNotZero();
            }
        }

        // With a read-only root, /tmp is the one writable place: an emptyDir.
        JsonNode tmp = stream(rendered.container().path("volumeMounts"))
                .filter(m -> "/tmp".equals(m.path("mountPath").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume at /tmp"));
        JsonNode volume = stream(pod.path("volumes")).filter(v -> v.path("name").asText().equals(tmp.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + tmp.path("name").asText()));
        assertThat(volume.has("emptyDir")).as("/tmp is an emptyDir").isTrue();

        String serviceAccount = pod.path("serviceAccountName").asText("default");
        if (!"default".equals(serviceAccount)) {
            assertThat(rendered.find("ServiceAccount", serviceAccount)).as("ServiceAccount " + serviceAccount).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void shutdownHasTimeForTheDelayAndTheRequestsInFlight(String overlay) {
        Rendered rendered = render(overlay);
        Properties properties = applicationProperties();
        Map<String, String> environment = rendered.environment();
        Duration delay = configured("quarkus.shutdown.delay", properties, environment).orElse(PLANNED_SHUTDOWN_DELAY);
        Duration timeout = configured("quarkus.shutdown.timeout", properties, environment).orElse(PLANNED_SHUTDOWN_TIMEOUT);
        JsonNode grace = rendered.podSpec().path("terminationGracePeriodSeconds");
        assertThat(grace.isIntegralNumber()).as("terminationGracePeriodSeconds set").isTrue();
        assertThat(Duration.ofSeconds(grace.asLong())).as("terminationGracePeriodSeconds >= shutdown delay + timeout")
                .isGreaterThanOrEqualTo(delay.plus(timeout));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theJvmRunsWithTheOptionsOfJvmOptions(String overlay) {
        Map<String, String> environment = render(overlay).environment();
        assertThat(environment).containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(options(environment.get("JAVA_OPTS"))).as("JAVA_OPTS").containsAll(jvmOptions());
        assertThat(environment).as("JAVA_TOOL_OPTIONS would add to JAVA_OPTS, not replace").doesNotContainKey("JAVA_TOOL_OPTIONS");
    }

    // --- disruption budget, Services, network policy -----------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theDisruptionBudgetKeepsOnePodOfTheDeployment(String overlay) {
        Rendered rendered = render(overlay);
        JsonNode pdb = rendered.one("PodDisruptionBudget", APP).path("spec");
        assertThat(pdb.path("minAvailable").asInt()).as("PDB minAvailable").isGreaterThanOrEqualTo(1);
        assertThat(selects(pdb.path("selector"), rendered.podLabels())).as("PDB selects the Deployment's pods").isTrue();
        assertThat(selects(pdb.path("selector"), rendered.deploymentSelector())).as("PDB selects what the Deployment selects")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theServiceServesHttpAndKeepsTheManagementPortInternal(String overlay) {
        Rendered rendered = render(overlay);
        JsonNode container = rendered.container();
        JsonNode service = rendered.one("Service", APP).path("spec");
        assertThat(selectsLabels(service.path("selector"), rendered.podLabels())).as("Service selects the pods").isTrue();
        assertThat(service.path("type").asText("ClusterIP")).isEqualTo("ClusterIP");
        List<JsonNode> ports = stream(service.path("ports")).toList();
        assertThat(ports).isNotEmpty();
        for (JsonNode port : ports) {
            JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
            int targetNumber = target.isNumber() ? target.asInt() : port(container, target.asText());
            assertThat(targetNumber).as("Service " + APP + " target port").isNotEqualTo(MANAGEMENT_PORT);
            assertThat(port.path("port").asInt()).as("Service " + APP + " port").isNotEqualTo(MANAGEMENT_PORT);
        }
        assertThat(ports).anySatisfy(p -> {
            assertThat(p.path("port").asInt()).isEqualTo(80);
            assertThat(p.path("targetPort").asText()).isIn("http", String.valueOf(HTTP_PORT));
        });
        // Any Service that reaches the management port is cluster-internal (for Prometheus).
        for (JsonNode other : rendered.all("Service")) {
            boolean management = stream(other.path("spec").path("ports"))
                    .anyMatch(p -> p.path("port").asInt() == MANAGEMENT_PORT
                            || "management".equals(p.path("targetPort").asText())
                            || p.path("targetPort").asInt() == MANAGEMENT_PORT);
            if (management) {
                assertThat(other.path("spec").path("type").asText("ClusterIP")).as(other.path("metadata").path("name").asText())
                        .isEqualTo("ClusterIP");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theNetworkPolicyAdmitsOnlyTheIngressControllerAndMonitoring(String overlay) {
        Rendered rendered = render(overlay);
        JsonNode policy = rendered.one("NetworkPolicy", APP).path("spec");
        assertThat(selects(policy.path("podSelector"), rendered.podLabels())).as("NetworkPolicy selects the pods").isTrue();
        assertThat(strings(policy.path("policyTypes"))).contains("Ingress", "Egress");

        Map<Integer, Set<String>> sources = new java.util.TreeMap<>();
        for (JsonNode rule : policy.path("ingress")) {
            List<JsonNode> ports = stream(rule.path("ports")).toList();
            List<JsonNode> from = stream(rule.path("from")).toList();
            assertThat(ports).as("an ingress rule without ports admits every port").isNotEmpty();
            assertThat(from).as("an ingress rule without from admits everyone").isNotEmpty();
            for (JsonNode peer : from) {
                assertThat(peer.has("ipBlock")).as("ingress from an ipBlock").isFalse();
                assertThat(peer.has("podSelector")).as("ingress peers are whole namespaces").isFalse();
                JsonNode namespaceSelector = peer.path("namespaceSelector");
                assertThat(namespaceSelector.path("matchExpressions").isMissingNode()).isTrue();
                assertThat(namespaceSelector.path("matchLabels").size()).as("namespaceSelector names one namespace")
                        .isEqualTo(1);
                String namespace = namespaceSelector.path("matchLabels").path("kubernetes.io/metadata.name").asText();
                assertThat(namespace).as("namespaceSelector by kubernetes.io/metadata.name").isNotEmpty();
                for (JsonNode port : ports) {
                    assertThat(port.path("protocol").asText("TCP")).isEqualTo("TCP");
                    assertThat(port.has("endPort")).isFalse();
                    JsonNode number = port.path("port");
                    int value = number.isNumber() ? number.asInt() : port(rendered.container(), number.asText());
                    sources.computeIfAbsent(value, p -> new TreeSet<>()).add(namespace);
                }
            }
        }
        assertThat(sources).as("ingress: port -> namespaces").isEqualTo(Map.of(
                HTTP_PORT, Set.of(INGRESS_NAMESPACE),
                MANAGEMENT_PORT, Set.of(MONITORING_NAMESPACE)));

        // Egress: DNS, PostgreSQL to the cluster's instances, HTTPS and mail submission.
        String cluster = rendered.one("Cluster").path("metadata").path("name").asText();
        Set<Integer> egressPorts = new TreeSet<>();
        boolean toDatabase = false;
        for (JsonNode rule : policy.path("egress")) {
            List<Integer> ports = stream(rule.path("ports")).map(p -> p.path("port").asInt()).toList();
            assertThat(ports).as("an egress rule without ports allows every port").isNotEmpty();
            egressPorts.addAll(ports);
            if (ports.contains(5432)) {
                toDatabase = stream(rule.path("to")).allMatch(peer -> cluster
                        .equals(peer.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText())
                        && !peer.has("ipBlock"));
            }
        }
        assertThat(egressPorts).containsExactlyInAnyOrder(53, 5432, 443, 587);
        assertThat(toDatabase).as("PostgreSQL only to the pods of the CloudNativePG cluster " + cluster).isTrue();
    }

    // --- configuration and secrets -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyConfigMapAndSecretReferenceResolves(String overlay) {
        Rendered rendered = render(overlay);
        String cluster = rendered.one("Cluster").path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        JsonNode pod = rendered.podSpec();
        for (JsonNode container : rendered.containers()) {
            for (JsonNode source : container.path("envFrom")) {
                if (source.has("configMapRef")) {
                    configMap(rendered, source.get("configMapRef"), null, problems);
                }
                if (source.has("secretRef")) {
                    secret(source.get("secretRef"), null, cluster, problems);
                }
            }
            for (JsonNode variable : container.path("env")) {
                JsonNode from = variable.path("valueFrom");
                if (from.has("configMapKeyRef")) {
                    configMap(rendered, from.get("configMapKeyRef"), from.get("configMapKeyRef").path("key").asText(), problems);
                }
                if (from.has("secretKeyRef")) {
                    secret(from.get("secretKeyRef"), from.get("secretKeyRef").path("key").asText(), cluster, problems);
                }
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("configMap")) {
                configMap(rendered, volume.get("configMap"), null, problems);
            }
            if (volume.has("secret")) {
                JsonNode secret = ((ObjectNode) volume.get("secret").deepCopy()).put("name",
                        volume.get("secret").path("secretName").asText());
                secret(secret, null, cluster, problems);
            }
        }
        assertThat(problems.stream().distinct()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void secretsAreReferencedNeverWritten(String overlay) {
        Rendered rendered = render(overlay);
        for (JsonNode secret : rendered.all("Secret")) {
            assertThat(secret.has("data") || secret.has("stringData"))
                    .as("Secret " + secret.path("metadata").path("name").asText() + " carries values").isFalse();
        }
        for (JsonNode configMap : rendered.all("ConfigMap")) {
            for (String key : names(configMap.path("data"))) {
                assertThat(SECRET_NAME.matcher(key).find()).as("ConfigMap key " + key + " looks like a secret").isFalse();
            }
        }
        for (JsonNode container : rendered.containers()) {
            for (JsonNode variable : container.path("env")) {
                String name = variable.path("name").asText();
                if (SECRET_NAME.matcher(name).find() || name.endsWith("_USERNAME")) {
                    assertThat(variable.has("value")).as(name + " is written out, not taken from a Secret").isFalse();
                    assertThat(variable.path("valueFrom").has("secretKeyRef")).as(name + " from a Secret").isTrue();
                }
            }
        }
        // The database login and the SMTP login come from Secrets.
        Map<String, String> secretRefs = new java.util.HashMap<>();
        for (JsonNode variable : rendered.container().path("env")) {
            JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secretRefs.put(variable.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        }
        String cluster = rendered.one("Cluster").path("metadata").path("name").asText();
        assertThat(secretRefs).containsEntry("QUARKUS_DATASOURCE_USERNAME", cluster + "-app/username")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", cluster + "-app/password")
                .containsEntry("STADTLABORE_MAIL_USERNAME", "stadtlabore-api-mail/username")
                .containsEntry("STADTLABORE_MAIL_PASSWORD", "stadtlabore-api-mail/password");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theConfigMapCarriesTheServicesSettings(String overlay) {
        Rendered rendered = render(overlay);
        JsonNode data = rendered.one("ConfigMap", APP).path("data");
        assertThat(names(data)).containsAll(CONFIG_KEYS);
        for (String key : names(data)) {
            assertThat(data.get(key).isTextual()).as(key + " is a string").isTrue();
        }
        assertThat(data.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText()).isEqualTo("true");
        assertThat(data.path("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText()).isEqualTo("true");
        assertThat(data.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText()).as("forwarding needs trusted proxies").isNotBlank();
        assertThat(data.path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText()).isEqualTo("true");
        assertThat(data.path("STADTLABORE_PUBLIC_URL").asText()).startsWith("https://");
        assertThat(data.path("STADTLABORE_REGISTRATION_LINK").asText()).startsWith("https://").contains("{id}", "{token}");
        assertThat(data.path("STADTLABORE_PRIVACY_LINK").asText()).as("the secret in the fragment")
                .startsWith("https://").contains("{id}", "#token={token}");
        assertThat(data.path("QUARKUS_HTTP_CORS_ORIGINS").asText()).doesNotContain("*");
        // The Deployment takes it as a whole.
        assertThat(stream(rendered.container().path("envFrom")).map(e -> e.path("configMapRef").path("name").asText()))
                .contains(APP);
        if ("prod".equals(overlay)) {
            assertThat(data.path("QUARKUS_HTTP_CORS_ORIGINS").asText()).isEqualTo("https://labore.example.org");
            assertThat(data.path("STADTLABORE_PUBLIC_URL").asText()).isEqualTo("https://api.example.org");
        }
    }

    // --- database ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theJdbcUrlPointsAtTheCloudNativePgCluster(String overlay) {
        Rendered rendered = render(overlay);
        JsonNode cluster = rendered.one("Cluster");
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        String name = cluster.path("metadata").path("name").asText();
        JsonNode spec = cluster.path("spec");
        int instances = spec.path("instances").asInt();
        if ("prod".equals(overlay)) {
            assertThat(instances).as("PostgreSQL instances in prod").isGreaterThanOrEqualTo(3);
        } else {
            assertThat(instances).as("PostgreSQL instances in dev").isEqualTo(1);
        }
        assertThat(spec.path("imageName").asText()).isEqualTo("ghcr.io/cloudnative-pg/postgresql:17");
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        assertThat(spec.path("storage").path("size").asText()).isNotEmpty();
        assertThat(cluster.path("metadata").path("namespace").asText()).as("same namespace as the Deployment")
                .isEqualTo(rendered.one("Deployment", APP).path("metadata").path("namespace").asText());

        String url = rendered.one("ConfigMap", APP).path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        Matcher jdbc = JDBC_URL.matcher(url);
        assertThat(jdbc.matches()).as("JDBC URL " + url).isTrue();
        assertThat(jdbc.group(1)).as("host: the cluster's read-write Service").isEqualTo(name + "-rw");
        assertThat(jdbc.group(2)).isEqualTo("5432");
        assertThat(jdbc.group(3)).as("database").isEqualTo(initdb.path("database").asText());
        assertThat(initdb.path("database").asText()).isEqualTo("stadtlabore");
        assertThat(initdb.path("owner").asText()).isEqualTo("stadtlabore");
        for (JsonNode value : spec.path("postgresql").path("parameters")) {
            assertThat(value.isTextual()).as("PostgreSQL parameters are strings").isTrue();
        }
    }

    /**
     * Found in review: the pool's connections of every replica the autoscaler may start, plus a
     * surge replica of a rolling update, must fit PostgreSQL's max_connections (with a reserve
     * for the operator and superuser).
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theConnectionPoolsOfAllReplicasFitTheDatabase(String overlay) {
        Rendered rendered = render(overlay);
        int perReplica = poolSize(rendered, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "quarkus.datasource.jdbc.max-size")
                + poolSize(rendered, "QUARKUS_DATASOURCE_COUNTERS_JDBC_MAX_SIZE", "quarkus.datasource.counters.jdbc.max-size");
        int replicas = rendered.one("HorizontalPodAutoscaler").path("spec").path("maxReplicas").asInt() + 1;
        int maxConnections = Integer.parseInt(rendered.one("Cluster").path("spec").path("postgresql")
                .path("parameters").path("max_connections").asText());
        assertThat(replicas * perReplica + 10)
                .as("(maxReplicas + 1 surge) x both pools + 10 reserved <= max_connections").isLessThanOrEqualTo(maxConnections);
    }

    private static int poolSize(Rendered rendered, String variable, String property) {
        String size = rendered.environment().getOrDefault(variable, applicationProperties().getProperty(property));
        assertThat(size).as(property + " set (Quarkus' default is 20)").isNotNull();
        return Integer.parseInt(size.strip());
    }

    // --- image and labels --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theImageIsPinnedInProduction(String overlay) {
        Kustomize.Image image = Kustomize.Image.parse(render(overlay).container().path("image").asText());
        if ("prod".equals(overlay)) {
            if (image.digest() == null) {
                assertThat(image.tag()).as("prod image tag").isNotNull().isNotIn("latest", "dev");
                assertThat(image.tag()).as("prod image tag is a release").matches(RELEASE_TAG);
            }
        } else {
            assertThat(image.tag()).as("dev image tag").isEqualTo("dev");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyObjectCarriesTheCommonLabelsAndTheNamespace(String overlay) {
        Rendered rendered = render(overlay);
        for (JsonNode object : rendered.objects()) {
            String id = object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
            Map<String, String> labels = labels(object.path("metadata").path("labels"));
            assertThat(labels).as(id).containsAllEntriesOf(COMMON_LABELS).containsEntry("environment", overlay);
            assertThat(object.path("metadata").path("namespace").asText()).as(id + " namespace")
                    .isEqualTo(NAMESPACES.get(overlay));
        }
        assertThat(rendered.podLabels()).containsAllEntriesOf(COMMON_LABELS);
    }

    // --- the container image, alike in all three places -----------------------------------------

    @Test
    void theContainerImageMatchesTheDeployment() throws IOException {
        String dockerfile = Files.readString(Repository.file("service/src/main/docker/Dockerfile.jvm"));
        Properties properties = applicationProperties();
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)$").matcher(dockerfile);
        assertThat(from.find()).isTrue();
        assertThat(from.group(1)).as("base image with a pinned minor tag")
                .matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:\\d+\\.\\d+");
        assertThat(properties.getProperty("quarkus.jib.base-jvm-image")).isEqualTo(from.group(1));
        assertThat(properties.getProperty("quarkus.container-image.build")).as("no image build by default").isEqualTo("false");

        JsonNode pod = render("prod").podSpec();
        int user = pod.path("securityContext").path("runAsUser").asInt();
        assertThat(dockerfile).containsPattern("(?m)^USER " + user + "$");
        assertThat(properties.getProperty("quarkus.jib.user")).isEqualTo(String.valueOf(user));
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + HTTP_PORT + " " + MANAGEMENT_PORT + "$");
        assertThat(properties.getProperty("quarkus.jib.ports")).isEqualTo(HTTP_PORT + "," + MANAGEMENT_PORT);
        assertThat(dockerfile).contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");

        Matcher javaOpts = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"$").matcher(dockerfile);
        assertThat(javaOpts.find()).as("Dockerfile sets JAVA_OPTS").isTrue();
        assertThat(options(javaOpts.group(1))).as("Dockerfile JAVA_OPTS").containsAll(jvmOptions());
        assertThat(Arrays.asList(properties.getProperty("quarkus.jib.jvm-arguments").split(",")))
                .as("quarkus.jib.jvm-arguments").containsAll(jvmOptions());
    }

    // --- kubectl, where there is one ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void kubectlRendersTheSame(String overlay) throws Exception {
        Optional<Path> kubectl = onPath("kubectl");
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not installed: the renderer's result stands alone");
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", overlay(overlay).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize exit code").isZero();
        List<JsonNode> theirs = Kustomize.readAll(output);
        Rendered ours = render(overlay);
        assertThat(ids(theirs)).isEqualTo(ids(ours.objects()));
        JsonNode theirDeployment = theirs.stream().filter(o -> "Deployment".equals(o.path("kind").asText())).findFirst()
                .orElseThrow();
        assertThat(theirDeployment).isEqualTo(ours.one("Deployment", APP));
        for (JsonNode object : theirs) {
            assertThat(labels(object.path("metadata").path("labels"))).containsAllEntriesOf(COMMON_LABELS);
        }
    }

    // --- the renderer refuses what it does not implement -------------------------------------------

    @Test
    void theRendererRefusesWhatItDoesNotImplement(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("configmap.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                data:
                  A: "1"
                """);
        String head = """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - configmap.yaml
                """;
        assertThat(renderWith(directory, head)).hasSize(1);
        assertThatThrownBy(() -> renderWith(directory, head + "configMapGenerator: []\n"))
                .hasMessageContaining("configMapGenerator");
        assertThatThrownBy(() -> renderWith(directory, head + "namePrefix: dev-\n")).hasMessageContaining("namePrefix");
        assertThatThrownBy(() -> renderWith(directory, head + """
                labels:
                  - pairs: {a: b}
                    includeSelectors: true
                """)).hasMessageContaining("includeSelectors");
        assertThatThrownBy(() -> renderWith(directory, head + """
                patches:
                  - target: {kind: ConfigMap, name: x}
                    patch: |-
                      apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: x}
                      data: {A: "2"}
                """)).hasMessageContaining("strategic-merge");
        assertThatThrownBy(() -> renderWith(directory, head + """
                patches:
                  - target: {kind: ConfigMap, name: y}
                    patch: |-
                      - {op: replace, path: /data/A, value: "2"}
                """)).hasMessageContaining("matches nothing");
        assertThatThrownBy(() -> renderWith(directory, head + """
                patches:
                  - target: {kind: ConfigMap, name: x}
                    patch: |-
                      - {op: replace, path: /data/B, value: "2"}
                """)).hasMessageContaining("no B");
        assertThat(renderWith(directory, head + """
                namespace: n
                patches:
                  - target: {kind: ConfigMap, name: x}
                    patch: |-
                      - {op: add, path: /data/B, value: "2"}
                      - {op: remove, path: /data/A}
                """).get(0).toString()).isEqualTo(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\",\"namespace\":\"n\"},\"data\":{\"B\":\"2\"}}");
    }

    // --- rendering and helpers ---------------------------------------------------------------------

    private static List<ObjectNode> renderWith(Path directory, String kustomization) throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), kustomization);
        return Kustomize.render(directory);
    }

    private static Path overlay(String overlay) {
        return Repository.file(KUBERNETES + "/overlays/" + overlay);
    }

    private static Rendered render(String overlay) {
        return new Rendered(Kustomize.render(overlay(overlay)));
    }

    private record Rendered(List<ObjectNode> objects) {

        List<JsonNode> all(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).map(JsonNode.class::cast).toList();
        }

        Optional<JsonNode> find(String kind, String name) {
            return all(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
        }

        JsonNode one(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendering"));
        }

        JsonNode one(String kind) {
            List<JsonNode> found = all(kind);
            assertThat(found).as(kind + " objects").hasSize(1);
            return found.get(0);
        }

        JsonNode podSpec() {
            return one("Deployment", APP).path("spec").path("template").path("spec");
        }

        List<JsonNode> containers() {
            List<JsonNode> containers = new ArrayList<>();
            podSpec().path("initContainers").forEach(containers::add);
            podSpec().path("containers").forEach(containers::add);
            return containers;
        }

        JsonNode container() {
            List<JsonNode> containers = stream(podSpec().path("containers")).toList();
            assertThat(containers).as("containers of the Deployment").hasSize(1);
            return containers.get(0);
        }

        Map<String, String> podLabels() {
            return labels(one("Deployment", APP).path("spec").path("template").path("metadata").path("labels"));
        }

        Map<String, String> deploymentSelector() {
            return labels(one("Deployment", APP).path("spec").path("selector").path("matchLabels"));
        }

        /** Plain env values and the ConfigMaps' values the container sees (Secrets left out). */
        Map<String, String> environment() {
            Map<String, String> environment = new java.util.HashMap<>();
            for (JsonNode source : container().path("envFrom")) {
                String name = source.path("configMapRef").path("name").asText();
                find("ConfigMap", name).ifPresent(c -> environment.putAll(labels(c.path("data"))));
            }
            for (JsonNode variable : container().path("env")) {
                if (variable.has("value")) {
                    environment.put(variable.path("name").asText(), variable.path("value").asText());
                }
            }
            return environment;
        }
    }

    private static void configMap(Rendered rendered, JsonNode reference, String key, List<String> problems) {
        String name = reference.path("name").asText();
        Optional<JsonNode> configMap = rendered.find("ConfigMap", name);
        if (configMap.isEmpty()) {
            if (!reference.path("optional").asBoolean(false)) {
                problems.add("ConfigMap " + name + " is not part of the rendering");
            }
        } else if (key != null && !configMap.get().path("data").has(key)) {
            problems.add("ConfigMap " + name + " has no key " + key);
        }
    }

    private static void secret(JsonNode reference, String key, String cluster, List<String> problems) {
        String name = reference.path("name").asText();
        if (name.equals(cluster + "-app")) {
            // CloudNativePG creates it for the owner of the database.
            if (key != null && !Set.of("username", "password", "uri", "jdbc-uri", "host", "port", "dbname", "pgpass")
                    .contains(key)) {
                problems.add("CloudNativePG's Secret " + name + " has no key " + key);
            }
        } else if (!reference.path("optional").asBoolean(false) && !SECRETS_CREATED_BY_THE_OPERATOR.contains(name)) {
            problems.add("Secret " + name + " is neither CloudNativePG's, nor optional, nor created by the operator");
        }
        if (SECRETS_CREATED_BY_THE_OPERATOR.contains(name) || (reference.path("optional").asBoolean(false)
                && !name.equals(cluster + "-app"))) {
            if (!Pattern.compile("kubectl (-n \\S+ )?create secret generic " + Pattern.quote(name)).matcher(readme()).find()) {
                problems.add("Secret " + name + " is not documented with kubectl create secret generic in README.md");
            }
        }
    }

    private static String readme() {
        try {
            return Files.readString(Repository.file(KUBERNETES + "/README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(JsonNode container, String name) {
        return stream(container.path("ports")).filter(p -> name.equals(p.path("name").asText()))
                .map(p -> p.path("containerPort").asInt()).findFirst()
                .orElseThrow(() -> new AssertionError("container has no port named " + name));
    }

    /** Whether a label selector (matchLabels only; matchExpressions are not used here) selects the labels. */
    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        assertThat(selector.has("matchExpressions")).as("matchExpressions are not checked by this test").isFalse();
        return selectsLabels(selector.path("matchLabels"), labels);
    }

    private static boolean selectsLabels(JsonNode matchLabels, Map<String, String> labels) {
        Map<String, String> wanted = labels(matchLabels);
        return !wanted.isEmpty() && labels.entrySet().containsAll(wanted.entrySet());
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new java.util.HashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static Set<String> names(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> strings(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false);
    }

    private static Set<String> ids(List<? extends JsonNode> objects) {
        return objects.stream().map(o -> o.path("apiVersion").asText() + " " + o.path("kind").asText() + " "
                + o.path("metadata").path("namespace").asText() + "/" + o.path("metadata").path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** deploy/jvm.options without comments: what every way of starting the service must pass. */
    private static List<String> jvmOptions() {
        try {
            List<String> options = Files.readAllLines(Repository.file("deploy/jvm.options")).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            assertThat(options).as("deploy/jvm.options").contains("-Xmx192m");
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> options(String value) {
        assertThat(value).as("JVM options").isNotNull();
        return Arrays.stream(value.strip().split("\\s+")).toList();
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Repository.file("service/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A duration from the environment (QUARKUS_SHUTDOWN_DELAY) or application.properties, if set. */
    private static Optional<Duration> configured(String property, Properties properties, Map<String, String> environment) {
        String variable = property.toUpperCase().replace('.', '_').replace('-', '_');
        String value = environment.getOrDefault(variable, properties.getProperty(property));
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip().toUpperCase();
        if (text.matches("\\d+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        if (text.matches("\\d+(MS|S|M|H)")) {
            return Optional.of(Duration.parse(text.endsWith("MS") ? "PT" + new BigDecimal(text.replace("MS", ""))
                    .movePointLeft(3).toPlainString() + "S" : "PT" + text));
        }
        if (text.startsWith("P")) {
            return Optional.of(Duration.parse(text));
        }
        return fail("cannot read the duration " + property + "=" + value);
    }

    /** A Kubernetes quantity in bytes (memory) or cores (cpu). */
    private static BigDecimal quantity(String value) {
        Matcher matcher = QUANTITY.matcher(value);
        assertThat(matcher.matches()).as("quantity " + value).isTrue();
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2) == null ? "" : matcher.group(2);
        BigDecimal factor = switch (suffix) {
            case "" -> BigDecimal.ONE;
            case "m" -> new BigDecimal("0.001");
            case "k" -> BigDecimal.valueOf(1000L);
            case "M" -> BigDecimal.valueOf(1000L * 1000);
            case "G" -> BigDecimal.valueOf(1000L * 1000 * 1000);
            case "T" -> BigDecimal.valueOf(1000L * 1000 * 1000 * 1000);
            case "Ki" -> BigDecimal.valueOf(1024L);
            case "Mi" -> BigDecimal.valueOf(1024L * 1024);
            case "Gi" -> BigDecimal.valueOf(1024L * 1024 * 1024);
            case "Ti" -> BigDecimal.valueOf(1024L * 1024 * 1024 * 1024);
            default -> throw new AssertionError(suffix);
        };
        return number.multiply(factor);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }
}
