package de.stadtlabore.common.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The application's REST routes (method and path template), read from the resource classes.
 * It answers which methods a path allows, for the {@code Allow} header of a 405.
 */
@Singleton
public class RouteIndex {

    /** One operation: an HTTP method on a path template such as {@code /labs/{slug}}. */
    public record Route(String method, String template) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*([^{}]+))?}");

    @Inject
    BeanManager beanManager;

    private volatile List<Route> routes;
    private volatile Map<String, List<Map.Entry<Route, Pattern>>> patterns;

    /** An index of these routes, outside CDI (tests). */
    public static RouteIndex of(List<Route> routes) {
        RouteIndex index = new RouteIndex();
        index.routes = List.copyOf(routes);
        return index;
    }

    public List<Route> routes() {
        List<Route> result = routes;
        if (result == null) {
            List<Class<?>> resources = new ArrayList<>();
            for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                    resources.add(bean.getBeanClass());
                }
            }
            result = routesOf(resources);
            routes = result;
        }
        return result;
    }

    /**
     * The operation a request goes to, as method and template ({@code GET /labs/{slug}}), or
     * null when no route matches; the most specific route wins. For logs
     * and metrics: it names the operation without any value from the path.
     */
    public String operation(String method, String path) {
        Map<String, List<Map.Entry<Route, Pattern>>> compiled = compiled();
        String wanted = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        for (Map.Entry<Route, Pattern> entry : compiled.getOrDefault(key(wanted, path), List.of())) {
            if (entry.getValue().matcher(path).matches()) {
                return entry.getKey().method() + " " + entry.getKey().template();
            }
        }
        return null;
    }

    private static long variables(String template) {
        return VARIABLE.matcher(template).results().count();
    }

    private static int literalLength(String template) {
        return VARIABLE.matcher(template).replaceAll("").length();
    }

    /**
     * Each route with its path pattern, by method and first path segment, most specific first
     * (fewest variables, then most literal text: /events/{id}.ics before /events/{id}): a request
     * tries the few routes that can match, not all of them. Compiled once.
     */
    private Map<String, List<Map.Entry<Route, Pattern>>> compiled() {
        Map<String, List<Map.Entry<Route, Pattern>>> compiled = patterns;
        if (compiled == null) {
            compiled = routes().stream()
                    .map(route -> Map.entry(route, toRegex(route.template())))
                    .sorted(Comparator.<Map.Entry<Route, Pattern>>comparingLong(entry -> variables(entry.getKey().template()))
                            .thenComparing(entry -> -literalLength(entry.getKey().template())))
                    .collect(java.util.stream.Collectors.groupingBy(entry -> key(entry.getKey().method(), entry.getKey().template()),
                            java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
            patterns = compiled;
        }
        return compiled;
    }

    /** {@code GET /labs} for {@code /labs/x/y}: the method and the first segment of a path. */
    private static String key(String method, String path) {
        int end = path.indexOf('/', 1);
        return method + " " + (end < 0 ? path : path.substring(0, end));
    }

    /** The methods allowed on a concrete request path, e.g. {@code [GET, HEAD, POST]}. */
    public Set<String> allowedMethods(String path) {
        Set<String> methods = new TreeSet<>();
        for (List<Map.Entry<Route, Pattern>> group : compiled().values()) {
            for (Map.Entry<Route, Pattern> entry : group) {
                if (entry.getValue().matcher(path).matches()) {
                    methods.add(entry.getKey().method());
                    if (entry.getKey().method().equals(HttpMethod.GET)) {
                        methods.add(HttpMethod.HEAD);
                    }
                }
            }
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    /** All routes declared by the given JAX-RS resource classes. */
    public static List<Route> routesOf(Iterable<Class<?>> resourceClasses) {
        List<Route> result = new ArrayList<>();
        for (Class<?> type : resourceClasses) {
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod != null) {
                    Path sub = method.getAnnotation(Path.class);
                    result.add(new Route(httpMethod, join(base, sub == null ? "" : sub.value())));
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        path = VARIABLE.matcher(path).replaceAll(m -> Matcher.quoteReplacement("{" + m.group(1) + "}"));
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Pattern toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("[^/]+");
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
