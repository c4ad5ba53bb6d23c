package io.github.camelsaas.simulator.kustomer;

import java.util.Set;

/**
 * What an endpoint needs from an API key's roles. Kustomer accepts either a legacy role ({@code org.user.kobject.write})
 * or a permission-set role ({@code org.permission.kobject.create}); KObject endpoints also accept per-klass permission
 * sets ({@code org.permission.kobject.kobject_order.create} or the {@code kobject_*} wildcard). {@code org.admin}
 * grants everything here (a simplification: in Kustomer it is listed only on some endpoints).
 */
record Permission(String resource, Action action) {

    enum Action {
        READ("read", "read"), CREATE("create", "write"), UPDATE("update", "write"), DELETE("delete", "delete");

        private final String permissionSetName;
        private final String legacyName;

        Action(String permissionSetName, String legacyName) {
            this.permissionSetName = permissionSetName;
            this.legacyName = legacyName;
        }
    }

    static Permission read(String resource) {
        return new Permission(resource, Action.READ);
    }

    static Permission create(String resource) {
        return new Permission(resource, Action.CREATE);
    }

    static Permission update(String resource) {
        return new Permission(resource, Action.UPDATE);
    }

    static Permission delete(String resource) {
        return new Permission(resource, Action.DELETE);
    }

    /** Whether these roles allow the call; {@code klass} is the KObject klass name of the call, or null. */
    boolean grantedBy(Set<String> roles, String klass) {
        if (roles.contains("org.admin")
                || roles.contains("org.user." + resource + "." + action.legacyName)
                || roles.contains("org.permission." + resource + "." + action.permissionSetName)) {
            return true;
        }
        return "kobject".equals(resource)
                && (roles.contains("org.permission.kobject.kobject_*." + action.permissionSetName)
                        || klass != null && roles.contains("org.permission.kobject.kobject_" + klass + "."
                                + action.permissionSetName));
    }

    @Override
    public String toString() {
        return "org.user." + resource + "." + action.legacyName + " or org.permission." + resource + "."
                + action.permissionSetName;
    }
}
