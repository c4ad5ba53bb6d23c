package io.github.camelsaas.common.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a component's endpoints share per vendor account (a Kustomer org, a Zuora tenant): its limits, its token.
 * The vendor counts its limits per account, whoever calls, so they must not be per endpoint. The first endpoint
 * of an account makes it; an endpoint that asks for other settings than the ones the account runs with fails to
 * start (whichever starts first, the outcome is the same), rather than being throttled by numbers it did not ask
 * for.
 *
 * @param <K> what names an account (base URL, and credentials where they make the account)
 * @param <S> the settings that must agree (a record, compared with equals; its toString names them)
 * @param <A> what the account's endpoints share, closed with the registry
 */
public final class SharedAccounts<K, S, A extends AutoCloseable> implements AutoCloseable {

    private record Entry<S, A>(S settings, A account) {
    }

    private final String kind;
    private final String advice;
    private final Map<K, Entry<S, A>> accounts = new LinkedHashMap<>();

    /**
     * @param kind   what an account is, e.g. "Zuora tenant"
     * @param advice how to give every endpoint of an account the same settings, e.g. "set them on the component"
     */
    public SharedAccounts(String kind, String advice) {
        this.kind = kind;
        this.advice = advice;
    }

    /**
     * The account {@code key} names, made with {@code create} on first use.
     *
     * @param label    how the account is named in an error (never a credential)
     * @param endpoint how the asking endpoint is named in an error
     * @throws IllegalArgumentException when the account runs with other settings
     */
    public synchronized A get(K key, String label, S settings, String endpoint, Supplier<A> create) {
        Entry<S, A> entry = accounts.get(key);
        if (entry == null) {
            entry = new Entry<>(settings, create.get());
            accounts.put(key, entry);
        } else if (!entry.settings().equals(settings)) {
            throw new IllegalArgumentException(endpoint + " asks for " + settings + " but another endpoint of the "
                    + kind + " " + label + " already runs it with " + entry.settings() + ". A " + kind + " has one "
                    + "set of these options: " + advice + ".");
        }
        return entry.account();
    }

    /** The accounts in use, in the order they were made. */
    public synchronized List<A> accounts() {
        List<A> all = new ArrayList<>();
        accounts.values().forEach(entry -> all.add(entry.account()));
        return all;
    }

    /** Closes every account (calls waiting on it fail with a StoppedException) and forgets them. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Entry<S, A> entry : accounts.values()) {
            try {
                entry.account().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            }
        }
        accounts.clear();
        if (first != null) {
            throw first;
        }
    }
}
