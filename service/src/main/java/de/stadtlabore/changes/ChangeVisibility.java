package de.stadtlabore.changes;

import java.util.stream.Collectors;

import de.stadtlabore.access.AccessPolicy;

/**
 * The access policy's {@link AccessPolicy.ChangeView} as an SQL condition on {@code change_event}
 * rows, for the change feed and the webhook fan-out alike: public changes; the network's and the
 * municipality's own changes of the capabilities the view is a member for; everything for
 * network administrators.
 */
public final class ChangeVisibility {

    private ChangeVisibility() {
    }

    /**
     * @param alias        the alias of the {@code change_event} rows
     * @param municipality the viewer's municipality as an SQL expression (a parameter, or a
     *                     column of the endpoint); the capabilities are constants, never input
     */
    public static String sql(AccessPolicy.ChangeView view, String alias, String municipality) {
        if (view.everything()) {
            return "true";
        }
        String capabilities = view.capabilities().stream()
                .map(scope -> "'" + scope.toString().substring(0, scope.toString().indexOf(':')) + "'")
                .sorted().collect(Collectors.joining(", "));
        String member = capabilities.isEmpty() ? "false"
                : alias + ".capability in (" + capabilities + ") and (" + alias + ".reach = 'network' or "
                        + municipality + " = any(" + alias + ".municipalities))";
        return "(" + alias + ".reach = 'public' or (" + member + "))";
    }
}
