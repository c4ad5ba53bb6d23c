package io.github.camelsaas.common.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SharedAccountsTest {

    record Limits(int requestsPerMinute) {
    }

    static final class Account implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private final SharedAccounts<String, Limits, Account> accounts = new SharedAccounts<>("Kustomer org",
            "set them on the component");

    @Test
    void endpointsOfOneAccountShareWhatTheFirstMade() {
        AtomicInteger made = new AtomicInteger();

        Account first = accounts.get("org-a", "org-a", new Limits(300), "kustomer:kobjects", () -> {
            made.incrementAndGet();
            return new Account();
        });
        Account second = accounts.get("org-a", "org-a", new Limits(300), "kustomer:customers", Account::new);
        Account other = accounts.get("org-b", "org-b", new Limits(500), "kustomer:customers", Account::new);

        assertThat(second).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(made).hasValue(1);
        assertThat(accounts.accounts()).containsExactly(first, other);
    }

    @Test
    void anEndpointAskingForOtherSettingsIsRefusedNamingBoth() {
        accounts.get("org-a", "org-a", new Limits(300), "kustomer:kobjects", Account::new);

        assertThatThrownBy(() -> accounts.get("org-a", "org-a", new Limits(500), "kustomer:customers", Account::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kustomer:customers asks for Limits[requestsPerMinute=500]")
                .hasMessageContaining("already runs it with Limits[requestsPerMinute=300]")
                .hasMessageContaining("set them on the component");
    }

    @Test
    void closingClosesEveryAccountAndForgetsThem() {
        Account account = accounts.get("org-a", "org-a", new Limits(300), "kustomer:kobjects", Account::new);

        accounts.close();

        assertThat(account.closed).isTrue();
        assertThat(accounts.accounts()).isEmpty();
        assertThat(accounts.get("org-a", "org-a", new Limits(500), "kustomer:kobjects", Account::new))
                .isNotSameAs(account);
    }
}
