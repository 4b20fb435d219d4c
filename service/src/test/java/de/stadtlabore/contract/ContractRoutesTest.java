package de.stadtlabore.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import de.stadtlabore.common.http.RouteIndex;
import de.stadtlabore.support.Contract;

/**
 * The build fails when a route exists in code but not in the contract, or the other way round.
 */
class ContractRoutesTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyRouteIsAnOperationOfTheContractAndViceVersa() throws IOException {
        Set<String> inCode = new TreeSet<>();
        for (RouteIndex.Route route : RouteIndex.routesOf(resourceClasses())) {
            inCode.add(route.method() + " " + route.template());
        }
        Set<String> inContract = new TreeSet<>();
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Contract.text()).get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    inContract.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        assertThat(inCode).as("routes in code").isNotEmpty();
        assertThat(inCode).as("routes in code vs. operations in openapi.yaml").isEqualTo(inContract);
    }

    /**
     * Logs and metrics name a request by its operation (method and template), found from the
     * concrete path: each route is found from a path of its own, never another route.
     */
    @Test
    void everyOperationIsFoundFromAConcretePath() throws IOException {
        List<RouteIndex.Route> routes = RouteIndex.routesOf(resourceClasses());
        RouteIndex index = RouteIndex.of(routes);
        for (RouteIndex.Route route : routes) {
            String concrete = route.template().replaceAll("\\{[^}]+}", "x1");
            assertThat(index.operation(route.method(), concrete)).as(concrete)
                    .isEqualTo(route.method() + " " + route.template());
        }
        assertThat(index.operation("HEAD", "/labs/x1")).isEqualTo("GET /labs/{slug}");
        assertThat(index.operation("GET", "/nowhere")).isNull();
        assertThat(index.operation("DELETE", "/labs")).isNull();
    }

    /** JAX-RS resource classes among the compiled application classes. */
    static List<Class<?>> resourceClasses() throws IOException {
        Path root = Path.of("target", "classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(".class", "").replace('/', '.');
                try {
                    Class<?> type = Class.forName(name, false, ContractRoutesTest.class.getClassLoader());
                    if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not an application class we can load in isolation; cannot be a resource
                }
            }
        }
        return resources;
    }
}
