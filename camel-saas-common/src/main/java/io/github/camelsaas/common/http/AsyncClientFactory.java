package io.github.camelsaas.common.http;

import java.io.IOException;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** Builds the Apache HttpClient 5 async client behind an {@link HttpTransport}. */
final class AsyncClientFactory {

    /** A pooled connection idle this long is checked before reuse, so a server-closed one is not handed out. */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);
    private static final TimeValue EVICT_IDLE_AFTER = TimeValue.ofMinutes(1);

    private AsyncClientFactory() {
    }

    /** The connection pool of a client; the client closes it when it is closed itself. */
    static PoolingAsyncClientConnectionManager pool(HttpTransportOptions options) {
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(options.maxConnectionsTotal())
                .setMaxConnPerRoute(options.maxConnectionsPerRoute())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(options.connectTimeout()))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build())
                // HTTP/1.1 only: with HTTP/2 one connection would multiplex everything, so the pool limits would
                // no longer bound concurrent requests, and a stream reset would look different from a socket reset.
                // It also keeps credentials out of the header log: HTTP/2 logs header copies, not our MaskedHeaders
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build());
        if (options.sslContextParameters().isPresent()) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext(options)).buildAsync());
        }
        return pool.build();
    }

    static CloseableHttpAsyncClient create(HttpTransportOptions options, PoolingAsyncClientConnectionManager pool) {
        HttpAsyncClientBuilder client = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(options.responseTimeout()))
                        .build())
                .setUserAgent(options.userAgent())
                // whether a request is sent again is the retry policy's decision, per operation: the client must
                // never replay a create behind its back
                .disableAutomaticRetries()
                // the vendors' APIs do not redirect; following one could carry a credential to another host
                .disableRedirectHandling()
                // stateless APIs; a cookie jar could leak one tenant's session into another's requests
                .disableCookieManagement()
                .evictIdleConnections(EVICT_IDLE_AFTER)
                // no wire logging: the client's default session decorator dumps every byte to
                // org.apache.hc.client5.http.wire at DEBUG, bearer tokens and client secrets included, cut into
                // 16-byte lines no redaction can recognise. HttpTransport's own TRACE lines show the headers
                // (credentials masked) and the bodies instead
                .setIoSessionDecorator(AsyncClientFactory::undecorated);
        // response decompression stays on (the default): the client inflates gzip and deflate bodies itself
        options.proxy().ifPresent(proxy -> client.setProxy(new HttpHost(proxy.scheme(), proxy.host(), proxy.port())));
        return client.build();
    }

    private static IOSession undecorated(IOSession session) {
        return session;
    }

    private static SSLContext sslContext(HttpTransportOptions options) {
        try {
            return options.sslContextParameters().orElseThrow()
                    .createSSLContext(options.camelContext().orElseThrow());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot create the SSLContext from sslContextParameters: "
                    + e.getMessage(), e);
        }
    }
}
