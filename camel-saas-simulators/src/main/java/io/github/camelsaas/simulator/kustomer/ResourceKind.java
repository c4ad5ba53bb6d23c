package io.github.camelsaas.simulator.kustomer;

/** The kinds of records the Kustomer simulator stores. */
public enum ResourceKind {
    /** A custom object of some klass; its JSON:API type is {@code kobject.<klass>}. */
    KOBJECT("kobject", 0),
    // Kustomer's own examples show a new customer and a new conversation at rev 1, a new KObject at rev 0
    CUSTOMER("customer", 1),
    COMPANY("company", 0),
    CONVERSATION("conversation", 1),
    MESSAGE("message", 0),
    NOTE("note", 0);

    private final String typeName;
    private final int initialRev;

    ResourceKind(String typeName, int initialRev) {
        this.typeName = typeName;
        this.initialRev = initialRev;
    }

    /** The JSON:API {@code type} (for KObjects the prefix before the klass name). */
    public String typeName() {
        return typeName;
    }

    /** The {@code rev} a new record starts at; every update adds one. */
    public int initialRev() {
        return initialRev;
    }
}
