package de.stadtlabore.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.Test;

import io.quarkus.security.Authenticated;

/**
 * Deny by default: every resource method says who may call it. An unannotated one would be
 * refused at run time anyway (deny-unannotated-endpoints); this test makes the omission a
 * build failure rather than a surprise for a frontend.
 */
class SecurityAnnotationsTest {

    private static final Set<Class<? extends Annotation>> DECLARATIONS = Set.of(PermitAll.class, RolesAllowed.class,
            Authenticated.class, DenyAll.class);

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : ContractRoutesTest.resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (isResourceMethod(method) && DECLARATIONS.stream().noneMatch(method::isAnnotationPresent)) {
                    undeclared.add(resource.getSimpleName() + "#" + method.getName());
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}
