package io.github.camelsaas.zuora.objects;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** Options of a zuora-objects: endpoint. The component holds one that every endpoint copies. */
@UriParams
@Configurer
public class ZuoraObjectsConfiguration implements Cloneable {

    /** The custom object's API name (case-sensitive), e.g. Order or vehicle. */
    @UriPath
    @Metadata(required = true)
    private String object;

    /** The operation to perform; the header CamelZuoraObjectsOperation overrides it per message. */
    @UriParam(defaultValue = "create",
              enums = "create,get,query,update,patch,delete,batchUpdate,batchDelete,describe")
    private String operation = "create";

    /** The Zuora environment whose REST endpoint to call. */
    @UriParam(defaultValue = "US_PRODUCTION")
    private ZuoraEnvironment environment = ZuoraEnvironment.US_PRODUCTION;

    /** The API base URL; overrides environment, e.g. for a Production Copy, a proxy or the simulator. */
    @UriParam(label = "advanced")
    private String baseUrl;

    /** The OAuth client id. */
    @UriParam(label = "security", secret = true)
    private String clientId;

    /** The OAuth client secret. */
    @UriParam(label = "security", secret = true)
    private String clientSecret;

    /** A fixed bearer token to use instead of OAuth client credentials. */
    @UriParam(label = "security", secret = true)
    private String accessToken;

    public ZuoraObjectsConfiguration copy() {
        try {
            return (ZuoraObjectsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public ZuoraEnvironment getEnvironment() {
        return environment;
    }

    public void setEnvironment(ZuoraEnvironment environment) {
        this.environment = environment;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }
}
