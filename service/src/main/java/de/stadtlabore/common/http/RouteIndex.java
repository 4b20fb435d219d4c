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
    private volatile List<Map.Entry<Route, Pattern>> patterns;

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
     * null when no route matches; the most specific route (fewest variables) wins. For logs
     * and metrics: it names the operation without any value from the path.
     */
    public String operation(String method, String path) {
        List<Map.Entry<Route, Pattern>> compiled = patterns;
        if (compiled == null) {
            compiled = routes().stream().map(route -> Map.entry(route, toRegex(route.template())))
                    .sorted(Comparator.comparingLong(entry -> entry.getKey().template().chars().filter(c -> c == '{').count()))
                    .toList();
            patterns = compiled;
        }
        String wanted = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        for (Map.Entry<Route, Pattern> entry : compiled) {
            if (entry.getKey().method().equals(wanted) && entry.getValue().matcher(path).matches()) {
                return entry.getKey().method() + " " + entry.getKey().template();
            }
        }
        return null;
    }

    /** The methods allowed on a concrete request path, e.g. {@code [GET, HEAD, POST]}. */
    public Set<String> allowedMethods(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (toRegex(route.template()).matcher(path).matches()) {
                methods.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
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
