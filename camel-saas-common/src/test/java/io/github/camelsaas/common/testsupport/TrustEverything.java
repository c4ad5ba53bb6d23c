package io.github.camelsaas.common.testsupport;

import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** Test only: accepts any server certificate, such as WireMock's self-signed one. */
public final class TrustEverything implements X509TrustManager {

    /** Camel TLS settings that trust every server. */
    public static SSLContextParameters sslContextParameters() {
        SSLContextParameters tls = new SSLContextParameters();
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(new TrustEverything());
        tls.setTrustManagers(trust);
        return tls;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
