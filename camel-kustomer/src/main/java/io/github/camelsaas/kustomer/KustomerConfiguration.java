package io.github.camelsaas.kustomer;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** Options of a kustomer: endpoint. The component holds one that every endpoint copies. */
@UriParams
@Configurer
public class KustomerConfiguration implements Cloneable {

    /** The Kustomer resource to address. */
    @UriPath(enums = "kobjects,customers,companies,conversations,messages,notes")
    @Metadata(required = true)
    private KustomerResource resource;

    /** The operation to perform; the header CamelKustomerOperation overrides it per message. */
    @UriParam(defaultValue = "create",
              enums = "create,update,upsert,get,getByExternalId,getByEmail,delete,list")
    private String operation = "create";

    /** The KObject klass name (required for the kobjects resource). */
    @UriParam
    private String klass;

    /** The Kustomer API key, sent as a bearer token. */
    @UriParam(label = "security", secret = true)
    private String apiKey;

    /** The Kustomer region: us (api.kustomerapp.com) or eu (api.prod2.kustomerapp.com). */
    @UriParam(defaultValue = "us", enums = "us,eu")
    private String region = "us";

    /** The API base URL; overrides region, e.g. for a proxy or the simulator. */
    @UriParam(label = "advanced")
    private String baseUrl;

    public KustomerConfiguration copy() {
        try {
            return (KustomerConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public KustomerResource getResource() {
        return resource;
    }

    public void setResource(KustomerResource resource) {
        this.resource = resource;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getKlass() {
        return klass;
    }

    public void setKlass(String klass) {
        this.klass = klass;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }
}
